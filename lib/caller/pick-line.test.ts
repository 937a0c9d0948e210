import { describe, expect, it } from "vitest";
import { type LineDraw, pickLine } from "@/lib/caller/pick-line";
import { nextRandom, seedRandom } from "@/lib/caller/prng";

describe("prng", () => {
  it("is a pure function of its state", () => {
    expect(nextRandom(seedRandom(1))).toEqual(nextRandom(seedRandom(1)));
    expect(nextRandom(seedRandom(1)).value).not.toBe(nextRandom(seedRandom(2)).value);
  });

  it("draws in [0, 1)", () => {
    let state = seedRandom(123);
    for (let i = 0; i < 1000; i++) {
      const draw = nextRandom(state);
      expect(draw.value).toBeGreaterThanOrEqual(0);
      expect(draw.value).toBeLessThan(1);
      state = draw.state;
    }
  });
});

describe("pickLine", () => {
  it("returns the only line without drawing", () => {
    const draw = { rng: 5, lastVariant: {} };
    const picked = pickLine(["a"], "k", draw);
    expect(picked.text).toBe("a");
    expect(picked.draw.rng).toBe(5);
  });

  it("says no line twice word for word while another variant is left", () => {
    let draw: LineDraw = { rng: seedRandom(3), lastVariant: {}, said: [] };
    const said: string[] = [];
    for (let i = 0; i < 3; i++) {
      const picked = pickLine(["a", "b", "c"], "k", draw);
      said.push(picked.text);
      draw = picked.draw;
    }
    expect([...said].sort()).toEqual(["a", "b", "c"]);
    // Another list sharing a line does not say it again either.
    expect(pickLine(["a", "d"], "other", draw).text).toBe("d");
  });

  it("never repeats the previous variant of the same list", () => {
    let draw = { rng: seedRandom(9), lastVariant: {} as Record<string, number> };
    let previous = "";
    for (let i = 0; i < 50; i++) {
      const picked = pickLine(["a", "b", "c"], "k", draw);
      expect(picked.text).not.toBe(previous);
      previous = picked.text;
      draw = picked.draw;
    }
  });
});

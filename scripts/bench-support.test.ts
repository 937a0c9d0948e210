import { describe, expect, it } from "vitest";
import { describeWindows, percentile } from "./bench-support";

describe("describeWindows", () => {
  it("cuts counted requests into 10 s windows by when they were sent, with count, p50 and p95", () => {
    const from = 1_000_000;
    const timings = [
      ...Array.from({ length: 20 }, (_, i) => ({ at: from + i * 100, ms: i + 1 })), // 0–2 s: 1…20 ms
      { at: from + 25_000, ms: 300 }, // the third window only
      { at: from - 1, ms: 999 }, // warm-up: not counted
      { at: from + 30_000, ms: 999 }, // after the counted 30 s: not counted
    ];
    expect(describeWindows(timings, from, 30)).toEqual([
      "  0–10 s count    20, p50 10.0, p95 19.0",
      " 10–20 s count 0",
      " 20–30 s count     1, p50 300.0, p95 300.0",
    ]);
  });

  it("gives each window the highest 1-minute load average sampled in it", () => {
    const timings = [{ at: 1_000, ms: 4 }];
    const loads = [
      { at: 500, load: 1.5 },
      { at: 9_000, load: 2.25 },
      { at: 12_000, load: 0.5 },
      { at: 25_000, load: 9 }, // after the counted 20 s
    ];
    expect(describeWindows(timings, 0, 20, 10, loads)).toEqual([
      "  0–10 s count     1, p50 4.0, p95 4.0, load 2.25",
      " 10–20 s count 0, load 0.50",
    ]);
  });

  it("ends the last window at the counted length when it is not a multiple of 10 s", () => {
    expect(describeWindows([{ at: 5, ms: 2 }], 0, 15)).toEqual([
      "  0–10 s count     1, p50 2.0, p95 2.0",
      " 10–15 s count 0",
    ]);
  });
});

describe("percentile", () => {
  it("takes the nearest rank", () => {
    expect(percentile([3, 1, 2, 4], 50)).toBe(2);
    expect(percentile([3, 1, 2, 4], 95)).toBe(4);
    expect(percentile([], 50)).toBeNaN();
  });
});

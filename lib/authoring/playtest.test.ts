import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { runPlaytest } from "./playtest";
import { starterScenarioYaml } from "./starter-template";

const yaml = starterScenarioYaml("team-playtest");

describe("the stateless playtest", () => {
  it("opens with the start node and answers a good reply by moving on and calming the caller", () => {
    const opening = runPlaytest({ yaml, transcript: [] });
    expect(opening).toMatchObject({ nodeId: "opening", analysis: null, ended: null });
    expect(opening.lines[0]?.text).toMatch(/届かない|来ない/);
    expect(opening.moodVariables.map((v) => v.id)).toEqual(["anger", "trust"]);

    // The opening line is one of two variants (the seed is random): parrot whichever was said.
    const reply = opening.lines[0]?.text.includes("届かない")
      ? "さようでございますか、ご注文の商品がまだ届いていないのですね。ご心配をおかけして申し訳ございません。"
      : "さようでございますか、一週間前にご注文の商品がまだ来ないのですね。ご心配をおかけして申し訳ございません。";
    const next = runPlaytest({
      yaml,
      state: opening.state,
      transcript: opening.lines.map((line) => ({ role: "caller" as const, text: line.text })),
      reply,
    });
    expect(next.nodeId).toBe("calmer");
    expect(next.analysis).toMatchObject({ parroting: true, interruption: false });
    expect(next.analysis?.modelReply).toContain("さようでございますか");
    expect(next.mood.anger).toBeLessThan(opening.mood.anger!);
    expect(next.goals.find((g) => g.id === "empathy")?.reached).toBe(true);
  });

  it("refuses a broken scenario with located issues, and a state from another scenario", () => {
    const broken = yaml.replace("start: opening", "start: nowhere");
    const error = (() => {
      try {
        runPlaytest({ yaml: broken, transcript: [] });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details).toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: "start" })]),
    });
    const { state } = runPlaytest({ yaml, transcript: [] });
    const other = starterScenarioYaml("team-other");
    expect(() => runPlaytest({ yaml: other, state, transcript: [], reply: "はい" })).toThrow(/やり直して/);
  });
});

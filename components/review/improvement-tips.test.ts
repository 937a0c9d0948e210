import { describe, expect, it } from "vitest";
import { pickImprovementTips } from "./improvement-tips";

const steps = (
  backchannel: number,
  parroting: number,
  summarizing: number,
  question: number,
  notInterrupting: number,
) => ({
  steps: { backchannel, parroting, summarizing, question, notInterrupting },
});

describe("pickImprovementTips", () => {
  it("picks the three weakest steps, weakest first, when the third is still weak", () => {
    const tips = pickImprovementTips(steps(90, 20, 40, 70, 100));
    expect(tips.map((t) => [t.step, t.score])).toEqual([
      ["parroting", 20],
      ["summarizing", 40],
      ["question", 70],
    ]);
    expect(tips.map((t) => t.label)).toEqual(["オウム返し", "要約", "質問"]);
  });

  it("stops at two when the third weakest is already good", () => {
    expect(pickImprovementTips(steps(95, 50, 60, 85, 100)).map((t) => t.step)).toEqual([
      "parroting",
      "summarizing",
    ]);
  });

  it("breaks ties in rubric order", () => {
    expect(pickImprovementTips(steps(50, 50, 50, 50, 50)).map((t) => t.step)).toEqual([
      "backchannel",
      "parroting",
      "summarizing",
    ]);
  });

  it("gives each step one concrete Japanese tip", () => {
    for (const tip of pickImprovementTips(steps(0, 0, 0, 0, 0))) {
      expect(tip.tip).toMatch(/[ぁ-んァ-ン]/);
      expect(tip.tip.length).toBeGreaterThan(20);
    }
  });
});

import { describe, expect, it } from "vitest";
import type { ContestCategoryId } from "./categories";
import { agreementOf, finalContestScore, type JudgeSheet, sheetTotal } from "./final-score";

const sheet = (judgeId: string, marks: number[]): JudgeSheet => {
  const [firstImpression, basicSkills, communication, information, closing, overall] = marks as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const byId: Record<ContestCategoryId, number> = {
    firstImpression,
    basicSkills,
    communication,
    information,
    closing,
    overall,
  };
  return { judgeId, marks: byId };
};

describe("finalContestScore", () => {
  it("is nothing without a sheet", () => {
    expect(finalContestScore([])).toBeNull();
  });

  it("averages every sheet with fewer than five judges", () => {
    const result = finalContestScore([sheet("a", [5, 5, 5, 5, 5, 5]), sheet("b", [3, 3, 3, 3, 3, 3])]);
    expect(result).toMatchObject({ rule: "mean", judges: 2, score: 80, dropped: null });
    expect(result?.categories[0]).toEqual({ id: "firstImpression", mark: 4, min: 3, max: 5 });
  });

  it.each([
    { judges: 1, expected: 100 },
    { judges: 3, expected: (100 + 60 + 20) / 3 },
    { judges: 4, expected: (100 + 60 + 20 + 80) / 4 },
  ])("uses the plain mean with $judges judges", ({ judges, expected }) => {
    const marks = [5, 3, 1, 4];
    const sheets = marks.slice(0, judges).map((m, i) => sheet(`j${i}`, [m, m, m, m, m, m]));
    expect(finalContestScore(sheets)?.score).toBeCloseTo(expected, 1);
    expect(finalContestScore(sheets)?.rule).toBe("mean");
  });

  it("drops the highest and the lowest sheet with five judges or more", () => {
    const sheets = [
      sheet("generous", [5, 5, 5, 5, 5, 5]), // 100
      sheet("a", [4, 4, 4, 4, 4, 4]), // 80
      sheet("b", [4, 3, 4, 3, 4, 3]), // 70
      sheet("c", [3, 3, 3, 3, 3, 3]), // 60
      sheet("harsh", [1, 1, 1, 1, 1, 1]), // 20
    ];
    const result = finalContestScore(sheets);
    expect(result).toMatchObject({
      rule: "trimmed",
      judges: 5,
      score: 70,
      dropped: { highest: "generous", lowest: "harsh" },
    });
    // Category marks from the three sheets that count; the range from all five.
    expect(result?.categories[1]).toEqual({ id: "basicSkills", mark: 3.3, min: 1, max: 5 });
  });

  it("drops one sheet each way when several tie", () => {
    const sheets = ["a", "b", "c", "d", "e", "f"].map((id) => sheet(id, [4, 4, 4, 4, 4, 4]));
    const result = finalContestScore(sheets);
    expect(result?.score).toBe(80);
    expect(result?.dropped).toEqual({ highest: "f", lowest: "a" });
  });

  it("scales a sheet to 100", () => {
    expect(sheetTotal(sheet("a", [5, 4, 4, 3, 5, 4]))).toBe(83.3);
  });
});

describe("agreementOf", () => {
  it.each([
    [0, "agree"],
    [0.4, "agree"],
    [1, "close"],
    [-1, "close"],
    [1.5, "apart"],
    [3, "apart"],
  ] as const)("a gap of %d is %s", (gap, agreement) => {
    expect(agreementOf(gap)).toBe(agreement);
  });
});

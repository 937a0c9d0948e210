import { describe, expect, it } from "vitest";
import type { Scorecard } from "@/lib/calls/scorecard";
import { summarizeMembers, weakestStep, weeklyStepTrend, weekStartJst } from "./summarize";

function card(overall: number, steps: Partial<Scorecard["steps"]> = {}): Scorecard {
  return {
    version: 1,
    overall,
    steps: { backchannel: 80, parroting: 60, summarizing: 40, question: 70, notInterrupting: 100, ...steps },
    empathy: 50,
    cushion: 50,
    limitedApology: 50,
    explanations: {},
    counts: {},
    goals: [],
    contest: null,
    moodTimeline: [],
    endReason: "resolved",
  };
}

describe("summarizeMembers", () => {
  it("averages each member's scored attempts, names the weakest step and the last practice", () => {
    const monday = new Date("2026-11-16T01:00:00Z");
    const tuesday = new Date("2026-11-17T01:00:00Z");
    const summaries = summarizeMembers(
      ["a", "b", "c"],
      [
        { userId: "a", startedAt: monday, scorecard: card(60, { summarizing: 20 }) },
        { userId: "a", startedAt: tuesday, scorecard: card(80, { summarizing: 60 }) },
        { userId: "a", startedAt: tuesday, scorecard: null },
        { userId: "b", startedAt: monday, scorecard: card(50, { question: 10 }) },
      ],
    );
    expect(summaries.get("a")).toMatchObject({
      attempts: 3,
      averageOverall: 70,
      weakestStep: "summarizing",
      lastPracticeAt: tuesday,
    });
    expect(summaries.get("a")!.steps!.summarizing).toBe(40);
    expect(summaries.get("b")).toMatchObject({ attempts: 1, weakestStep: "question" });
    expect(summaries.get("c")).toEqual({
      userId: "c",
      attempts: 0,
      averageOverall: null,
      steps: null,
      weakestStep: null,
      lastPracticeAt: null,
    });
  });

  it("breaks ties for the weakest step in rubric order", () => {
    expect(
      weakestStep({ backchannel: 50, parroting: 50, summarizing: 90, question: 90, notInterrupting: 90 }),
    ).toBe("backchannel");
  });
});

describe("weeklyStepTrend", () => {
  it("starts weeks on Monday in Japan time", () => {
    // Sunday 2026-11-22 23:30 JST is still the week of Monday 11-16; Monday 00:30 JST starts the next.
    expect(weekStartJst(new Date("2026-11-22T14:30:00Z"))).toBe("2026-11-16");
    expect(weekStartJst(new Date("2026-11-22T15:30:00Z"))).toBe("2026-11-23");
  });

  it("averages each step per week, oldest first, skipping unscored attempts", () => {
    const points = weeklyStepTrend([
      { userId: "a", startedAt: new Date("2026-11-24T01:00:00Z"), scorecard: card(90, { parroting: 100 }) },
      { userId: "a", startedAt: new Date("2026-11-17T01:00:00Z"), scorecard: card(60, { parroting: 20 }) },
      { userId: "b", startedAt: new Date("2026-11-18T01:00:00Z"), scorecard: card(70, { parroting: 40 }) },
      { userId: "b", startedAt: new Date("2026-11-18T02:00:00Z"), scorecard: null },
    ]);
    expect(points.map((p) => [p.weekStart, p.attempts, p.steps.parroting])).toEqual([
      ["2026-11-16", 2, 30],
      ["2026-11-23", 1, 100],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { scoreContest } from "@/lib/caller/score-contest";
import { builtIn } from "@/lib/caller/test-transcripts";

const perfectSteps = {
  backchannel: 100,
  parroting: 100,
  summarizing: 100,
  question: 100,
  notInterrupting: 100,
  empathy: 100,
  cushion: 100,
};
const zeroSteps = {
  backchannel: 0,
  parroting: 0,
  summarizing: 0,
  question: 0,
  notInterrupting: 0,
  empathy: 0,
  cushion: 0,
};

// The category set a scenario may declare (the hotel contest's before kind contest had its own pre-score).
const contest = {
  goals: {
    greeting: {},
    askPurpose: {},
    askPartySize: {},
    askDate: {},
    askNeeds: {},
    proposePlan: {},
    readBack: {},
    properClosing: {},
  },
  contest: {
    categories: [
      {
        id: "firstImpression",
        label: "最初の印象",
        goals: ["greeting"],
        steps: ["backchannel" as const],
        includeEnding: false,
      },
      {
        id: "basicSkills",
        label: "基本応対スキル",
        goals: ["readBack"],
        steps: ["cushion" as const],
        includeEnding: false,
      },
      {
        id: "communication",
        label: "コミュニケーションスキル",
        goals: [],
        steps: ["parroting" as const, "question" as const, "empathy" as const, "notInterrupting" as const],
        includeEnding: false,
      },
      {
        id: "information",
        label: "情報・サービスの提供",
        goals: ["askPurpose", "askPartySize", "askDate", "askNeeds", "proposePlan"],
        steps: [],
        includeEnding: false,
      },
      {
        id: "lastImpression",
        label: "最後の印象",
        goals: ["properClosing"],
        steps: ["summarizing" as const],
        includeEnding: false,
      },
      {
        id: "overall",
        label: "全体評価",
        goals: ["greeting", "askNeeds", "proposePlan", "readBack", "properClosing"],
        steps: ["question" as const, "empathy" as const],
        includeEnding: true,
      },
    ],
  },
};

describe("scoreContest", () => {
  it("declares the six contest categories", () => {
    expect(
      scoreContest(contest, { goalsReached: [], steps: zeroSteps, ended: null }).map((c) => c.label),
    ).toEqual([
      "最初の印象",
      "基本応対スキル",
      "コミュニケーションスキル",
      "情報・サービスの提供",
      "最後の印象",
      "全体評価",
    ]);
  });

  it.each([
    {
      name: "everything reached",
      goals: Object.keys(contest.goals),
      steps: perfectSteps,
      ended: "resolved" as const,
      expected: [100, 100, 100, 100, 100, 100],
    },
    {
      name: "nothing reached",
      goals: [],
      steps: zeroSteps,
      ended: "time_out" as const,
      expected: [0, 0, 0, 0, 0, 0],
    },
    {
      name: "greeting only, half listening, no resolution",
      goals: ["greeting"],
      steps: { ...zeroSteps, backchannel: 50, question: 50 },
      ended: "time_out" as const,
      // first: mean(100, 50); communication: mean(0, 50, 0, 0); overall: mean(100,0,0,0,0, 50,0, 0)
      expected: [75, 0, 13, 0, 0, 19],
    },
  ])("$name", ({ goals, steps, ended, expected }) => {
    const scores = scoreContest(contest, { goalsReached: goals, steps, ended: { reason: ended } });
    expect(scores.map((s) => s.score)).toEqual(expected);
  });

  it("is empty for a scenario without contest categories", () => {
    expect(
      scoreContest(builtIn("angry-broken-bottle"), { goalsReached: [], steps: perfectSteps, ended: null }),
    ).toEqual([]);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { startCall } from "@/lib/caller/start-call";
import { neutralSignals } from "@/lib/rubric/labels";
import { scoreCall } from "@/lib/rubric/score-call";
import { loadScenario } from "@/lib/scenario/load-scenario";
import { buildScorecard, GOAL_WEIGHT } from "./build-scorecard";

const loaded = loadScenario(
  readFileSync("scenarios/angry-broken-bottle.yaml", "utf8"),
  "angry-broken-bottle.yaml",
);
if (!loaded.ok) throw new Error("the built-in scenario should load");
const scenario = loaded.scenario;
const goalIds = Object.keys(scenario.goals);
const reply = {
  ...neutralSignals({ backchannel: true, parroting: true, empathy: true, apology: "limited" }),
  register: { casual: false, repeatedToken: null },
  evidence: {},
  feedback: {},
  suggestion: "",
};
const turns = [
  { seq: 0, role: "caller" as const, kind: "line", analysis: null, mood: null },
  { seq: 1, role: "operator" as const, kind: "reply", analysis: reply, mood: { anger: 50, trust: 40 } },
];

describe("buildScorecard", () => {
  it.each([
    ["no goal reached", 0],
    ["every goal reached", goalIds.length],
  ])("weighs the goals into the overall score: %s", (_name, reachedCount) => {
    const { state } = startCall(scenario, { seed: 1 });
    const ended = {
      ...state,
      goalsReached: goalIds.slice(0, reachedCount),
      ended: { reason: "ended_by_trainee" as const },
    };
    const card = buildScorecard(scenario, ended, turns);
    const listening = scoreCall([reply], { callerTurns: 1 }).overall;
    const share = reachedCount / goalIds.length;
    expect(card.overall).toBe(Math.round(listening * (1 - GOAL_WEIGHT) + share * 100 * GOAL_WEIGHT));
    expect(card.goals.filter((g) => g.reached)).toHaveLength(reachedCount);
    expect(card.moodTimeline.map((p) => p.seq)).toEqual([-1, 1]);
    expect(card.explanations.overall).toContain(`${goalIds.length}件中${reachedCount}件`);
  });
});

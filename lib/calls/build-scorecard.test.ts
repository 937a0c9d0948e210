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

  it("⑤ follows the measured overlaps of a voice reply when it has them", () => {
    const { state } = startCall(scenario, { seed: 1 });
    const ended = { ...state, ended: { reason: "ended_by_trainee" as const } };
    const segment = (speaker: "caller" | "operator", startMs: number, endMs: number, text?: string) => ({
      speaker,
      startMs,
      endMs,
      ...(text ? { text } : {}),
    });
    const withTiming = (timing: unknown) => [turns[0]!, { ...turns[1]!, timing }];
    // Arrived "on time" by the text clock, but the audio shows it was said over the caller.
    const talkOver = {
      segments: [segment("caller", 0, 6000), segment("operator", 2000, 7000, "ですからそれは")],
      overlaps: [{ kind: "interruption", startMs: 2000, endMs: 6000, durationMs: 4000 }],
    };
    expect(buildScorecard(scenario, ended, withTiming(talkOver)).counts.interruptions).toBe(1);
    expect(buildScorecard(scenario, ended, withTiming(talkOver)).steps.notInterrupting).toBe(85);
    // Scored an interruption by arrival time, but the audio shows only a 相づち over the caller.
    const flagged = [turns[0]!, { ...turns[1]!, analysis: { ...reply, interruption: true } }];
    const backchannel = {
      segments: [segment("caller", 0, 6000), segment("operator", 2000, 2400, "はい")],
      overlaps: [{ kind: "backchannel", startMs: 2000, endMs: 2400, durationMs: 400, text: "はい" }],
    };
    expect(buildScorecard(scenario, ended, flagged).counts.interruptions).toBe(1);
    expect(
      buildScorecard(
        scenario,
        ended,
        flagged.map((t) => (t.role === "operator" ? { ...t, timing: backchannel } : t)),
      ).counts.interruptions,
    ).toBe(0);
    // Typed replies and unreadable timing keep the analyzer's judgement.
    expect(buildScorecard(scenario, ended, withTiming({ nonsense: true })).counts.interruptions).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { advanceCall } from "@/lib/caller/advance-call";
import type { CallState } from "@/lib/caller/call-state";
import { drawContestVariant } from "@/lib/caller/contest-variant";
import { startCall } from "@/lib/caller/start-call";
import { builtIn } from "@/lib/caller/test-transcripts";
import { analyzeReply } from "@/lib/rubric/analyze-reply";
import type { Turn } from "@/lib/rubric/labels";
import type { Scenario } from "@/lib/scenario/schema";
import { contestCategoryIds } from "./categories";
import { type CalibrationAttempt, calibrationScenarios, type Level } from "./fixtures/calibration-attempts";
import { type ContestPreScore, type PreScoreTurn, preScoreContest } from "./pre-score";

// Calibration of the machine pre-score against judges: each built-in contest scenario is played by a
// strong, an average and a weak contestant (lib/contest/fixtures/calibration-attempts.ts) through the
// real caller engine, every reply labelled by the real rubric analyzer, as the call service does.
// Wherever the judges mark one attempt above another, the pre-score must score it higher too.

/** Speech at about 7 characters a second, the pace the text screen assumes for typed replies. */
const speechMs = (text: string) => Math.round((text.length / 7) * 1000);

function playAttempt(scenario: Scenario, attempt: CalibrationAttempt, seed: number): ContestPreScore {
  const started = startCall(scenario, { seed });
  let state: CallState = started.state;
  const turns: PreScoreTurn[] = [];
  let clockMs = 0;
  const sayCaller = (lines: { text: string; kind: string }[]) => {
    for (const line of lines) {
      const atMs = clockMs + 500;
      clockMs = atMs + speechMs(line.text);
      turns.push({
        seq: turns.length,
        role: "caller",
        kind: line.kind,
        text: line.text,
        atMs,
        speechEndsAtMs: clockMs,
        labels: null,
      });
    }
  };
  sayCaller(started.lines);
  for (const reply of attempt.replies) {
    if (state.ended) break;
    const replyStartedMs = clockMs + 1000;
    const analysis = analyzeReply({
      context: contextOf(turns),
      reply,
      timing: { replyStartedMs, callerSpeechEndsMs: clockMs },
      kind: "inquiry",
    });
    const result = advanceCall(scenario, state, { reply, signals: analysis, elapsedMs: replyStartedMs });
    turns.push({
      seq: turns.length,
      role: "operator",
      kind: "reply",
      text: reply,
      atMs: replyStartedMs,
      speechEndsAtMs: null,
      labels: analysis,
    });
    clockMs = replyStartedMs + speechMs(reply);
    sayCaller(result.lines);
    state = result.state;
  }
  // A contestant who stops answering hangs up, as 通話を終了 does.
  const ended: CallState = state.ended ? state : { ...state, ended: { reason: "ended_by_trainee" } };
  return preScoreContest(scenario, ended, turns);
}

/** The analyzer's view of the call: consecutive caller lines read as one turn. */
function contextOf(turns: readonly PreScoreTurn[]): Turn[] {
  const context: Turn[] = [];
  for (const turn of turns) {
    const last = context.at(-1);
    if (turn.role === "caller" && last?.role === "caller") last.text += turn.text;
    else context.push({ role: turn.role, text: turn.text });
  }
  return context;
}

function seedFor(scenario: Scenario, variant: string): number {
  for (let seed = 1; seed < 10_000; seed++) if (drawContestVariant(scenario, seed) === variant) return seed;
  throw new Error(`no seed draws variant ${variant} of ${scenario.id}`);
}

const pairs: [Level, Level][] = [
  ["good", "average"],
  ["average", "poor"],
];

describe("the contest pre-score ranks realistic attempts as the judges do", () => {
  for (const fixture of calibrationScenarios) {
    it(`${fixture.scenarioId} (${fixture.variant})`, () => {
      const scenario = builtIn(fixture.scenarioId);
      const seed = seedFor(scenario, fixture.variant);
      const played = new Map(
        fixture.attempts.map((attempt) => [
          attempt.level,
          { attempt, pre: playAttempt(scenario, attempt, seed) },
        ]),
      );
      const misranked: string[] = [];
      for (const id of contestCategoryIds) {
        for (const [higher, lower] of pairs) {
          const a = played.get(higher);
          const b = played.get(lower);
          if (!a || !b || a.attempt.judges[id] <= b.attempt.judges[id]) continue;
          const scoreA = a.pre.categories.find((c) => c.id === id)?.score ?? Number.NaN;
          const scoreB = b.pre.categories.find((c) => c.id === id)?.score ?? Number.NaN;
          if (!(scoreA > scoreB))
            misranked.push(`${id}: ${higher} ${scoreA} is not above ${lower} ${scoreB}`);
        }
      }
      expect(misranked).toEqual([]);
      // The strong attempt stays inside the three minutes and reaches the end of the call.
      const good = played.get("good")?.pre;
      expect(good?.overtimeSec).toBe(0);
      expect(good?.closing).toBe(true);
    });
  }
});

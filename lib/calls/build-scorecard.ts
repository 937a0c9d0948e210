import { initialMood } from "@/lib/caller/apply-mood";
import type { CallState } from "@/lib/caller/call-state";
import { scenarioForState } from "@/lib/caller/contest-variant";
import { scoreContest } from "@/lib/caller/score-contest";
import { type PreScoreTurn, preScoreContest } from "@/lib/contest/pre-score";
import { type ScorableReply, scoreCall } from "@/lib/rubric/score-call";
import type { Scenario } from "@/lib/scenario/schema";
import { hasMeasuredInterruption, storedTimingSchema } from "@/lib/voice/turn-timing";
import { storedAnalysisSchema } from "./call-view";
import type { Scorecard } from "./scorecard";

/** Share of the overall score that comes from the scenario's goals (the rest is listening). */
export const GOAL_WEIGHT = 0.3;

interface TurnLike {
  seq: number;
  role: "caller" | "operator";
  kind: string;
  analysis: unknown;
  mood: unknown;
  /** Voice calls: the measured speech of the turn (lib/voice), absent or null for typed replies. */
  timing?: unknown;
  /** Contest calls: the words and timing the machine pre-score reads. */
  text?: string;
  atMs?: number;
  speechEndsAtMs?: number | null;
}

/** The end-of-call scorecard: rubric scores, goals, contest categories and the mood over the call. */
export function buildScorecard(base: Scenario, state: CallState, turns: readonly TurnLike[]): Scorecard {
  const scenario = scenarioForState(base, state);
  const analyses: ScorableReply[] = [];
  const preScoreTurns: PreScoreTurn[] = [];
  const moodTimeline: Scorecard["moodTimeline"] = [{ seq: -1, mood: initialMood(scenario.mood) }];
  for (const turn of turns) {
    if (turn.role !== "operator") continue;
    const parsed = storedAnalysisSchema.safeParse(turn.analysis);
    if (parsed.success) analyses.push(withMeasuredInterruption(parsed.data, turn.timing));
    if (turn.kind === "reply" && isMood(turn.mood)) moodTimeline.push({ seq: turn.seq, mood: turn.mood });
  }
  for (const turn of turns) {
    const parsed = turn.role === "operator" ? storedAnalysisSchema.safeParse(turn.analysis) : undefined;
    preScoreTurns.push({
      seq: turn.seq,
      role: turn.role,
      kind: turn.kind,
      text: turn.text ?? "",
      atMs: turn.atMs ?? 0,
      speechEndsAtMs: turn.speechEndsAtMs ?? null,
      labels: parsed?.success ? parsed.data : null,
    });
  }
  const preScore = scenario.kind === "contest" ? preScoreContest(base, state, preScoreTurns) : undefined;
  const callerTurns = turns.filter((t) => t.role === "caller").length;
  const card = scoreCall(analyses, { callerTurns });
  const goals = Object.entries(scenario.goals).map(([id, goal]) => ({
    id,
    label: goal.label,
    reached: state.goalsReached.includes(id),
  }));
  const reached = goals.filter((g) => g.reached).length;
  // Listening well for one reply and hanging up is not a good call: the call's goals count too.
  const goalShare = goals.length === 0 ? 1 : reached / goals.length;
  const overall = Math.round(card.overall * (1 - GOAL_WEIGHT) + goalShare * 100 * GOAL_WEIGHT);
  return {
    version: 1,
    overall,
    steps: card.steps,
    empathy: card.empathy,
    cushion: card.cushion,
    limitedApology: card.limitedApology,
    explanations: {
      ...card.explanations,
      overall: `${card.explanations.overall ?? ""}傾聴の点数（${card.overall}点）を${100 - GOAL_WEIGHT * 100}%、通話の目標の達成率（${goals.length}件中${reached}件）を${GOAL_WEIGHT * 100}%として総合点を出しています。`,
    },
    counts: card.counts,
    goals: Object.entries(scenario.goals).map(([id, goal]) => ({
      id,
      label: goal.label,
      reached: state.goalsReached.includes(id),
    })),
    contest: preScore
      ? preScore.categories.map((c) => ({ category: c.id, label: c.label, score: c.score }))
      : scenario.contest?.categories
        ? scoreContest(scenario, {
            goalsReached: state.goalsReached,
            steps: { ...card.steps, empathy: card.empathy, cushion: card.cushion },
            ended: state.ended,
          })
        : null,
    ...(preScore ? { contestPreScore: preScore } : {}),
    moodTimeline,
    endReason: state.ended?.reason ?? null,
  };
}

function isMood(value: unknown): value is Record<string, number> {
  return (
    typeof value === "object" && value !== null && Object.values(value).every((v) => typeof v === "number")
  );
}

/**
 * ⑤ 遮らない from the audio when it was measured: substantive speech over the caller's voice is an
 * interruption, a short 相づち never is, whatever the reply's arrival time suggested.
 */
function withMeasuredInterruption<T extends { interruption: boolean }>(analysis: T, timing: unknown): T {
  if (timing === null || timing === undefined) return analysis;
  const measured = storedTimingSchema.safeParse(timing);
  if (!measured.success) return analysis;
  return { ...analysis, interruption: hasMeasuredInterruption(measured.data) };
}

import { initialMood } from "@/lib/caller/apply-mood";
import type { CallState } from "@/lib/caller/call-state";
import { scoreContest } from "@/lib/caller/score-contest";
import { type ScorableReply, scoreCall } from "@/lib/rubric/score-call";
import type { Scenario } from "@/lib/scenario/schema";
import { storedAnalysisSchema } from "./call-view";
import type { Scorecard } from "./scorecard";

interface TurnLike {
  seq: number;
  role: "caller" | "operator";
  kind: string;
  analysis: unknown;
  mood: unknown;
}

/** The end-of-call scorecard: rubric scores, goals, contest categories and the mood over the call. */
export function buildScorecard(scenario: Scenario, state: CallState, turns: readonly TurnLike[]): Scorecard {
  const analyses: ScorableReply[] = [];
  const moodTimeline: Scorecard["moodTimeline"] = [{ seq: -1, mood: initialMood(scenario.mood) }];
  for (const turn of turns) {
    if (turn.role !== "operator") continue;
    const parsed = storedAnalysisSchema.safeParse(turn.analysis);
    if (parsed.success) analyses.push(parsed.data);
    if (turn.kind === "reply" && isMood(turn.mood)) moodTimeline.push({ seq: turn.seq, mood: turn.mood });
  }
  const callerTurns = turns.filter((t) => t.role === "caller").length;
  const card = scoreCall(analyses, { callerTurns });
  return {
    version: 1,
    overall: card.overall,
    steps: card.steps,
    empathy: card.empathy,
    cushion: card.cushion,
    limitedApology: card.limitedApology,
    explanations: card.explanations,
    counts: card.counts,
    goals: Object.entries(scenario.goals).map(([id, goal]) => ({
      id,
      label: goal.label,
      reached: state.goalsReached.includes(id),
    })),
    contest: scenario.contest
      ? scoreContest(scenario, {
          goalsReached: state.goalsReached,
          steps: { ...card.steps, empathy: card.empathy, cushion: card.cushion },
          ended: state.ended,
        })
      : null,
    moodTimeline,
    endReason: state.ended?.reason ?? null,
  };
}

function isMood(value: unknown): value is Record<string, number> {
  return (
    typeof value === "object" && value !== null && Object.values(value).every((v) => typeof v === "number")
  );
}

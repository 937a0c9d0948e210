import "server-only";
import type { CallState } from "@/lib/caller/call-state";
import type { calls, turns } from "@/lib/db/schema";
import { rubricLabelsSchema } from "@/lib/rubric/labels";
import { storedTimingSchema } from "@/lib/voice/turn-timing";
import {
  type CallStatusView,
  type CallView,
  type StoredAnalysis,
  storedAnalysisSchema,
  type TurnView,
} from "./call-view";
import type { PlayableVersion } from "./scenario-store";
import { type Scorecard, scorecardSchema } from "./scorecard";

export type CallRow = typeof calls.$inferSelect;
export type TurnRow = typeof turns.$inferSelect;

/** turns.voice of a caller line whose LLM words are still being generated. */
export const PENDING_VOICE = "pending";

const moodSchemaSafe = (value: unknown): Record<string, number> | null =>
  value && typeof value === "object" && Object.values(value).every((v) => typeof v === "number")
    ? (value as Record<string, number>)
    : null;

/**
 * A stored turn as the API shows it. The analysis is validated when read back from the database; a
 * caller that has just built and validated it passes it as `checked`.
 */
export function toTurnView(row: TurnRow, checked?: StoredAnalysis): TurnView {
  const analysis = checked
    ? { success: true as const, data: checked }
    : row.analysis === null
      ? null
      : storedAnalysisSchema.safeParse(row.analysis);
  if (analysis && !analysis.success)
    console.error(`Turn ${row.id} has an unreadable analysis`, analysis.error.issues);
  // A pending LLM line holds the scripted line (its content guide and fallback): not for the trainee.
  const pending = row.voice === PENDING_VOICE;
  const judge = row.judge === null ? null : rubricLabelsSchema.safeParse(row.judge);
  const timing = row.timing === null ? null : storedTimingSchema.safeParse(row.timing);
  if (timing && !timing.success) console.error(`Turn ${row.id} has unreadable timing`, timing.error.issues);
  return {
    seq: row.seq,
    role: row.role,
    kind: row.kind,
    text: pending ? "" : row.text,
    atMs: row.atMs,
    speechEndsAtMs: row.speechEndsAtMs,
    analysis: analysis?.success ? analysis.data : null,
    mood: moodSchemaSafe(row.mood),
    ...(pending ? { pending: true } : {}),
    ...(row.voice === "llm" ? { voice: "llm" as const } : {}),
    ...(judge?.success ? { judge: judge.data } : {}),
    ...(row.judgePhrasing ? { judgePhrasing: row.judgePhrasing } : {}),
    ...(timing?.success ? { timing: timing.data } : {}),
  };
}

/** The call as its owner may see it; contest calls keep their feedback hidden until they end. */
export function toCallView(input: {
  call: CallRow;
  playable: PlayableVersion;
  state: CallState;
  turns: TurnRow[];
  now: Date;
}): CallView {
  const status = toCallStatusView(input);
  return {
    ...status,
    turns: input.turns.map((row) => {
      const view = toTurnView(row);
      if (!status.feedbackHidden) return view;
      const { judge: _hidden, judgePhrasing: _alsoHidden, ...rest } = view;
      return { ...rest, analysis: null };
    }),
  };
}

/** Everything of the call view but the transcript. */
export function toCallStatusView(input: {
  call: CallRow;
  playable: PlayableVersion;
  state: CallState;
  now: Date;
}): CallStatusView {
  const { call, state } = input;
  const { scenario } = input.playable;
  const contest = scenario.contest !== undefined;
  const feedbackHidden = contest && call.status === "active";
  const showGoals = call.status === "ended" || (scenario.hintsAllowed && !contest);
  return {
    id: call.id,
    status: call.status,
    endReason: call.endReason,
    mode: call.mode,
    llmFallback: call.llmFallbackAt !== null,
    startedAt: call.startedAt.toISOString(),
    serverElapsedMs: Math.max(0, input.now.getTime() - call.startedAt.getTime()),
    scenario: {
      scenarioId: input.playable.scenarioId,
      slug: scenario.id,
      versionId: call.scenarioVersionId,
      title: scenario.title,
      description: scenario.description,
      kind: scenario.kind,
      difficulty: scenario.difficulty,
      timeLimitSec: scenario.timeLimitSec ?? null,
      hintsAllowed: scenario.hintsAllowed && !contest,
      contest,
      personaName: scenario.persona.name,
      personaAge: scenario.persona.age,
      speakingRate: scenario.persona.speakingRate,
      moodVariables: Object.entries(scenario.mood.variables).map(([id, v]) => ({ id, label: v.label ?? id })),
    },
    mood: state.mood,
    goals: showGoals
      ? Object.entries(scenario.goals).map(([id, goal]) => ({
          id,
          label: goal.label,
          reached: state.goalsReached.includes(id),
        }))
      : [],
    hint:
      scenario.hintsAllowed && !contest && call.status === "active"
        ? (scenario.nodes[state.nodeId]?.hint ?? null)
        : null,
    feedbackHidden,
    scorecard: readScorecard(call),
  };
}

function readScorecard(call: CallRow): Scorecard | null {
  if (call.scorecard === null) return null;
  const parsed = scorecardSchema.safeParse(call.scorecard);
  if (!parsed.success) console.error(`Call ${call.id} has an unreadable scorecard`, parsed.error.issues);
  return parsed.success ? parsed.data : null;
}

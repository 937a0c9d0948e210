import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import { advanceCall } from "@/lib/caller/advance-call";
import type { CallerLine, CallState } from "@/lib/caller/call-state";
import { modelReplyFor } from "@/lib/caller/model-reply";
import { parseCallState } from "@/lib/caller/parse-call-state";
import { startCall } from "@/lib/caller/start-call";
import { type StoredAnalysis, storedAnalysisSchema } from "@/lib/calls/call-view";
import { MAX_REPLY_CHARS } from "@/lib/calls/limits";
import { AppError } from "@/lib/errors";
import { analyzeReply } from "@/lib/rubric/analyze-reply";
import { loadScenario } from "@/lib/scenario/load-scenario";
import { rubricKindOf } from "@/lib/scenario/rubric-kind";
import type { Scenario } from "@/lib/scenario/schema";
import { plainText } from "@/lib/validation/plain-text";
import { MAX_SCENARIO_YAML_CHARS } from "./limits";

// The editor's playtest runs the scenario being written, in place: the client holds the YAML, the engine
// state and the transcript, and sends them with each reply. Nothing is stored, so a trainer can playtest
// a draft that was never saved. Time does not pass in a playtest (the trainer is writing, not racing).

const turnSchema = z.object({ role: z.enum(["caller", "operator"]), text: plainText().max(2000) });

export const playtestRequestSchema = z.object({
  yaml: plainText().max(MAX_SCENARIO_YAML_CHARS),
  /** Absent: start the call. */
  state: z.unknown().optional(),
  transcript: z.array(turnSchema).max(200).default([]),
  reply: plainText().max(MAX_REPLY_CHARS).optional(),
});
export type PlaytestRequest = z.infer<typeof playtestRequestSchema>;

export interface PlaytestResult {
  lines: CallerLine[];
  nodeId: string;
  mood: Record<string, number>;
  moodVariables: { id: string; label: string }[];
  goals: { id: string; label: string; reached: boolean }[];
  ended: CallState["ended"];
  /** The rubric analysis of the reply (absent when starting). */
  analysis: StoredAnalysis | null;
  state: CallState;
}

/** Starts the playtest call (no state) or answers one reply; invalid YAML is refused with its issues. */
export function runPlaytest(request: PlaytestRequest): PlaytestResult {
  const loaded = loadScenario(request.yaml, "scenario.yaml");
  if (!loaded.ok) {
    throw new AppError("invalid_input", "シナリオに問題があるため試せません。", {
      details: { issues: loaded.issues },
    });
  }
  const { scenario } = loaded;
  if (request.state === undefined) {
    const { state, lines } = startCall(scenario, { seed: randomInt(0, 2 ** 31 - 1) });
    return toResult(scenario, state, lines, null);
  }
  const parsed = parseCallState(scenario, request.state);
  if (!parsed.ok) {
    throw new AppError("invalid_input", "シナリオが変わったため、試し通話を最初からやり直してください。", {
      details: { issues: parsed.issues },
    });
  }
  const reply = request.reply?.trim() ?? "";
  if (reply === "") throw new AppError("invalid_input", "返答を入力してください。");
  const state = parsed.state;
  const modelReply = modelReplyFor(scenario, state.nodeId);
  const analysis = analyzeReply({
    context: request.transcript,
    reply,
    kind: rubricKindOf(scenario.kind),
    modelReply,
  });
  const result = advanceCall(scenario, state, { reply, signals: analysis, elapsedMs: state.elapsedMs });
  const stored = storedAnalysisSchema.parse({ ...analysis, modelReply });
  return toResult(scenario, result.state, result.lines, stored);
}

function toResult(
  scenario: Scenario,
  state: CallState,
  lines: CallerLine[],
  analysis: StoredAnalysis | null,
): PlaytestResult {
  return {
    lines,
    nodeId: state.nodeId,
    mood: state.mood,
    moodVariables: Object.entries(scenario.mood.variables).map(([id, v]) => ({ id, label: v.label ?? id })),
    goals: Object.entries(scenario.goals).map(([id, goal]) => ({
      id,
      label: goal.label,
      reached: state.goalsReached.includes(id),
    })),
    ended: state.ended,
    analysis,
    state,
  };
}

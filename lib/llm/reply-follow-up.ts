import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { CallerLine, CallState } from "@/lib/caller/call-state";
import { speakingDurationMs } from "@/lib/caller/pacing";
import type { TurnView } from "@/lib/calls/call-view";
import { toTurnView } from "@/lib/calls/call-view-mapper";
import type { Db } from "@/lib/db/open-database";
import { calls, turns } from "@/lib/db/schema";
import type { LlmEnv } from "@/lib/env";
import type { Scenario } from "@/lib/scenario/schema";
import { type CallerGeneration, startCallerGeneration, type VoicePlan } from "./caller-generation";
import { judgeReply } from "./judge-reply";
import { getLlmClient } from "./llm-client";
import { isWithinRateLimit, recordLlmRequests } from "./llm-usage";
import { finalizeVoice } from "./pending-voice";
import { guardJudgePhrasing, type PhrasingGuardInput } from "./phrasing-guard";
import type { AttemptRecord } from "./stream-caller-line";

// What happens after a reply has been scored and stored: the LLM voices the caller's pending line
// (streamed to whoever listens), then the optional judge labels the reply. Runs to the end even when
// the browser has left; every outcome is written to the database.

/** What the call service hands over after committing a reply. Server-side only. */
export interface ReplyFollowUp {
  userId: string;
  callId: string;
  callStartedAt: Date;
  scenario: Scenario;
  /** The state after the engine advanced on this reply. */
  state: CallState;
  operatorTurnId: string;
  reply: string;
  /** The turns before the reply. */
  context: { role: "caller" | "operator"; text: string }[];
  /** What the judge's better phrasing is checked against (phrasing-guard.ts). */
  phrasing: Omit<PhrasingGuardInput, "phrasing" | "reply">;
  /** LLM play: the caller turn waiting for its words, and the engine's lines it must say. */
  pending: { turnId: string; seq: number; atMs: number; guide: CallerLine[] } | null;
}

export interface VoiceListener {
  delta(seq: number, text: string): void;
  line(turn: TurnView): void;
  fallback(message: string): void;
}

export const silentListener: VoiceListener = { delta() {}, line() {}, fallback() {} };

export const fallbackNotice =
  "AI のお客様の応答が途切れたため、ここからは台本どおりのお客様の発言で続けます。";
export const rateLimitNotice =
  "AI のお客様の利用上限に達したため、ここからは台本どおりのお客様の発言で続けます。";

/** Voices the pending caller line (if any), then asks the judge (if configured). */
export async function runReplyFollowUp(
  db: Db,
  llm: LlmEnv | undefined,
  job: ReplyFollowUp,
  listener: VoiceListener = silentListener,
  now: () => Date = () => new Date(),
  /** The generation the route started while the reply was being stored, if any. */
  started?: CallerGeneration,
): Promise<void> {
  if (job.pending) {
    const voicing: Voicing = { db, job, pending: job.pending, listener, now };
    if (llm) await voicePendingLine(voicing, llm, started);
    else await fallBackToScript(voicing, fallbackNotice);
  }
  if (llm?.judgeModel) await judgeOperatorTurn(db, llm, llm.judgeModel, job, now);
}

async function voicePendingLine(
  voicing: Voicing,
  llm: LlmEnv,
  started: CallerGeneration | undefined,
): Promise<void> {
  const { db, job, pending, listener, now } = voicing;
  const generation = started ?? startCallerGeneration(db, llm, voicePlanOf(job, pending), now);
  generation.attach((text) => listener.delta(pending.seq, text));
  const outcome = await generation.outcome;
  if (outcome.kind === "failed") {
    console.warn(
      `[llm] caller ${outcome.reason} for call ${job.callId}; the script takes over: ${summarize(outcome.cause)}`,
    );
    const notice = outcome.reason === "rate_limited" ? rateLimitNotice : fallbackNotice;
    return fallBackToScript(voicing, notice);
  }
  if (outcome.kind === "rejected") {
    // The trainee never sees the rejected words: this line is said as scripted; the call stays LLM-voiced.
    console.warn(`[llm] caller output rejected for call ${job.callId}; the scripted line is used`);
    return settle(voicing, { voice: "script" });
  }
  return settle(voicing, { voice: "llm", text: outcome.text });
}

function voicePlanOf(job: ReplyFollowUp, pending: NonNullable<ReplyFollowUp["pending"]>): VoicePlan {
  return {
    userId: job.userId,
    callId: job.callId,
    scenario: job.scenario,
    state: job.state,
    guide: pending.guide,
    transcript: [...job.context, { role: "operator", text: job.reply }],
  };
}

/** Everything settling one pending line needs. */
interface Voicing {
  db: Db;
  job: ReplyFollowUp;
  pending: NonNullable<ReplyFollowUp["pending"]>;
  listener: VoiceListener;
  now: () => Date;
}

// The provider is down or too slow: this line and every later one are said by the script.
async function fallBackToScript(voicing: Voicing, notice: string): Promise<void> {
  const { db, job, listener, now } = voicing;
  await db
    .update(calls)
    .set({ llmFallbackAt: now() })
    .where(and(eq(calls.id, job.callId), isNull(calls.llmFallbackAt)));
  listener.fallback(notice);
  await settle(voicing, { voice: "script" });
}

async function settle(voicing: Voicing, words: { voice: "llm" | "script"; text?: string }): Promise<void> {
  const { db, job, pending, listener, now } = voicing;
  const script = pending.guide.map((line) => line.text).join("");
  const text = words.text ?? script;
  const finishedMs = now().getTime() - job.callStartedAt.getTime();
  // The caller speaks at the persona's pace from the line's start, and no sooner than the words exist.
  const speechEndsAtMs = Math.max(
    pending.atMs + speakingDurationMs(text, job.scenario.persona.speakingRate),
    finishedMs,
  );
  const row = await finalizeVoice(db, pending.turnId, { ...words, speechEndsAtMs });
  if (row) listener.line(toTurnView(row));
}

async function judgeOperatorTurn(db: Db, llm: LlmEnv, model: string, job: ReplyFollowUp, now: () => Date) {
  if (!(await isWithinRateLimit(db, job.userId, llm, now()))) return;
  const attempts: AttemptRecord[] = [];
  // A reply the analyzer would keep as it is gets no rewrite, so the judge is not asked for one.
  const askPhrasing = job.phrasing.offline !== "";
  const verdict = await judgeReply(
    getLlmClient(llm),
    {
      model,
      timeoutMs: llm.timeoutMs,
      context: job.context,
      reply: job.reply,
      ...(askPhrasing ? { phrasing: { knownFacts: job.phrasing.knownFacts } } : {}),
    },
    (record) => attempts.push(record),
  );
  await recordLlmRequests(
    db,
    llm,
    { userId: job.userId, callId: job.callId, purpose: "judge", model },
    attempts,
  );
  if (!verdict.ok) {
    console.warn(`[llm] judge gave no labels for call ${job.callId}: ${summarize(verdict.cause)}`);
    return;
  }
  const phrasing = askPhrasing
    ? guardJudgePhrasing({ ...job.phrasing, reply: job.reply, phrasing: verdict.phrasing })
    : null;
  // The reason only, never the words: they are the trainee's reply rewritten.
  if (phrasing && !phrasing.ok && phrasing.reason !== "declined") {
    console.warn(
      `[llm] judge phrasing rejected (${phrasing.reason}) for call ${job.callId}; the offline one stays`,
    );
  }
  await db
    .update(turns)
    .set({ judge: verdict.labels, judgePhrasing: phrasing?.ok ? phrasing.text : null })
    .where(eq(turns.id, job.operatorTurnId));
}

// One line per failure in the server log: the provider's error objects carry whole header dumps.
function summarize(cause: unknown): string {
  return cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
}

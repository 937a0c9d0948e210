import { z } from "zod";
import { apologyKinds, type RubricLabels, rubricLabelsSchema } from "@/lib/rubric/labels";
import { plainText } from "@/lib/validation/plain-text";
import { replyTimingSchema, type StoredTiming } from "@/lib/voice/turn-timing";
import type { Scorecard } from "./scorecard";

// The JSON the call API answers with and the call screen renders. It carries what the trainee may see:
// never the scenario's hidden facts, the script, or another user's data.

export { MAX_REPLY_CHARS } from "./limits";

export const replyRequestSchema = z.object({
  text: plainText(),
  /** When the trainee started the reply, in ms since the call started (voice mode measures it). */
  startedAtMs: z.number().int().min(0).optional(),
  /**
   * Made by the call screen for each reply and kept across its resends: a resend of a reply that
   * was stored answers with the stored reply and stores nothing.
   */
  replyId: z.uuid().optional(),
  /** Voice calls: who spoke when since the previous reply, as heard and detected in the browser. */
  timing: replyTimingSchema.optional(),
});
export type ReplyRequest = z.infer<typeof replyRequestSchema>;

export const startCallRequestSchema = z.object({
  scenarioId: z.uuid(),
  mode: z.enum(["scripted", "llm"]).default("scripted"),
});

const spanSchema = z.object({ start: z.number(), end: z.number() });
const evidenceSchema = z.object({
  spans: z.array(spanSchema),
  sources: z.array(spanSchema.extend({ turn: z.number() })).optional(),
});

/** A stored reply analysis as read back from the database (extra analyzer fields pass through). */
export const storedAnalysisSchema = rubricLabelsSchema.extend({
  interruption: z.boolean(),
  apology: z.enum(apologyKinds),
  register: z.object({ casual: z.boolean(), repeatedToken: z.string().nullable() }),
  evidence: z.record(z.string(), evidenceSchema),
  feedback: z.record(z.string(), z.string()),
  /** At most three points, the most important first; absent on replies scored before they existed. */
  points: z
    .array(z.object({ key: z.string(), tone: z.enum(["bad", "warn", "tip", "good"]), text: z.string() }))
    .default([]),
  /** The better phrasing; "" when the reply needs no change. */
  suggestion: z.string(),
  /** The scenario's model reply for the node the caller was in. */
  modelReply: z.string().optional(),
  /** A 相づち while the caller was still speaking: it does not advance the caller. */
  overlapping: z.boolean().default(false),
  /** turn index in the analyzer's context → call turn seq, to locate source spans in the transcript. */
  contextSeqs: z.array(z.number()).default([]),
});
export type StoredAnalysis = z.infer<typeof storedAnalysisSchema>;

export interface TurnView {
  seq: number;
  role: "caller" | "operator";
  kind: string;
  text: string;
  atMs: number;
  speechEndsAtMs: number | null;
  analysis: StoredAnalysis | null;
  mood: Record<string, number> | null;
  /** Caller turns of LLM play: the LLM's words are still being generated (text is empty until then). */
  pending?: boolean;
  /** Caller turns: "llm" when the LLM gave the line its words (absent: the script). */
  voice?: "llm";
  /** Operator turns: the optional LLM judge's labels, a second opinion that never changes a score. */
  judge?: RubricLabels;
  /** Operator turns: the judge model's better phrasing, accepted by the phrasing guard (never scored). */
  judgePhrasing?: string;
  /** Operator turns of a voice call: the measured speech since the previous reply, with its overlaps. */
  timing?: StoredTiming;
}

export interface CallView {
  id: string;
  status: "active" | "ended";
  endReason: string | null;
  mode: "scripted" | "llm";
  /** LLM play only: the provider failed and the scripted engine voices the caller from now on. */
  llmFallback: boolean;
  startedAt: string;
  /** ms since the call started when this answer was made: the client's clock for pacing. */
  serverElapsedMs: number;
  scenario: {
    scenarioId: string;
    /** The scenario's own id (from its YAML). */
    slug: string;
    versionId: string;
    title: string;
    description: string;
    kind: string;
    difficulty: string;
    timeLimitSec: number | null;
    hintsAllowed: boolean;
    contest: boolean;
    personaName: string;
    /** The caller's age: a voice call lowers an elderly caller's voice. */
    personaAge: number;
    /** Characters per second: the client paces caller lines with it. */
    speakingRate: number;
    moodVariables: { id: string; label: string }[];
  };
  mood: Record<string, number>;
  goals: { id: string; label: string; reached: boolean }[];
  hint: string | null;
  turns: TurnView[];
  /** Contest calls show no per-reply feedback until they end. */
  feedbackHidden: boolean;
  /** Set when the call has ended. */
  scorecard: Scorecard | null;
}

/** The call without its transcript: what changes with each reply besides the turns. */
export type CallStatusView = Omit<CallView, "turns">;

export interface ReplyResult {
  call: CallStatusView;
  /** The turns this request added (the reply, then the caller's lines). */
  added: TurnView[];
  /** Earlier turns this request changed: a caller line cut short by an interruption. */
  changed: TurnView[];
}

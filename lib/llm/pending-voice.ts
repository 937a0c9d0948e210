import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { CallerLine } from "@/lib/caller/call-state";
import { speakingDurationMs } from "@/lib/caller/pacing";
import { type CallRow, PENDING_VOICE, type TurnRow } from "@/lib/calls/call-view-mapper";
import type { DbExecutor } from "@/lib/db/executor";
import { turns } from "@/lib/db/schema";
import type { Scenario } from "@/lib/scenario/schema";

// An LLM caller line is written before its words exist: a pending turn holding the engine's scripted
// line (the content guide and the fallback). The state that matters lives in the database, so a reload,
// another device or another app instance sees the turn, and a generation that died with its server is
// settled with the script on the next read.

/** A pending line older than this (call time) was lost with its generation: the script says it. */
export const STALE_PENDING_MS = 60_000;

/** The engine's lines of one answer as one pending caller turn (the LLM voices them as one utterance). */
export function pendingCallerLineValues(
  callId: string,
  lines: readonly CallerLine[],
  at: { seq: number; atMs: number },
) {
  const kind = lines.some((l) => l.kind === "interrupted")
    ? "interrupted"
    : lines.some((l) => l.kind === "fact")
      ? "fact"
      : "line";
  return [
    {
      callId,
      seq: at.seq,
      role: "caller" as const,
      kind,
      text: lines.map((line) => line.text).join(""),
      nodeId: lines.at(-1)?.nodeId ?? null,
      atMs: at.atMs,
      speechEndsAtMs: null,
      voice: PENDING_VOICE,
    },
  ];
}

/** When the caller's last line ends; a pending line is expected to last as long as its script. */
export function expectedSpeechEndMs(
  lastCaller: { atMs: number; speechEndsAtMs: number | null; text: string } | undefined,
  scenario: Scenario,
): number {
  if (!lastCaller) return 0;
  return (
    lastCaller.speechEndsAtMs ??
    lastCaller.atMs + speakingDurationMs(lastCaller.text, scenario.persona.speakingRate)
  );
}

/**
 * Gives a pending turn its final words. A cut made while it was pending (an interruption) is kept.
 * Answers undefined when the turn was no longer pending (settled elsewhere).
 */
export async function finalizeVoice(
  db: DbExecutor,
  turnId: string,
  words: { text?: string; voice: "llm" | "script"; speechEndsAtMs: number },
): Promise<TurnRow | undefined> {
  const [row] = await db
    .update(turns)
    .set({
      ...(words.text !== undefined ? { text: words.text } : {}),
      voice: words.voice,
      speechEndsAtMs: sql`coalesce(${turns.speechEndsAtMs}, ${words.speechEndsAtMs})`,
    })
    .where(and(eq(turns.id, turnId), eq(turns.voice, PENDING_VOICE)))
    .returning();
  return row;
}

/** Settles pending lines whose generation is long gone with their scripted words. */
export async function settleStaleVoices(
  db: DbExecutor,
  scenario: Scenario,
  call: CallRow,
  rows: TurnRow[],
  now: Date,
): Promise<TurnRow[]> {
  const nowMs = now.getTime() - call.startedAt.getTime();
  const stale = rows.filter((row) => row.voice === PENDING_VOICE && nowMs - row.atMs > STALE_PENDING_MS);
  if (stale.length === 0) return rows;
  const settled = new Map<string, TurnRow>();
  for (const row of stale) {
    const speechEndsAtMs = row.atMs + speakingDurationMs(row.text, scenario.persona.speakingRate);
    const updated = await finalizeVoice(db, row.id, { voice: "script", speechEndsAtMs });
    if (updated) settled.set(row.id, updated);
  }
  return rows.map((row) => settled.get(row.id) ?? row);
}

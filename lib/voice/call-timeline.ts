import type { SpeechSegment } from "./timeline";
import type { StoredTiming } from "./turn-timing";

/** What the call timeline needs of a stored turn. */
export interface TimedTurn {
  role: "caller" | "operator";
  text: string;
  atMs: number;
  speechEndsAtMs: number | null;
  timing?: Pick<StoredTiming, "segments">;
}

/**
 * The two-speaker timeline of a voice call, from the speech each voice reply measured; caller lines
 * said after the last measured reply (before the trainee hung up) are placed on the server's clock.
 * Null for a typed call: nothing was measured, and a timeline of typing times would mislead.
 */
export function buildCallTimeline(turns: readonly TimedTurn[]): SpeechSegment[] | null {
  const measured = turns.flatMap((t) => (t.role === "operator" && t.timing ? t.timing.segments : []));
  if (measured.length === 0) return null;
  const measuredUntil = Math.max(...measured.map((s) => s.endMs));
  const after = turns
    .filter(
      (t) => t.role === "caller" && t.atMs >= measuredUntil && t.speechEndsAtMs !== null && t.text !== "",
    )
    .map(
      (t): SpeechSegment => ({
        speaker: "caller",
        startMs: t.atMs,
        endMs: t.speechEndsAtMs ?? t.atMs,
        text: t.text,
      }),
    );
  return [...measured, ...after].sort((a, b) => a.startMs - b.startMs);
}

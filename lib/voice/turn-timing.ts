import { z } from "zod";
import { plainText } from "@/lib/validation/plain-text";
import { findOverlaps, type Overlap, type SpeechSegment } from "./timeline";

// What a voice reply carries besides its words: the speech heard since the previous reply (the caller's
// audio as played, cut short by a barge-in, and the trainee's voice as the VAD detected it), on the call's
// clock. Stored with the operator turn, with the overlaps classified when it was received.

/** At most this many segments per reply: a turn of real speech has a handful (and a request is 16 KB). */
export const MAX_TIMING_SEGMENTS = 60;
/** A segment's words, as transcribed (a 相づち, or the reply itself): no longer than a reply. */
export const MAX_SEGMENT_TEXT = 400;

const segmentSchema = z
  .object({
    speaker: z.enum(["caller", "operator"]),
    startMs: z
      .number()
      .int()
      .min(0)
      .max(24 * 3600 * 1000),
    endMs: z
      .number()
      .int()
      .min(0)
      .max(24 * 3600 * 1000),
    text: plainText().pipe(z.string().max(MAX_SEGMENT_TEXT)).optional(),
  })
  .refine((s) => s.endMs >= s.startMs, { message: "発話の終わりが始まりより前になっています。" });

/** The timing a voice reply sends. */
export const replyTimingSchema = z.object({
  segments: z.array(segmentSchema).max(MAX_TIMING_SEGMENTS),
});
export type ReplyTiming = z.infer<typeof replyTimingSchema>;

const overlapSchema = z.object({
  kind: z.enum(["backchannel", "interruption", "caller"]),
  startMs: z.number(),
  endMs: z.number(),
  durationMs: z.number(),
  text: z.string().optional(),
});

/** The timing stored with a turn (read back from its JSON column). */
export const storedTimingSchema = replyTimingSchema.extend({ overlaps: z.array(overlapSchema) });
export type StoredTiming = z.infer<typeof storedTimingSchema>;

/** The stored form of a reply's timing: its segments in time order and their classified overlaps. */
export function toStoredTiming(timing: ReplyTiming): StoredTiming {
  const segments = [...timing.segments].sort((a, b) => a.startMs - b.startMs) as SpeechSegment[];
  return { segments, overlaps: findOverlaps(segments) };
}

/**
 * When the caller's voice ended as heard before a reply that began at `replyStartMs`: the end of the
 * last caller segment that had started by then (later than replyStartMs when the reply cut in).
 * Undefined when no caller voice was measured.
 */
export function measuredCallerEndMs(timing: ReplyTiming, replyStartMs: number): number | undefined {
  const before = timing.segments.filter((s) => s.speaker === "caller" && s.startMs <= replyStartMs);
  if (before.length === 0) return undefined;
  return Math.max(...before.map((s) => s.endMs));
}

/** The reply was substantive talk over the caller, as measured: an interruption overlap. */
export function hasMeasuredInterruption(timing: Pick<StoredTiming, "overlaps">): boolean {
  return timing.overlaps.some((o: Overlap) => o.kind === "interruption");
}

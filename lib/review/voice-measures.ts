import "server-only";
import type { TurnView } from "@/lib/calls/call-view";
import { getFullTokenizer } from "@/lib/rubric/japanese";
import { buildCallTimeline } from "@/lib/voice/call-timeline";
import { countMorae } from "@/lib/voice/morae";
import { measureTimeline, type SpeechSegment, type TimelineMeasures } from "@/lib/voice/timeline";

export interface VoiceReview {
  segments: SpeechSegment[];
  measures: TimelineMeasures;
  /** From the call's start to the last voice heard. */
  durationMs: number;
}

/** The timeline and measures of a voice call for its review; null for a typed call. */
export function reviewVoiceCall(turns: readonly TurnView[]): VoiceReview | null {
  const segments = buildCallTimeline(turns);
  if (!segments) return null;
  // Readings need every morpheme (particles and auxiliaries are said too), so the full tokenizer.
  const tokenizer = getFullTokenizer();
  const measures = measureTimeline(segments, { countMorae: (text) => countMorae(text, tokenizer) });
  return { segments, measures, durationMs: Math.max(...segments.map((s) => s.endMs)) };
}

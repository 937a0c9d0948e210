import { detectBackchannel } from "@/lib/rubric/detect-backchannel";
import { overlapGraceMs } from "@/lib/rubric/detect-interruption";

// The turn-taking model of a voice call: who spoke when (voice activity, one clock in ms since the call
// started), and the measures call analytics tools report from it: talk ratio, response latency,
// silences, overlaps by kind and speaking rate.

export type Speaker = "caller" | "operator";

/** One stretch of one speaker's voice; text is what was said in it, when known. */
export interface SpeechSegment {
  speaker: Speaker;
  startMs: number;
  endMs: number;
  text?: string;
}

/**
 * backchannel: a short 相づち by the operator while the caller talks (good listening);
 * interruption: substantive operator speech over the caller; caller: the caller spoke over the operator.
 */
export type OverlapKind = "backchannel" | "interruption" | "caller";

export interface Overlap {
  kind: OverlapKind;
  startMs: number;
  endMs: number;
  durationMs: number;
  /** The words of the segment that cut in, when known. */
  text?: string;
}

export interface Silence {
  startMs: number;
  endMs: number;
  durationMs: number;
  /** Who spoke last before it: after the caller, the silence is the operator's dead air. */
  after: Speaker;
}

export interface ResponseLatency {
  callerEndMs: number;
  replyStartMs: number;
  /** Negative when the operator started before the caller finished. */
  latencyMs: number;
}

export interface TimelineMeasures {
  talkMs: Record<Speaker, number>;
  /** The operator's share of all talk (0–1); 0 when nobody spoke. */
  operatorTalkShare: number;
  latencies: ResponseLatency[];
  silences: Silence[];
  overlaps: Overlap[];
  /** Morae per minute of speech, per speaker; null without transcribed speech. */
  moraePerMinute: Record<Speaker, number | null>;
}

/** A gap in both voices at least this long is reported as a silence (MiiTel and its peers use 3 s). */
export const SILENCE_MIN_MS = 3000;

/** A 相づち is short: はい, ええ, なるほど, そうですね take well under this. */
export const BACKCHANNEL_MAX_MS = 1500;

export interface MeasureOptions {
  /** Morae in a text (lindera readings on the server); without it speaking rate is not measured. */
  countMorae?: (text: string) => number;
}

/** Every measure of a timeline of both speakers' speech. */
export function measureTimeline(
  segments: readonly SpeechSegment[],
  options: MeasureOptions = {},
): TimelineMeasures {
  const sorted = sortSegments(segments);
  const talkMs = { caller: talkTime(sorted, "caller"), operator: talkTime(sorted, "operator") };
  const total = talkMs.caller + talkMs.operator;
  const overlaps = findOverlaps(sorted);
  return {
    talkMs,
    operatorTalkShare: total === 0 ? 0 : talkMs.operator / total,
    latencies: responseLatencies(sorted, overlaps),
    silences: findSilences(sorted),
    overlaps,
    moraePerMinute: {
      caller: speakingRate(sorted, "caller", options.countMorae),
      operator: speakingRate(sorted, "operator", options.countMorae),
    },
  };
}

/** Where the two voices overlap, each classified; overlaps shorter than the turn-taking grace are not counted. */
export function findOverlaps(segments: readonly SpeechSegment[]): Overlap[] {
  const sorted = sortSegments(segments);
  const callers = sorted.filter((s) => s.speaker === "caller");
  const operators = sorted.filter((s) => s.speaker === "operator");
  const overlaps: Overlap[] = [];
  for (const op of operators) {
    for (const caller of callers) {
      const startMs = Math.max(op.startMs, caller.startMs);
      const endMs = Math.min(op.endMs, caller.endMs);
      if (endMs - startMs < overlapGraceMs) continue;
      const kind: OverlapKind =
        op.startMs < caller.startMs ? "caller" : isBackchannelSegment(op) ? "backchannel" : "interruption";
      const text = kind === "caller" ? caller.text : op.text;
      overlaps.push({ kind, startMs, endMs, durationMs: endMs - startMs, ...(text ? { text } : {}) });
    }
  }
  return overlaps.sort((a, b) => a.startMs - b.startMs);
}

/**
 * A 相づち: short, and its words (when known) nothing but listener tokens. Without words (no
 * transcript yet) only its length decides.
 */
export function isBackchannelSegment(segment: Pick<SpeechSegment, "startMs" | "endMs" | "text">): boolean {
  if (segment.endMs - segment.startMs > BACKCHANNEL_MAX_MS) return false;
  if (segment.text === undefined) return true;
  return isBackchannelText(segment.text);
}

/** Words that only acknowledge (はい / ええ / なるほど / そうですね …), as a recognizer writes them. */
export function isBackchannelText(text: string): boolean {
  // A recognizer writes no punctuation and may repeat a token (はいはいはい): pauses and repeats become
  // the phrase breaks the rubric's detector expects.
  const phrased = text
    .trim()
    .replace(/[\s\u3000]+/g, "、")
    .replace(/(はい|ええ|うん)(?=はい|ええ|うん)/g, "$1、");
  if (phrased === "") return false;
  return detectBackchannel(phrased, [{ role: "caller", text: "…" }]).only;
}

function responseLatencies(sorted: SpeechSegment[], overlaps: Overlap[]): ResponseLatency[] {
  const backchannelStarts = new Set(overlaps.filter((o) => o.kind === "backchannel").map((o) => o.startMs));
  const callers = sorted.filter((s) => s.speaker === "caller");
  const replies = sorted.filter((s) => s.speaker === "operator" && !backchannelStarts.has(s.startMs));
  const latencies: ResponseLatency[] = [];
  callers.forEach((caller, i) => {
    const nextCaller = callers[i + 1];
    // The first substantive operator speech after this caller segment began (and before the next one).
    const reply = replies.find(
      (op) => op.startMs > caller.startMs && (nextCaller === undefined || op.startMs < nextCaller.startMs),
    );
    if (!reply) return;
    latencies.push({
      callerEndMs: caller.endMs,
      replyStartMs: reply.startMs,
      latencyMs: reply.startMs - caller.endMs,
    });
  });
  return latencies;
}

function findSilences(sorted: SpeechSegment[]): Silence[] {
  const silences: Silence[] = [];
  let last: SpeechSegment | undefined;
  for (const segment of sorted) {
    if (last && segment.startMs - last.endMs >= SILENCE_MIN_MS) {
      silences.push({
        startMs: last.endMs,
        endMs: segment.startMs,
        durationMs: segment.startMs - last.endMs,
        after: last.speaker,
      });
    }
    if (!last || segment.endMs > last.endMs) last = segment;
  }
  return silences;
}

function talkTime(sorted: SpeechSegment[], speaker: Speaker): number {
  let total = 0;
  let coveredUntil = Number.NEGATIVE_INFINITY;
  for (const s of sorted) {
    if (s.speaker !== speaker) continue;
    const from = Math.max(s.startMs, coveredUntil);
    if (s.endMs > from) total += s.endMs - from;
    coveredUntil = Math.max(coveredUntil, s.endMs);
  }
  return total;
}

function speakingRate(
  sorted: SpeechSegment[],
  speaker: Speaker,
  countMorae: ((text: string) => number) | undefined,
): number | null {
  if (!countMorae) return null;
  const spoken = sorted.filter((s) => s.speaker === speaker && s.text && s.endMs > s.startMs);
  const ms = spoken.reduce((sum, s) => sum + (s.endMs - s.startMs), 0);
  if (ms === 0) return null;
  const morae = spoken.reduce((sum, s) => sum + countMorae(s.text ?? ""), 0);
  return Math.round((morae / ms) * 60_000);
}

function sortSegments(segments: readonly SpeechSegment[]): SpeechSegment[] {
  return segments
    .filter((s) => Number.isFinite(s.startMs) && Number.isFinite(s.endMs) && s.endMs >= s.startMs)
    .sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
}

export type MarkTone = "good" | "warn" | "bad" | "source";

/** A highlight over text[start, end); a span without a tone counts as "good". */
export interface MarkSpan {
  start: number;
  end: number;
  tone?: MarkTone;
  label?: string;
}

export interface TextSegment {
  text: string;
  start: number;
  end: number;
  /** null: plain text. */
  tone: MarkTone | null;
  /** Labels of every span covering this segment, in first-seen order. */
  labels: string[];
}

// When spans overlap, the more serious tone shows: a problem must not hide under a green mark.
const tonePriority: Record<MarkTone, number> = { source: 0, good: 1, warn: 2, bad: 3 };

/** Cuts text into plain and highlighted segments; spans may overlap or stick out of the text. */
export function splitBySpans(text: string, spans: readonly MarkSpan[]): TextSegment[] {
  if (text === "") return [];
  const clamped = spans.flatMap((span) => {
    if (!Number.isFinite(span.start) || !Number.isFinite(span.end)) return [];
    const start = clamp(Math.trunc(span.start), 0, text.length);
    const end = clamp(Math.trunc(span.end), 0, text.length);
    return end > start ? [{ ...span, start, end }] : [];
  });
  const cuts = [...new Set([0, text.length, ...clamped.flatMap((s) => [s.start, s.end])])].sort(
    (a, b) => a - b,
  );
  const segments: TextSegment[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const start = cuts[i] as number;
    const end = cuts[i + 1] as number;
    const covering = clamped.filter((s) => s.start <= start && s.end >= end);
    const tone = strongestTone(covering);
    const labels = [...new Set(covering.flatMap((s) => (s.label ? [s.label] : [])))];
    const previous = segments.at(-1);
    if (previous && previous.tone === tone && sameLabels(previous.labels, labels)) {
      previous.end = end;
      previous.text = text.slice(previous.start, end);
    } else {
      segments.push({ text: text.slice(start, end), start, end, tone, labels });
    }
  }
  return segments;
}

function strongestTone(spans: readonly MarkSpan[]): MarkTone | null {
  let best: MarkTone | null = null;
  for (const span of spans) {
    const tone = span.tone ?? "good";
    if (best === null || tonePriority[tone] > tonePriority[best]) best = tone;
  }
  return best;
}

function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((label, i) => label === b[i]);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** A half-open character range [start, end) in a text. */
export interface Span {
  start: number;
  end: number;
}

/** A sentence of a reply or turn, with its offsets. */
export interface Sentence extends Span {
  text: string;
}

// A sentence ends at 。!?！？ or a line break; trailing closers and ellipses stay with it.
const sentencePattern = /[^。!?！？\n]+(?:[。!?！？]+[」』）)…〜ー]*|$)|[。!?！？]+/g;

/** Splits text into sentences, keeping offsets so evidence spans point into the original text. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const match of text.matchAll(sentencePattern)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed || /^[。!?！？…\s]+$/.test(trimmed)) continue;
    const start = match.index + lead;
    sentences.push({ text: trimmed, start, end: start + trimmed.length });
  }
  return sentences;
}

/** Every match of a global pattern in text, as spans shifted by offset. */
export function findSpans(text: string, pattern: RegExp, offset = 0): Span[] {
  const spans: Span[] = [];
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  for (const match of text.matchAll(global)) {
    if (match[0].length === 0) continue;
    spans.push({ start: offset + match.index, end: offset + match.index + match[0].length });
  }
  return spans;
}

/** Sorts and merges overlapping spans. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The sentence text with trailing punctuation, closers and elongation removed. */
export function stripSentenceEnd(text: string): string {
  return text.replace(/[（(]笑[）)]$/, "").replace(/[。!?！？…・\s」』）)ー〜~♪]+$/u, "");
}

// Character error rate for Japanese speech recognition: edits (substitutions, deletions, insertions)
// between the reference and the recognizer's words, over the reference's length. Japanese has no word
// spaces, so characters are the usual unit; punctuation, spaces and width differences are not errors
// (a recognizer chooses them freely and the rubric analyzer ignores them). Pure.

const IGNORED = /[\s\p{P}\p{S}]/gu;

/** The characters that count: NFKC (full-width digits and letters folded), no spaces or punctuation. */
export function normalizeForCer(text: string): string {
  return text.normalize("NFKC").replace(IGNORED, "").toLowerCase();
}

/** Levenshtein distance between two strings, by Unicode code point. */
export function editDistance(reference: string, hypothesis: string): number {
  const a = [...reference];
  const b = [...hypothesis];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** One utterance's errors and reference length, after normalization. */
export function characterErrors(reference: string, hypothesis: string): { errors: number; length: number } {
  const ref = normalizeForCer(reference);
  return { errors: editDistance(ref, normalizeForCer(hypothesis)), length: [...ref].length };
}

/** The corpus CER: all edits over all reference characters (long utterances weigh more, as usual). */
export function corpusCer(items: readonly { errors: number; length: number }[]): number {
  const length = items.reduce((sum, i) => sum + i.length, 0);
  return length === 0 ? 0 : items.reduce((sum, i) => sum + i.errors, 0) / length;
}

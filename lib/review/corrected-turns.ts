import type { StoredAnalysis, TurnView } from "@/lib/calls/call-view";
import type { RubricLabels } from "@/lib/rubric/labels";
import type { LabelOverride } from "./overrides";

/**
 * The turns as a review shows them: each trainer correction in place of the analyzer's label, and the
 * analyzer's evidence, feedback and points about a corrected label left out, since they argue for the
 * value the trainer overruled (a green chip and its praise above 「なし」). Pure.
 */
export function correctTurns(turns: readonly TurnView[], overrides: readonly LabelOverride[]): TurnView[] {
  if (overrides.length === 0) return [...turns];
  return turns.map((turn) => {
    const mine = overrides.filter((o) => o.seq === turn.seq);
    if (!turn.analysis || mine.length === 0) return turn;
    return { ...turn, analysis: correctAnalysis(turn.analysis, mine) };
  });
}

/** One reply's analysis with the trainer's values in place; see correctTurns. */
export function correctAnalysis(
  analysis: StoredAnalysis,
  overrides: readonly Pick<LabelOverride, "label" | "value">[],
): StoredAnalysis {
  const changed = overrides.filter((o) => analysis[o.label] !== o.value);
  if (changed.length === 0) return analysis;
  const labels = new Set<string>(changed.map((o) => o.label));
  // Each value was checked against its own label's schema when the trainer saved it.
  const values = Object.fromEntries(changed.map((o) => [o.label, o.value])) as Partial<RubricLabels>;
  const corrected: StoredAnalysis = { ...analysis, ...values };
  // "Nothing to change" was the analyzer's verdict; it no longer holds once the trainer finds less.
  const worse = changed.some((o) => isHit(analysis[o.label]) !== isHit(o.value) && !isBetter(o));
  corrected.points = analysis.points.filter(
    (point) => !labels.has(point.key) && !(worse && point.key === "keep"),
  );
  corrected.feedback = omitKeys(analysis.feedback, labels);
  // A label the trainer turned off has no evidence: its words are no longer highlighted as earning it.
  const off = new Set(changed.filter((o) => !isHit(o.value)).map((o) => o.label as string));
  corrected.evidence = omitKeys(analysis.evidence, off);
  return corrected;
}

// A label is "hit" when present: true, or a question / violation kind other than none.
function isHit(value: unknown): boolean {
  return value !== false && value !== "none";
}

// Finding a violation is worse; finding a listening step the analyzer missed is better.
function isBetter(override: Pick<LabelOverride, "label" | "value">): boolean {
  return override.label === "violation" ? !isHit(override.value) : isHit(override.value);
}

function omitKeys<T>(record: Record<string, T>, keys: ReadonlySet<string>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.has(key)));
}

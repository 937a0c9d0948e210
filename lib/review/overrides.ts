import { z } from "zod";
import { type RubricLabels, rubricLabelsSchema } from "@/lib/rubric/labels";
import { plainText } from "@/lib/validation/plain-text";

// A trainer's correction of one automatic label. The seven guideline labels can be overridden; the
// analyzer's own value stays in turns.analysis and the override is applied on top when scoring.

export const overridableLabels = Object.keys(rubricLabelsSchema.shape) as (keyof RubricLabels)[];
export type OverridableLabel = keyof RubricLabels;
export const overridableLabelSchema = z.enum(overridableLabels as [OverridableLabel, ...OverridableLabel[]]);

export const MAX_REASON_CHARS = 500;

export const overrideRequestSchema = z.object({
  value: z.union([z.boolean(), z.string()]),
  reason: plainText()
    .trim()
    .min(1, "修正の理由を入力してください。")
    .max(MAX_REASON_CHARS, `理由は${MAX_REASON_CHARS}文字以内にしてください。`),
});

/** The value checked against the label's own type (boolean, or one of the question / violation kinds). */
export function parseLabelValue<L extends OverridableLabel>(
  label: L,
  value: unknown,
): { ok: true; value: RubricLabels[L] } | { ok: false } {
  const parsed = rubricLabelsSchema.shape[label].safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data as RubricLabels[L] } : { ok: false };
}

export interface LabelOverride {
  seq: number;
  label: OverridableLabel;
  value: RubricLabels[OverridableLabel];
}

/** The turns with each override's value put in place of the analyzer's label. Pure. */
export function applyOverrides<T extends { seq: number; analysis: unknown }>(
  turns: readonly T[],
  overrides: readonly LabelOverride[],
): T[] {
  if (overrides.length === 0) return [...turns];
  const bySeq = new Map<number, Partial<RubricLabels>>();
  for (const override of overrides) {
    bySeq.set(override.seq, { ...bySeq.get(override.seq), [override.label]: override.value });
  }
  return turns.map((turn) => {
    const changes = bySeq.get(turn.seq);
    if (!changes || typeof turn.analysis !== "object" || turn.analysis === null) return turn;
    return { ...turn, analysis: { ...turn.analysis, ...changes } };
  });
}

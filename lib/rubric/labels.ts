import { z } from "zod";

// The seven labels of shared/rubric/GUIDELINE.md. One schema shared by the analyzer, the scoring,
// the LLM judge's structured output and the database JSON columns.
export const questionKinds = ["none", "closed", "open"] as const;
export const violationKinds = ["none", "criticize", "argue", "advise", "opinion", "derail"] as const;

export const rubricLabelsSchema = z.object({
  backchannel: z.boolean(),
  parroting: z.boolean(),
  summarizing: z.boolean(),
  question: z.enum(questionKinds),
  empathy: z.boolean(),
  cushion: z.boolean(),
  violation: z.enum(violationKinds),
});

export type RubricLabels = z.infer<typeof rubricLabelsSchema>;
export type QuestionKind = RubricLabels["question"];
export type ViolationKind = RubricLabels["violation"];
export const labelKeys = Object.keys(rubricLabelsSchema.shape) as (keyof RubricLabels)[];

/** A turn of the conversation as the analyzer sees it. */
export const turnSchema = z.object({
  role: z.enum(["caller", "operator"]),
  text: z.string(),
});
export type Turn = z.infer<typeof turnSchema>;

// 限定謝罪: "limited" apologizes for the inconvenience or feelings caused; "blanket" admits fault before
// the facts are known (「すべて弊社の責任です」).
export const apologyKinds = ["none", "limited", "blanket"] as const;
export type ApologyKind = (typeof apologyKinds)[number];

/** What the caller engine and mood model need to know about one operator reply. */
export interface ListeningSignals extends RubricLabels {
  /** Substantive talk started before the caller finished (an overlapping 相づち is not one). */
  interruption: boolean;
  apology: ApologyKind;
}

/** Signals of a reply that does nothing the rubric looks for, overridden by the given labels. */
export function neutralSignals(overrides: Partial<ListeningSignals> = {}): ListeningSignals {
  return {
    backchannel: false,
    parroting: false,
    summarizing: false,
    question: "none",
    empathy: false,
    cushion: false,
    violation: "none",
    interruption: false,
    apology: "none",
    ...overrides,
  };
}

import { questionKindLabels, rubricLabelNames, violationLabels } from "@/components/labels-ja";
import { type OverridableLabel, overridableLabels } from "@/lib/review/overrides";
import { questionKinds, type RubricLabels, violationKinds } from "@/lib/rubric/labels";

// Japanese names of the overridable labels and their values, for the trainer's correction form and the
// struck-through display. Pure data, usable by client and server components.

export const overrideLabelNames: Record<OverridableLabel, string> = rubricLabelNames;

export interface ValueOption {
  /** The value as sent in a form ("true" / "false" or the kind). */
  value: string;
  label: string;
}

/** The values a trainer can choose for a label. */
export function overrideValueOptions(label: OverridableLabel): ValueOption[] {
  if (label === "question") return questionKinds.map((k) => ({ value: k, label: questionKindLabels[k] }));
  if (label === "violation") {
    return violationKinds.map((k) => ({ value: k, label: k === "none" ? "なし" : violationLabels[k] }));
  }
  return [
    { value: "true", label: "あり" },
    { value: "false", label: "なし" },
  ];
}

/** A label's value in Japanese (あり / なし, the question kind, the violation). */
export function formatLabelValue(label: OverridableLabel, value: unknown): string {
  const text = String(value);
  return overrideValueOptions(label).find((o) => o.value === text)?.label ?? text;
}

/** A form's string back to the label's value type. */
export function parseFormValue(label: OverridableLabel, value: string): boolean | string {
  if (label === "question" || label === "violation") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  return value;
}

/** The analyzer's value of each label as a form value, to mark it in the correction form. */
export function automaticFormValues(analysis: RubricLabels): Record<OverridableLabel, string> {
  return Object.fromEntries(overridableLabels.map((l) => [l, String(analysis[l])])) as Record<
    OverridableLabel,
    string
  >;
}

import { questionKindLabels, rubricLabelNames, violationLabels } from "@/components/labels-ja";
import { labelKeys, type RubricLabels } from "@/lib/rubric/labels";

// Where the optional LLM judge reads a reply differently from the analyzer. The analyzer's labels
// score the call; the judge's are a second opinion for the trainer and trainee to look at.

export interface Disagreement {
  key: keyof RubricLabels;
  label: string;
  analyzer: string;
  judge: string;
}

/** The labels on which the judge and the analyzer differ, in the rubric's order. */
export function listJudgeDisagreements(analyzer: RubricLabels, judge: RubricLabels): Disagreement[] {
  return labelKeys
    .filter((key) => analyzer[key] !== judge[key])
    .map((key) => ({
      key,
      label: rubricLabelNames[key],
      analyzer: describeValue(key, analyzer),
      judge: describeValue(key, judge),
    }));
}

function describeValue(key: keyof RubricLabels, labels: RubricLabels): string {
  if (key === "question") return questionKindLabels[labels.question];
  if (key === "violation") return labels.violation === "none" ? "なし" : violationLabels[labels.violation];
  return labels[key] ? "あり" : "なし";
}

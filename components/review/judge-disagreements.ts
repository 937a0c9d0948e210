import { violationLabels } from "@/components/labels-ja";
import { labelKeys, type RubricLabels } from "@/lib/rubric/labels";

// Where the optional LLM judge reads a reply differently from the analyzer. The analyzer's labels
// score the call; the judge's are a second opinion for the trainer and trainee to look at.

export interface Disagreement {
  key: keyof RubricLabels;
  label: string;
  analyzer: string;
  judge: string;
}

const labelNames: Record<keyof RubricLabels, string> = {
  backchannel: "相づち",
  parroting: "オウム返し",
  summarizing: "要約",
  question: "質問",
  empathy: "共感",
  cushion: "クッション言葉",
  violation: "してはいけない応答",
};

const questionNames: Record<RubricLabels["question"], string> = {
  none: "なし",
  closed: "閉じた質問",
  open: "開いた質問",
};

/** The labels on which the judge and the analyzer differ, in the rubric's order. */
export function listJudgeDisagreements(analyzer: RubricLabels, judge: RubricLabels): Disagreement[] {
  return labelKeys
    .filter((key) => analyzer[key] !== judge[key])
    .map((key) => ({
      key,
      label: labelNames[key],
      analyzer: describeValue(key, analyzer),
      judge: describeValue(key, judge),
    }));
}

function describeValue(key: keyof RubricLabels, labels: RubricLabels): string {
  if (key === "question") return questionNames[labels.question];
  if (key === "violation") return labels.violation === "none" ? "なし" : violationLabels[labels.violation];
  return labels[key] ? "あり" : "なし";
}

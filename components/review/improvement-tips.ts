import { type StepKey, stepLabels } from "@/components/labels-ja";
import type { Scorecard } from "@/lib/calls/scorecard";

export interface ImprovementTip {
  step: StepKey;
  label: string;
  score: number;
  tip: string;
}

const tips: Record<StepKey, string> = {
  backchannel:
    "お客様の言葉の切れ目ごとに「はい」「さようでございますか」と短く相づちを打ち、聞いていることを声で伝えましょう。",
  parroting:
    "お客様が使った言葉（商品名・日付・お気持ちの言葉）を一つ選び、「〇〇が届いていない、ということですね」とそのまま繰り返しましょう。",
  summarizing:
    "お話が一段落したら、要点を二つ以上まとめて「〇〇で、△△ということでございますね」と確認しましょう。",
  question:
    "「どのような状況でしょうか」などの開かれた質問で詳しく伺い、日付や番号は閉じた質問で確かめましょう。",
  notInterrupting:
    "お客様が話し終えるまで待ち、一呼吸おいてから応答しましょう。お話の途中は「はい」などの相づちだけにとどめます。",
};

// Below this, a third weak step is worth practising too; above it, two tips keep the advice focused.
const THIRD_TIP_BELOW = 80;

/** The two or three weakest listening steps of a call, each with one concrete tip (weakest first). */
export function pickImprovementTips(scorecard: Pick<Scorecard, "steps">): ImprovementTip[] {
  const order = Object.keys(stepLabels) as StepKey[];
  const ranked = order
    .map((step) => ({ step, label: stepLabels[step], score: scorecard.steps[step], tip: tips[step] }))
    // Stable sort: ties keep rubric order, so the earlier step of the listening sequence comes first.
    .sort((a, b) => a.score - b.score);
  const third = ranked[2];
  return third && third.score < THIRD_TIP_BELOW ? ranked.slice(0, 3) : ranked.slice(0, 2);
}

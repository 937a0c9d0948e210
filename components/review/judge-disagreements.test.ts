import { describe, expect, it } from "vitest";
import { neutralSignals } from "@/lib/rubric/labels";
import { listJudgeDisagreements } from "./judge-disagreements";

describe("judge disagreements", () => {
  it("lists nothing when the judge agrees", () => {
    expect(listJudgeDisagreements(neutralSignals(), neutralSignals())).toEqual([]);
  });

  it("names each label the judge reads differently, with both readings in Japanese", () => {
    const analyzer = neutralSignals({ empathy: true, question: "closed" });
    const judge = neutralSignals({ empathy: false, question: "open", violation: "advise" });
    expect(listJudgeDisagreements(analyzer, judge)).toEqual([
      { key: "question", label: "質問", analyzer: "クローズド質問", judge: "オープン質問" },
      { key: "empathy", label: "共感", analyzer: "あり", judge: "なし" },
      { key: "violation", label: "してはいけない応答", analyzer: "なし", judge: "助言の押し付け" },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { createLinderaTokenizer } from "@/lib/rubric/japanese";
import { countKanaMorae, countMorae } from "./morae";

describe("morae", () => {
  it.each([
    ["キョウ", 2],
    ["ガッコウ", 4],
    ["コーヒー", 4],
    ["しんぶん", 4],
    ["シャチョウ", 3],
  ])("countKanaMorae(%s) = %i", (kana, morae) => {
    expect(countKanaMorae(kana)).toBe(morae);
  });

  it("counts kanji by their lindera readings", () => {
    const tokenizer = createLinderaTokenizer("all");
    // もうしわけございません: も・う・し・わ・け・ご・ざ・い・ま・せ・ん = 11
    expect(countMorae("申し訳ございません", tokenizer)).toBe(11);
    // きょうは・がっこう = きょ・う・は・が・っ・こ・う = 7
    expect(countMorae("今日は学校", tokenizer)).toBe(7);
  });

  it("estimates words without a reading", () => {
    const tokenizer = {
      tokenize: () => [
        { surface: "E52", baseForm: "E52", reading: "", pos: "名詞", posDetail: "英数", start: 0, end: 3 },
      ],
    };
    expect(countMorae("E52", tokenizer)).toBe(3);
  });
});

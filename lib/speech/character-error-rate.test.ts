import { describe, expect, it } from "vitest";
import { characterErrors, corpusCer, editDistance, normalizeForCer } from "./character-error-rate";

describe("character error rate", () => {
  it("counts substitutions, deletions and insertions by character", () => {
    expect(editDistance("申し訳ございません", "申し訳ございません")).toBe(0);
    expect(editDistance("申し訳ございません", "申しわけございません")).toBe(2);
    expect(editDistance("承知いたしました", "承知しました")).toBe(2);
    expect(editDistance("確認いたします", "確認いたしますね")).toBe(1);
    expect(editDistance("", "はい")).toBe(2);
  });

  it("ignores punctuation, spaces and full-width forms", () => {
    expect(normalizeForCer("はい、 さようでございますか。")).toBe("はいさようでございますか");
    expect(normalizeForCer("ＡＢＣ１２３！")).toBe("abc123");
    expect(characterErrors("お電話ありがとうございます。", "お電話 ありがとうございます")).toEqual({
      errors: 0,
      length: 13,
    });
  });

  it("weighs the corpus by reference length", () => {
    const items = [
      characterErrors("はい", "はい"),
      characterErrors("恐れ入ります", "恐れ入ります。"),
      { errors: 4, length: 8 },
    ];
    expect(corpusCer(items)).toBeCloseTo(4 / 16);
    expect(corpusCer([])).toBe(0);
  });
});

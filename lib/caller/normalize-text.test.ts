import { describe, expect, it } from "vitest";
import { normalizeText } from "@/lib/caller/normalize-text";

describe("normalizeText", () => {
  it.each([
    ["ＡＢＣ－１２３", "abc123"],
    ["オツナギします", "おつなぎします"],
    ["お取替え", "おとりかえ"],
    ["お取り替え", "おとりかえ"],
    ["教えて下さい", "教えてください"],
    ["お繋ぎ致します", "おつなぎいたします"],
    ["申し訳ありません", "もうしわけございません"],
    ["有難うございます", "ありがとうございます"],
    ["A - 2024 0513", "a20240513"],
    ["4,980円", "4980円"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

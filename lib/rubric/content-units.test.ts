import { describe, expect, it } from "vitest";
import { analyzeText } from "./content-units";
import { getJapaneseTokenizer } from "./japanese";

const tokenizer = getJapaneseTokenizer();
const keysOf = (text: string) =>
  analyzeText(text, tokenizer)
    .units.filter((u) => !u.generic)
    .map((u) => u.keys[0]);
const shareWord = (a: string, b: string) => {
  const right = new Set(
    analyzeText(b, tokenizer)
      .units.filter((u) => !u.generic)
      .flatMap((u) => u.keys),
  );
  return analyzeText(a, tokenizer).units.some((u) => !u.generic && u.keys.some((k) => right.has(k)));
};

describe("content words by base form and reading", () => {
  it.each([
    ["割れてた", "割れていた", true], // polite inflection of the same verb
    ["遅い", "遅れている", false], // different words
    ["ヤマモトさん", "山本", true], // same reading
    ["お孫さん", "孫", true], // honorific wrapping
    ["金曜", "金曜日", true],
    ["3,870円", "3870円", true],
    ["商品", "商品", false], // generic word never counts
  ])("%s ~ %s → %s", (a, b, expected) => {
    expect(shareWord(a, b)).toBe(expected);
  });

  it("joins numbers with their counters and keeps codes", () => {
    expect(keysOf("2週間前にE-52と出た")).toEqual(expect.arrayContaining(["2週間", "e-52"]));
  });

  it("splits clauses at conjunctive particles but not at auxiliaries", () => {
    const text = "水が漏れていて、床が濡れてしまったのに、連絡がない";
    const clauses = analyzeText(text, tokenizer).clauses.map((c) => text.slice(c.start, c.end));
    expect(clauses).toEqual(["水が漏れていて、", "床が濡れてしまったのに、", "連絡がない"]);
  });
});

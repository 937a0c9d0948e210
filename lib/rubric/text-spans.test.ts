import { describe, expect, it } from "vitest";
import { findSpans, mergeSpans, splitSentences, stripSentenceEnd } from "./text-spans";

describe("splitSentences", () => {
  it.each([
    ["はい。そうですか!", ["はい。", "そうですか!"]],
    ["そうでしたか……。ミイちゃん、19歳なのですね", ["そうでしたか……。", "ミイちゃん、19歳なのですね"]],
    ["動画って再生できますか? あと、見られますか?", ["動画って再生できますか?", "あと、見られますか?"]],
    ["", []],
  ])("%s", (text, expected) => {
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(expected);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe("span helpers", () => {
  it("finds and merges spans", () => {
    expect(findSpans("はい、はい", /はい/g, 10)).toEqual([
      { start: 10, end: 12 },
      { start: 13, end: 15 },
    ]);
    expect(
      mergeSpans([
        { start: 3, end: 5 },
        { start: 0, end: 4 },
        { start: 7, end: 8 },
      ]),
    ).toEqual([
      { start: 0, end: 5 },
      { start: 7, end: 8 },
    ]);
  });

  it("strips sentence-final punctuation", () => {
    expect(stripSentenceEnd("言ってもらえます?")).toBe("言ってもらえます");
    expect(stripSentenceEnd("見てるんですよー!")).toBe("見てるんですよ");
  });
});

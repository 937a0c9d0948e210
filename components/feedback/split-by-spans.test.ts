import { describe, expect, it } from "vitest";
import { splitBySpans } from "./split-by-spans";

const plain = (segments: ReturnType<typeof splitBySpans>) => segments.map((s) => [s.text, s.tone]);

describe("splitBySpans", () => {
  it("returns nothing for empty text", () => {
    expect(splitBySpans("", [{ start: 0, end: 3 }])).toEqual([]);
  });

  it("returns the whole text unmarked without spans", () => {
    expect(plain(splitBySpans("はい、承知しました", []))).toEqual([["はい、承知しました", null]]);
  });

  it("marks one span in the middle", () => {
    expect(plain(splitBySpans("まず、届いていないのですね", [{ start: 3, end: 9 }]))).toEqual([
      ["まず、", null],
      ["届いていない", "good"],
      ["のですね", null],
    ]);
  });

  it("keeps offsets and rebuilds the original text", () => {
    const text = "さようでございますか。恐れ入りますが";
    const segments = splitBySpans(text, [
      { start: 0, end: 10 },
      { start: 11, end: 18 },
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    for (const s of segments) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it("merges overlapping spans and lets the more serious tone win", () => {
    const segments = splitBySpans("abcdefgh", [
      { start: 1, end: 5, tone: "good", label: "共感" },
      { start: 3, end: 7, tone: "bad", label: "反論" },
    ]);
    expect(segments.map((s) => [s.text, s.tone, s.labels])).toEqual([
      ["a", null, []],
      ["bc", "good", ["共感"]],
      ["de", "bad", ["共感", "反論"]],
      ["fg", "bad", ["反論"]],
      ["h", null, []],
    ]);
  });

  it("joins touching spans of the same tone and label", () => {
    expect(
      plain(
        splitBySpans("abcdef", [
          { start: 0, end: 2, label: "要約" },
          { start: 2, end: 4, label: "要約" },
        ]),
      ),
    ).toEqual([
      ["abcd", "good"],
      ["ef", null],
    ]);
  });

  it("clamps spans that stick out of the text", () => {
    expect(plain(splitBySpans("abc", [{ start: -5, end: 2 }]))).toEqual([
      ["ab", "good"],
      ["c", null],
    ]);
    expect(plain(splitBySpans("abc", [{ start: 1, end: 99, tone: "warn" }]))).toEqual([
      ["a", null],
      ["bc", "warn"],
    ]);
  });

  it("ignores empty, reversed, wholly outside and non-finite spans", () => {
    const spans = [
      { start: 2, end: 2 },
      { start: 3, end: 1 },
      { start: 10, end: 20 },
      { start: Number.NaN, end: 2 },
    ];
    expect(plain(splitBySpans("abc", spans))).toEqual([["abc", null]]);
  });
});

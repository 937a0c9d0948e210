import { describe, expect, it } from "vitest";
import {
  createCachedTokenizer,
  getFullTokenizer,
  getJapaneseTokenizer,
  type JapaneseTokenizer,
} from "./japanese";

describe("getJapaneseTokenizer (lindera IPADIC, content words)", () => {
  const tokenizer = getJapaneseTokenizer();

  it("gives base forms, readings and character offsets", () => {
    const text = "瓶が割れてたのよ。ヤマモトさん";
    const morphemes = tokenizer.tokenize(text);
    const verb = morphemes.find((m) => m.pos === "動詞");
    expect(verb).toMatchObject({ surface: "割れ", baseForm: "割れる", start: 2, end: 4 });
    const name = morphemes.find((m) => m.posDetail.startsWith("固有名詞"));
    expect(name?.reading).toBe("ヤマモト");
    for (const m of morphemes) expect(text.slice(m.start, m.end)).toBe(m.surface);
  });

  it("keeps Latin and digit runs that IPADIC leaves unknown", () => {
    const text = "3,870円とE-52";
    const surfaces = tokenizer.tokenize(text).map((m) => m.surface);
    expect(surfaces).toEqual(expect.arrayContaining(["3,870", "円", "E-52"]));
  });

  it("is memoized per process", () => {
    expect(getJapaneseTokenizer()).toBe(tokenizer);
  });
});

describe("createCachedTokenizer", () => {
  it("tokenizes each distinct text once", () => {
    let calls = 0;
    const inner: JapaneseTokenizer = {
      tokenize: () => {
        calls += 1;
        return [];
      },
    };
    const cached = createCachedTokenizer(inner, 4);
    cached.tokenize("a");
    cached.tokenize("a");
    cached.tokenize("b");
    expect(calls).toBe(2);
  });
});

describe("lindera's lost kana runs", () => {
  it("reads a phrase IPADIC gives up on again, so no word of it is dropped", () => {
    const words = getFullTokenizer()
      .tokenize("期限が過ぎちゃったらどうなるの")
      .map((m) => m.surface);
    expect(words.join("")).toBe("期限が過ぎちゃったらどうなるの");
    expect(words).toContain("過ぎ");
  });
});

import { describe, expect, it } from "vitest";
import { getFullTokenizer } from "./japanese";
import { normalizeSpoken, toOriginalSpan } from "./normalize-spoken";

const normalize = (text: string) => normalizeSpoken(text, getFullTokenizer()).text;

describe("normalizeSpoken", () => {
  it("sets fillers aside and keeps the words around them", () => {
    expect(normalize("えー、あの、ご注文の商品が届いていないのですね")).toBe(
      "ご注文の商品が届いていないのですね",
    );
  });

  it("keeps あっため and あったか: IPADIC's あっ there is part of the word, not a filler", () => {
    expect(normalize("変な音がして、あっためもできないと")).toContain("あっためもできない");
    expect(normalize("あったかいお茶でも飲んでください")).toContain("あったかい");
  });

  it("ends a sentence at a polite form, but not where it goes on into 通り or 際", () => {
    expect(normalize("規約にございます通りお受けいたしかねます")).toBe(
      "規約にございます通りお受けいたしかねます",
    );
    expect(normalize("お手続きいたします際はお名前をお願いします")).not.toContain("ます。際");
    expect(normalize("承知しましたご注文番号をお願いします")).toBe("承知しました。ご注文番号をお願いします");
  });

  it("writes numbers read out a digit at a time as digits, not words that only look like them", () => {
    expect(normalize("電話番号は、ゼロキュウゼロの、いちにいさんよん、の、ごおろくななはち、です")).toBe(
      "電話番号は、090、1234、5678、です",
    );
    expect(normalize("番号は、さん、なな、いち、はち、でございますね")).toBe("番号は、3718、でございますね");
    expect(normalize("ごごにお伺いします")).toBe("ごごにお伺いします");
    expect(normalize("にしかわさんにお渡しします")).toBe("にしかわさんにお渡しします");
  });

  it("maps normalized spans back onto the original words", () => {
    const original = "えー、瓶が割れていたのですね";
    const normalized = normalizeSpoken(original, getFullTokenizer());
    const start = normalized.text.indexOf("瓶");
    const span = toOriginalSpan(normalized, { start, end: start + 1 });
    expect(original.slice(span.start, span.end)).toBe("瓶");
  });
});

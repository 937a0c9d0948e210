import { describe, expect, it } from "vitest";
import { analyzeText } from "./content-units";
import { getJapaneseTokenizer } from "./japanese";
import { suggestReply } from "./suggest-reply";

const tokenizer = getJapaneseTokenizer();

describe("suggestReply", () => {
  it.each([
    ["瓶が割れてたのよ!", "瓶が割れていたのですね。それはさぞお困りでしたよね。"],
    ["もう三日も前から水が漏れてんのよ。", "三日も前から水が漏れているのですね。"],
    [
      "孫が東京に行っちゃってね、家が静かになっちゃったの。",
      "孫が東京に行ってしまって、家が静かになってしまったのですね。それはお寂しいですよね。",
    ],
    [
      "ボトルなんですけど、次の配送を金曜に変えたいんです。",
      "次の配送を金曜に変えたいのですね。恐れ入りますが",
    ],
    ["在庫切れなのよ。", "在庫切れなのですね。"],
  ])("%s", (callerText, expected) => {
    const suggestion = suggestReply(analyzeText(callerText, tokenizer));
    expect(suggestion.startsWith("さようでございますか。")).toBe(true);
    expect(suggestion).toContain(expected);
    expect(suggestion.endsWith("お聞かせいただけますでしょうか。")).toBe(true);
  });

  it("falls back to a cushioned open question without caller words", () => {
    expect(suggestReply(undefined)).toBe(
      "さようでございますか。恐れ入りますが、もう少し詳しい状況をお聞かせいただけますでしょうか。",
    );
  });
});

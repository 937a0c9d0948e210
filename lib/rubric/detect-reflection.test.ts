import { describe, expect, it } from "vitest";
import { isReflectiveSentence } from "./detect-reflection";

describe("isReflectiveSentence", () => {
  it.each([
    ["瓶が割れていたのですね。", true],
    ["つまり、二回請求されているということですね。", true],
    ["ご希望日は来月15日でよろしいでしょうか。", true],
    ["せっかくお求めいただいたのに、着けたくないとおっしゃるほどでは、ご心配ですよね。", true],
    ["息子さん甲子園目指してたんですね、すごい!", true],
    // operator statements, requests and information questions hand nothing back
    ["電子レンジは粗大ごみとして収集いたします。", false],
    ["割れた瓶の写真を送っていただけますか。", false],
    ["階段はどのような形で曲がっていますか。", false],
    ["個人的には問題ないと思うんですけどね。", false],
    ["チェックを入れていただいておりますので、ご案内はしております。", false],
  ])("%s → %s", (sentence, expected) => {
    expect(isReflectiveSentence(sentence)).toBe(expected);
  });

  it("counts a quotation only when the caller said it", () => {
    expect(isReflectiveSentence("『いつでもやめられる』と。", ["『いつでもやめられる』って言ったのよ"])).toBe(
      true,
    );
    expect(isReflectiveSentence("『4回継続が条件』と記載がございます。", ["解約できないって何それ"])).toBe(
      false,
    );
  });
});

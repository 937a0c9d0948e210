import { describe, expect, it } from "vitest";
import { detectQuestion } from "./detect-question";

describe("detectQuestion", () => {
  it.each([
    // open: invites the caller's own account
    ["吐いたときの様子はどのようなものでしたか。", "open"],
    ["差し支えなければ、気になっている点を詳しくお聞かせいただけますか。", "open"],
    ["どうしてそう思われたのでしょうか。", "open"],
    ["ご主人はどんな味付けがお好きでした?", "open"],
    ["その後、お加減はいかがでしたか。", "open"],
    ["どこまで操作されたか教えていただけますか。", "open"],
    ["ご用件をどうぞ。", "open"],
    ["よろしければお聞かせいただけますか。", "open"],
    ["何があったのか、順番に教えていただけますか。", "open"],
    // both kinds in one reply → open
    ["お名前を教えてください。それから、どのような症状か伺えますか。", "open"],
    // closed: yes/no, a choice or one datum
    ["今も水は漏れ続けていますでしょうか。", "closed"],
    ["朝いちばんの枠でお取りすることもできますが、いかがいたしましょう。", "closed"],
    ["恐れ入りますが、ご注文番号を教えていただけますか。", "closed"],
    ["パソコンとスマートフォン、どちらでご覧になっていますか。", "closed"],
    ["いつ頃届きましたか。", "closed"],
    ["使用中止のご希望日は、来月15日でよろしいでしょうか。", "closed"],
    ["ご本人様確認のため、生年月日をお願いします。", "closed"],
    ["では番号をどうぞ。", "closed"],
    ["ご住所のほうをもう一度確認させてください。", "closed"],
    ["新しい住所言ってもらえます?", "closed"],
    ["何かほかに気になることはございませんか。", "closed"],
    ["一緒に見ながらご説明いたしましょうか。", "closed"],
    ["お名前をお聞かせいただけますか。", "closed"],
    ["交換でいかがでしょうか。", "closed"],
    // none: tags, acknowledgements, requests that ask for nothing to be told
    ["瓶が割れていたのですね。", "none"],
    ["さようでございますか。", "none"],
    ["はい、そうですか。", "none"],
    ["少々お待ちください。", "none"],
    ["ご意見はお問い合わせフォームからお送りください。", "none"],
    ["どうぞ無理なさらず、ゆっくりお話しください。", "none"],
    ["再生できるかどうかと、見られるかどうか、の二点でございますね。", "none"],
    ["よろしくお願いいたします。", "none"],
    ["いつでもお電話くださいね。", "none"],
  ])("%s → %s", (reply, expected) => {
    expect(detectQuestion(reply).kind).toBe(expected);
  });

  it("points at the question sentence", () => {
    const reply = "はい、承りました。お名前を教えていただけますか。";
    const [span] = detectQuestion(reply).spans;
    expect(span && reply.slice(span.start, span.end)).toBe("お名前を教えていただけますか。");
  });
});

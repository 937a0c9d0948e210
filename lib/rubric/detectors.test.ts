import { describe, expect, it } from "vitest";
import { detectApology } from "./detect-apology";
import { detectCushion } from "./detect-cushion";
import { detectEmpathy } from "./detect-empathy";
import { detectViolation, type ViolationContext } from "./detect-violation";

describe("detectEmpathy", () => {
  it.each([
    ["それはお困りでしたよね。", true],
    ["ご心配をおかけしました。", true],
    ["楽しみにされていたのに残念でしたね。", true],
    ["お一人だと寂しいですよね。", true],
    ["ご不便をおかけし、さぞお困りだったことと存じます。", true],
    ["それはひどいですね。", true],
    ["せっかくの旅行が台無しになって、がっかりされましたよね。", true],
    ["そのように言われては、ご不快に思われて当然です。", true],
    ["お気持ち、よく分かります。", true],
    // tricky negatives
    ["申し訳ございません。", false],
    ["ご迷惑をおかけして申し訳ございません。", false],
    ["おめでとうございます!", false],
    ["すごいですね!", false],
    ["大変申し訳ございません。", false],
    ["残念ながら、在庫がございません。", false],
    ["ご心配なく、すぐにお送りします。", false],
    ["何かお困りのことはございませんか。", false],
    ["そのお気持ちだけで十分嬉しいです。", false],
    // feelings of relief and joy, and the weight of a loss, are named too
    ["無事に間に合って、ほっとされましたね。", true],
    ["長年の夢が叶って、喜びもひとしおですね。", true],
    ["言葉にならないお気持ちかと存じます。", true],
    ["せっかくのお誕生日のケーキが台無しになってしまい、申し訳ございません。", true],
    ["混み合いますので、平日のほうがゆっくりお過ごしいただけるかと存じます。", false],
    ["料金が発生するのは当然です。", false],
  ])("%s → %s", (reply, expected) => {
    expect(detectEmpathy(reply).present).toBe(expected);
  });
});

describe("detectCushion", () => {
  it.each([
    ["恐れ入りますが、お名前を伺えますか。", true],
    ["恐縮ですが、本日の受付は終了しております。", true],
    ["申し訳ございませんが、お受けできかねます。", true],
    ["申し訳ございません、その件はお答えいたしかねます。", true],
    ["お手数ですが、もう一度お送りいただけますか。", true],
    ["差し支えなければ、ご年齢を伺えますか。", true],
    ["失礼ですが、ご契約者様ご本人でしょうか。", true],
    ["あいにく満席でございます。", true],
    ["よろしければ、お聞かせください。", true],
    // tricky negatives
    ["大変申し訳ございません。すぐにお送りいたします。", false],
    ["失礼いたしました。", false],
    ["こちらでよろしいでしょうか。", false],
  ])("%s → %s", (reply, expected) => {
    expect(detectCushion(reply).present).toBe(expected);
  });
});

describe("detectViolation", () => {
  const plain: ViolationContext = {
    firstAcknowledgement: null,
    hasCushion: false,
    callerSaidSomething: true,
  };
  const acknowledged: ViolationContext = { ...plain, firstAcknowledgement: 0 };
  it.each([
    ["お客様の使い方が悪いのではないでしょうか。", plain, "criticize"],
    ["確認されなかったのですか。", plain, "criticize"],
    ["いえ、そんなはずはございません。", plain, "argue"],
    ["ですから、先ほども申し上げた通りです。", plain, "argue"],
    ["でも規約に書いてありますので。", plain, "argue"],
    ["次回からは受け取り時に確認されるといいですよ。", plain, "advise"],
    ["病院に行かれたほうがいいと思います。", plain, "advise"],
    ["私はそのくらいなら問題ないと思いますけど。", plain, "opinion"],
    ["それは考えすぎですよ。", plain, "opinion"],
    ["それより、ご注文番号をお願いします。", plain, "derail"],
    ["その話はいいので、型番を教えてください。", plain, "derail"],
    ["結論から申し上げますと、返品はできません。", plain, "derail"],
    ["ご意見はホームページのフォームからお送りください。", plain, "derail"],
    ["ご用件をどうぞ。", plain, "derail"],
    // acknowledged first, cushioned, or the company's remedy: not violations
    ["結論から申し上げますと、明日お届けできます。", acknowledged, "none"],
    ["ご用件をどうぞ。", acknowledged, "none"],
    ["交換品をお送りいたしますので、お待ちください。", plain, "none"],
    ["恐れ入りますが、返品はホームページからお手続きください。", { ...plain, hasCushion: true }, "none"],
    ["明日のお届けになるかと思います。", plain, "none"],
    ["さぞ気をもまれていることと思います。", plain, "none"],
    // broadened forms
    ["どこかで水を出しっぱなしにされていたのでは。", plain, "criticize"],
    ["迷惑メールに振り分けられていたのを、お見落としになったのではと存じます。", plain, "criticize"],
    ["はい、いえ、ドライバーの記録では14時に伺ったとなっておりますので。", plain, "argue"],
    ["でも、一文字だけですし、ケーキは美味しく召し上がれたかと。", plain, "opinion"],
    ["ただ、本日は混み合っておりまして、このくらいの待ち時間はごく普通なんです。", plain, "argue"],
    ["正直、わたしは、三年生でスマホはちょっと早いかなって、思っちゃうんですけど。", plain, "opinion"],
    ["それくらいは覚えていただかないと。", plain, "criticize"],
    ["システムには問題はございませんでした。", plain, "argue"],
    ["それは仕様です。", plain, "argue"],
    ["毛布を一枚足してみたらどうですか。", plain, "advise"],
    ["私も、2か月くらいで違約金を取るのはちょっとどうかと思います。", plain, "opinion"],
    ["ほかの会社と比べてもまだ安いほうですよ。", plain, "opinion"],
    ["会員サイトのチャットからお願いいたします。", plain, "derail"],
    // intentions, plain answers to an inquiry and facts are not violations
    ["私どもでお調べしたいと思います。", plain, "none"],
    ["私のほうで確認させていただこうと思います。", plain, "none"],
    ["こちらは新しいほうでございます。", plain, "none"],
    ["ご不便をおかけしていたのではないかと案じております。", plain, "none"],
    ["詳しい手順はホームページからご確認ください。", { ...plain, callerInquiring: true }, "none"],
    ["そちらは仕様でございます。", { ...plain, callerInquiring: true }, "none"],
    // precedence: criticize > argue > advise > opinion > derail
    ["いえ、確認されなかったのですか。", plain, "criticize"],
    ["ですから、次回からは確認されたほうがいいですよ。", plain, "argue"],
    ["個人的には、早めに受診されたほうがいいと思います。", plain, "advise"],
    // spoken forms: pauses, hearsay tips, trailing hedges
    ["色が違うくらいで、そんなに、ピリピリ、されなくても。", plain, "opinion"],
    ["私でしたら、迷わず軽いほうを選びますね。", plain, "opinion"],
    ["早く帰れたと思えば、それはそれで、よかったんじゃないかなあ、なんて。", plain, "opinion"],
    ["寝る前に白湯を飲まれると、ぐっすり眠れるって言いますよ。", plain, "advise"],
    ["次からは、ですね、夜のうちに、充電されるように、されると、安心かと。", plain, "advise"],
    ["おそらく、お客様が番号を聞き違えられたのだと思います。", plain, "criticize"],
    ["結論から、申し上げますと、在庫がございません。", plain, "derail"],
    // one of our own plans recommended is an offer; the caller's conduct recommended is advice
    ["お子様連れでしたら、和室のプランがおすすめでございます。", plain, "none"],
    ["早めにお出かけになるのがおすすめです。", plain, "advise"],
  ] as const)("%s → %s", (reply, context, expected) => {
    expect(detectViolation(reply, context).kind).toBe(expected);
  });
});

describe("detectApology", () => {
  it.each([
    ["ご不便をおかけして申し訳ございません。", "limited", true],
    ["お待たせしてしまい、申し訳ございません。", "limited", true],
    ["すみませんでした。", "limited", false],
    ["すべて弊社の責任です。", "blanket", false],
    ["こちらのミスで、大変申し訳ございません。", "blanket", false],
    ["申し訳ございませんが、お受けできません。", "none", false],
    ["承知いたしました。", "none", false],
  ] as const)("%s → %s", (reply, kind, scoped) => {
    const result = detectApology(reply);
    expect(result.kind).toBe(kind);
    expect(result.scoped).toBe(scoped);
  });
});

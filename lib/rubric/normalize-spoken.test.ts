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

  it("closes a pause inside one phrase, but not after a lone 相づち or before a read-back's ですね", () => {
    expect(normalize("申し訳、ございませんが、恐れ入り、ますが、お手数、ですが")).toBe(
      "申し訳ございませんが、恐れ入りますが、お手数ですが",
    );
    expect(normalize("入って、いなかったんですね")).toBe("入っていなかったんですね");
    expect(normalize("はい、ございます")).toBe("はい、ございます");
    expect(normalize("エーの、いち、に、さん、よん、ですね")).toBe("A1234、ですね");
  });

  it("sets a lone その before a pause aside, and keeps a laugh whole", () => {
    expect(normalize("本日は、その、どういった症状で")).toBe("本日は、どういった症状で");
    expect(normalize("その件につきましては")).toBe("その件につきましては");
    expect(normalize("テレビとばっかり話してるのよ、あはは。")).toContain("あはは");
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

  it("writes numbers said with their counter, and a code's letters said by name, as they would be typed", () => {
    expect(normalize("お届け日が、じゅうにがつ、はつか、の、ごぜんちゅう")).toBe(
      "お届け日が、12月、20日、の、ごぜんちゅう",
    );
    expect(normalize("じゅうよじ、にふんに、伺いました")).toBe("14時、2分に、伺いました");
    expect(normalize("いちまんはっせんえん の、ご請求")).toBe("1万8000円、の、ご請求");
    expect(normalize("電話じゃ、ごまんって言ったのに")).toBe("電話じゃ、5万って言ったのに");
    expect(normalize("エーの、いち、に、さん、よん、ですね")).toBe("A1234、ですね");
    // Words that only look like a number and a counter stay words.
    expect(normalize("それでじゅうぶんです")).toBe("それでじゅうぶんです");
    expect(normalize("さんぼんがわ様ですね")).toBe("さんぼんがわ様ですね");
    expect(normalize("いちばん大事なこと")).toBe("いちばん大事なこと");
    // いつか, なのか and ようか are days only after a month: いつから and なのか are words.
    expect(normalize("ご使用開始日は、いつから、ご希望でしょうか")).toBe(
      "ご使用開始日は、いつから、ご希望でしょうか",
    );
    expect(normalize("どんな音なのか、お聞かせください")).toBe("どんな音なのか、お聞かせください");
    expect(normalize("さんがつ、いつかの、ごぜんちゅう")).toBe("3月、5日の、ごぜんちゅう");
  });

  it("does not end a sentence inside くださいます", () => {
    expect(normalize("どんなお話を聞かせてくださいますか")).toBe("どんなお話を聞かせてくださいますか");
  });

  it("maps normalized spans back onto the original words", () => {
    const original = "えー、瓶が割れていたのですね";
    const normalized = normalizeSpoken(original, getFullTokenizer());
    const start = normalized.text.indexOf("瓶");
    const span = toOriginalSpan(normalized, { start, end: start + 1 });
    expect(original.slice(span.start, span.end)).toBe("瓶");
  });

  it("reads a number said digit by digit in its groups, without the digits said wrong before 失礼いたしました", () => {
    expect(
      normalize(
        "お電話番号が、ゼロ、きゅう、ゼロ、の、さん、よん、いち、に、の、なな、なな、ご、あ、失礼、いたしました、なな、なな、はち、ご、で、ございますね",
      ),
    ).toContain("090-3412-7785");
    expect(normalize("夜は、じゅうはち時から、にじゅう時と、じゅうきゅう時から")).toBe(
      "夜は、18時から、20時と、19時から",
    );
    expect(normalize("不在票の、右上にある、じゅうにけたの、番号を")).toContain("12桁");
    // (A lone さん or に before a kanji is no number: 田中さん日曜, お客様に時間を.)
    expect(normalize("お客様に時間を")).toBe("お客様に時間を");
    expect(normalize("田中さん日曜")).toBe("田中さん日曜");
  });

  it("sets aside a stutter and a lone え of surprise, but not a token said twice or a digit repeated", () => {
    expect(normalize("え、に、二回、ですか。")).toBe("二回ですか。");
    expect(normalize("はい、ご、ご注文の件ですね。")).toBe("はい、ご注文の件ですね。");
    expect(normalize("はい、配送員がお届けした際に")).toContain("はい、配送員が");
    expect(normalize("はい、はい。承知しました")).toContain("はい、はい");
    expect(normalize("いち、いち、ご")).toContain("1");
  });

  it("sets aside words taken back with あ、いえ", () => {
    expect(normalize("わたくしのほうから、あ、いえ、担当の部署から、お伝え、しますので")).toBe(
      "担当の部署から、お伝えしますので",
    );
  });

  it("ends a recognizer's sentence before では, never before a quote it modifies", () => {
    expect(normalize("うれしいお言葉ありがとうございますではまたお届けいたしますね")).toBe(
      "うれしいお言葉ありがとうございます。ではまたお届けいたしますね",
    );
    expect(normalize("お願いできますでしょうか")).toBe("お願いできますでしょうか");
    expect(normalize("取扱説明書にございます『空だき禁止』という注意書き")).not.toContain("。");
  });

  it("reads a name said in two parts as one, and sets aside a ですね held after a particle", () => {
    expect(normalize("はい、ヤマモト、ミサキ様ですね")).toContain("ヤマモトミサキ様");
    expect(normalize("パスワードは、ですね、手帳などに")).toBe("パスワードは、手帳などに");
  });
});

// Japanese operator speech with known words, for `npm run eval:stt`: what an operator says on a
// complaint call, in 敬語, from the greeting to the closing. `kana` is how it is pronounced, for a
// synthesizer that reads kana only (espeak-ng's Japanese voice).

export interface OperatorPhrase {
  text: string;
  kana: string;
}

export const operatorPhrases: readonly OperatorPhrase[] = [
  {
    text: "お電話ありがとうございます。さくら通販、担当の山本でございます。",
    kana: "おでんわありがとうございます。さくらつうはん、たんとうのやまもとでございます。",
  },
  { text: "はい。", kana: "はい。" },
  {
    text: "さようでございますか。瓶が割れていたのですね。",
    kana: "さようでございますか。びんがわれていたのですね。",
  },
  {
    text: "ご不便をおかけして、誠に申し訳ございません。",
    kana: "ごふべんをおかけして、まことにもうしわけございません。",
  },
  {
    text: "恐れ入りますが、ご注文番号をお伺いしてもよろしいでしょうか。",
    kana: "おそれいりますが、ごちゅうもんばんごうをおうかがいしてもよろしいでしょうか。",
  },
  { text: "なるほど、そうでしたか。", kana: "なるほど、そうでしたか。" },
  {
    text: "お届けした商品が破損していたということですね。",
    kana: "おとどけしたしょうひんがはそんしていたということですね。",
  },
  { text: "かしこまりました。すぐに確認いたします。", kana: "かしこまりました。すぐにかくにんいたします。" },
  { text: "少々お待ちいただけますでしょうか。", kana: "しょうしょうおまちいただけますでしょうか。" },
  { text: "ご心配をおかけしております。", kana: "ごしんぱいをおかけしております。" },
  {
    text: "新しい商品を明日発送いたします。",
    kana: "あたらしいしょうひんをあしたはっそういたします。",
  },
  { text: "他にご不明な点はございますか。", kana: "ほかにごふめいなてんはございますか。" },
  {
    text: "本日は担当の山本が承りました。お電話ありがとうございました。",
    kana: "ほんじつはたんとうのやまもとがうけたまわりました。おでんわありがとうございました。",
  },
];

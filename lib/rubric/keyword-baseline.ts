import type { RubricLabels, Turn } from "./labels";

// The yardstick the analyzer must beat on every label of every set: keyword lists plus character
// trigrams shared with the caller, the way a thirty-line scorer would do it. Never used in the product.
const backchannel =
  /はい|ええ|うん|なるほど|そうですか|そうでしたか|さようでございますか|左様|そうなんですね|ごもっとも|おっしゃる通り|かしこまりました|承知/;
const summaryMarker = /つまり|要するに|整理いたしますと|まとめますと|ということですね|とのことですね/;
const openQuestion = /どのよう|どう|なぜ|どうして|いかがでしたか|詳しく|何が|何を|どんな/;
const closedQuestion = /[?？]|(か|でしょうか|ますか)[。]?$|お願いします|教えて|どうぞ/;
const empathy =
  /お困り|ご心配|ご不安|さぞ|大変でした|お辛|つらい|寂し|お気持ち|残念|お察し|嬉しかった|驚かれ|ご不便/;
const cushion = /恐れ入り|恐縮|申し訳ございませんが|お手数|差し支え|失礼ですが|あいにく|よろしければ/;
const violations: [Exclude<RubricLabels["violation"], "none">, RegExp][] = [
  ["criticize", /お客様の(せい|責任|ミス)|確認されなかった|使い方が|のではないでしょうか|されませんでしたか/],
  ["argue", /ですから|そんなはず|規約|決まり|できかねます|どうしようも|あくまで/],
  ["advise", /ほうがいい|方がいい|といいですよ|してみては|てはいかが|おすすめ|次回から/],
  ["opinion", /と思います|くらい|たかが|気にしすぎ|大したこと/],
  ["derail", /それより|ところで|で、|ホームページ|フォーム/],
];

/** Labels a reply with keyword lists and caller trigrams only: the baseline printed next to the analyzer. */
export function scoreWithKeywords(input: { context: Turn[]; reply: string }): RubricLabels {
  const reply = input.reply.replace(/\s+/g, "");
  const callers = input.context.filter((t) => t.role === "caller").map((t) => t.text.replace(/\s+/g, ""));
  const latest = trigrams(callers[callers.length - 1] ?? "");
  const shared = [...trigrams(reply)].filter((g) => latest.has(g) && /[一-龯ァ-ヺ0-9]/.test(g));
  const sharedAny = [...trigrams(reply)].filter((g) => callers.some((c) => c.includes(g))).length;
  const open = openQuestion.test(reply) && /[か?？]|ください/.test(reply);
  return {
    backchannel: backchannel.test(reply),
    parroting: shared.length >= 2,
    summarizing: summaryMarker.test(reply) && sharedAny >= 4,
    question: open ? "open" : closedQuestion.test(reply) ? "closed" : "none",
    empathy: empathy.test(reply),
    cushion: cushion.test(reply),
    violation: violations.find(([, pattern]) => pattern.test(reply))?.[0] ?? "none",
  };
}

function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= text.length; i += 1) grams.add(text.slice(i, i + 3));
  return grams;
}

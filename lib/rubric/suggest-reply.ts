import type { TextAnalysis } from "./content-units";
import { stripSentenceEnd } from "./text-spans";

/**
 * A better reply built from templates: 相づち, the caller's own words handed back as 〜のですね,
 * an empathy line matched to the caller's mood, and a cushioned open question.
 */
export function suggestReply(latestCaller: TextAnalysis | undefined): string {
  const opening = "さようでございますか。";
  const closing = "恐れ入りますが、もう少し詳しい状況をお聞かせいただけますでしょうか。";
  if (!latestCaller) return `${opening}${closing}`;
  const reflection = pickReflection(latestCaller);
  const empathy = pickEmpathy(latestCaller.text);
  return `${opening}${reflection ? `${reflection}のですね。` : ""}${empathy}${closing}`;
}

/** The caller's most content-rich statement, in polite form without the sentence-final particles. */
export function pickReflection(caller: TextAnalysis): string | null {
  let best: { text: string; score: number } | null = null;
  for (const [index, sentence] of caller.sentences.entries()) {
    if (/[?？か]$/.test(stripSentenceEnd(sentence.text))) continue; // the caller's questions get answers, not echoes
    const score = caller.units.filter((u) => u.sentence === index && !u.generic).length;
    if (score > 0 && (!best || score > best.score)) best = { text: sentence.text, score };
  }
  if (!best) return null;
  let text = politeEnding(stripSentenceEnd(best.text));
  // Keep what follows a scene-setting けど clause (ボトルなんですけど、次の配送を…).
  const afterTopic = text.replace(/^.*?(なんですけど|んですけど|ですけど|だけど|けど|けれど)、/, "");
  if (afterTopic.length >= 8) text = afterTopic;
  if (text.length > 40) text = text.slice(text.lastIndexOf("、", text.length - 12) + 1);
  for (let i = 0; i < 4; i += 1) text = text.replace(fillers, "");
  return text.length >= 4 ? text : null;
}

const fillers =
  /^(もしもし|あのね|あの|ねえ|いやね|いや|えーと|ええと|えっと|ちょっと|だからね|だから|それがね|それが|でね|で|あと|あら|まあ|ほら|実は|もう|なんか|しかも)[、,\s]*/;
const finalParticles =
  /(んですけど|んですよ|んです|のですが|のです|んだけど|んだよ|んだ|んですよね|のよ|のね|わよ|わね|よね|じゃない|でしょう|でしょ|ってば|けど|けれど|のに|だよ|だな|よな|だ|です|よ|ね|わ|の|さ|し|なあ|ねえ|ぞ|ぜ|もん|ってこと)$/;

function politeEnding(sentence: string): string {
  let text = sentence;
  for (let i = 0; i < 4; i += 1) text = text.replace(fillers, "");
  for (let i = 0; i < 4; i += 1) {
    const next = text.replace(finalParticles, "").replace(/[、,\s]+$/, "");
    if (next === text) break;
    text = next;
  }
  text = text
    .replace(/おたく|そっち|そちら/g, "弊社")
    .replace(/こっち/g, "お客様")
    .replace(/ちゃってる$/, "てしまっている")
    .replace(/じゃってる$/, "でしまっている")
    .replace(/ちゃった$/, "てしまった")
    .replace(/じゃった$/, "でしまった")
    .replace(/てた$/, "ていた")
    .replace(/でた$/, "でいた")
    .replace(/てる$/, "ている")
    .replace(/でる$/, "でいる")
    .replace(/てん$/, "ている")
    .replace(/って(言|い)/g, "と$1")
    // Casual contractions inside the sentence (行っちゃってね、 → 行ってしまって、).
    .replace(/ちゃって(ね|さ|よ)?、/g, "てしまって、")
    .replace(/じゃって(ね|さ|よ)?、/g, "でしまって、")
    .replace(/([てで])(ね|さ|よ)、/g, "$1、");
  if (/[てで]$/.test(text)) text += "いる";
  // A noun or な-adjective needs な before のですね (在庫切れなのですね).
  if (/[\p{Script=Han}\p{Script=Katakana}ー0-9]$/u.test(text)) text += "な";
  return text;
}

function pickEmpathy(callerText: string): string {
  if (/寂し|さみし|一人|ひとり|亡くな|逝っ|命日|入院|話し相手|誰も|だぁれも|いなくな|静か/.test(callerText))
    return "それはお寂しいですよね。";
  if (/嬉し|うれし|楽し|よかった|良かった/.test(callerText)) return "それは本当に嬉しかったですね。";
  if (/心配|不安|怖い/.test(callerText)) return "ご不安なお気持ち、お察しいたします。";
  if (troubleCue.test(callerText)) return "それはさぞお困りでしたよね。";
  return ""; // a plain inquiry needs no empathy line
}

const troubleCue =
  /困|壊|割れ|遅|届かな|届いてな|痛|漏れ|汚|違|間違|止ま|できな|使えな|つながらな|のに|[!！]|ふざけ|信じられ|ひど|腹|怒|心配|不安|請求され|取られ|臭|欠け|傷|故障|動かな/;

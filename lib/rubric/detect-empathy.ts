import { classifySentence } from "./detect-question";
import { findSpans, mergeSpans, type Span, splitSentences } from "./text-spans";

export interface CueResult {
  present: boolean;
  spans: Span[];
}

// Naming or acknowledging the caller's feeling or situation from the caller's side. A bare apology
// (申し訳ございません, ご迷惑をおかけして) is not empathy; thanks and praise alone are courtesy.
const empathyCues: RegExp[] = [
  /さぞ/g,
  /お困り(で(?!は)|だった|だったこと|の(こと|ところ)(と|で)|でしょう|でしたよね|でしたね|ですよね)/g,
  /ご心配(?!なく|には及|いりません|ございません)|ご不安|ご不快|ご不満|ご立腹|お怒り/g,
  /(不快|嫌|いや|悲しい|怖い|寂しい|辛い|つらい|不安な|残念な|悔しい|大変な|心細い)思い/g,
  /お?寂し[いかくさ]|さみし[いかく]|さびし[いかく]|心細[いかく]|お辛[いかく]|おつら[いかく]|(辛|つら)(かった|いですよね|いですね|いことと)/g,
  /残念(?!ながら)(で|な|に|だ)/g,
  /悲し[いかくみ]|がっかり|落胆|ショック(でしたね|ですよね|だった)/g,
  /驚かれ|驚きになら|びっくりされ|腹が立|腹立たし|頭にき|気をもま|気が気で|落ち着かな|戸惑われ|焦られ|困惑され/g,
  /迷って(しま|しまい)|(不安|心配)(です|でした|になり|に思われ|ですよね|でしたよね|になる|なさ)|ご心痛/g,
  /ひど(い|すぎ)(です|話|ね|よね|こと)|それはひどい/g,
  /大変(でした|だった|な(こと|状況|中|ところ))|大変ですよね|大変でしたね/g,
  /(嬉し|うれし)(かった(でしょう|ですね|ですよね|ことと)|いですよね|いですね)|お嬉し/g,
  /楽しみ(に(され|して|なさ)|が(なくな|なく))|待ち遠し/g,
  /(お|その)?気持ち(は|、)?(よく|とても|本当に)?(分か|わか|お察し|察し)|お察し(します|いたします|申し上げ)/g,
  /(思われ|感じられ|感じ|なられ|なる|出てくる|驚かれ|戸惑われ|分からな[いく]|わからな[いく])[^。]{0,6}(当然|無理もな|もっとも)/g,
  /大切な(ご家族|ご家族|方|存在|もの|お品|思い出)|かけがえのな/g,
];

/** Finds empathy cues; cues inside information questions (何かお困りのことは…か) do not count. */
export function detectEmpathy(reply: string): CueResult {
  const spans: Span[] = [];
  for (const sentence of splitSentences(reply)) {
    const isQuestion = classifySentence(sentence.text).question !== "none";
    for (const cue of empathyCues) {
      for (const span of findSpans(sentence.text, cue, sentence.start)) {
        const matched = reply.slice(span.start, span.end);
        if (isQuestion && !matched.startsWith("さぞ")) continue;
        spans.push(span);
      }
    }
  }
  return { present: spans.length > 0, spans: mergeSpans(spans) };
}

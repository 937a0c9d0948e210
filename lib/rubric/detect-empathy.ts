import { classifySentence } from "./detect-question";
import { findSpans, mergeSpans, type Span, splitSentences, stripSentenceEnd } from "./text-spans";

export interface CueResult {
  present: boolean;
  spans: Span[];
}

// Naming or acknowledging the caller's feeling or situation from the caller's side. A bare apology
// (申し訳ございません, ご迷惑をおかけして) is not empathy; thanks and praise alone are courtesy.
const empathyCues: RegExp[] = [
  /さぞ/g,
  /お困り(で(?!は)|だった|だったこと|の(こと|ところ)(と|で)|でしょう|でしたよね|でしたね|ですよね)/g,
  /ご心配(?!なく|には及|いりません|ございません|なさ(る|らなく)[^。]{0,6}(ない|ありません|ございません|でも|ことは))|ご不安|ご不快|ご不満|ご立腹|お怒り/g,
  /(不快|嫌|いや|悲しい|怖い|寂しい|辛い|つらい|不安な|残念な|悔しい|大変な|心細い)思い/g,
  /お?寂し[いかくさ]|さみし[いかく]|さびし[いかく]|心細[いかく]|お辛[いかく]|おつら[いかく]|(辛|つら)(かった|いですよね|いですね|いことと)/g,
  /残念(?!ながら)(で|な|に|だ)/g,
  /悲し[いかくみ]|がっかり|落胆|ショック(でしたね|ですよね|だった)/g,
  /驚かれ|驚きになら|びっくりされ|腹が立|腹立たし|頭にき|気をもま|気が気で|落ち着かな|戸惑われ|焦られ|困惑され/g,
  /迷って(しま|しまい)|(不安|心配)(です|でした|になり|に思われ|ですよね|でしたよね|になる|なさ(?!(る|らなく)[^。]{0,8}(ない|ありません|ございません|でも)))|ご心痛/g,
  /ひど(い|すぎ)(です|話|ね|よね|こと)|それはひどい/g,
  /大変(でした|だった|な(こと|状況|中|ところ))|大変ですよね|大変でしたね|大変(です|でございます)ね/g,
  /(嬉し|うれし)(かった(でしょう|ですね|ですよね|ことと)|いですよね|いですね)|お嬉し/g,
  /楽しみ(に(され|して|なさ)|が(なくな|なく))|待ち遠し/g,
  /(お|その)?気持ち(は|、)?(よく|とても|本当に)?(分か|わか|お察し|察し)|お察し(します|いたします|申し上げ)/g,
  /(思われ|感じられ|感じ|なられ|なる|出てくる|驚かれ|戸惑われ|分からな[いく]|わからな[いく])[^。]{0,6}(当然|無理もな|もっとも)/g,
  /(お気を悪く|気分を害|納得(が|の)?いかな|ご納得いただけな)[^。]{0,10}(当然|無理もな|もっとも)/g,
  /(イライラ|いらいら|腹を立て|お腹立ち|怒られ|お怒りになっ|焦られ|がっかりされ|落ち込まれ|不安になられ)[^。]{0,6}(当然|無理もな|もっとも)/g,
  /大切な(ご家族|ご家族|方|存在|もの|お品|思い出)|かけがえのな/g,
  /せっかくの[^。、]{1,14}(が|を)台無し/g,
  /(お気持ち|ご心境|ご心中)[^。]{0,4}(かと|ことと)(存じ|お察し)/g,
  /お気の毒|お悔やみ(申し上げ|を申し)|ご愁傷/g,
  // (ご苦労様です greets; ご苦労もおありでしょう feels for the caller.)
  /ご苦労(も|が)(おあり|多|絶え|たくさん)/g,
];

// Any feeling the caller may have, as a stem (焦りますよね, お疲れになりますよね, 楽しみですね) ...
const feelingStem =
  /楽しみ|懐かし|なつかし|ほっと|ひやっと|ヒヤッと|ひやり|ヒヤリ|喜び|ひとしお|言葉もな|焦(?![げが])|疲れ|納得(が|の)?(いかな|できな|いきませ|できませ)|気がかり|お忙し|気の毒|心配|不安|困|寂し|さみし|さびし|悲し|辛|つら[いかくさ]|腹(が|を)?立|腹立|驚|がっかり|嫌な|怖|恐ろし|不快|不便|残念|悔し|恥ずかし|嬉し|うれし|落ち着かな|心細|大変|ひど|戸惑|迷[いうわっ]|気が気で|ショック|切な|憂鬱|面倒|苦し|イライラ|いらいら|むかつ|呆れ|情けな|しんど|傷つ|泣|涙|もどかし|歯がゆ|やりきれな|無念|お気持ち/;
// ... said back with an ending that shares it (〜ですよね, 〜でしょうね, 〜ことと存じます), not about the
// operator (私も嬉しいです) nor as an apology (ご不便をおかけして申し訳ございません).
const sharedFeelingEnding =
  /(ですね|ですよね|でしょうね|でしょう|でしたね|でしたよね|ますよね|ましたよね|ますね|ましたね|よね|ことと(存じ|思い|お察し)(ます|いたします|申し上げます)|(時期|中|ところ|毎日|日々)(と|かと)(存じ|お察し)(ます|いたします|申し上げます))$/;
const operatorSide = /私|わたし|わたくし|こちら|弊社|当社|申し訳|お詫び/;

const concessive = /^(り|る|し|いたし|でき)?(ます|ました)?(が|けど|けれど|ものの)/;

// A feeling given to someone else in the caller's story (ご家族としては心配ですもの): not the caller's.
const someoneElses =
  /(ご家族|娘さん|息子さん|ご主人|奥様|お子さん|お孫さん|周り|周囲|皆さん|先方|相手)(の方|側)?(として(は|も)?|は|も|が)[^。、]{0,6}$/;

/** Finds empathy cues; cues inside information questions (何かお困りのことは…か) do not count. */
export function detectEmpathy(reply: string): CueResult {
  const spans: Span[] = [];
  for (const sentence of splitSentences(reply)) {
    const isQuestion = classifySentence(sentence.text).question !== "none";
    for (const cue of empathyCues) {
      for (const span of findSpans(sentence.text, cue, sentence.start)) {
        const matched = reply.slice(span.start, span.end);
        if (isQuestion && !matched.startsWith("さぞ")) continue;
        // 「お気持ちはわかりますが…」 concedes only to refuse: argue, not empathy.
        if (concessive.test(reply.slice(span.end, span.end + 8))) continue;
        // …and so does 「お気持ちはよくわかります。ですが、…」, the but in the next sentence.
        if (
          /^[^。]{0,10}[。．]\s*(ですが|ただ|しかし|でも|とはいえ|ただし|けれども|けれど)/.test(
            reply.slice(span.end, span.end + 24),
          )
        )
          continue;
        if (someoneElses.test(reply.slice(sentence.start, span.start))) continue;
        spans.push(span);
      }
    }
    const body = stripSentenceEnd(sentence.text);
    // 何かと慌ただしいですものね / 毎日のお洗濯が欠かせませんものね: the caller's situation understood.
    if (
      !isQuestion &&
      /(です|ます|ません|でした|ました)もの(ね|ですよね)$/.test(body) &&
      !operatorSide.test(body)
    ) {
      const offset = sentence.start + sentence.text.indexOf(body);
      spans.push({ start: offset, end: offset + body.length });
    }
    if (!isQuestion && sharedFeelingEnding.test(body) && feelingStem.test(body) && !operatorSide.test(body)) {
      const found = feelingStem.exec(body);
      const offset = sentence.start + sentence.text.indexOf(body);
      if (found && !someoneElses.test(body.slice(0, found.index)))
        spans.push({ start: offset + found.index, end: offset + body.length });
    }
  }
  return { present: spans.length > 0, spans: mergeSpans(spans) };
}

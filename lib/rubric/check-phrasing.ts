import type { JapaneseTokenizer } from "./japanese";
import { asSaid, normalizeSpoken } from "./normalize-spoken";
import type { ReplyAnalysis } from "./reply-analysis";
import { respellCallerWords } from "./respell";
import { splitSentences } from "./text-spans";

// Conjugations and joins a grammar never produces: 〜てくださいのですね, 〜ませんのですね, わからなくている,
// a sentence-final particle before のですね, doubled punctuation, 渡したくた, 疑問だのですね, お書きになってある.
const broken =
  /てくださいのですね|ませんのですね|ますのですね|ですのですね|(?<!ま)でしたのですね|ましたのですね|なくている|[かよねわ]のですね|って何なの|のですねのですね|[?？]の|[、。]{2}|。、|たくた[。の]|なんだのですね|のだのですね|ってのですね|だけのですね|[\p{Script=Han}ァ-ヶー]だのですね|ございす|ひお孫|になってあ[るっ]/u;

/** The phrasing has a conjugation or join no grammar produces. */
export function hasBrokenJapanese(phrasing: string): boolean {
  return broken.test(phrasing);
}

/** The 『quotes』 of the feedback points that do not start and end on a morpheme boundary of the reply. */
export function cutQuotes(
  reply: string,
  analysis: ReplyAnalysis,
  tokenizer: JapaneseTokenizer,
  callerTexts: string[] = [],
): string[] {
  // Quotes show the reply exactly as said (pauses and つなぎ言葉 included), or as normalized where the words
  // were spelled for matching, or with a caller's word the recognizer misspelled written as the caller's: a
  // quote is whole when it starts and ends on a word boundary of one of them.
  const normalized = normalizeSpoken(reply, tokenizer);
  const respelled = respellCallerWords(
    normalized,
    callerTexts.map((text) => normalizeSpoken(text, tokenizer).text),
    tokenizer,
  ).text;
  const texts = [reply, asSaid(normalized, reply), respelled].map((text) => {
    const morphemes = tokenizer.tokenize(text);
    return {
      text,
      boundaries: new Set([0, text.length, ...morphemes.flatMap((m) => [m.start, m.end])]),
      // A verb cut from its own inflection (『…修理工場からもせかさ』 before れていて) ends on a boundary but
      // not on a word.
      stems: new Set(
        morphemes
          .filter((m, i) => {
            const next = morphemes[i + 1];
            return (
              /^(動詞|形容詞)$/.test(m.pos) &&
              /^(未然|連用)/.test(m.inflectionForm ?? "") &&
              next?.start === m.end &&
              (next.pos === "助動詞" || next.posDetail.startsWith("接尾"))
            );
          })
          .map((m) => m.end),
      ),
    };
  });
  const whole = (quote: string) =>
    texts.some(({ text, boundaries, stems }) => {
      const at = text.indexOf(quote);
      const end = at + quote.length;
      return at >= 0 && boundaries.has(at) && boundaries.has(end) && !stems.has(end);
    });
  const cut: string[] = [];
  for (const point of analysis.points) {
    // (A 『quote』 inside a suggested line, 「…『もう少しです』ばかりなのですね」, is the caller's, not the reply's.)
    for (const match of point.text
      .replace(/「[^「」『』]*『[^』]*』[^「」]*」/g, "")
      .matchAll(/『([^』]+)』/g)) {
      const quote = match[1] ?? "";
      if (!whole(quote)) cut.push(quote);
    }
  }
  return cut;
}

/** The largest share of phrasings that open (or close) with the same sentence. */
export function sharedSentenceShare(phrasings: string[], which: "first" | "last"): number {
  const counts = new Map<string, number>();
  for (const phrasing of phrasings) {
    const sentences = splitSentences(phrasing).map((s) => s.text);
    const sentence = which === "first" ? sentences[0] : sentences[sentences.length - 1];
    if (sentence) counts.set(sentence, (counts.get(sentence) ?? 0) + 1);
  }
  return phrasings.length === 0 ? 0 : Math.max(0, ...counts.values()) / phrasings.length;
}

import type { JapaneseTokenizer, Morpheme } from "./japanese";
import { type Span, splitSentences } from "./text-spans";

const breakChar = /[、。！？!?「」『』\s]/;
const maxQuote = 30;
// ええええカードが…: a recognizer writes the opening 相づち without a pause; the quote starts after it.
const runInToken = /^(はい|ええ|うん)+(?=[\p{Script=Han}ァ-ヶ].{3})/u;

/**
 * The words of `text` around an evidence span, as a quote that starts and ends on whole words: widened to
 * the phrase it sits in (between commas) when that is short, otherwise snapped to morpheme boundaries with
 * the particles and auxiliaries that finish the last word (わか → わかりますが, 結論から言 → 結論から言いますと).
 */
export function quoteWords(
  text: string,
  span: Span,
  tokenizer: JapaneseTokenizer,
  options: { wholeSentence?: boolean } = {},
): string | null {
  const sentence = splitSentences(text).find((s) => span.end > s.start && span.start < s.end);
  if (!sentence) return null;
  if (options.wholeSentence && sentence.end - sentence.start <= 48)
    return (
      text
        .slice(sentence.start, sentence.end)
        .replace(/[、。！？!?\s…‥]+$/g, "")
        // The 相づち that opens the sentence is not what the quote praises or faults; nor is a pause.
        .replace(/^[…‥、\s]+/, "")
        .replace(/^(((はい|ええ|うん)+|なるほど|えー|えっと|あのー|あの|その)[、\s…‥]+)+(?=.{4})/, "")
        .replace(runInToken, "") || null
    );
  let start = span.start;
  while (start > sentence.start && !breakChar.test(text[start - 1] ?? "")) start -= 1;
  let end = Math.min(span.end, sentence.end);
  while (end < sentence.end && !breakChar.test(text[end] ?? "")) end += 1;
  // A phrase that stops on a linking word (…となると、 / …なので、) runs on to the clause it opens.
  let ranOn = false;
  while (
    options.wholeSentence &&
    end < sentence.end &&
    /(と|て|で|ので|から|けど|が|ば|ら|のは|には)$/.test(text.slice(start, end)) &&
    end - start <= maxQuote
  ) {
    let next = end + 1;
    while (next < sentence.end && !breakChar.test(text[next] ?? "")) next += 1;
    if (next - start > 48) break;
    end = next;
    ranOn = true;
  }
  if (end - start > (ranOn ? 48 : maxQuote)) ({ start, end } = snap(text, sentence, span, tokenizer));
  const quote = text
    .slice(start, end)
    .replace(/^[、\s…‥]+|[、。！？!?\s…‥]+$/g, "")
    .replace(runInToken, "");
  return quote.length > 0 ? quote : null;
}

function snap(text: string, sentence: Span, span: Span, tokenizer: JapaneseTokenizer): Span {
  const morphemes: Morpheme[] = tokenizer
    .tokenize(text.slice(sentence.start, sentence.end))
    .map((m) => ({ ...m, start: m.start + sentence.start, end: m.end + sentence.start }));
  let firstIndex = Math.max(
    0,
    morphemes.findIndex((m) => m.end > span.start),
  );
  // A span that starts inside a word's inflection (…かれ|たほうが) starts at the word; where the clause it
  // sits in (after the last が/けど/ので) is short, at the clause: the whole advice, not its tail.
  while (firstIndex > 0 && functionMorpheme(morphemes[firstIndex])) firstIndex -= 1;
  // (…and お済ませ starts at its お.)
  while (firstIndex > 0 && morphemes[firstIndex - 1]?.pos === "接頭詞") firstIndex -= 1;
  let clauseStart = firstIndex;
  while (clauseStart > 0 && !clauseBreak(morphemes[clauseStart - 1])) clauseStart -= 1;
  const spanEnd = morphemes.find((m) => m.end >= span.end)?.end ?? span.end;
  const clauseHead =
    (morphemes[firstIndex]?.start ?? span.start) - (morphemes[clauseStart]?.start ?? span.start);
  // (A long stretch of blame is quoted from the start of its clause, 当院では…お済ませいただけなかった場合: a
  // quote that long is read whole anyway.)
  if (
    spanEnd - (morphemes[clauseStart]?.start ?? span.start) <= 48 ||
    (span.end - span.start > 40 && clauseHead <= 30)
  )
    firstIndex = clauseStart;
  const first = morphemes[firstIndex];
  let lastIndex = morphemes.findIndex((m) => m.end >= span.end);
  if (lastIndex < 0) lastIndex = morphemes.length - 1;
  // The word's inflection and the particles that close it belong to the quote.
  while (lastIndex + 1 < morphemes.length) {
    const next = morphemes[lastIndex + 1];
    if (
      !next ||
      !(
        next.pos === "助動詞" ||
        next.pos === "助詞" ||
        next.posDetail.includes("非自立") ||
        next.posDetail.startsWith("接尾")
      )
    )
      break;
    lastIndex += 1;
  }
  // A quote left on a case particle (『三週間前に書類を』) runs on to the predicate it leads to, when that
  // stays short: a trainer quotes a phrase that says something.
  if (/格助詞|係助詞|副助詞/.test(morphemes[lastIndex]?.posDetail ?? "")) {
    let to = lastIndex + 1;
    while (
      to < morphemes.length &&
      !/^(動詞|形容詞)$/.test(morphemes[to]?.pos ?? "") &&
      !clauseBreak(morphemes[to])
    )
      to += 1;
    // (…and the inflection that finishes the verb: せかさ|れ|て|い|て, 届い|て|いな|い.)
    const finishes = (m: Morpheme | undefined, after: Morpheme | undefined) =>
      m !== undefined &&
      (m.pos === "助動詞" ||
        m.posDetail.includes("非自立") ||
        m.posDetail.startsWith("接尾") ||
        (m.pos === "助詞" &&
          m.posDetail.includes("接続助詞") &&
          (after?.posDetail.includes("非自立") ?? false)));
    const verbAt = to;
    while (to + 1 < morphemes.length && finishes(morphemes[to + 1], morphemes[to + 2])) to += 1;
    if (/^[てで]$/.test(morphemes[to + 1]?.surface ?? "") && morphemes[to + 1]?.pos === "助詞") to += 1;
    const end = morphemes[to]?.end ?? 0;
    if (/^(動詞|形容詞)$/.test(morphemes[verbAt]?.pos ?? "") && end - (first?.start ?? span.start) <= 48)
      lastIndex = to;
  }
  const last = morphemes[lastIndex];
  return { start: first?.start ?? span.start, end: last?.end ?? span.end };
}

function functionMorpheme(m: Morpheme | undefined): boolean {
  return (
    m !== undefined &&
    (m.pos === "助動詞" ||
      (m.pos === "助詞" && !m.posDetail.includes("格助詞")) ||
      m.posDetail.includes("非自立") ||
      m.posDetail.startsWith("接尾"))
  );
}

function clauseBreak(m: Morpheme | undefined): boolean {
  return (
    m !== undefined &&
    (m.pos === "記号" ||
      (m.pos === "助詞" &&
        m.posDetail.includes("接続助詞") &&
        /^(が|けど|けれど|けれども|ので|から|し)$/.test(m.surface)))
  );
}

import type { JapaneseTokenizer } from "@/lib/rubric/japanese";

// Speaking rate is counted in morae (拍), the unit Japanese timing is felt in: 「きょう」 is two (きょ・う),
// 「がっこう」 four (が・っ・こ・う). Readings come from the morphological analyzer, so kanji count as said.

// Small kana join the mora before them; ッ, ン and ー are morae of their own.
const smallKana = /[ァィゥェォャュョヮぁぃぅぇぉゃゅょゎ]/g;
const kana = /[ァ-ヺーぁ-ゖ]/g;
const latinOrDigit = /[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]/g;
const kanji = /[\u4e00-\u9fff々]/g;

/** Morae in a kana string (katakana or hiragana). */
export function countKanaMorae(kanaText: string): number {
  return (kanaText.match(kana)?.length ?? 0) - (kanaText.match(smallKana)?.length ?? 0);
}

/** Morae in a spoken text, from the tokenizer's readings (a tokenizer that keeps every morpheme). */
export function countMorae(text: string, tokenizer: JapaneseTokenizer): number {
  let morae = 0;
  for (const m of tokenizer.tokenize(text))
    morae += m.reading ? countKanaMorae(m.reading) : guessMorae(m.surface);
  return morae;
}

// Words without a reading (unknown names, Latin, digits): kana as written, about two morae per kanji,
// one per Latin letter or digit; rough, but such words are rare in speech.
function guessMorae(surface: string): number {
  return (
    countKanaMorae(surface) +
    (surface.match(kanji)?.length ?? 0) * 2 +
    (surface.match(latinOrDigit)?.length ?? 0)
  );
}

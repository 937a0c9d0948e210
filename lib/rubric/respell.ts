import type { JapaneseTokenizer } from "./japanese";
import { LruCache } from "./lru-cache";
import type { NormalizedText } from "./normalize-spoken";

// A speech recognizer (or an IME) writes the caller's word with another word of the same sound: 欠航 as
// 決行, 口座 as 講座, 大盛り as 大森, or leaves it in kana (かいじょう for 会場). In a call, a word the operator
// says with exactly the sound of one the caller used is that word: the reply is read with the caller's
// spelling, so a read-back counts as one and the better phrasing does not repeat the slip.

/** The caller's nouns by their katakana reading (three kana or more), spelled as the caller wrote them. */
function callerVocabulary(callerText: string, tokenizer: JapaneseTokenizer): Map<string, string> {
  const known = vocabularyCache.get(callerText);
  if (known) return known;
  const vocabulary = new Map<string, string>();
  for (const m of tokenizer.tokenize(callerText)) {
    if (m.pos !== "名詞" || /^(数|接尾|代名詞|非自立)/.test(m.posDetail)) continue;
    if (!/\p{Script=Han}/u.test(m.surface) || m.reading.length < 3 || !/^[ァ-ヶー]+$/.test(m.reading))
      continue;
    if (!vocabulary.has(m.reading)) vocabulary.set(m.reading, m.surface);
  }
  vocabularyCache.set(callerText, vocabulary);
  return vocabulary;
}

const vocabularyCache = new LruCache<string, Map<string, string>>(512);

function toHiragana(katakana: string): string {
  return katakana.replace(/[ァ-ヶ]/g, (c) => String.fromCharCode((c.codePointAt(0) ?? 0) - 0x60));
}

/** The reply with the caller's words respelled as the caller wrote them; offsets still map to the original. */
export function respellCallerWords(
  reply: NormalizedText,
  callerTexts: string[],
  tokenizer: JapaneseTokenizer,
  options: { homophones: boolean } = { homophones: true },
): NormalizedText {
  const vocabulary = new Map<string, string>();
  for (const text of callerTexts)
    for (const [reading, surface] of callerVocabulary(text, tokenizer))
      if (!vocabulary.has(reading)) vocabulary.set(reading, surface);
  if (vocabulary.size === 0) return reply;
  const edits: { start: number; end: number; text: string }[] = [];
  // Another kanji word of the same sound (決行 for 欠航). (Only where the reply may be a recognizer's: reading
  // every typed reply's words again would cost more than the rare typing slip is worth.)
  for (const m of options.homophones ? tokenizer.tokenize(reply.text) : []) {
    if (m.pos !== "名詞" || m.surface.length < 2 || !/\p{Script=Han}/u.test(m.surface)) continue;
    const theirs = vocabulary.get(m.reading);
    if (theirs && theirs !== m.surface && !m.surface.includes(theirs) && !theirs.includes(m.surface))
      edits.push({ start: m.start, end: m.end, text: theirs });
  }
  // The word left in kana (かいじょう for 会場): four kana anywhere, three where a word starts and a particle
  // follows.
  for (const [reading, surface] of vocabulary) {
    const kana = toHiragana(reading);
    for (let at = reply.text.indexOf(kana); at >= 0; at = reply.text.indexOf(kana, at + kana.length)) {
      const before = reply.text[at - 1] ?? "";
      const after = reply.text[at + kana.length] ?? "";
      const whole = !/[ぁ-ゖ]/.test(before) && /^[をがはにでとのもへ]?$/.test(after);
      if (kana.length >= 4 || whole) edits.push({ start: at, end: at + kana.length, text: surface });
    }
  }
  if (edits.length === 0) return reply;
  edits.sort((a, b) => a.start - b.start);
  let text = "";
  const origin: number[] = [];
  const respelled: { start: number; end: number }[] = [];
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) continue;
    text += reply.text.slice(at, edit.start);
    origin.push(...reply.origin.slice(at, edit.start));
    respelled.push({ start: text.length, end: text.length + edit.text.length });
    text += edit.text;
    // (The new word's characters spread over the old one's: a span ending on it ends where it ended.)
    const span = edit.end - edit.start;
    for (let i = 0; i < edit.text.length; i += 1)
      origin.push(
        reply.origin[
          edit.start + (i === edit.text.length - 1 ? span - 1 : Math.floor((i * span) / edit.text.length))
        ] ?? 0,
      );
    at = edit.end;
  }
  text += reply.text.slice(at);
  origin.push(...reply.origin.slice(at));
  return { ...reply, text, origin, respelled };
}

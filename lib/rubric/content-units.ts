import type { JapaneseTokenizer, Morpheme } from "./japanese";
import {
  feelingWords,
  genericAdjectives,
  genericAdverbs,
  genericNouns,
  genericVerbs,
  kinshipGroups,
} from "./lexicon";
import { type Sentence, type Span, splitSentences } from "./text-spans";

/** A content word (or number with its counter) that can be matched against another text. */
export interface ContentUnit extends Span {
  surface: string;
  /** Normalized base form, plus the reading for nouns: 山本 and ヤマモト share the key ヤマモト. */
  keys: string[];
  kind: "noun" | "verb" | "adjective" | "adverb" | "number" | "latin";
  /** Specific on its own: a proper noun, a number with its counter, a code like E-52. */
  strong: boolean;
  feeling: boolean;
  generic: boolean;
  /** Index of the clause (predicate unit) the word belongs to, counted over the whole text. */
  clause: number;
  /** Index of the sentence the word belongs to. */
  sentence: number;
}

/** A text broken into sentences, clauses and matchable content words. */
export interface TextAnalysis {
  text: string;
  sentences: Sentence[];
  clauses: Span[];
  units: ContentUnit[];
}

const analysisCache = new WeakMap<Morpheme[], TextAnalysis>();

/** Analyses a text; the result is memoized per (cached) morpheme array, so caller turns are cheap. */
export function analyzeText(text: string, tokenizer: JapaneseTokenizer): TextAnalysis {
  const morphemes = tokenizer.tokenize(text);
  const cached = analysisCache.get(morphemes);
  if (cached && cached.text === text) return cached;
  const analysis = buildAnalysis(text, morphemes, splitSentences(text));
  analysisCache.set(morphemes, analysis);
  return analysis;
}

/**
 * Analyses only the sentences that pass `keep` (other sentences get no content words). Tokenizing
 * dominates the cost of a reply, and only reflecting sentences are ever matched against the caller.
 */
export function analyzeSelectedSentences(
  text: string,
  tokenizer: JapaneseTokenizer,
  keep: (sentence: Sentence, previous: Sentence | undefined) => boolean,
): TextAnalysis {
  const sentences = splitSentences(text);
  const morphemes: Morpheme[] = [];
  let run: Sentence[] = [];
  const flush = () => {
    const first = run[0];
    const last = run[run.length - 1];
    if (first && last) {
      const offset = first.start;
      for (const m of tokenizer.tokenize(text.slice(offset, last.end))) {
        morphemes.push({ ...m, start: m.start + offset, end: m.end + offset });
      }
    }
    run = [];
  };
  sentences.forEach((sentence, i) => {
    if (keep(sentence, sentences[i - 1])) run.push(sentence);
    else flush();
  });
  flush();
  return buildAnalysis(text, morphemes, sentences);
}

function buildAnalysis(text: string, morphemes: Morpheme[], sentences: Sentence[]): TextAnalysis {
  const boundaries = clauseBoundaries(text, morphemes, sentences);
  const clauses: Span[] = [];
  let previous = 0;
  for (const boundary of boundaries) {
    if (boundary > previous) clauses.push({ start: previous, end: boundary });
    previous = boundary;
  }
  if (previous < text.length) clauses.push({ start: previous, end: text.length });
  const units = extractUnits(morphemes);
  for (const unit of units) {
    unit.clause = Math.max(
      0,
      clauses.findIndex((c) => unit.start >= c.start && unit.start < c.end),
    );
    unit.sentence = Math.max(
      0,
      sentences.findIndex((s) => unit.start >= s.start && unit.start < s.end),
    );
  }
  return { text, sentences, clauses, units };
}

// Conjunctive particles that always close a predicate: のに, けど, し, たら, ...
const closingParticles = new Set([
  "のに",
  "けど",
  "けれど",
  "けれども",
  "し",
  "ので",
  "から",
  "たら",
  "だら",
  "ば",
  "と",
  "ながら",
  "ても",
  "でも",
  "が",
  "ちゃ",
  "じゃ",
]);
// て/で followed by an auxiliary (ている, てしまう, ておく, てください, ていただく...) stays in the clause.
const auxiliaryStarts = [
  "い",
  "しま",
  "しも",
  "ちゃ",
  "お",
  "く",
  "もら",
  "あ",
  "み",
  "ほし",
  "き",
  "こ",
  "や",
  "た",
  "ん",
];

function clauseBoundaries(text: string, morphemes: Morpheme[], sentences: Sentence[]): number[] {
  const boundaries = new Set<number>(sentences.map((s) => s.end));
  morphemes.forEach((m, i) => {
    if (m.pos !== "助詞") return;
    if (closingParticles.has(m.surface)) boundaries.add(m.end);
    else if (m.surface === "て" || m.surface === "で") {
      const next = text.slice(m.end, m.end + 2);
      // 割れて届いた: a て-form straight before its verb says how, one event; 割れてて、こぼれて is two.
      const following = morphemes[i + 1];
      // 柔らかくて美味しかった: adjectives chained by て describe one thing.
      const manner =
        following?.start === m.end &&
        (following.pos === "動詞" || (following.pos === "形容詞" && morphemes[i - 1]?.pos === "形容詞"));
      if (!manner && !auxiliaryStarts.some((start) => next.startsWith(start))) boundaries.add(m.end);
    }
  });
  // 〜たうえに / 〜ないうえに adds a second point: 待たされたうえに説明もなかった.
  // (The content tokenizer keeps no case particles, so this is read off the text.)
  // IPADIC often splits のに into の + に and reads したら's たら as an auxiliary: find them on the text.
  for (const match of text.matchAll(
    /(?<=[たいるだ])(のに|ので|けど|けれど|から)(?![、,はもがをのでとす])|(?<=[しきちにびみりいっ])(たら|だら)(?![、,])/g,
  )) {
    boundaries.add(match.index + match[0].length);
  }
  for (const match of text.matchAll(/(?<=[たいるだ])(うえ|上)(に|で)(?![、,])/g)) {
    boundaries.add(match.index + match[0].length);
  }
  // A comma after a suspended predicate (入っておらず、 / 6時で、 / 出ないのは、) also closes a clause; a
  // comma after a topic (ご希望日は、) does not.
  // Unpunctuated speech runs sentences on: a sentence-final particle after a predicate, then a content
  // word, ends one (車掌やってたのよ女の車掌なんて…).
  for (const match of text.matchAll(/(?<=[たいるだ])(の)?(よ|わ|ね|さ)(?=[^\sぁ-んー、。,.!?！？…])/g)) {
    const end = match.index + match[0].length;
    if (morphemes.some((m) => m.start === end)) boundaries.add(end);
  }
  for (const match of text.matchAll(/[、,]/g)) {
    // Keep the comma with the clause it closes.
    if (boundaries.delete(match.index)) boundaries.add(match.index + 1);
    else if (
      suspendedPredicate.test(text.slice(Math.max(0, match.index - 3), match.index)) &&
      !adverbialPause(text, morphemes, match.index)
    )
      boundaries.add(match.index + 1);
  }
  return [...boundaries].sort((a, b) => a - b);
}

// A speaker's pause after a noun and で before the verb it qualifies (途中で、止まって / 駅で、待って):
// the で is a case particle, not a suspended predicate.
function adverbialPause(text: string, morphemes: Morpheme[], comma: number): boolean {
  if (text[comma - 1] !== "で") return false;
  const before = morphemes.findLast((m) => m.end <= comma - 1);
  const after = morphemes.find((m) => m.start > comma);
  return before?.end === comma - 1 && before.pos === "名詞" && after?.pos === "動詞";
}

const suspendedPredicate =
  /(うえに|上に|うえ|ず|ずに|て|で|く|のは|のも|ので|のに|のと|たら|ば|し|(です|ます|でした|ました)が|けど|から|り|ながら|ても|では)$/;

function extractUnits(morphemes: Morpheme[]): ContentUnit[] {
  const units: ContentUnit[] = [];
  for (const m of morphemes) {
    const previous = units[units.length - 1];
    const adjacent = previous !== undefined && previous.end === m.start;
    if (m.pos === "名詞" && (m.posDetail === "数" || isDigits(m))) {
      if (adjacent && previous.kind === "number") extendUnit(previous, m);
      else units.push(makeUnit(m, "number", [normalize(m.surface)]));
      continue;
    }
    if (m.pos === "名詞" && m.posDetail.startsWith("接尾")) {
      // Counters belong to their number (15日, 2週間, 3,870円); other suffixes (さん, 日 of 回収日) drop.
      if (adjacent && previous.kind === "number" && m.posDetail.includes("助数詞")) extendUnit(previous, m);
      continue;
    }
    const unit = toUnit(m);
    if (unit) units.push(unit);
  }
  for (const unit of units) finishUnit(unit);
  addSpelledNumberKeys(units, morphemes);
  return units;
}

// 090の1234の5678, 090-1234-5678 and 09012345678 are one phone number: a run of digit groups joined by
// の, a hyphen or a pause also answers to its digits written together (on the run's first unit).
function addSpelledNumberKeys(units: ContentUnit[], morphemes: Morpheme[]): void {
  const text = (from: number, to: number) =>
    morphemes
      .filter((m) => m.start >= from && m.end <= to)
      .map((m) => m.surface)
      .join("");
  const digits = (u: ContentUnit) => (/^[0-9０-９][0-9０-９\-－‐]*$/.test(u.surface) ? u.surface : null);
  for (let i = 0; i < units.length; i += 1) {
    const first = units[i];
    if (!first || digits(first) === null) continue;
    let joined = digits(first) ?? "";
    let j = i + 1;
    for (; j < units.length; j += 1) {
      const prev = units[j - 1];
      const next = units[j];
      if (!prev || !next || digits(next) === null) break;
      if (!/^[のー\-－‐、,\s]*$/.test(text(prev.end, next.start))) break;
      joined += digits(next) ?? "";
    }
    const flat = normalize(joined).replace(/[^0-9]/g, "");
    if (flat.length >= 7 && !first.keys.includes(flat)) first.keys.push(flat);
    i = j - 1;
  }
}

function toUnit(m: Morpheme): ContentUnit | undefined {
  switch (m.pos) {
    case "名詞": {
      if (m.posDetail === "英数") return makeUnit(m, "latin", [normalize(m.surface).toLowerCase()]);
      const { text: base, prefix, suffix } = stripHonorifics(normalize(m.baseForm));
      if (!base) return undefined;
      const reading = stripReadingHonorifics(m.reading, prefix, suffix);
      const kin = kinshipGroups[base];
      return makeUnit(
        m,
        "noun",
        [normalizeWeekday(base), normalizeWeekday(reading), kin ? `kin:${kin}` : ""].filter(Boolean),
      );
    }
    case "動詞": {
      // Transitive/intransitive partners share the kanji (主人が亡くなった → ご主人を亡くされた).
      const base = normalize(m.baseForm);
      const stem = /^[\u4e00-\u9fff]{1,2}(?=[\u3041-\u309f])/.exec(base)?.[0];
      return makeUnit(m, "verb", stem ? [base, `verb:${stem}`] : [base]);
    }
    case "形容詞":
      return makeUnit(m, "adjective", [normalize(m.baseForm)]);
    case "副詞":
      return makeUnit(m, "adverb", [normalize(m.baseForm)]);
    default:
      return undefined;
  }
}

function makeUnit(m: Morpheme, kind: ContentUnit["kind"], keys: string[]): ContentUnit {
  return {
    surface: m.surface,
    keys: [...new Set(keys)],
    kind,
    strong: false,
    feeling: false,
    generic: false,
    clause: 0,
    sentence: 0,
    start: m.start,
    end: m.end,
    // Single-kanji "proper nouns" are mostly IPADIC misreadings (お米 → 米 as America), not names.
    ...(m.posDetail.startsWith("固有名詞") && m.surface.length >= 2 ? { strong: true } : {}),
  };
}

function extendUnit(unit: ContentUnit, m: Morpheme): void {
  unit.surface += m.surface;
  unit.end = m.end;
  unit.keys = [normalize(unit.surface).replace(/[,，]/g, "")];
}

function finishUnit(unit: ContentUnit): void {
  const key = unit.keys[0] ?? "";
  if (unit.kind === "number") {
    // 4名様 and 4人 count the same people.
    // 1万8000円, 18,000円 and 18000円 (いちまんはっせんえん) are one amount.
    unit.keys = [
      normalizeWeekday(kanjiDigits(key.replace(/[,，]/g, "")))
        .replace(/(\d)名$/, "$1人")
        .replace(/(\d+)万(\d{0,4})(?!\d)/, (_m, man: string, rest: string) =>
          String(Number(man) * 10000 + Number(rest || 0)),
        ),
    ];
    // An amount said without its 円 (ごまんって言ったのに) is the same amount.
    const amount = /^(\d+)円$/.exec(unit.keys[0] ?? "");
    if (amount?.[1]) unit.keys.push(amount[1]);
    unit.strong = true;
    return;
  }
  if (unit.kind === "latin") {
    unit.strong = key.length >= 2;
    return;
  }
  unit.feeling = feelingWords.has(key);
  unit.generic =
    !unit.feeling &&
    ((unit.kind === "noun" && genericNouns.has(key)) ||
      (unit.kind === "verb" && genericVerbs.has(key)) ||
      (unit.kind === "adjective" && genericAdjectives.has(key)) ||
      (unit.kind === "adverb" && genericAdverbs.has(key)) ||
      /^[\u3041-\u309f]$/.test(key));
  if (unit.generic) unit.strong = false;
}

function isDigits(m: Morpheme): boolean {
  return m.posDetail === "英数" && /^[0-9０-９][0-9０-９,，.]*$/.test(m.surface);
}

function normalize(text: string): string {
  return text.normalize("NFKC");
}

// お孫さん, ご自宅, 奥様: the honorific wrapping is the operator's politeness, not a different word.
function stripHonorifics(text: string): { text: string; prefix: boolean; suffix: boolean } {
  const withoutPrefix = text.replace(/^[おご御]/, "");
  const stripped = withoutPrefix.replace(/(さん|様|さま|ちゃん)$/, "");
  if (stripped.length === 0) return { text, prefix: false, suffix: false };
  return { text: stripped, prefix: withoutPrefix !== text, suffix: stripped !== withoutPrefix };
}

function stripReadingHonorifics(reading: string, prefix: boolean, suffix: boolean): string {
  const withoutPrefix = prefix ? reading.replace(/^[オゴ]/, "") : reading;
  return suffix ? withoutPrefix.replace(/(サン|サマ|チャン)$/, "") : withoutPrefix;
}

function normalizeWeekday(text: string): string {
  return text.replace(/曜日$/, "曜").replace(/ヨウビ$/, "ヨウ");
}

const kanjiDigitValues: Record<string, number> = {
  〇: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const kanjiPlaceValues: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

// 二時間 and 2時間, 十八時 and 18時, 二千万 and 2000万 name the same number: keys carry digits.
function kanjiDigits(text: string): string {
  return text.replace(/[〇一二三四五六七八九十百千]+/g, (run) => {
    let total = 0;
    let digit: number | null = null;
    for (const ch of run) {
      const place = kanjiPlaceValues[ch];
      if (place !== undefined) {
        total += (digit ?? 1) * place;
        digit = null;
      } else digit = (digit ?? 0) * 10 + (kanjiDigitValues[ch] ?? 0);
    }
    return String(total + (digit ?? 0));
  });
}

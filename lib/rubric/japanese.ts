import { createRequire } from "node:module";
import { LruCache } from "./lru-cache";
import type { Span } from "./text-spans";

/** One morpheme with character offsets (UTF-16 code units) into the analysed text. */
export interface Morpheme {
  surface: string;
  /** Dictionary form: 割れてた and 割れていた both give 割れる. */
  baseForm: string;
  /** Katakana reading of the surface; "" when the dictionary has none. */
  reading: string;
  /** Top-level part of speech: 名詞, 動詞, 形容詞, 副詞, 感動詞, 助詞, ... ("名詞" for Latin/digit runs). */
  pos: string;
  /**
   * Subcategories joined by "," without the "*" fillers, e.g. "固有名詞,人名,姓"; "英数" for Latin/digits;
   * "固有名詞,未知語" for katakana words the dictionary does not know (pet and product names).
   */
  posDetail: string;
  start: number;
  end: number;
  /** IPADIC 活用型 (五段・ラ行, 一段, サ変・スル, 特殊・タ…) of inflecting words; absent otherwise. */
  inflectionType?: string;
  /** IPADIC 活用形 (基本形, 連用形, 未然形, 連用タ接続…) of inflecting words; absent otherwise. */
  inflectionForm?: string;
}

/** The analyzer only needs this; tests and other callers can inject their own. */
export interface JapaneseTokenizer {
  tokenize(text: string): Morpheme[];
}

/**
 * "content" keeps content words (nouns, verbs, adjectives, adverbs, interjections) and conjunctive
 * particles only: lindera spends most of its time marshalling token objects out of WASM, so dropping
 * function words roughly halves the cost per reply. "all" keeps every morpheme.
 */
export type TokenizerMode = "content" | "all";

// keep_tags matches the full IPADIC tag with trailing "*" removed, so every kept tag is listed.
const contentTags = [
  "名詞,一般",
  "名詞,固有名詞,一般",
  "名詞,固有名詞,人名,一般",
  "名詞,固有名詞,人名,姓",
  "名詞,固有名詞,人名,名",
  "名詞,固有名詞,組織",
  "名詞,固有名詞,地域,一般",
  "名詞,固有名詞,地域,国",
  "名詞,副詞可能",
  "名詞,サ変接続",
  "名詞,形容動詞語幹",
  "名詞,ナイ形容詞語幹",
  "名詞,数",
  "名詞,接尾,一般",
  "名詞,接尾,助数詞",
  "名詞,接尾,サ変接続",
  "名詞,接尾,形容動詞語幹",
  "名詞,接尾,副詞可能",
  "名詞,接尾,地域",
  "名詞,接尾,人名",
  "動詞,自立",
  "形容詞,自立",
  "副詞,一般",
  "副詞,助詞類接続",
  "感動詞",
  "助詞,接続助詞",
];

/** Raw token fields returned by lindera-wasm (camelCase, verified by experiment for 2.0.0). */
interface LinderaToken {
  surface: string;
  baseForm?: string;
  reading?: string;
  partOfSpeech?: string;
  partOfSpeechSubcategory1?: string;
  partOfSpeechSubcategory2?: string;
  partOfSpeechSubcategory3?: string;
  // lindera-wasm 2.0.0 names these the other way round: conjugationForm holds the 活用型 (一段),
  // conjugationType the 活用形 (連用形).
  conjugationForm?: string;
  conjugationType?: string;
  byteStart: number;
  byteEnd: number;
}

type LinderaModule = typeof import("lindera-wasm-nodejs-ipadic");

/** Builds a lindera (IPADIC) tokenizer; loads the 13 MB WASM dictionary (~0.3–0.6 s, ~180 MB RSS). */
export function createLinderaTokenizer(mode: TokenizerMode = "content"): JapaneseTokenizer {
  // Loaded lazily (and via require: the package is CommonJS) so importing this module stays cheap and
  // code that injects its own tokenizer never pays for the dictionary.
  const lindera = createRequire(import.meta.url)("lindera-wasm-nodejs-ipadic") as LinderaModule;
  const builder = new lindera.TokenizerBuilder();
  builder.setDictionary("embedded://ipadic");
  builder.setMode("normal");
  if (mode === "content") builder.appendTokenFilter("japanese_keep_tags", { tags: contentTags });
  const tokenizer = builder.build();
  const read = (text: string, depth: number): Morpheme[] => {
    const lost: Span[] = [];
    const morphemes = toMorphemes(text, tokenizer.tokenize(text) as LinderaToken[], lost);
    // IPADIC sometimes gives up mid-phrase: 期限が過ぎちゃったらどうなるの comes back as 過 (a prefix) and one
    // unknown run of kana, which would drop the rest of the sentence. The words from the one before the run
    // are read again in a shorter stretch (過ぎちゃったら reads as 過ぎ + ちゃっ + たら), and the rest after it.
    const gap = lost[0];
    if (gap === undefined || depth >= 3 || mode !== "all") return morphemes;
    const from = morphemes.filter((m) => m.end <= gap.start).at(-1)?.start ?? gap.start;
    const shift = (ms: Morpheme[], by: number) =>
      ms.map((m) => ({ ...m, start: m.start + by, end: m.end + by }));
    for (let end = gap.end - 1; end > gap.start && end >= gap.end - 12; end -= 1) {
      const again: Span[] = [];
      const head = toMorphemes(
        text.slice(from, end),
        tokenizer.tokenize(text.slice(from, end)) as LinderaToken[],
        again,
      );
      if (again.length > 0) continue;
      return [
        ...morphemes.filter((m) => m.start < from),
        ...shift(head, from),
        ...shift(read(text.slice(end), depth + 1), end),
      ];
    }
    return morphemes;
  };
  return {
    tokenize(text: string): Morpheme[] {
      return mergeLatinRuns(text, read(text, 0));
    },
  };
}

/** Wraps a tokenizer with an LRU keyed by text; callers must treat the returned arrays as read-only. */
export function createCachedTokenizer(inner: JapaneseTokenizer, capacity = 2048): JapaneseTokenizer {
  const cache = new LruCache<string, Morpheme[]>(capacity);
  return {
    tokenize(text: string): Morpheme[] {
      const hit = cache.get(text);
      if (hit) return hit;
      const morphemes = inner.tokenize(text);
      cache.set(text, morphemes);
      return morphemes;
    },
  };
}

let shared: JapaneseTokenizer | undefined;

/** The process-wide cached content tokenizer (server-side only: never import into client code). */
export function getJapaneseTokenizer(): JapaneseTokenizer {
  shared ??= createCachedTokenizer(createLinderaTokenizer("content"));
  return shared;
}

let sharedFull: JapaneseTokenizer | undefined;

/**
 * The process-wide tokenizer that keeps every morpheme (fillers, particles, auxiliaries), cached: a reply's
 * sentences are read again when its quotes are cut, and a caller's turn once per reply that answers it.
 */
export function getFullTokenizer(): JapaneseTokenizer {
  sharedFull ??= createCachedTokenizer(createLinderaTokenizer("all"), 1024);
  return sharedFull;
}

function toMorphemes(text: string, raw: LinderaToken[], lost: Span[] = []): Morpheme[] {
  const out: Morpheme[] = [];
  // lindera reports UTF-8 byte offsets; walk the text once to convert them to string indices.
  let charIndex = 0;
  let byteIndex = 0;
  for (const token of raw) {
    if (!token.partOfSpeech) continue;
    // A character the dictionary does not know (淹れる's 淹) is kept as a word of its own, not dropped.
    const unknown = token.partOfSpeech === "UNK";
    while (byteIndex < token.byteStart && charIndex < text.length) {
      const code = text.codePointAt(charIndex) ?? 0;
      byteIndex += utf8Length(code);
      charIndex += code > 0xffff ? 2 : 1;
    }
    if (unknown && !/[\p{Script=Han}]/u.test(token.surface)) {
      // (A run of kana the dictionary could not read is a word lost: the caller reads it again.)
      if (/[ぁ-ゖ]{2}/.test(token.surface))
        lost.push({ start: charIndex, end: charIndex + token.surface.length });
      // (Hiragana it cannot read at all, the び of びしゃびしゃ, stays in the text as an unknown word:
      // dropped, it would cut a word the reflection hands back.)
      if (!/^[ぁ-ゖー]+$/.test(token.surface)) continue;
    }
    const start = charIndex;
    const detail = [
      token.partOfSpeechSubcategory1,
      token.partOfSpeechSubcategory2,
      token.partOfSpeechSubcategory3,
    ]
      .filter((part): part is string => Boolean(part) && part !== "*")
      .join(",");
    out.push({
      surface: token.surface,
      baseForm: token.baseForm && token.baseForm !== "*" ? token.baseForm : token.surface,
      reading: token.reading && token.reading !== "*" ? token.reading : "",
      pos: unknown ? "名詞" : token.partOfSpeech,
      posDetail: unknown ? "未知語" : detail,
      start,
      end: start + token.surface.length,
      ...(token.conjugationForm && token.conjugationForm !== "*"
        ? { inflectionType: token.conjugationForm, inflectionForm: token.conjugationType ?? "" }
        : {}),
    });
  }
  return out;
}

function utf8Length(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code < 0x10000) return 3;
  return 4;
}

// IPADIC leaves Latin letters and ASCII digits unknown (UNK), which the tag filter cannot keep, so
// they are recovered from the text: "LL", "E-52", "3,870" are exactly the specific details callers give.
// (A percentage keeps its %, which IPADIC also leaves unknown: 金利0.5%.)
const latinRun = /[A-Za-z0-9Ａ-Ｚａ-ｚ０-９][A-Za-z0-9Ａ-Ｚａ-ｚ０-９,.\-－]*%?/g;

// Katakana words missing from IPADIC (コタロウ, リナールケア) are also UNK: names of pets, people and
// products, i.e. specific details, so they are recovered the same way.
const katakanaRun = /[ァ-ヺ][ァ-ヺー]+/g;

function mergeLatinRuns(text: string, morphemes: Morpheme[]): Morpheme[] {
  const extra: Morpheme[] = [];
  const recover = (pattern: RegExp, posDetail: string, trim: RegExp | null) => {
    for (const match of text.matchAll(pattern)) {
      const surface = trim ? match[0].replace(trim, "") : match[0];
      const start = match.index;
      const end = start + surface.length;
      if (morphemes.some((m) => m.start < end && m.end > start)) continue; // full-width digits are real tokens
      extra.push({ surface, baseForm: surface, reading: "", pos: "名詞", posDetail, start, end });
    }
  };
  recover(latinRun, "英数", /[,.\-－]+$/);
  recover(katakanaRun, "固有名詞,未知語", null);
  if (extra.length === 0) return morphemes;
  return [...morphemes, ...extra].sort((a, b) => a.start - b.start);
}

import type { ContentUnit, TextAnalysis } from "./content-units";
import { classifySentence } from "./detect-question";
import { judgesCaller } from "./detect-violation";
import { mergeSpans, type Span, stripSentenceEnd } from "./text-spans";

/** A span in one of the caller's turns (turn = index in the context). */
export interface SourceSpan extends Span {
  turn: number;
}

export interface CallerText {
  turn: number;
  analysis: TextAnalysis;
}

export interface ReflectionResult {
  parroting: { present: boolean; spans: Span[]; sources: SourceSpan[]; phrase: string | null };
  summarizing: {
    present: boolean;
    spans: Span[];
    sources: SourceSpan[];
    points: number;
    /** Reply clauses that carry caller words, and caller turns they come from (for the learned layer). */
    clausesWithCallerWords: number;
    callerTurnsReflected: number;
    /** Clauses of reflecting sentences, stretches of them restating caller words, and a summary marker. */
    reflectingClauses: number;
    restatedSegments: number;
    marked: boolean;
  };
}

/**
 * Parroting: a reflecting sentence repeats the latest caller turn's own content words (by base form
 * and reading) — one specific word (a name, a number, a feeling word) or two ordinary ones.
 * Summarizing: two or more reflecting clauses each restate a different point from any caller turn.
 */
export function detectReflection(reply: TextAnalysis, callers: CallerText[]): ReflectionResult {
  const callerTexts = callers.map((c) => c.analysis.text);
  // Only the reflective stretch of each sentence counts: all of it, or the echo or read-back that opens
  // a sentence which goes on to refuse, propose or ask.
  const reflectiveEnd = reply.sentences.map((s, i) => {
    // The sentence after a read-back announced (ご注文内容を確認いたします) is the read-back.
    if (announcedReadBack.test(reply.sentences[i - 1]?.text ?? "")) return s.end;
    const extent = reflectiveExtent(s.text, callerTexts);
    return extent === null ? null : s.start + extent;
  });
  const candidates = reply.units.filter((u) => {
    const end = reflectiveEnd[u.sentence];
    return !u.generic && end !== null && end !== undefined && u.end <= end;
  });
  const latest = callers[callers.length - 1];
  return {
    parroting: latest ? detectParroting(reply, candidates, latest) : emptyParroting(),
    summarizing: detectSummarizing(reply, candidates, callers),
  };
}

function emptyParroting(): ReflectionResult["parroting"] {
  return { present: false, spans: [], sources: [], phrase: null };
}

function detectParroting(
  reply: TextAnalysis,
  candidates: ContentUnit[],
  latest: CallerText,
): ReflectionResult["parroting"] {
  const index = indexUnits(latest.analysis.units);
  const matched = candidates.filter((u) => u.keys.some((k) => index.has(k)));
  const distinct = new Set(matched.map((u) => u.keys[0]));
  const quoted = reply.sentences.some((s) => quotesCaller(s.text, [latest.analysis.text]));
  const callerWording = colloquial(latest.analysis.text);
  // A word the operator marks as the caller's (新幹線でお越しとのことですので) is handed back on purpose.
  const marked = (u: ContentUnit) => {
    const sentence = reply.sentences[u.sentence]?.text ?? "";
    return foldedReadBack.test(sentence);
  };
  // A word of theirs confirmed on its own (はい、ソファですね): the read-back is the whole sentence.
  // (Said with pauses or a run of tokens, はい、はい、定期便の停止ですね / 配達中、なんですね / 木曜に、ですね,
  // and a number echoed in surprise, 二回、ですか.)
  const confirmedWord = (u: ContentUnit) =>
    (u.kind === "noun" || u.kind === "number") &&
    (u.kind === "number"
      ? /^((はい|ええ|え|あ)、?)*[^、。？?]{1,14}(です|でございます)(ね|か)[。？?]?$/
      : /^((はい|ええ|あ)、?)*[^、。？?]{1,14}(?<!(?<!な)[のん])(です|でございます)ね[。]?$/
    ).test((reply.sentences[u.sentence]?.text ?? "").replace(/[、\s](?!$)/g, "")) &&
    !reply.units.some((x) => x.sentence === u.sentence && (x.kind === "verb" || x.kind === "adjective"));
  const specific =
    quoted ||
    matched.some(
      (u) => u.strong || u.feeling || marked(u) || confirmedWord(u) || repeatsPhrase(reply, u, callerWording),
    );
  // A word and the plain verb it went with, handed back together (お知らせが来ていなかった ← お知らせなんか来て
  // ない): the verb alone says little (来る, ある), but with the caller's noun of the same clause it is their
  // statement again.
  const withItsVerb = matched.some((noun) => {
    if (noun.kind !== "noun") return false;
    const callerClauses = new Set(matchingUnits(noun, index).map((c) => c.clause));
    return reply.units.some(
      (verb) =>
        verb.generic &&
        verb.kind === "verb" &&
        verb.clause === noun.clause &&
        verb.start > noun.end &&
        latest.analysis.units.some(
          (c) => c.kind === "verb" && callerClauses.has(c.clause) && c.keys[0] === verb.keys[0],
        ),
    );
  });
  if (!(specific || distinct.size >= 2 || withItsVerb)) return emptyParroting();
  const sources = matched.flatMap((u) => sourcesOf(u, index, latest.turn));
  return {
    present: true,
    spans: mergeSpans(matched.map((u) => ({ start: u.start, end: u.end }))),
    sources: mergeSources(sources),
    phrase: reflectedPhrase(reply, matched),
  };
}

function detectSummarizing(
  reply: TextAnalysis,
  candidates: ContentUnit[],
  callers: CallerText[],
): ReflectionResult["summarizing"] {
  const indexes = callers.map((c) => ({ turn: c.turn, index: indexUnits(circumstancesJoined(c.analysis)) }));
  const usedPoints = new Set<string>();
  const spans: Span[] = [];
  const sources: SourceSpan[] = [];
  for (let clause = 0; clause < reply.clauses.length; clause += 1) {
    const units = candidates.filter((u) => u.clause === clause);
    if (units.every((u) => u.feeling)) continue; // naming a feeling is empathy, not a restated point
    const points = new Map<string, { count: number; sources: SourceSpan[] }>();
    for (const unit of units) {
      if (unit.feeling) continue;
      for (const { turn, index } of indexes) {
        for (const callerUnit of matchingUnits(unit, index)) {
          const point = `${turn}:${callerUnit.clause}`;
          const entry = points.get(point) ?? { count: 0, sources: [] };
          entry.count += 1;
          entry.sources.push({ turn, start: callerUnit.start, end: callerUnit.end });
          points.set(point, entry);
        }
      }
    }
    // The clause restates the caller point it overlaps most that no earlier clause already restated.
    // One clause restates two points when two of its predicates come from different caller clauses
    // (ご主人が植えられた梅の木が咲いた), not when two nouns do (使用中止のご希望日は、来月15日で).
    const ranked = [...points.entries()]
      .filter(([p]) => !usedPoints.has(p))
      .sort((a, b) => b[1].count - a[1].count);
    // Each predicate restates one point: the caller clause it shares most with this clause (出る in
    // 吸い込まれたまま出てこなかった is one point even when the caller also said 誰も出なくて).
    const rank = new Map(ranked.map(([point], i) => [point, i]));
    const predicatePoints = new Set(
      units
        .filter((u) => (u.kind === "verb" || u.kind === "adjective") && !u.feeling)
        .flatMap((u) => {
          const options = indexes
            .flatMap(({ turn, index }) => pointsOf(u, index, turn))
            .filter((p) => rank.has(p))
            .sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
          return options.slice(0, 1);
        }),
    );
    // A read-back can list what several caller clauses said in one clause (七歳の女の子と三歳の男の子の…):
    // a caller clause it shares two or more words with is a point of its own.
    // In a confirming question the nouns name one datum and what it is for (使用中止のご希望日は、来月15日で
    // よろしいでしょうか): only its predicates make a second point there.
    const sentence = reply.sentences[units[0]?.sentence ?? -1];
    // (A read-back folded into a proposal, …ご在宅とのことですので、〜はいかがでしょうか, lists its data
    // before the question begins.)
    const fold = sentence ? foldedReadBack.exec(sentence.text) : null;
    const beforeFold =
      fold !== null && sentence !== undefined && (units[0]?.start ?? 0) - sentence.start < fold.index;
    const asks = sentence !== undefined && !beforeFold && classifySentence(sentence.text).question !== "none";
    const restated = ranked.filter(
      ([point, entry], i) =>
        i === 0 || (predicatePoints.size >= 2 && predicatePoints.has(point)) || (entry.count >= 2 && !asks),
    );
    if (restated.length === 0) continue;
    for (const [point, entry] of restated.slice(0, 3)) {
      usedPoints.add(point);
      sources.push(...entry.sources);
    }
    spans.push(...units.map((u) => ({ start: u.start, end: u.end })));
  }
  const present =
    usedPoints.size >= 2 ||
    paraphrasedList(reply) ||
    (usedPoints.size >= 1 && coordinatedItems(reply, candidates, indexes) >= 2) ||
    dataKindsReadBack(reply, candidates, indexes) >= 2 ||
    (usedPoints.size >= 1 &&
      summaryMarker.test(reply.text) &&
      (restatedSegments(reply, candidates, indexes) >= 2 ||
        callerClausesRestated(candidates, indexes) >= 2)) ||
    // 〜ということですね hands back an understanding: with words from two caller clauses it condenses two
    // points (退職金のうち500万円ほどを、5年くらいお預けになりたいということですね).
    // Two nouns alone (ノートパソコンの修理をお願いしたいということですね) name one matter.
    (usedPoints.size >= 1 &&
      understandingMarker.test(reply.text) &&
      (callerClausesRestated(candidates, indexes, true) >= 2 ||
        callerClausesRestated(candidates, indexes) >= 3)) ||
    (countedPoints.test(reply.text) &&
      reply.sentences.some((s) => countedPoints.test(s.text) && isReflectiveSentence(s.text))) ||
    chainedRestatement(reply, candidates, indexes);
  const matchedClauses = new Set(
    candidates
      .filter((u) => indexes.some(({ index }) => matchingUnits(u, index).length > 0))
      .map((u) => u.clause),
  );
  const matchedTurns = new Set(
    indexes
      .filter(({ index }) => candidates.some((u) => matchingUnits(u, index).length > 0))
      .map((i) => i.turn),
  );
  return {
    present,
    spans: present ? mergeSpans(spans) : [],
    sources: present ? mergeSources(sources) : [],
    points: usedPoints.size,
    clausesWithCallerWords: matchedClauses.size,
    callerTurnsReflected: matchedTurns.size,
    reflectingClauses: new Set(candidates.map((u) => u.clause)).size,
    restatedSegments: restatedSegments(reply, candidates, indexes),
    marked: summaryMarker.test(reply.text) || /ということ(です|でございます)ね/.test(reply.text),
  };
}

// 整理いたしますと、更新のあとでプログラムが立ち上がらず、過去の記録も開けないうえに…ということですね: a
// marked restatement chaining two or more happenings, each with its own predicate, condenses the story even
// in the operator's own words.
function paraphrasedList(reply: TextAnalysis): boolean {
  // お祝いの日までのお届けと贈答用の包装をご希望ということですね: two wishes named in the operator's words.
  if (
    reply.sentences.some((s) =>
      /^[^。、]{0,4}[^、。]{4,24}と[^、。]{4,24}(を|が)(ご希望|お望み|お考え|ご検討)[^、。]{0,6}(ということ|とのこと)(です|でございます)ね[。]?$/.test(
        s.text,
      ),
    )
  )
    return true;
  const marker = summaryMarker.exec(reply.text);
  if (!marker) return false;
  const sentence = reply.sentences.find((s) => marker.index >= s.start && marker.index < s.end);
  if (!sentence) return false;
  const body = reply.text.slice(marker.index + marker[0].length, sentence.end);
  if (!/(ということ|とのこと)(です|でございます)ね|のですね|んですね/.test(body)) return false;
  if (!/(ず[、,\s]?|うえに|上に|うえ[、,]|[てで][、,]|し[、,]|たり)/.test(body)) return false;
  const predicates = new Set(
    reply.units
      .filter(
        (u) =>
          (u.kind === "verb" || u.kind === "adjective") &&
          u.start >= marker.index + marker[0].length &&
          u.end <= sentence.end &&
          !/^(いただく|いただける|する|いる|ある|なる|おる|ござる|できる)$/.test(u.keys[0] ?? ""),
      )
      .map((u) => u.clause),
  );
  return predicates.size >= 2;
}

// The operator announcing a condensed restatement. Alone it proves nothing (the guideline): it counts
// with caller words restated in two separate stretches of the reply.
const summaryMarker =
  /つまり|要するに|整理(いたし|し|させていただき)ますと|確認(させていただ|いたし|し)ますと|復唱(いたし|させていただ|し)ます|まとめ(ますと|させていただきますと)/;
const understandingMarker = /ということ(です|でございます)ね|とのこと(です|でございます)ね/;
// A restatement that counts its own points: 料金とお申し込み方法の二点, いつからかと何をかの2点ですね.
export const countedPoints =
  /(と|か|や|[、,])[^。]{0,20}(の|、この|この)(2|二|3|三|4|四|ふた|みっ|よっ)(つ|点)(について|ですね|でございますね|を|に|で)|(と|か)[^。]{0,20}の両方(を|に|が|について|ですね)/;
// Items listed side by side: 大人2名様と、3歳と8歳のお子様 / プリウス、ナンバーは品川300 / 夜7時、4名様.
const coordination = /^(様|さま|さん|名様)?((と|や)[、,]?|[、,])$/;

type CallerIndex = { turn: number; index: Map<string, ContentUnit[]> };

/**
 * A confirmation that chains several happenings of the caller's story, each with its own predicate
 * (娘さんがお越しになれないうえに、足の具合もあって外出もままならず、…心待ちにしてくださっているのですね):
 * two or more in the operator's words, with the caller's words in at least one, condense the story.
 */
function chainedRestatement(reply: TextAnalysis, candidates: ContentUnit[], indexes: CallerIndex[]): boolean {
  const callerClauses = new Set(
    indexes.flatMap(({ turn, index }) => [...index.values()].flat().map((u) => `${turn}:${u.clause}`)),
  );
  if (callerClauses.size < 2) return false;
  return reply.sentences.some((sentence, i) => {
    if (!/(のですね|んですね|ということ(です|でございます)ね|とのことですね)[。]?$/.test(sentence.text))
      return false;
    if (/[?？]/.test(sentence.text)) return false;
    const units = candidates.filter((u) => u.sentence === i);
    const predicates = new Set(
      units
        .filter((u) => (u.kind === "verb" || u.kind === "adjective") && !u.feeling && !u.generic)
        .map((u) => u.clause),
    );
    const echoed = units.some((u) => callerUnitsOf(u, indexes).length > 0);
    return predicates.size >= 2 && echoed;
  });
}

/** Listed items that read back different caller words: each is a point of its own. */
function coordinatedItems(reply: TextAnalysis, candidates: ContentUnit[], indexes: CallerIndex[]): number {
  const matched = candidates.filter(
    (u) => (u.kind === "noun" || u.kind === "number" || u.strong) && callerUnitsOf(u, indexes).length > 0,
  );
  let best = 0;
  let items = 0;
  let previous: ContentUnit | undefined;
  const seen = new Set<string>();
  for (const unit of matched) {
    // Two data (夜7時、4名様) are two points; two words are only when the caller said them apart
    // (カットとカラーで is one request; のしも付けて after ギフト用に包装 is a second one).
    const sources = callerUnitsOf(unit, indexes).map((c) =>
      unit.kind === "number" ? `${c.turn}:${c.start}` : `${c.turn}:c${c.clause}`,
    );
    const between = previous ? reply.text.slice(previous.end, unit.start) : "";
    // 娘さんと喧嘩された: と before a verb's partner is "with", not a list.
    const comitative = /^[しさせ]/.test(reply.text.slice(unit.end, unit.end + 1));
    const listed =
      previous !== undefined &&
      previous.sentence === unit.sentence &&
      between !== "" &&
      (coordination.test(between) || listsNounPhrases(reply, previous, unit, between)) &&
      !comitative;
    if (!listed) {
      items = 0;
      seen.clear();
    }
    // エー、ビー、3718: the characters of one spelled code are one item.
    const sameCode =
      listed && spelledCharacter.test(previous?.surface ?? "") && spelledCharacter.test(unit.surface);
    if (!sources.some((key) => seen.has(key)) && !sameCode) items += 1;
    for (const key of sources) seen.add(key);
    best = Math.max(best, items);
    previous = unit;
  }
  return best;
}

/**
 * The caller's clauses (from any turn) that the reply's words come from, counted on content nouns, data and
 * predicates: after a summary marker, words from two of them are two points even in one unpunctuated run
 * (確認させていただきますと小学3年生のお嬢様で土曜日のクラスをご希望…).
 */
function callerClausesRestated(
  candidates: ContentUnit[],
  indexes: CallerIndex[],
  beyondNouns = false,
): number {
  const clauses = new Set<string>();
  for (const unit of candidates) {
    if (unit.feeling || unit.generic) continue;
    if (beyondNouns && unit.kind === "noun" && !unit.strong) continue;
    for (const c of callerUnitsOf(unit, indexes)) clauses.add(`${c.turn}:${c.clause}`);
  }
  return clauses.size;
}

/**
 * Data of different kinds read back from the caller (6月8日のご夕食、2名様 / 1234-5678-9012、夜七時以降):
 * a date and a party size are two points; 30日ごとから45日ごと, two of one kind, are one request.
 */
// A day named by the caller (明日, 午前中, 土曜日): read back, it is a datum like a date.
const namedTime =
  /^(今日|本日|明日|あす|明後日|あさって|来週|再来週|今週|今月|来月|午前中?|午後|夕方|夜|朝|[月火水木金土日]曜日?)$/;

function dataKindsReadBack(reply: TextAnalysis, candidates: ContentUnit[], indexes: CallerIndex[]): number {
  const data = candidates.filter(
    (unit) =>
      (unit.kind === "number" ||
        (unit.kind === "latin" && /[0-9]{3}/.test(unit.surface)) ||
        (unit.kind === "noun" && namedTime.test(unit.surface))) &&
      callerUnitsOf(unit, indexes).length > 0,
  );
  const first = data[0];
  const last = data[data.length - 1];
  if (!first || !last || first === last) return data.length;
  // A list, not a story: no verb after the first datum in its sentence (十キロで五千円もしたのに is one
  // complaint; 6月8日のご夕食、2名様でございますね is a read-back).
  const sentenceEnd = reply.sentences[first.sentence]?.end ?? reply.text.length;
  if (
    reply.units.some(
      (u) =>
        u.kind === "verb" &&
        u.start > first.end &&
        u.end <= sentenceEnd &&
        !/^(ござい|ござる|よろしい|いただ|お願い|承|かしこま)/.test(u.surface),
    )
  )
    return 1;
  const kinds = new Set<string>();
  // Two days or two hours (22日の土曜日、難しい場合は23日 / 本日は20時以降、明日は午前中) are two points; a
  // day and its hour are one appointment.
  const days = new Set<string>();
  const hours = new Set<string>();
  for (const unit of data) {
    const key = unit.keys[0] ?? unit.surface;
    // (A named day counts beside a code it goes with, 4821-3307-5569のお荷物を明日午前中に: not beside a
    // count, 今週だけで三回目.)
    if (unit.kind === "noun") {
      if (data.some((d) => d.kind === "latin" || /[0-9０-９]{3}/.test(d.surface))) kinds.add("when");
      continue;
    }
    const counter = unit.kind === "latin" ? "code" : key.replace(/[0-9０-９.・,，万千百十半約]/g, "");
    if (/^(月日|日)$/.test(counter)) days.add(key);
    if (/^(時|分|時分)$/.test(counter)) hours.add(key);
    // A day and an hour are one appointment (15日の2時半); the numbers of an address one place (本町三丁目8の12
    // 203号室).
    kinds.add(
      /^(年|月|日|月日|時|分|時分)$/.test(counter)
        ? "when"
        : /^(丁目|番地|番|号|号室|階|の)$/.test(counter)
          ? "address"
          : counter || "number",
    );
  }
  // (3日から5日まで is one stay.)
  const range = /から|まで|〜|~|－/.test(reply.text.slice(first.start, last.end));
  return kinds.size + ((days.size >= 2 || hours.size >= 2) && !range ? 1 : 0);
}

/**
 * Two noun phrases joined by と or や, each read back from the caller (冬場の寒さと、ご両親のための手すり /
 * 登録番号の入力場所とロゴの挿入): nothing between the two words but modifiers, no predicate of its own.
 */
function listsNounPhrases(
  reply: TextAnalysis,
  previous: ContentUnit,
  unit: ContentUnit,
  between: string,
): boolean {
  const joint = /(と|や)([、,]?)(?!一緒|共に|とも|同じ|違|比べ)[^、。と]*$/.exec(between);
  if (!joint || /(て|で|た|だ|ます|です|ので|から|けど|が|は|を|に)[、,]/.test(between)) return false;
  // The particle joins two phrases only when a content word opens the second (ロゴ, ご両親): not ごと, こと.
  const second = previous.end + joint.index + 1 + (joint[2] ?? "").length;
  const opensPhrase = reply.units.some(
    (u) => u.start === second || (u.start === second + 1 && /[おご御]/.test(reply.text[second] ?? "")),
  );
  if (!opensPhrase) return false;
  // A predicate in between makes the と a quotation or a condition (届いたと, 寒いと), not a list; an
  // adjective turned noun (寒さ, 重み) is a phrase of the list.
  return !reply.units.some(
    (u) =>
      u.start >= previous.end &&
      u.end <= unit.start &&
      (u.kind === "verb" || (u.kind === "adjective" && !/^[さみ]/.test(reply.text.slice(u.end, u.end + 1)))),
  );
}

/** Stretches of the reply, split at commas and clause ends, that each restate caller words. */
function restatedSegments(reply: TextAnalysis, candidates: ContentUnit[], indexes: CallerIndex[]): number {
  const segments = new Set<string>();
  for (const unit of candidates) {
    if (callerUnitsOf(unit, indexes).length === 0) continue;
    // A code spelled out a character at a time (エー、ビー、さん、なな) or read in groups (090、1234) is one
    // datum, however many pauses.
    const commas = spelledCharacter.test(unit.surface)
      ? "spelled"
      : (reply.text.slice(0, unit.start).match(/[、,]/g) ?? []).length;
    segments.add(`${unit.clause}:${commas}`);
  }
  return segments.size;
}

const spelledCharacter =
  /^([A-Za-z]|[0-9０-９]+|エー|ビー|シー|ディー|イー|エフ|ジー|エイチ|アイ|ジェー|ケー|エル|エム|エヌ|オー|ピー|キュー|アール|エス|ティー|ユー|ブイ|ダブリュー|エックス|ワイ|ゼット|ゼロ|ぜろ|れい|いち|に|にい|さん|よん|し|ご|ごお|ろく|なな|しち|はち|きゅう|く|いっ|ち)$/;

function callerUnitsOf(unit: ContentUnit, indexes: CallerIndex[]): (SourceSpan & { clause: number })[] {
  return indexes.flatMap(({ turn, index }) =>
    matchingUnits(unit, index).map((c) => ({ turn, start: c.start, end: c.end, clause: c.clause })),
  );
}

// A content word that opens a stretch of the caller's own wording this long (after undoing polite and
// colloquial inflection: 届いていない = 届いてない, 割れていた = 割れてた) is repeated in their words even
// when it is the only word matched: ログインできなくなった, つながらなかった.
const verbatimPhraseLength = 5;

function repeatsPhrase(reply: TextAnalysis, unit: ContentUnit, callerWording: string): boolean {
  if (unit.kind !== "verb" && unit.kind !== "adjective" && unit.kind !== "noun") return false;
  const sentenceEnd = reply.sentences[unit.sentence]?.end ?? reply.text.length;
  const phrase = colloquial(reply.text.slice(unit.start, sentenceEnd));
  return (
    phrase.length >= verbatimPhraseLength && callerWording.includes(phrase.slice(0, verbatimPhraseLength))
  );
}

/** Undoes the inflections the guideline allows, so the caller's and the operator's wording compare. */
export function colloquial(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s、,。]/g, "")
    .replace(
      /([てで])しま([っうわい])/g,
      (_, te: string, rest: string) => `${te === "て" ? "ち" : "じ"}ゃ${rest}`,
    )
    .replace(/([てで])い(な|る|ま|た(?!だ))/g, "$1$2")
    .replace(/って(言|い)/g, "と$1");
}

const foldedReadBack =
  /(とのこと|ということ|というお話)(です|でございます)?(ので|から|でしたら|なら|でございましたら)|(とのこと|ということ)で、/;

/**
 * A sentence that hands the caller's words back as the operator's understanding: a tag confirmation
 * (〜のですね), ということ, a quotation, a confirming question, or a clause about what the caller did
 * or went through (〜されたのに, 〜いただき、ありがとう). Requests and information questions are not.
 */
export function isReflectiveSentence(text: string, callerTexts: string[] = []): boolean {
  return reflectiveExtent(text, callerTexts) !== null;
}

/** A sentence announcing that a read-back follows: ご注文内容を確認いたします. */
export const announcedReadBack =
  /(内容|ご注文|ご予約|お申し込み)(を|の)?(確認|復唱)(いたし|させていただき|し)ます[。]?$|(確認|復唱)(いたし|させていただき)ます[。]?$/;

// An echo that opens a sentence which then turns elsewhere: ポイントが消えていた、と、申し訳ございませんが…
// / お子様が熱を出されたとのことで、… / ご主人様が、急にご入院を、それは… / 結婚記念日に、はい、….
const openingEcho = [
  // The caller's data listed before what is done with them: 日曜日12時半から4名様、うちお子様1名で、…ご用意して
  // おきます.
  /^[^。]{4,50}?[0-9０-９一二三四五六七八九十]+(名様|名|人|日|時半?|分|円|個|枚|泊|台|本|キロ|箱|セット)(様)?で[、,]/,
  // The matter named as a point before the apology: ご予約が入っていなかったという点は、ご迷惑を…
  /^[^。]{2,50}?(た|ない|なかった|ている|ていた|ていない|ていなかった)[、,]?(という|との)?(点|件)(は|で|について|につきましては|に関しましては|に関しては)?[、,]/,
  // What happened, told before the apology for it: ご予約いただいたうえで1時間半もお待たせしており、申し訳…
  /^[^。]{4,50}?(ており|ておりまして|てしまい|てしまって|させてしまい)[、,]\s*(大変|誠に|本当に)?(申し訳|ご迷惑|失礼)/,
  /^[^。]{2,50}?(とのことで|ということで|とのこと|ということ)(です|でございます)?(が|けれども)?[、,]/,
  // (…ゆっくりできたと、思えば is the operator's reframing, not an echo.)
  /^[^。]{2,40}?(た|ない|なかった|ている|ていた|ていない|れない)[、,]?と[、,](?!\s*(思|考え|おも))/,
  /^[^。]{2,40}?[^はいえあすただるけ、](を|が|に)[、,](?=(それは|はい|ええ|まあ|そう|あの|えー|大変|本当に|さぞ|それ))/,
];

/**
 * How much of a sentence hands the caller's words back: all of it (its length), the stretch before a
 * read-back folds into a proposal, an echo that opens it, or none (null).
 */
export function reflectiveExtent(text: string, callerTexts: string[] = []): number | null {
  // A read-back folded into a proposal or a question: 電車でお越しとのことですので、〜はいかがでしょうか.
  const fold = foldedReadBack.exec(text);
  if (fold && !judgesCaller(text.slice(0, fold.index))) return fold.index + fold[0].length;
  if (wholeSentenceReflects(text, callerTexts)) return text.length;
  for (const pattern of openingEcho) {
    const echo = pattern.exec(text);
    if (echo && !judgesCaller(echo[0]) && echo[0].length < text.length) return echo[0].length;
  }
  return null;
}

function wholeSentenceReflects(text: string, callerTexts: string[]): boolean {
  if (judgesCaller(text)) return false;
  const kind = classifySentence(text);
  if (kind.question !== "none") return kind.confirmation;
  if (kind.request) return false;
  const body = stripSentenceEnd(text);
  // 〜と思うんですけどね is the operator's view, not a confirmation of the caller's; nor is a remark
  // about people in general (〜を間違える方が多いんですよね).
  if (/(けど|けれど|けれども)ね$|思(う|います|うんです|いますけど|うんですけど)(けど)?ね$/.test(body))
    return false;
  if (
    /(方|人|ケース|お客様)(が|も)(多い|多く|よく|けっこう|結構)/.test(body) &&
    !callerTexts.some((c) => /(方|人)(が|も)?(多い|多く)/.test(c))
  )
    return false;
  if (/(ね|ねえ|よね)$/.test(body) || /(です|ます|でした|ました)(ね|よね)、/.test(body)) return true;
  // Naming what the caller is going through as the ground of a feeling: 〜中で、さぞお困りのことと存じます.
  if (/さぞ|(こと|の)と(存じ|思い|お察し)|ことでしょう|(のは|のも)(当然|無理もな)/.test(body)) return true;
  // An echo without a predicate: お孫さんが一等賞を! / 引き出しが3回も……
  if (/[^\sはいえあすただるけ](を|が|も|まで)$/.test(body) && /[！!…]/.test(text)) return true;
  if (/ということ|とのこと|ってこと|というお話|というご/.test(body)) return true;
  // Spoken echoes: a quotation closed by と (あっためもできないと。), a fragment ending on its particle
  // (にまんえんの、ご請求が。), the caller's plain words with no polite ending (週末しか、いらっしゃらない。),
  // the caller's feeling imagined (さぞ焦られたと思います).
  if (/([るうくすつむぶぬぐ]|ない|なかった|た|だ|です|ている|ていない)[、,]?と$/.test(body)) return true;
  // A read-back announced as one (確認させていただきますと、…): the whole sentence hands words back.
  if (
    /^(確認(させていただ|いたし|し)ますと|復唱(いたし|させていただ)(ます|きます)と?|整理(いたし|し|させていただき)ますと)/.test(
      body,
    )
  )
    return true;
  if (/[^\sはいえあすただるけ、](が|を)$/.test(body)) return true;
  if (/[^\s、](ない|なかった|れない|られない)$/.test(body) && !/です|ます|ござい|ください/.test(body))
    return true;
  // …and the caller's plain words left on a のに (お車がないと、お仕事にも行けないのに……).
  if (/[^\s、](ない|なかった|た|ている|ていた)のに$/.test(body) && !/です|ます|ござい|ください/.test(body))
    return true;
  // A stretch of the caller's own words said back as a fragment (隣町の温泉まで。).
  const echoed = compact(body.replace(/^((はい|ええ|まあ|あの|えー|ええと)[、…\s]*)+/, ""));
  if (echoed.length >= 5 && callerTexts.some((c) => compact(c).includes(echoed))) return true;
  // A code read back under its name, with no ending (伝票番号、4829-1157-3306。): the caller's datum.
  const code = /[0-9A-Za-z][0-9A-Za-z-]{2,}/.exec(echoed)?.[0];
  if (
    code &&
    echoed.replace(code, "").length <= 8 &&
    callerTexts.some((c) => compact(c).replace(/-/g, "").includes(code.replace(/-/g, "")))
  )
    return true;
  if (/(され|られ|なさっ|になっ)(た|て)(の|こと)?(だ|か)?と(思い|存じ|お察し)/.test(body)) return true;
  // Taking on the caller's request in their terms: ご名義の変更、承ります.
  if (/[^\sはい、]、?(承り(ます|ました)|承知(いたし|し)ました|かしこまりました)$/.test(body)) return true;
  if (quotesCaller(text, callerTexts)) return true;
  if (
    /(され|なさっ|いただい|くださっ|られ|おっしゃっ|お[^、。]{1,6}にな)(?!てお)[^。]*?(のに|たら|なら|ては|のは|ので(?!す|は)|と、|ほど)/.test(
      body,
    )
  )
    return true;
  return /(いただき|くださり|くださって|いただいて)、?[^。]{0,12}ありがと/.test(body);
}

/** A 『quotation』 of at least four characters that the caller actually said. */
export function quotesCaller(text: string, callerTexts: string[]): boolean {
  for (const match of text.matchAll(/[『「]([^』」]{4,})[』」]/g)) {
    const quoted = compact(match[1] ?? "");
    if (callerTexts.some((c) => compact(c).includes(quoted))) return true;
  }
  return false;
}

function compact(text: string): string {
  return text.replace(/[\s　、。]/g, "");
}

function indexUnits(units: ContentUnit[]): Map<string, ContentUnit[]> {
  const index = new Map<string, ContentUnit[]>();
  for (const unit of units) {
    if (unit.generic) continue;
    for (const key of unit.keys) {
      const list = index.get(key);
      if (list) list.push(unit);
      else index.set(key, [unit]);
    }
  }
  return index;
}

function matchingUnits(unit: ContentUnit, index: Map<string, ContentUnit[]>): ContentUnit[] {
  const key = unit.keys.find((k) => index.has(k));
  return key === undefined ? [] : (index.get(key) ?? []);
}

function sourcesOf(unit: ContentUnit, index: Map<string, ContentUnit[]>, turn: number): SourceSpan[] {
  return matchingUnits(unit, index).map((c) => ({ turn, start: c.start, end: c.end }));
}

// A circumstance that recurs (夜になると, 雨が降ると) and what happens in it (ネットが何度も切れる) are one point: the
// circumstance clause's words count with the clause it leads into.
function circumstancesJoined(analysis: TextAnalysis): ContentUnit[] {
  const leadsOn = analysis.clauses.map(
    (clause, i) =>
      i + 1 < analysis.clauses.length &&
      /(?<=[るいう])と[、,\s]*$/.test(analysis.text.slice(clause.start, clause.end)) &&
      !/[。！？!?]/.test(analysis.text.slice(clause.start, clause.end)),
  );
  if (!leadsOn.some(Boolean)) return analysis.units;
  return analysis.units.map((unit) => {
    let clause = unit.clause;
    while (leadsOn[clause]) clause += 1;
    return clause === unit.clause ? unit : { ...unit, clause };
  });
}

function pointsOf(unit: ContentUnit, index: Map<string, ContentUnit[]>, turn: number): string[] {
  return matchingUnits(unit, index).map((c) => `${turn}:${c.clause}`);
}

function mergeSources(sources: SourceSpan[]): SourceSpan[] {
  const byTurn = new Map<number, Span[]>();
  for (const s of sources) byTurn.set(s.turn, [...(byTurn.get(s.turn) ?? []), s]);
  return [...byTurn.entries()]
    .sort((a, b) => a[0] - b[0])
    .flatMap(([turn, spans]) => mergeSpans(spans).map((s) => ({ turn, ...s })));
}

// The reflected wording as the trainee said it, for feedback: 「瓶が割れていた」 from 瓶が割れていたのですね.
function reflectedPhrase(reply: TextAnalysis, matched: ContentUnit[]): string | null {
  const { text } = reply;
  const first = matched[0];
  if (!first) return null;
  const sameSentence = matched.filter((u) => u.sentence === first.sentence);
  const last = sameSentence[sameSentence.length - 1] ?? first;
  const clauseEnd = reply.clauses.find((c) => last.start >= c.start && last.start < c.end)?.end ?? last.end;
  const sentenceEnd = reply.sentences[last.sentence]?.end ?? clauseEnd;
  const tail = text
    .slice(last.end, Math.min(clauseEnd, sentenceEnd))
    .replace(/[、。!?！？…\s]+$/, "")
    .replace(/(のです|んです|のでしょう|でしょう|です|でございます|ということ|とのこと)?(ね|よね)?$/, "")
    .replace(/(のです|んです|です|でございます)$/, "");
  const end = last.end + tail.length;
  const start = Math.max(text.lastIndexOf("、", first.start) + 1, text.lastIndexOf("。", first.start) + 1, 0);
  const phrase = text
    .slice(start, end)
    .replace(/^(はい|ええ|そうでしたか|さようでございますか)/, "")
    .trim();
  if (phrase.length > 0 && phrase.length <= 30) return phrase;
  // Too long to quote back: keep the clause of the last repeated word (床がびしょびしょになってしまった).
  return text.slice(Math.max(start, text.lastIndexOf("、", last.start) + 1), end);
}

import type { JapaneseTokenizer, Morpheme } from "./japanese";
import type { Span } from "./text-spans";

/** A text made ready for the detectors, with a map back to the characters it came from. */
export interface NormalizedText {
  text: string;
  /** origin[i] is the index in the original text of text[i]; origin[text.length] is the original length. */
  origin: number[];
  /** Words said in kana that the text writes in digits or letters (さんぜんえん → 3000円): quotes say them back. */
  spelled?: Spelled[];
  /** Where the text writes a caller's word the reply said with another spelling (決行 → 欠航): [start, end). */
  respelled?: { start: number; end: number }[];
}

/** A run of the text written for the original's [from, to) (さんぜんえん as 3000円). */
export interface Spelled {
  written: string;
  from: number;
  to: number;
}

// Hesitations that carry no meaning for the rubric. IPADIC tags most as フィラー; えーと, うーん and a lone
// あ (the self-correction marker in 「ご注文の、あ、ご注文番号」) come out as 感動詞 too. ええ and うん are
// 相づち and stay.
const fillerSurface =
  /^(え[ーっ〜]+と?|えっと|ええと|えと|あの[ーう〜]*|その[ーう〜]+|う[ーん〜]*ー[ーん〜]*|ん[ーっ〜]+|ま[ぁあー〜]+|あ[ーっ〜]?|あっ)$/;

// A polite sentence-final form, with the ending particle that may close it. The second branch refuses the
// forms that go on (ですが, ますので, ませんでした, くださいませ, でしたら, ですから, ございます通り, いたします際,
// and 委託しております業者: a polite form that modifies the noun after it). 交換いたしますよろしければ: the
// よ of よろしければ opens the next sentence.
const sentenceEnd =
  /(?<!と(?:いい|言い))(?<![をにがは])(?<!(?<![こあ])と)(?:ませんでした|ました|ません|ましょう|ます|でした|でしょう|です|ください|ませ)(?!(?<=ております)(?:業者|会社|者|店|店舗|担当|部署|窓口|方|商品|サービス|システム))(?:かね|よね|ね|よ(?![ねうろりっ])|か(?![らなねしも])|(?=よろし)|(?!が|け|ので|の|から|し|と|で(?!は|も)|ら|て|ん|ね|よ|か|な|も|に|ませ|ます|ました|ー|〜|く|っ|わ|『|「|通り|ため|際|うち|場合|分|前|まで|ほど|くらい|ぐらい|だけ|限り|よう))/g;
const punctuation = /[、。，．,.!?！？」』）)…ー〜\s]/;
// 相づち that open a sentence run into the next word in a recognizer's output: はいご注文の → はい、ご注文の.
// Only where the morphology reads an interjection (not うんざり, うんともすんとも, はいけん).
const leadingToken =
  /(?<=^|[。、]|はい|ええ|うん)(はい|ええ|うん|なるほど|いいえ|いえ)(?=[^、。,.!?！？…ー〜\sはいえうん]|いつ|いかが|いただ|いま|いちばん)/g;
const needsMorphology =
  /(^|[、。,\s])(?!はい|ええ|うん|いえ|まあ|では|また|でも|ただ)([ぁ-ん]{1,2})[、,]\s*(\2|[一-龥0-9０-９])|^え[、,]|[えあそまうん][ーっ〜ぁ]|えっと|ええと|あの|その|まあ|(^|[^ぁ-ん])あ([、,\s]|$)|(はい|ええ|うん|なるほど|いいえ|いえ)[^、。,.!?！？…ー〜\s]/;
const interjections = new Set(["はい", "ええ", "うん", "なるほど", "いいえ", "いえ"]);

/**
 * Puts spoken and written replies on one footing: sets fillers aside, turns pauses into commas and marks
 * sentence ends the morphology shows but no punctuation does (a browser recognizer writes none), so every
 * detector sees 「はい、ご注文の商品が届いていないのですね。恐れ入りますが…」 whatever came in.
 */
export function normalizeSpoken(original: string, tokenizer: JapaneseTokenizer): NormalizedText {
  const chars: string[] = [];
  const origin: number[] = [];
  // Morphology is only needed where a filler or a run-on 相づち may be: most typed replies have neither.
  const morphemes = needsMorphology.test(original) ? tokenizer.tokenize(original) : [];
  const removed = fillerRanges(original, morphemes);
  // A pause inside one phrase (申し訳、ございませんが / 恐れ入り、ますが / よかったん、です、けど) is no boundary.
  for (const pause of original.matchAll(innerPause)) removed.add(pause.index);
  // なな、なな、ご、あ、失礼いたしました、なな、なな、はち、ご: the digits said wrong before the apology go
  // with it (back to the last の or pause the number was grouped at).
  // パスワードは、ですね、手帳などに: a ですね held after a particle while thinking confirms nothing.
  for (const held of original.matchAll(/(?<=[はをにがとでて][、,\s])ですね[、,\s]/g))
    for (let i = held.index; i < held.index + held[0].length; i += 1) removed.add(i);
  for (const slip of original.matchAll(digitSlip))
    for (let i = slip.index; i < slip.index + slip[0].length; i += 1) removed.add(i);
  const tokenStarts = new Set(
    morphemes
      .filter(
        (m, i) =>
          (m.pos === "感動詞" && interjections.has(m.surface)) ||
          // IPADIC reads a run-on ええ as two fillers (え え お待たせ): it is the 相づち, not ええと.
          (m.surface === "え" &&
            morphemes[i + 1]?.surface === "え" &&
            morphemes[i + 1]?.start === m.end &&
            // ええええ is ええ said twice: every other え starts one.
            evenRunBefore(morphemes, i) &&
            !/^(と|っと)/.test(morphemes[i + 2]?.surface ?? "")),
      )
      .map((m) => m.start),
  );
  for (let i = 0; i < original.length; i += 1) {
    if (removed.has(i)) continue;
    const ch = original[i] ?? "";
    const folded = ch.normalize("NFKC");
    chars.push(/\s/.test(ch) ? " " : folded.length === 1 ? folded : ch);
    origin.push(i);
  }
  // A pause between Japanese words is a phrase boundary; runs of spaces become one.
  const spelled: Spelled[] = [];
  const spaced = spellLetters(
    spellCounted(
      spellDigits(
        spellInKanji(endCommaSentences(collapseSpaces(chars.join(""), origin, original.length))),
        spelled,
      ),
      spelled,
    ),
    spelled,
  );
  const ended = insertAfter(spaced, sentenceEnd, "。");
  return {
    ...insertAfter(ended, leadingToken, "、", (index) => tokenStarts.has(ended.origin[index] ?? -1)),
    spelled,
  };
}

/**
 * The normalized text between start and end with the words the normalizer spelled in digits or letters
 * given back as they were said (3000円 → さんぜんえん): what a quote of the trainee's reply shows.
 */
export function asSaid(
  normalized: NormalizedText,
  original: string,
  start = 0,
  end = normalized.text.length,
): string {
  const { text, origin } = normalized;
  const runs = (normalized.spelled ?? [])
    .map((run) => {
      let at = text.indexOf(run.written);
      while (at >= 0 && origin[at] !== run.from) at = text.indexOf(run.written, at + 1);
      return { ...run, at };
    })
    .filter((run) => run.at >= start && run.at + run.written.length <= end)
    .sort((a, b) => b.at - a.at);
  let out = text.slice(start, end);
  for (const run of runs) {
    const said = original.slice(run.from, run.to).replace(/[、,\s]+$/, "");
    out = out.slice(0, run.at - start) + said + out.slice(run.at - start + run.written.length);
  }
  return out;
}

function evenRunBefore(morphemes: { surface: string }[], i: number): boolean {
  let run = 0;
  while (morphemes[i - 1 - run]?.surface === "え") run += 1;
  return run % 2 === 0;
}

// A recognizer writes some set phrases in kana (もうしわけございません, おそれいりますが); the detectors read
// them as an operator types them.
const kanaSpellings: [string, string][] = [
  ["もうしわけ", "申し訳"],
  ["おそれいり", "恐れ入り"],
  ["おそれいる", "恐れ入る"],
  ["おてすう", "お手数"],
  ["さしつかえ", "差し支え"],
  ["しつれい", "失礼"],
  ["きょうしゅく", "恐縮"],
  ["おこまり", "お困り"],
  ["ごしんぱい", "ご心配"],
  ["ごふあん", "ご不安"],
  ["ごふべん", "ご不便"],
  ["ごめいわく", "ご迷惑"],
  ["ごふかい", "ご不快"],
  ["おきもち", "お気持ち"],
  ["おさびし", "お寂し"],
  ["おさみし", "お寂し"],
  ["かなしい", "悲しい"],
  ["たいへん", "大変"],
  ["ほんとうに", "本当に"],
  ["おうかがい", "お伺い"],
  ["うかがい", "伺い"],
  ["おしえて", "教えて"],
  ["おねがい", "お願い"],
  ["おまちください", "お待ちください"],
  ["しょうしょう", "少々"],
  ["しょうち", "承知"],
  ["かくにん", "確認"],
  ["さきほど", "先ほど"],
  ["ごあんない", "ご案内"],
];
const kanaPattern = new RegExp(kanaSpellings.map(([kana]) => kana).join("|"), "g");
const kanjiOf = new Map(kanaSpellings);

function spellInKanji(input: NormalizedText): NormalizedText {
  let text = "";
  const origin: number[] = [];
  let copied = 0;
  for (const match of input.text.matchAll(kanaPattern)) {
    const kanji = kanjiOf.get(match[0]) ?? match[0];
    text += input.text.slice(copied, match.index) + kanji;
    origin.push(...input.origin.slice(copied, match.index));
    // Each kanji points at the kana it stands for, proportionally, so spans still cover whole words.
    for (let i = 0; i < kanji.length; i += 1)
      origin.push(input.origin[match.index + Math.floor((i * match[0].length) / kanji.length)] ?? 0);
    copied = match.index + match[0].length;
  }
  text += input.text.slice(copied);
  origin.push(...input.origin.slice(copied));
  return { text, origin };
}

// Long transcripts run sentences together with commas (お困りですよね、前回の…): a comma after a sentence-final
// form ends the sentence. 申し訳ございません、 stays: it softens what follows (a cushion).
function endCommaSentences(input: NormalizedText): NormalizedText {
  let text = input.text;
  for (const match of input.text.matchAll(sentenceEnd)) {
    const end = match.index + match[0].length;
    if (text[end] !== "、" && text[end] !== ",") continue;
    if (/申し訳(ござい|あり)ません$/.test(text.slice(Math.max(0, end - 12), end))) continue;
    // ひかれません、ように / ございます、ので: a pause inside the sentence, not its end.
    if (/^(よう|ので|から|けど|けれど)/.test(text.slice(end + 1))) continue;
    // 確認されました、か……？: the question's か said after a pause still closes the same sentence.
    if (/^(か|かね|かな|ね|よね|よ)(?=[…‥。？?！!、\s]|$)/.test(text.slice(end + 1))) continue;
    text = `${text.slice(0, end)}。${text.slice(end + 1)}`;
  }
  return { text, origin: input.origin };
}

// Numbers read out a digit at a time (ゼロキュウゼロ、いちにいさんよん / さん、なな、いち、はち) are written
// as digits, so a read-back matches the number the caller gave however either of them spelled it.
const digitWords: [RegExp, string][] = [
  [/^(ぜろ|ゼロ|れい|レイ|まる|マル)/, "0"],
  [/^(いち|イチ)/, "1"],
  [/^(にい|ニイ|にー|ニー|に|ニ)/, "2"],
  [/^(さん|サン)/, "3"],
  [/^(よん|ヨン|し|シ)/, "4"],
  [/^(ごお|ゴオ|ごー|ゴー|ご|ゴ)/, "5"],
  [/^(ろく|ロク)/, "6"],
  [/^(なな|ナナ|しち|シチ)/, "7"],
  [/^(はち|ハチ)/, "8"],
  [/^(きゅう|キュウ|きゅー|キュー|く|ク)/, "9"],
];
const kanaRun = /(?<![ぁ-んァ-ヶー])[ぁ-んァ-ヶー]+(?:[、,][ぁ-んァ-ヶー]+)*(?![ぁ-んァ-ヶー])/g;

// The digits a kana group spells, or null when any of it is not a digit word; `long` counts the
// two-kana words (いち, なな), which a particle (に, し, ご) never is.
function readDigits(group: string): { digits: string; long: number } | null {
  let rest = group;
  let digits = "";
  let long = 0;
  while (rest !== "") {
    const word = digitWords.map(([re, d]) => [re.exec(rest)?.[0], d] as const).find(([w]) => w);
    if (!word?.[0]) return null;
    digits += word[1];
    if (word[0].length >= 2) long += 1;
    rest = rest.slice(word[0].length);
  }
  return { digits, long };
}

// One pause-separated group of a kana run: digits (with the の that may close it: ゼロキュウゼロの), a lone の
// between two numbers, or anything else.
interface DigitGroup {
  length: number;
  digits: string | null;
  long: number;
  /** Characters at the group's end that are not digits (the closing の). */
  tail: number;
}

function readGroup(group: string): DigitGroup {
  if (group === "の") return { length: 1, digits: "", long: 0, tail: 1 };
  const closed = group.endsWith("の") ? readDigits(group.slice(0, -1)) : null;
  const read = closed ?? readDigits(group);
  return read
    ? { length: group.length, digits: read.digits, long: read.long, tail: closed ? 1 : 0 }
    : { length: group.length, digits: null, long: 0, tail: 0 };
}

function spellDigits(input: NormalizedText, spelled: Spelled[]): NormalizedText {
  let text = "";
  const origin: number[] = [];
  let copied = 0;
  for (const match of input.text.matchAll(kanaRun)) {
    const groups = match[0].split(/[、,]/).map(readGroup);
    const numbered = (g: DigitGroup | undefined) => g !== undefined && g.digits !== null && g.digits !== "";
    const from = groups.findIndex(numbered);
    if (from < 0) continue;
    let to = from;
    while (to + 1 < groups.length && groups[to + 1]?.digits != null) to += 1;
    while (!numbered(groups[to])) to -= 1;
    const parts = groups.slice(from, to + 1).filter(numbered);
    const count = parts.reduce((n, p) => n + (p.digits ?? "").length, 0);
    const long = parts.reduce((n, p) => n + p.long, 0);
    if (count < 3 || long * 2 < count) continue;
    const offset = (k: number) => groups.slice(0, k).reduce((n, g) => n + g.length + 1, 0);
    const start = match.index + offset(from);
    const end = match.index + offset(to) + (groups[to]?.length ?? 0) - (groups[to]?.tail ?? 0);
    // One digit per pause (さん、なな、いち) is one number; groups of several keep their pauses.
    const single = parts.every((p) => (p.digits ?? "").length === 1);
    // ゼロ、きゅう、ゼロ、の、さん…: the の a number is grouped with is its hyphen (090-3412-7785).
    const grouped = groups.slice(from, to + 1).some((g) => g.digits === "" || g.tail === 1);
    const digits =
      single && grouped
        ? groups
            .slice(from, to + 1)
            .map((g, k) => (g.digits ?? "") + ((g.digits === "" || g.tail === 1) && k < to - from ? "-" : ""))
            .join("")
            .replace(/-+/g, "-")
        : parts.map((p) => p.digits).join(single ? "" : "、");
    spelled.push({ written: digits, from: input.origin[start] ?? 0, to: (input.origin[end - 1] ?? 0) + 1 });
    text += input.text.slice(copied, start) + digits;
    origin.push(...input.origin.slice(copied, start));
    for (let i = 0; i < digits.length; i += 1)
      origin.push(input.origin[start + Math.floor((i * (end - start)) / digits.length)] ?? 0);
    copied = end;
  }
  text += input.text.slice(copied);
  origin.push(...input.origin.slice(copied));
  return { text, origin };
}

// Numbers said with their counter (じゅうにがつはつか, じゅうよじにふん, さんぜんえん, ふたはこ) are written as
// digits and the counter's kanji, so a read-back matches the caller's 12月20日 or 十四時 however it was said.
const kanaDigit: [string, number][] = [
  ["いち", 1],
  ["いっ", 1],
  ["に", 2],
  ["さん", 3],
  ["よん", 4],
  ["よ", 4],
  ["ご", 5],
  ["ろく", 6],
  ["ろっ", 6],
  ["なな", 7],
  ["しち", 7],
  ["はち", 8],
  ["はっ", 8],
  ["きゅう", 9],
];
const kanaUnit: [string, number][] = [
  ["じゅう", 10],
  ["じゅっ", 10],
  ["じっ", 10],
  ["ひゃく", 100],
  ["びゃく", 100],
  ["ぴゃく", 100],
  ["ひゃっ", 100],
  ["ぴゃっ", 100],
  ["せん", 1000],
  ["ぜん", 1000],
];
// Counters, longest first; the kanji written for each.
const kanaCounter: [string, string][] = [
  ["しゅうかん", "週間"],
  ["かげつ", "か月"],
  ["じかん", "時間"],
  ["えん", "円"],
  ["がつ", "月"],
  ["にち", "日"],
  ["ふん", "分"],
  ["ぷん", "分"],
  ["かい", "回"],
  ["にん", "人"],
  ["めい", "名"],
  ["まい", "枚"],
  ["ねん", "年"],
  ["さい", "歳"],
  ["はこ", "箱"],
  ["けた", "桁"],
  ["ごう", "号"],
  ["キロ", "キロ"],
  ["セット", "セット"],
  ["センチ", "センチ"],
  ["ミリ", "ミリ"],
  ["メートル", "メートル"],
  ["グラム", "グラム"],
  ["パーセント", "%"],
  ["エルディーケー", "LDK"],
  ["ディーケー", "DK"],
  ["サイズ", "サイズ"],
  ["パック", "パック"],
  ["ケース", "ケース"],
  ["じ", "時"],
];
// Day numbers with a reading of their own, and a few counts said in native numerals.
const kanaDays: [string, string][] = [
  ["にじゅうよっか", "24日"],
  ["じゅうよっか", "14日"],
  ["ついたち", "1日"],
  ["ふつか", "2日"],
  ["みっか", "3日"],
  ["よっか", "4日"],
  ["いつか", "5日"],
  ["むいか", "6日"],
  ["なのか", "7日"],
  ["ようか", "8日"],
  ["ここのか", "9日"],
  ["とおか", "10日"],
  ["はつか", "20日"],
  ["ひとはこ", "1箱"],
  ["ふたはこ", "2箱"],
];
const ambiguousDays = new Set(["いつか", "なのか", "ようか"]);
// Everyday words that read like a number and a counter: 十分 (enough), 誤解, 日本, 一切, 一番, 一時.
const notCounted = /^(じゅうぶん|ごかい|いっさい|いちばん|いちじ|いっかい|ごにん|いちにち)/;

const numberWords = [...kanaDigit, ...kanaUnit];
// The kana a spoken number can start with: only there is a number read (most characters start none).
const numberStart = new Set([...numberWords, ...kanaDays].map(([kana]) => kana[0]));

/** The kana number and counter at the start of `text`, written in digits, with its length; or null. */
function readCounted(text: string, before = ""): { written: string; length: number } | null {
  for (const [kana, written] of kanaDays) {
    if (!text.startsWith(kana)) continue;
    // いつから, そうなのか, しようか: these days are words of their own unless a month was just named.
    if (ambiguousDays.has(kana) && !/(月|がつ)[、の\s]*$/.test(before)) continue;
    return { written, length: kana.length };
  }
  if (notCounted.test(text)) return null;
  let total = 0;
  let digit = 0;
  let at = 0;
  let words = 0;
  let myriads = 0;
  for (;;) {
    const rest = text.slice(at);
    if (rest.startsWith("まん") && (total !== 0 || digit !== 0) && myriads === 0) {
      myriads = (total + digit) * 10000;
      total = 0;
      digit = 0;
      at += 2;
      continue;
    }
    // さんびゃく、さんじゅうえん: a pause inside one number said in parts.
    // (さんじゅうきゅうまん、はっせんえん: a pause after the 万 too.)
    const paused = /^[、\s]/.test(rest) && (total > 0 || myriads > 0) && digit === 0 ? rest.slice(1) : null;
    if (paused && numberWords.some(([k]) => paused.startsWith(k))) {
      at += 1;
      continue;
    }
    const unit = kanaUnit.find(([k]) => rest.startsWith(k));
    if (unit) {
      total += (digit || 1) * unit[1];
      digit = 0;
      at += unit[0].length;
      words += 1;
      continue;
    }
    if (digit !== 0) break;
    const d = kanaDigit.find(([k]) => rest.startsWith(k));
    if (!d) break;
    // よ is 4 only before 時 (よじ) or a unit; alone it is a particle.
    if (d[0] === "よ" && !/^よ(じ(?!ゅ)|ねん)/.test(rest)) break;
    digit = d[1];
    at += d[0].length;
    words += 1;
  }
  total += digit;
  if (words === 0 || total + myriads === 0) return null;
  // Written as it would be typed: 5万, 1万8000円.
  const number = myriads > 0 ? `${myriads / 10000}万${total || ""}` : `${total}`;
  // にじゅうろく、センチ / さん セット: a pause before a counter written in katakana (a kana one, さん、かい,
  // may be someone's さん).
  if (
    /^[、\s][ァ-ヶ]/.test(text.slice(at)) &&
    kanaCounter.some(([k]) => /^[ァ-ヶ]/.test(k) && text.slice(at + 1).startsWith(k))
  )
    at += 1;
  const counter = kanaCounter.find(([k]) => text.slice(at).startsWith(k));
  // じゅうはち時 / にじゅういち時: a number said in kana before a counter written in kanji. (A lone さん, に or
  // ご before a kanji is someone's さん or a particle: 田中さん日曜, お客様に時間.)
  if (
    !counter &&
    /^(時|分|円|日|人|名|個|本|枚|回|件|階|号|番|箱|台|歳|桁|泊|冊|点)/.test(text.slice(at)) &&
    (words >= 2 || /^(いち|よん|ろく|なな|はち|きゅう)$/.test(text.slice(0, at)))
  )
    return { written: number, length: at };
  // An amount said in 万 needs no counter to be a number (ごまんって言ったのに).
  if (!counter)
    return myriads > 0 && !/^[ぁ-ゖ]/.test(text.slice(at, at + 1).replace(/[っとのでがはもを]/, ""))
      ? { written: number, length: at }
      : null;
  // 時 takes a number said as one (じゅうよじ), not a word that happens to end in じ.
  // (…nor 人にじろじろ見られた, じんわり, じっと: words that start with じ.)
  if (counter[0] === "じ" && /^じ(ゅ|ょ|ゃ|ろ|ん|っ)/.test(text.slice(at))) return null;
  return { written: `${number}${counter[1]}`, length: at + counter[0].length };
}

function spellCounted(input: NormalizedText, spelled: Spelled[]): NormalizedText {
  let text = "";
  const origin: number[] = [];
  let copied = 0;
  const source = input.text;
  for (let i = 0; i < source.length; ) {
    // A number starts a word: after punctuation, a non-kana character or a particle (お届け日が、じゅうにがつ).
    const before = source[i - 1] ?? "";
    const starts = i === 0 || !/[ぁ-ん]/.test(before) || /[のはがをでもとへ]/.test(before);
    const read =
      starts && numberStart.has(source[i] ?? "")
        ? readCounted(source.slice(i), source.slice(Math.max(0, i - 6), i))
        : null;
    if (!read) {
      i += 1;
      continue;
    }
    spelled.push({
      written: read.written,
      from: input.origin[i] ?? 0,
      to: (input.origin[i + read.length - 1] ?? 0) + 1,
    });
    text += source.slice(copied, i) + read.written;
    origin.push(...input.origin.slice(copied, i));
    for (let k = 0; k < read.written.length; k += 1)
      origin.push(input.origin[i + Math.floor((k * read.length) / read.written.length)] ?? 0);
    i += read.length;
    copied = i;
  }
  text += source.slice(copied);
  origin.push(...input.origin.slice(copied));
  return { text, origin };
}

// A code's letters said by name (エーの、1234 / ビー、ゼロ…) are written as letters before its digits.
const letterNames: [string, string][] = [
  ["ダブリュー", "W"],
  ["エックス", "X"],
  ["エイチ", "H"],
  ["ジェー", "J"],
  ["ジェイ", "J"],
  ["ゼット", "Z"],
  ["アール", "R"],
  ["ディー", "D"],
  ["ティー", "T"],
  ["キュー", "Q"],
  ["エー", "A"],
  ["エイ", "A"],
  ["ビー", "B"],
  ["シー", "C"],
  ["イー", "E"],
  ["エフ", "F"],
  ["ジー", "G"],
  ["ケー", "K"],
  ["エル", "L"],
  ["エム", "M"],
  ["エヌ", "N"],
  ["ピー", "P"],
  ["エス", "S"],
  ["ブイ", "V"],
  ["ワイ", "Y"],
];
const spelledCode = new RegExp(
  `(?<![ァ-ヶー])(${letterNames.map(([k]) => k).join("|")})[、,]?(の)?[、,]?(?=[0-9])`,
  "g",
);
const letterOf = new Map(letterNames);

function spellLetters(input: NormalizedText, spelled: Spelled[]): NormalizedText {
  let text = "";
  const origin: number[] = [];
  let copied = 0;
  for (const match of input.text.matchAll(spelledCode)) {
    const letter = letterOf.get(match[1] ?? "") ?? "";
    spelled.push({
      written: letter,
      from: input.origin[match.index] ?? 0,
      to: (input.origin[match.index + match[0].length - 1] ?? 0) + 1,
    });
    text += input.text.slice(copied, match.index) + letter;
    origin.push(...input.origin.slice(copied, match.index), input.origin[match.index] ?? 0);
    copied = match.index + match[0].length;
  }
  text += input.text.slice(copied);
  origin.push(...input.origin.slice(copied));
  return { text, origin };
}

/** Maps a span of the normalized text back to the original text. */
export function toOriginalSpan(normalized: NormalizedText, span: Span): Span {
  const start = normalized.origin[span.start] ?? normalized.origin[normalized.origin.length - 1] ?? 0;
  const last = normalized.origin[Math.max(span.start, span.end - 1)] ?? start;
  return { start, end: Math.max(start, last + 1) };
}

// A comma before an ending or an auxiliary that cannot start a phrase (ます, です, ございます, いただく, けど):
// the speaker paused inside the phrase. (Not after a lone 相づち: はい、ございます answers yes.)
const kanaDigitWord =
  "(?:ゼロ|ぜろ|まる|れい|いち|に|にい|さん|よん|し|ご|ごお|ろく|なな|しち|はち|きゅう|く)";
const digitSlip = new RegExp(
  `(?<=(?:^|の|[^ぁ-んァ-ヶー])[、,\\s])(?:${kanaDigitWord}[、,\\s]){1,4}(?:あ[、,\\s])?(?:失礼[、,\\s]?(?:いた)?し[、,\\s]?ました|すみません|いや|いえ)[、,\\s]`,
  "g",
);
const innerPause = new RegExp(
  [
    "(?<!(?:^|[、。\\s…])(?:はい|ええ|いえ|いいえ|うん|はあ|ああ))(?<![、。…\\s])、(?=(?:ます|ません|ました|まして|ませ|です(?!ね|[。！？!?]|$)|でした|でしょう|(?<!(?:^|[、\\s])で、)ございま|なければ|いただ|くださ|けど|けれど|ので|のに|んです|んで|しま|いたし|おりま))",
    // 入って、いなかった / 高く、なって: a verb and the いる or なる that goes with it.
    "(?<=[てで])、(?=いな|いる|いた|いま[すせし]|おり|おる)",
    "(?<=く)、(?=な[っりるれら])",
    // ヤマモト、ミサキ様: a name said in two parts is one name.
    "(?<=[ァ-ヶー]{2})、(?=[ァ-ヶー]{2,8}(?:様|さま))",
  ].join("|"),
  "g",
);

// IPADIC splits these into えっ + と (a particle), so they are found on the surface as well.
const fillerWords =
  /(?<![ぁ-ん])((えーっと|えっと|えーと|ええと)ー*|えとー?|あのー?(?=[、,\s…])|そのー(?=[、,\s])|(?<=^|[、,\s])その(?=[、,]))[、,\s]*/g;

function fillerRanges(text: string, morphemes: Morpheme[]): Set<number> {
  const removed = new Set<number>();
  for (const match of text.matchAll(fillerWords)) {
    for (let i = match.index; i < match.index + match[0].length; i += 1) removed.add(i);
  }
  // に、二回 / さ、三千円: a stutter, the first sound of the next word said alone before it.
  for (const match of text.matchAll(/(?<=^|[、。,\s])([ぁ-ん]{1,2})[、,]\s*/g)) {
    const at = morphemes.findIndex((m) => m.start === match.index + match[0].length);
    const next = morphemes[at];
    const sound = (match[1] ?? "").replace(/[ぁ-ゖ]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
    // (はい、はい / いち、いち are said twice on purpose: only a part of the next word is a stutter.)
    if (!next || ["助詞", "助動詞", "記号"].includes(next.pos)) continue;
    if (next.surface === match[1] && next.pos !== "接頭詞") continue;
    // (はい、配送員が: a 相づち before a word that sounds like it is no stutter.)
    if (/^(はい|ええ|うん|いえ|ああ|まあ|あの|その|この|もう|また)$/.test(match[1] ?? "")) continue;
    const said = `${next.reading}${morphemes[at + 1]?.reading ?? ""}`;
    if (said.startsWith(sound) && said.length > sound.length)
      for (let i = match.index; i < match.index + match[0].length; i += 1) removed.add(i);
  }
  // え、二回ですか: a lone え of surprise opening the reply is a hesitation, not a 相づち.
  const surprise = /^え[、,]\s*/.exec(text);
  if (surprise) for (let i = 0; i < surprise[0].length; i += 1) removed.add(i);
  for (const m of morphemes) {
    if ((m.pos !== "フィラー" && m.pos !== "感動詞") || !fillerSurface.test(m.surface)) continue;
    // IPADIC reads colloquial あっため(る) / あったか(い) / あっち as あっ + a word: not a filler there.
    if (m.surface.startsWith("あ") && /^[たち]/.test(text.slice(m.end, m.end + 1))) continue;
    // ごふあん (ご不安 as a recognizer writes it): an あ/え between kana, before a letter no word starts
    // with, is part of a word.
    if (
      /^[あえ]$/.test(m.surface) &&
      /[ぁ-ん]/.test(text[m.start - 1] ?? "") &&
      /[んっゃゅょぁぃぅぇぉ]/.test(text[m.end] ?? "")
    )
      continue;
    // あと (and also) is a word, not あ + と.
    if (m.surface === "あ" && text[m.end] === "と") continue;
    // あはは is a laugh, not a hesitation before はは.
    if (m.surface === "あ" && /^はは/.test(text.slice(m.end))) continue;
    // あの人 / あの頃 / あの店, said without a pause, points at something: a word, not a hesitation.
    if (
      m.surface === "あの" &&
      /^(人|方|子|頃|ころ|時|とき|日|店|お店|家|件|話|先生)/.test(text.slice(m.end))
    )
      continue;
    let end = m.end;
    while (end < text.length && /[、,\s]/.test(text[end] ?? "")) end += 1;
    for (let i = m.start; i < end; i += 1) removed.add(i);
    // お支払いを、あ、月々のご負担を: a lone あ between pauses corrects the words before it, which go too.
    if (m.surface === "あ" && /[、,]/.test(text[m.start - 1] ?? "") && end > m.end) {
      // (あ、いえ、担当の部署から: the いえ that takes the words back goes with the あ.)
      const no = /^(いえ|いや)[、,]\s*/.exec(text.slice(end));
      if (no) {
        for (let i = end; i < end + no[0].length; i += 1) removed.add(i);
        end += no[0].length;
      }
      const before = text.slice(0, m.start - 1);
      const from = Math.max(before.search(/[^、。…\s]*$/), 0);
      const slip = before.slice(from);
      const fix = text.slice(end).match(/^[^、。…\s]*/)?.[0] ?? "";
      // A correction says the same thing again (何色に、あ、何色で / 通院の、あ、お医者様からの / じゅういちじ、
      // あ、十一時半); an aside (お客さま番号、あ、検針票の右上の) or 失礼しました after it is not one.
      const numeric = /^[0-9０-９一二三四五六七八九十百千万いにさよごろなはきじぜ]/;
      const corrects =
        // (申し訳、あ、いえ、さぞ…: words taken back with いえ go, whatever follows.)
        no !== null ||
        slip[0] === fix[0] ||
        (/[をのにでがは]$/.test(slip) && slip.at(-1) === fix.at(-1)) ||
        // (わたくしのほうから、あ、いえ、担当の部署から: the same particle ends the word meant.)
        (/(から|まで|より)$/.test(slip) && slip.slice(-2) === fix.slice(-2)) ||
        (numeric.test(slip) &&
          numeric.test(fix) &&
          /[0-9０-９一二三四五六七八九十]|(いち|に|さん|よん|ご|ろく|なな|はち|きゅう|じゅう)/.test(slip));
      if (
        corrects &&
        slip.length >= 1 &&
        slip.length <= 10 &&
        !/^(失礼|すみません|いや|違)/.test(fix) &&
        !/^(はい|ええ|うん|そう|さよう|いえ|あの|えっと|えー)/.test(slip)
      ) {
        // お父様がお足、あ、お足元: only the word said again goes, not what led up to it.
        let restarted = 0;
        for (let k = Math.min(slip.length, fix.length); k >= 1; k -= 1)
          if (fix.startsWith(slip.slice(-k))) {
            restarted = k;
            break;
          }
        const start = restarted > 0 && restarted < slip.length ? from + slip.length - restarted : from;
        for (let i = start; i < m.start; i += 1) removed.add(i);
      }
    }
  }
  return removed;
}

function collapseSpaces(text: string, origin: number[], originalLength: number): NormalizedText {
  const chars: string[] = [];
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] ?? "";
    if (ch === " ") {
      const previous = chars[chars.length - 1];
      const next = text[i + 1];
      if (previous === undefined || next === undefined || next === " " || punctuation.test(previous))
        continue;
      // Between two words of Latin script a space is a space; between Japanese words it is a pause.
      chars.push(/[\x21-\x7e]/.test(previous) && /[\x21-\x7e]/.test(next) ? " " : "、");
    } else chars.push(ch);
    out.push(origin[i] ?? originalLength);
  }
  out.push(originalLength);
  return { text: chars.join(""), origin: out };
}

// Inserts `mark` after every match (that `accept`s its start) followed by more text and no punctuation.
function insertAfter(
  input: NormalizedText,
  pattern: RegExp,
  mark: string,
  accept: (index: number) => boolean = () => true,
): NormalizedText {
  const { text, origin } = input;
  let out = "";
  const map: number[] = [];
  let copied = 0;
  for (const match of text.matchAll(pattern)) {
    const end = match.index + match[0].length;
    const next = text[end];
    if (next === undefined || punctuation.test(next) || !accept(match.index)) continue;
    out += text.slice(copied, end) + mark;
    map.push(...origin.slice(copied, end), origin[end] ?? origin[origin.length - 1] ?? 0);
    copied = end;
  }
  out += text.slice(copied);
  map.push(...origin.slice(copied));
  return { text: out, origin: map };
}

import { z } from "zod";
import { type AnalyzeReplyInput, analyzeReply } from "@/lib/rubric/analyze-reply";
import { cutQuotes, hasBrokenJapanese } from "@/lib/rubric/check-phrasing";
import { getFullTokenizer, getJapaneseTokenizer, type JapaneseTokenizer } from "@/lib/rubric/japanese";
import type { Turn } from "@/lib/rubric/labels";
import { containsForbidden } from "./output-guard";

// The judge model may write the better phrasing, but a trainee only ever sees one that the offline
// checks accept: whole Japanese, in an operator's register, and stating nothing the call did not
// already contain. Anything else falls back to the analyzer's own phrasing.

/** The longest phrasing accepted, in characters: a reply a trainee could say in about 25 seconds. */
export const MAX_JUDGE_PHRASING_CHARS = 200;

/** What the judge's structured output must hold for the phrasing. */
export const judgePhrasingSchema = z.string().trim();

export type PhrasingRejection =
  | "keep"
  | "invalid"
  | "declined"
  | "too_long"
  | "leak"
  | "broken"
  | "cut_quote"
  | "invented_fact"
  | "violation"
  | "casual";

export type PhrasingVerdict = { ok: true; text: string } | { ok: false; reason: PhrasingRejection };

export interface PhrasingGuardInput {
  /** The judge's raw `phrasing` field, unvalidated. */
  phrasing: unknown;
  /** The analyzer's context of the reply (the turns before it). */
  context: Turn[];
  reply: string;
  kind?: AnalyzeReplyInput["kind"];
  modelReply?: string;
  /** The offline analyzer's phrasing; "" when it found nothing to change. */
  offline: string;
  /** Text the phrasing may take facts from besides the call: revealed fact values, the persona's name. */
  knownFacts: readonly string[];
  /** Words that must not appear: the prompt's and rubric's, and facts the caller has not revealed. */
  forbidden: readonly string[];
}

/** Accepts the judge's phrasing only when every check passes; otherwise says which one failed. */
export function guardJudgePhrasing(
  input: PhrasingGuardInput,
  tokenizer: JapaneseTokenizer = getJapaneseTokenizer(),
  fullTokenizer: JapaneseTokenizer = getFullTokenizer(),
): PhrasingVerdict {
  if (input.offline === "") return { ok: false, reason: "keep" };
  const parsed = judgePhrasingSchema.safeParse(input.phrasing);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const text = parsed.data;
  if (text === "") return { ok: false, reason: "declined" };
  if (text.length > MAX_JUDGE_PHRASING_CHARS) return { ok: false, reason: "too_long" };
  if (containsForbidden(text, input.forbidden)) return { ok: false, reason: "leak" };
  if (hasBrokenJapanese(text)) return { ok: false, reason: "broken" };
  const sources = [
    ...input.context.map((t) => t.text),
    input.reply,
    input.modelReply ?? "",
    ...input.knownFacts,
  ];
  if (inventedFacts(text, sources, fullTokenizer).length > 0) return { ok: false, reason: "invented_fact" };
  const analysis = analyzeReply(
    { context: input.context, reply: text, kind: input.kind, modelReply: input.modelReply },
    tokenizer,
    fullTokenizer,
  );
  // A 『quote』 in the phrasing must be whole words of the trainee's reply, as the feedback's are.
  const quoted = { ...analysis, points: [{ key: "phrasing", tone: "tip" as const, text }] };
  const callerTexts = input.context.filter((t) => t.role === "caller").map((t) => t.text);
  if (cutQuotes(input.reply, quoted, fullTokenizer, callerTexts).length > 0)
    return { ok: false, reason: "cut_quote" };
  if (analysis.violation !== "none") return { ok: false, reason: "violation" };
  if (analysis.register.casual) return { ok: false, reason: "casual" };
  return { ok: true, text };
}

// Relative dates a model likes to promise (明日までに…) though nobody in the call named them.
const dateWords =
  /明日|あした|明後日|あさって|来週|再来週|今週中|来月|翌日|翌営業日|週明け|月末|年内|[月火水木金土日]曜日?/g;

/** The numbers, dates, codes and proper names in `text` that appear in none of the sources. */
export function inventedFacts(
  text: string,
  sources: readonly string[],
  fullTokenizer: JapaneseTokenizer = getFullTokenizer(),
): string[] {
  const known = normalizeFact(sources.join("\n"));
  const normalized = normalizeFact(text);
  const claims = [
    ...(normalized.match(/[0-9]+/g) ?? []),
    ...(normalized.match(/[a-z][a-z0-9-]*/g) ?? []),
    ...(normalized.match(dateWords) ?? []),
    ...fullTokenizer
      .tokenize(normalized)
      .filter((m) => m.posDetail.startsWith("固有名詞") || isKanjiNumber(m.surface, m.posDetail))
      .map((m) => m.surface),
  ];
  return [...new Set(claims)].filter((claim) => !known.includes(claim));
}

// 一 is in 一度, 一旦, 一緒: a word, not a count.
function isKanjiNumber(surface: string, posDetail: string): boolean {
  return (
    posDetail.startsWith("数") && /^[〇一二三四五六七八九十百千万億]+$/.test(surface) && surface !== "一"
  );
}

// Full-width digits and letters as ASCII, lower case, and 1,200 read as 1200.
function normalizeFact(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/(\d),(?=\d{3})/g, "$1");
}

import type { CallState } from "@/lib/caller/call-state";
import { scenarioForState } from "@/lib/caller/contest-variant";
import { detectIntents, detectPhrases } from "@/lib/caller/detect-intents";
import { intentWords } from "@/lib/caller/intent-words";
import { normalizeText } from "@/lib/caller/normalize-text";
import type { Scenario } from "@/lib/scenario/schema";
import {
  type ContestCategoryId,
  contestCategoryIds,
  contestCategoryLabels,
  toContestMark,
} from "./categories";

/** What the pre-score reads of a turn: its words and timing, and the rubric analyzer's labels. */
export interface PreScoreTurn {
  seq: number;
  role: "caller" | "operator";
  kind: string;
  text: string;
  atMs: number;
  speechEndsAtMs: number | null;
  labels: PreScoreLabels | null;
}

/** The rubric labels (lib/rubric) the pre-score uses, as stored with each reply. */
export interface PreScoreLabels {
  backchannel: boolean;
  parroting: boolean;
  summarizing: boolean;
  question: "none" | "closed" | "open";
  empathy: boolean;
  cushion: boolean;
  violation: string;
  interruption: boolean;
  register?: { casual: boolean };
}

export interface ContestPreScore {
  version: 1;
  variant: { id: string; label: string } | null;
  categories: { id: ContestCategoryId; label: string; score: number; mark: number; evidence: string[] }[];
  needs: { id: string; label: string; drawnOut: boolean }[];
  information: { id: string; label: string; given: boolean; seq: number | null }[];
  named: boolean;
  readBack: string[];
  closing: boolean;
  timeLimitSec: number;
  timeUsedSec: number;
  overtimeSec: number;
  /** Replies sent after the limit: kept and shown, never silently cut. */
  repliesAfterLimit: number;
}

// 名乗り: the organisation or one's own name said in 敬語 (…でございます, …と申します, 担当の…です).
const namedPattern = /(でございます|と申します|担当の?[^。、]{1,10}です)/;
// Taking leave with one's name at the close: …が承りました, 担当の…でした.
const closingNamePattern = /(承りました|担当[^。]{0,10}(でした|でございました|です))/;

/**
 * The machine's estimate of the contest sheet for one ended contest call: each category 0–100 with
 * its evidence from the transcript (needs drawn out or missed, information given, 名乗り, 復唱 of key
 * data, closing, time used). Pure: the same call gives the same estimate.
 */
export function preScoreContest(
  base: Scenario,
  state: CallState,
  turns: readonly PreScoreTurn[],
): ContestPreScore {
  const scenario = scenarioForState(base, state);
  const contest = scenario.contest;
  const replies = turns.filter((t) => t.role === "operator" && t.kind === "reply");
  const answered = turns.filter((t) => t.role === "operator");
  const labelled = answered.flatMap((t) => (t.labels ? [t.labels] : []));
  const limitSec = scenario.timeLimitSec ?? 180;
  const limitMs = limitSec * 1000;

  // 第一印象: the first reply greets, names, speaks politely and takes up what the caller asked for
  // (お引っ越しのお手続きですね), which is where a judge hears a contestant who listens from the first word.
  const first = replies[0];
  const greeted = first ? detectIntents(first.text, scenario).some((i) => i.kind === "greeted") : false;
  const named = first ? namedPattern.test(first.text) : false;
  const politeStart = first?.labels
    ? !first.labels.register?.casual && first.labels.violation === "none" && speaksPolitely(first.text)
    : false;
  const tookUp = first
    ? Boolean(first.labels?.parroting || first.labels?.summarizing) || takeUpPattern.test(first.text)
    : false;
  const firstImpression =
    30 * Number(greeted) + 30 * Number(named) + 20 * Number(politeStart) + 20 * Number(tookUp);

  // 基本応対: 相づち that come with an answer (the 第一声's はい and a bare はい are not listening), 復唱
  // of the key data that came out (確認させていただきます…, or the data said back: 20日でございますね),
  // クッション言葉, and 言葉づかい: every sentence of every reply in です・ます (no じゃあ, ～ですよ).
  const listened = replies
    .slice(1)
    .filter(
      (reply) =>
        reply.labels && (reply.labels.parroting || (reply.labels.backchannel && hasContent(reply.text))),
    );
  const backchannelShare = replies.length < 2 ? 0 : Math.min(1, listened.length / (replies.length - 1) / 0.5);
  const revealed = Object.entries(scenario.persona.facts).filter(([id]) => state.factsRevealed.includes(id));
  const readBack = revealed
    .filter(([, fact]) =>
      replies.some((reply) => readsBack(reply, [fact.value, ...(fact.readBackWords ?? [])])),
    )
    .map(([, fact]) => fact.label);
  const readBackShare = revealed.length === 0 ? 0 : readBack.length / revealed.length;
  const cushions = labelled.filter((l) => l.cushion).length;
  const politeReplies = replies.filter(
    (reply) => !reply.labels?.register?.casual && speaksPolitely(reply.text),
  );
  const politeShare = replies.length === 0 ? 0 : politeReplies.length / replies.length;
  const basicSkills =
    25 * backchannelShare + 30 * readBackShare + 15 * Number(cushions > 0) + 30 * politeShare;

  // コミュニケーション: needs drawn out by questions, open questions, empathy, never cutting in or arguing.
  const needs = Object.entries(contest?.needs ?? {}).map(([id, need]) => ({
    id,
    label: need.label,
    drawnOut: state.factsRevealed.includes(id),
  }));
  const needsShare = needs.length === 0 ? 1 : needs.filter((n) => n.drawnOut).length / needs.length;
  // The caller's other data (人数, 日程…) drawn out by asking, beside the hidden needs.
  const needIds = new Set(needs.map((need) => need.id));
  const otherFacts = Object.keys(scenario.persona.facts).filter((id) => !needIds.has(id));
  const otherFactsDrawn = otherFacts.filter((id) => state.factsRevealed.includes(id)).length;
  const otherFactsShare = otherFacts.length === 0 ? 1 : otherFactsDrawn / otherFacts.length;
  const openQuestions = labelled.filter((l) => l.question === "open").length;
  const closedQuestions = labelled.filter((l) => l.question === "closed").length;
  const empathy = labelled.filter((l) => l.empathy).length;
  // Proposing and advising is the contestant's task here (情報提供): only cutting in, criticising,
  // arguing and the like are slips.
  const slips = labelled.filter(
    (l) => l.interruption || (l.violation !== "none" && l.violation !== "advise"),
  ).length;
  const communication =
    40 * needsShare +
    10 * otherFactsShare +
    20 * Math.min(1, openQuestions / 2) +
    15 * Number(empathy > 0) +
    15 * Number(slips === 0);

  // 情報提供: every item the operator should give, with the reply that gave it.
  const information = Object.entries(contest?.information ?? {}).map(([id, item]) => {
    const giver = replies.find(
      (reply) =>
        detectPhrases(reply.text, { phrases: { [id]: scenario.phrases?.[id] ?? item.words } }).length > 0,
    );
    return { id, label: item.label, given: giver !== undefined, seq: giver?.seq ?? null };
  });
  const informationScore =
    information.length === 0 ? 100 : (100 * information.filter((i) => i.given).length) / information.length;

  // クロージング: thanks and leave-taking, one's name at the close, a call that ended resolved.
  const last = replies.at(-1);
  const closing = last ? detectIntents(last.text, scenario).some((i) => i.kind === "properClosing") : false;
  const nameAtClose = last ? closingNamePattern.test(last.text) : false;
  const resolved = state.ended?.reason === "resolved";
  const closingScore = 50 * Number(closing) + 25 * Number(nameAtClose) + 25 * Number(resolved);

  // Time: what was used, and any reply after the limit (shown as overtime, never dropped).
  const lastReplyMs = Math.max(0, ...answered.map((t) => t.atMs));
  const lastTurnEndMs = Math.max(0, ...turns.map((t) => t.speechEndsAtMs ?? t.atMs));
  const timedOut = state.ended?.reason === "time_out";
  const usedMs = timedOut
    ? Math.max(limitMs, lastReplyMs)
    : Math.min(lastTurnEndMs, Math.max(limitMs, lastReplyMs));
  const overtimeMs = Math.max(0, lastReplyMs - limitMs);
  const repliesAfterLimit = answered.filter((t) => t.atMs > limitMs).length;

  const parts = [firstImpression, basicSkills, communication, informationScore, closingScore];
  const timePenalty = (timedOut ? 10 : 0) + Math.min(20, Math.floor(overtimeMs / 5000));
  const overall = Math.max(0, parts.reduce((sum, part) => sum + part, 0) / parts.length - timePenalty);

  const seqLabel = (seq: number | null) => (seq === null ? "" : `（${seq + 1}番目の発言）`);
  const evidence: Record<ContestCategoryId, string[]> = {
    firstImpression: [
      first ? `第一声：「${clip(first.text)}」` : "返答がありません",
      greeted ? "「お電話ありがとうございます」で始めています" : "第一声にお礼の言葉がありません",
      named ? "名乗りがあります" : "名乗りがありません",
      politeStart ? "丁寧な言葉づかいです" : "第一声の言葉づかいに改善の余地があります",
      tookUp ? "お客様のご用件を受け止めています" : "第一声でご用件を受け止める言葉がありません",
    ],
    basicSkills: [
      `相づち・オウム返しのある返答（第一声を除く）：${Math.max(0, replies.length - 1)}件中${listened.length}件`,
      readBack.length > 0 ? `復唱した情報：${readBack.join("、")}` : "聞き取った情報の復唱がありません",
      revealed.length > readBack.length
        ? `復唱していない情報：${revealed
            .filter(([, f]) => !readBack.includes(f.label))
            .map(([, f]) => f.label)
            .join("、")}`
        : "",
      cushions > 0 ? `クッション言葉：${cushions}回` : "クッション言葉がありません",
      politeReplies.length === replies.length
        ? "言葉づかい：すべての返答が丁寧語・敬語です"
        : `言葉づかい：くだけた表現のある返答が${replies.length - politeReplies.length}件あります`,
    ].filter((line) => line !== ""),
    communication: [
      ...needs.map((n) =>
        n.drawnOut ? `引き出したニーズ：${n.label}` : `引き出せなかったニーズ：${n.label}`,
      ),
      `質問：開かれた質問${openQuestions}回、閉じた質問${closedQuestions}回`,
      `質問で伺えたお客様の情報：${otherFacts.length}件中${otherFactsDrawn}件`,
      empathy > 0 ? `共感の言葉：${empathy}回` : "共感の言葉がありません",
      slips > 0 ? `遮り・否定などの問題：${slips}回` : "遮りや否定はありません",
    ],
    information: information.map((i) =>
      i.given ? `案内した：${i.label}${seqLabel(i.seq)}` : `案内していない：${i.label}`,
    ),
    closing: [
      last ? `最後の発言：「${clip(last.text)}」` : "返答がありません",
      closing ? "お礼と結びのあいさつがあります" : "お礼と結びのあいさつがありません",
      nameAtClose ? "最後に名乗っています" : "最後の名乗り（〇〇が承りました）がありません",
      resolved ? "お客様が納得して電話を終えました" : "お客様の用件が解決しないまま終わりました",
    ],
    overall: [
      `使った時間：${formatSec(usedMs / 1000)}（制限${formatSec(limitSec)}）`,
      timedOut ? "制限時間内に終わりませんでした（−10点）" : "制限時間内に終えました",
      ...(overtimeMs > 0
        ? [
            `時間超過：${Math.ceil(overtimeMs / 1000)}秒、制限時間後の返答${repliesAfterLimit}件（−${Math.min(20, Math.floor(overtimeMs / 5000))}点）`,
          ]
        : []),
      "ほかの5項目の平均から出しています",
    ],
  };
  const scores: Record<ContestCategoryId, number> = {
    firstImpression,
    basicSkills,
    communication,
    information: informationScore,
    closing: closingScore,
    overall,
  };
  const variant = contest?.variants?.find((v) => v.id === state.variant) ?? contest?.variants?.[0];
  return {
    version: 1,
    variant: variant ? { id: variant.id, label: variant.label } : null,
    categories: contestCategoryIds.map((id) => {
      const score = Math.round(scores[id]);
      return {
        id,
        label: contestCategoryLabels[id],
        score,
        mark: toContestMark(score),
        evidence: evidence[id],
      };
    }),
    needs,
    information,
    named,
    readBack,
    closing,
    timeLimitSec: limitSec,
    timeUsedSec: Math.round(usedMs / 1000),
    overtimeSec: Math.ceil(overtimeMs / 1000),
    repliesAfterLimit,
  };
}

const readBackMarkers = intentWords.readBack.map(normalizeText);
// Taking up the caller's matter in the first reply: …のお手続きですね, …でございますね.
const takeUpPattern = /(です|でございます)ね/;
// Sentence ends a judge hears as casual or pushy on the phone to a customer.
const casualPattern =
  /(じゃあ|じゃ、|とか[、はも]|[るたい]んで|ときます|てる[んの。、]|けど|んじゃない|(です|ます)よ(?![うね])|だよ|だね)/;
const politeEndPattern =
  /(ます|ました|ません|ましょう|です|でした|ございます|ございました|ください|ませ|ますか|ですか|ませんか|でしょうか|ますね|ですね|ですよね|ますよね|でしたね|ましたね|でしたよね|ましたよね|でしょうね)$/;
const bareBackchannelPattern = /^(はい|ええ|かしこまりました|承知しました|さようでございますか|そうですか)$/;

/**
 * A reply that confirms (確認させていただきます…) or says the caller's words back (the analyzer's
 * parroting or summarizing) and names one of these words reads the data back.
 */
function readsBack(reply: PreScoreTurn, words: readonly string[]): boolean {
  const normalized = normalizeText(reply.text);
  const confirms =
    readBackMarkers.some((marker) => normalized.includes(marker)) ||
    Boolean(reply.labels?.parroting || reply.labels?.summarizing);
  return confirms && words.some((word) => normalized.includes(normalizeText(word)));
}

/** Every sentence ends in です・ます (or is a 相づち), with nothing casual in it. */
export function speaksPolitely(text: string): boolean {
  if (casualPattern.test(text)) return false;
  return sentencesOf(text).every(
    (sentence) => politeEndPattern.test(sentence) || bareBackchannelPattern.test(sentence),
  );
}

/** A 相づち with an answer after it, not a bare はい. */
function hasContent(text: string): boolean {
  return sentencesOf(text).some((sentence) => {
    const rest = sentence.replace(/^(はい|ええ)、?/, "");
    return rest !== "" && !bareBackchannelPattern.test(rest);
  });
}

function sentencesOf(text: string): string[] {
  return text
    .split(/[。！？!?\n]/)
    .map((sentence) => sentence.trim().replace(/[、，,…\s]+$/, ""))
    .filter((sentence) => sentence !== "");
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function formatSec(sec: number): string {
  const whole = Math.round(sec);
  return `${Math.floor(whole / 60)}分${String(whole % 60).padStart(2, "0")}秒`;
}

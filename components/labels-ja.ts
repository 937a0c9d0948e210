import type { Scorecard } from "@/lib/calls/scorecard";
import type { RubricLabels, ViolationKind } from "@/lib/rubric/labels";

// Japanese wording shared by the catalog, the call screen, the review and history pages. Pure data and
// formatting only, so client and server components can both import it.

export type StepKey = keyof Scorecard["steps"];
export type ScoreKey = StepKey | "empathy" | "cushion" | "limitedApology";

export const stepLabels: Record<StepKey, string> = {
  backchannel: "相づち",
  parroting: "オウム返し",
  summarizing: "要約",
  question: "質問",
  notInterrupting: "遮らない",
};

export const scoreLabels: Record<ScoreKey, string> = {
  ...stepLabels,
  empathy: "共感",
  cushion: "クッション言葉",
  limitedApology: "限定謝罪",
};

/** Headings for scorecard.explanations; unknown keys are shown as they are. */
export const explanationLabels: Record<string, string> = { ...scoreLabels, overall: "総合" };

/** The rubric's seven labels, as trainers name them. */
export const rubricLabelNames: Record<keyof RubricLabels, string> = {
  backchannel: "相づち",
  parroting: "オウム返し",
  summarizing: "要約",
  question: "質問",
  empathy: "共感",
  cushion: "クッション言葉",
  violation: "してはいけない応答",
};

export const questionKindLabels: Record<RubricLabels["question"], string> = {
  none: "なし",
  closed: "クローズド質問",
  open: "オープン質問",
};

export const violationLabels: Record<Exclude<ViolationKind, "none">, string> = {
  criticize: "批判",
  argue: "反論",
  advise: "助言の押し付け",
  opinion: "個人的な意見",
  derail: "話をそらす",
};

/** The end of a call in Japanese; an active call reads 通話中. */
export function describeCallEnd(status: "active" | "ended", endReason: string | null): string {
  if (status === "active") return "通話中";
  return endReason ? (endReasonLabels[endReason] ?? "終了") : "終了";
}

// Trainees are in Japan; a fixed zone keeps server-rendered dates and client charts identical.
const TIME_ZONE = "Asia/Tokyo";

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString("ja-JP", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: TIME_ZONE,
  });
}

export function formatShortDate(iso: string): string {
  return new Date(iso).toLocaleDateString("ja-JP", { month: "numeric", day: "numeric", timeZone: TIME_ZONE });
}

/** A 0–100 score as a whole number, or — when there is none. */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined || !Number.isFinite(score) ? "—" : String(Math.round(score));
}

export const personaKindLabels: Record<string, string> = {
  angry: "クレーム",
  lonely: "話し相手を求めるお客様",
  inquiry: "お問い合わせ",
  contest: "応対コンクール",
  custom: "その他",
};

export const difficultyLabels: Record<string, string> = {
  easy: "やさしい",
  normal: "ふつう",
  hard: "むずかしい",
};

export const endReasonLabels: Record<string, string> = {
  resolved: "解決",
  hung_up: "お客様が電話を切りました",
  time_out: "時間切れ",
  ended_by_trainee: "通話を終了しました",
};

export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

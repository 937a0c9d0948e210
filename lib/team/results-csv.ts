import { stringify } from "csv-stringify/sync";
import type { TeamAttempt } from "./team-attempts";

const endReasonJa: Record<string, string> = {
  resolved: "解決",
  hung_up: "お客様が電話を切った",
  time_out: "時間切れ",
  ended_by_trainee: "研修生が終了",
};

const columns = [
  "日時",
  "研修生",
  "メールアドレス",
  "シナリオ",
  "バージョン",
  "モード",
  "通話時間（秒）",
  "終了理由",
  "総合点",
  "相づち",
  "オウム返し",
  "要約",
  "質問",
  "遮らない",
  "共感",
  "クッション言葉",
  "限定謝罪",
  "達成した目標",
];

/**
 * One row per ended attempt, UTF-8 with a byte-order mark so that Excel opens the Japanese correctly,
 * every formula neutralized.
 * Dates are Japan time (ISO 8601 with +09:00).
 */
export function toResultsCsv(attempts: readonly TeamAttempt[]): string {
  const rows = attempts
    .filter((a) => a.status === "ended")
    .map((a) => {
      const card = a.scorecard;
      const round = (value: number | undefined) => (value === undefined ? "" : Math.round(value));
      const reached = card ? card.goals.filter((g) => g.reached) : [];
      return [
        formatJst(a.startedAt),
        a.userName,
        a.userEmail,
        a.scenarioTitle,
        a.version,
        a.mode === "llm" ? "LLM" : "シナリオ",
        a.endedAt ? Math.round((a.endedAt.getTime() - a.startedAt.getTime()) / 1000) : "",
        a.endReason ? (endReasonJa[a.endReason] ?? a.endReason) : "",
        a.overallScore ?? "",
        round(card?.steps.backchannel),
        round(card?.steps.parroting),
        round(card?.steps.summarizing),
        round(card?.steps.question),
        round(card?.steps.notInterrupting),
        round(card?.empathy),
        round(card?.cushion),
        round(card?.limitedApology),
        card ? `${reached.length}/${card.goals.length}` : "",
      ];
    });
  // A cell starting with = + - @ (a trainee's name, a scenario's title) is a live formula in Excel:
  // escape_formulas prefixes it with ' so it shows as the text it is.
  return stringify([columns, ...rows], { bom: true, record_delimiter: "\r\n", escape_formulas: true });
}

function formatJst(at: Date): string {
  const local = new Date(at.getTime() + 9 * 60 * 60 * 1000);
  return `${local.toISOString().slice(0, 19)}+09:00`;
}

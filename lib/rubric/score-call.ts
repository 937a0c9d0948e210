import type { ListeningSignals } from "./labels";
import type { ReplyRegister } from "./reply-analysis";

/** What scoring needs from each analysed reply (a full ReplyAnalysis fits). */
export type ScorableReply = ListeningSignals & { register?: ReplyRegister };

export interface CallScorecard {
  steps: {
    backchannel: number;
    parroting: number;
    summarizing: number;
    question: number;
    notInterrupting: number;
  };
  empathy: number;
  cushion: number;
  limitedApology: number;
  overall: number;
  counts: Record<string, number>;
  /** Plain-Japanese formula with this call's numbers, shown to trainees; keyed like stepLabelsJa. */
  explanations: Record<string, string>;
}

/** Japanese names of the scored items, for the UI. */
export const stepLabelsJa = {
  backchannel: "相づち",
  parroting: "オウム返し",
  summarizing: "要約",
  question: "質問",
  notInterrupting: "遮らない",
  empathy: "共感",
  cushion: "クッション言葉",
  limitedApology: "限定謝罪",
  overall: "総合",
} as const;

// Targets and weights; docs/scoring.md explains each and must change with them.
export const scoringRules = {
  backchannelTarget: 0.8, // share of caller turns answered with a 相づち
  casualPenalty: 5,
  repeatedPenalty: 10,
  parrotingTarget: 0.5, // share of caller turns answered with the caller's own words
  callerTurnsPerSummary: 4,
  openShareTarget: 0.5, // MITI "fair": at least half of the questions open
  reflectionsPerQuestionTarget: 1, // MITI "fair": reflection:question ratio of 1:1
  interruptionPenalty: 15,
  violationPenalty: 20,
  callerTurnsPerEmpathy: 3,
  blanketPenalty: 50,
  noApologyScore: 50,
  weights: { step: 0.16, empathy: 0.1, cushion: 0.05, limitedApology: 0.05 },
} as const;

/** Scores a whole call (0–100 per step, plus empathy, cushion, limited apology and overall). */
export function scoreCall(replies: ScorableReply[], opts: { callerTurns: number }): CallScorecard {
  const r = scoringRules;
  const callerTurns = Math.max(1, opts.callerTurns);
  const count = (predicate: (reply: ScorableReply) => boolean) => replies.filter(predicate).length;
  const backchannels = count((x) => x.backchannel);
  const casual = count((x) => x.register?.casual === true);
  const repeated = count((x) => x.register?.repeatedToken != null);
  const parroting = count((x) => x.parroting);
  const summaries = count((x) => x.summarizing);
  const questions = count((x) => x.question !== "none");
  const openQuestions = count((x) => x.question === "open");
  const reflections = parroting + summaries;
  const empathy = count((x) => x.empathy);
  const cushions = count((x) => x.question !== "none" && x.cushion);
  const interruptions = count((x) => x.interruption);
  const violations = count((x) => x.violation !== "none");
  const limited = count((x) => x.apology === "limited");
  const blanket = count((x) => x.apology === "blanket");
  const summaryTarget = Math.max(1, Math.floor(callerTurns / r.callerTurnsPerSummary));
  const empathyTarget = Math.max(1, Math.ceil(callerTurns / r.callerTurnsPerEmpathy));

  const empty = replies.length === 0;
  const steps = {
    backchannel: empty
      ? 0
      : clamp(
          ratio(backchannels / callerTurns, r.backchannelTarget) * 100 -
            casual * r.casualPenalty -
            repeated * r.repeatedPenalty,
        ),
    parroting: clamp(ratio(parroting / callerTurns, r.parrotingTarget) * 100),
    summarizing: clamp(ratio(summaries, summaryTarget) * 100),
    question:
      questions === 0
        ? 0
        : clamp(
            ratio(openQuestions / questions, r.openShareTarget) * 50 +
              ratio(reflections / questions, r.reflectionsPerQuestionTarget) * 50,
          ),
    notInterrupting: empty
      ? 0
      : clamp(100 - interruptions * r.interruptionPenalty - violations * r.violationPenalty),
  };
  const empathyScore = clamp(ratio(empathy, empathyTarget) * 100);
  const cushionScore = empty ? 0 : questions === 0 ? 100 : clamp((cushions / questions) * 100);
  const apologyScore = empty
    ? 0
    : blanket > 0
      ? clamp(r.noApologyScore - blanket * r.blanketPenalty)
      : limited > 0
        ? 100
        : r.noApologyScore;
  const w = r.weights;
  const stepSum = Object.values(steps).reduce((sum, value) => sum + value, 0);
  const overall = clamp(
    stepSum * w.step + empathyScore * w.empathy + cushionScore * w.cushion + apologyScore * w.limitedApology,
  );

  const counts = {
    replies: replies.length,
    callerTurns: opts.callerTurns,
    backchannels,
    casualBackchannels: casual,
    repeatedBackchannels: repeated,
    parroting,
    summaries,
    reflections,
    questions,
    openQuestions,
    closedQuestions: questions - openQuestions,
    empathy,
    cushions,
    interruptions,
    violations,
    ...Object.fromEntries(
      (["criticize", "argue", "advise", "opinion", "derail"] as const).map((k) => [
        `violation_${k}`,
        count((x) => x.violation === k),
      ]),
    ),
    limitedApologies: limited,
    blanketApologies: blanket,
  };
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const explanations: Record<string, string> = {
    backchannel: `お客様の発言${callerTurns}回のうち${backchannels}回で相づちを打ちました。8割で満点です。くだけた相づち（ええ・うん）は1回${r.casualPenalty}点、同じ相づちの3回連続は1回${r.repeatedPenalty}点減点します（今回 ${casual}回・${repeated}回）。`,
    parroting: `お客様の発言${callerTurns}回のうち${parroting}回、お客様の言葉をそのまま繰り返して確認しました。半分（${pct(r.parrotingTarget)}）で満点です。`,
    summarizing: `お話を二つ以上の要点にまとめて確認した回数は${summaries}回です。お客様の発言${r.callerTurnsPerSummary}回につき1回（今回の目標 ${summaryTarget}回）で満点です。`,
    question: `質問${questions}回のうち開かれた質問（どのような〜など）が${openQuestions}回でした。開かれた質問が半分以上で50点、質問1回につき復唱・要約が1回以上（今回 ${reflections}回）でさらに50点です。質問がないと0点です。`,
    notInterrupting: `100点から、話を遮った回数×${r.interruptionPenalty}点（今回 ${interruptions}回）と、批判・反論・助言・私見・話題の切り替えをした回数×${r.violationPenalty}点（今回 ${violations}回）を引きます。`,
    empathy: `お気持ちに寄り添う言葉は${empathy}回でした。お客様の発言${r.callerTurnsPerEmpathy}回につき1回（今回の目標 ${empathyTarget}回）で満点です。`,
    cushion: `質問やお願い${questions}回のうち、クッション言葉を添えたのは${cushions}回です。その割合が点数です（質問がなければ100点）。`,
    limitedApology: `ご不便やお気持ちに対する謝罪（限定謝罪）があれば100点、謝罪がなければ${r.noApologyScore}点です。事実確認の前に全面的に非を認めると、謝罪がない場合の${r.noApologyScore}点から1回${r.blanketPenalty}点減点します（今回 限定${limited}回・全面${blanket}回）。`,
    overall: `5つのステップを各${pct(w.step)}、共感を${pct(w.empathy)}、クッション言葉と限定謝罪を各${pct(w.cushion)}の重みで合計しています。`,
  };
  return {
    steps,
    empathy: empathyScore,
    cushion: cushionScore,
    limitedApology: apologyScore,
    overall,
    counts,
    explanations,
  };
}

function ratio(value: number, target: number): number {
  return target <= 0 ? 1 : Math.min(1, value / target);
}

function clamp(value: number): number {
  return Math.round(Math.max(0, Math.min(100, value)));
}

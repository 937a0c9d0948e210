import { violationLabels } from "@/components/labels-ja";
import type { StoredAnalysis, TurnView } from "@/lib/calls/call-view";
import type { MarkSpan } from "./split-by-spans";

// What one analysed reply shows: chips for what it did, highlights on the words that earned them, the
// feedback lines, and highlights on the caller's words it reflected.

export type ChipTone = "good" | "warn" | "bad";

export interface Chip {
  key: string;
  label: string;
  tone: ChipTone;
}

export interface FeedbackItem {
  key: string;
  text: string;
  /** "tip": advice for something the reply did not do. */
  tone: ChipTone | "tip";
}

const signalOrder = [
  "backchannel",
  "parroting",
  "summarizing",
  "question",
  "empathy",
  "cushion",
  "apology",
  "violation",
  "interruption",
  "register",
] as const;
type Signal = (typeof signalOrder)[number];

// Signals that are problems when present; their "all is well" feedback line is left out so that each
// reply shows what it did and what to fix, not ten lines.
const problemSignals = new Set<Signal>(["violation", "interruption", "register"]);

/** The labels a reply hit (green) and the problems it had (red / amber). */
export function listReplyChips(analysis: StoredAnalysis): Chip[] {
  const chips: Chip[] = [];
  if (analysis.backchannel) chips.push({ key: "backchannel", label: "相づち", tone: "good" });
  if (analysis.parroting) chips.push({ key: "parroting", label: "オウム返し", tone: "good" });
  if (analysis.summarizing) chips.push({ key: "summarizing", label: "要約", tone: "good" });
  if (analysis.question === "open") chips.push({ key: "question", label: "質問（オープン）", tone: "good" });
  if (analysis.question === "closed")
    chips.push({ key: "question", label: "質問（クローズド）", tone: "good" });
  if (analysis.empathy) chips.push({ key: "empathy", label: "共感", tone: "good" });
  if (analysis.cushion) chips.push({ key: "cushion", label: "クッション言葉", tone: "good" });
  if (analysis.apology === "limited") chips.push({ key: "apology", label: "限定謝罪", tone: "good" });
  if (analysis.apology === "blanket") chips.push({ key: "apology", label: "全面的な謝罪", tone: "bad" });
  if (analysis.violation !== "none") {
    chips.push({ key: "violation", label: violationLabels[analysis.violation], tone: "bad" });
  }
  if (analysis.interruption) chips.push({ key: "interruption", label: "遮り", tone: "bad" });
  if (analysis.register.casual) chips.push({ key: "register-casual", label: "くだけた相づち", tone: "warn" });
  if (analysis.register.repeatedToken) {
    chips.push({ key: "register-repeated", label: "同じ相づちの繰り返し", tone: "warn" });
  }
  // The problem comes first: a polite reply that argues must not read as a row of green chips.
  const rank: Record<ChipTone, number> = { bad: 0, warn: 1, good: 2 };
  return chips.sort((a, b) => rank[a.tone] - rank[b.tone]);
}

/** The better phrasing to show, or what to say when the reply needs no change. */
export function betterPhrasing(analysis: StoredAnalysis): string {
  if (analysis.suggestion !== "") return analysis.suggestion;
  // Words that were right, said too soon: the fix is when, not what.
  if (analysis.interruption) return "言い方はこのままで十分です。お客様が話し終えてから伝えましょう。";
  // (Its one えー is named in the points: the words themselves stand.)
  return analysis.points?.[0]?.text === "内容はこのままで十分です。"
    ? "内容はこのままで十分です。"
    : "この返答はこのままで十分です。";
}

/** Evidence spans in the reply for every signal the reply hit, toned like its chip. */
export function listReplyMarks(analysis: StoredAnalysis): MarkSpan[] {
  const chips = listReplyChips(analysis);
  return signalOrder.flatMap((signal) => {
    const chip = chips.find((c) => c.key === signal || c.key.startsWith(`${signal}-`));
    if (!chip) return [];
    const spans = analysis.evidence[signal]?.spans ?? [];
    return spans.map((span) => ({ start: span.start, end: span.end, tone: chip.tone, label: chip.label }));
  });
}

/** The feedback lines in rubric order: what went well, what went wrong, then tips for what was missed. */
export function listFeedback(analysis: StoredAnalysis): FeedbackItem[] {
  // The analyzer's own points (at most three, the most important first) when the reply has them.
  if (analysis.points.length > 0) return analysis.points;
  const chips = listReplyChips(analysis);
  const items = signalOrder.flatMap((signal): FeedbackItem[] => {
    const text = analysis.feedback[signal];
    if (!text) return [];
    const chip = chips.find((c) => c.key === signal || c.key.startsWith(`${signal}-`));
    if (chip) return [{ key: signal, text, tone: chip.tone }];
    return problemSignals.has(signal) ? [] : [{ key: signal, text, tone: "tip" }];
  });
  const rank = { good: 0, bad: 1, warn: 2, tip: 3 } as const;
  return items.sort((a, b) => rank[a.tone] - rank[b.tone]);
}

/**
 * Where the caller's words were reflected: per caller turn seq, the spans that a later parroting or
 * summarizing reply repeated. Sources point into the analyzer's context; contextSeqs maps them to seqs.
 */
export function collectSourceMarks(turns: readonly TurnView[]): Map<number, MarkSpan[]> {
  const bySeq = new Map<number, MarkSpan[]>();
  for (const turn of turns) {
    const analysis = turn.analysis;
    if (turn.role !== "operator" || !analysis) continue;
    for (const signal of ["parroting", "summarizing"] as const) {
      if (!analysis[signal]) continue;
      const label = signal === "parroting" ? "オウム返しで繰り返された言葉" : "要約で使われた言葉";
      for (const source of analysis.evidence[signal]?.sources ?? []) {
        const seq = analysis.contextSeqs[source.turn];
        if (seq === undefined) continue;
        const marks = bySeq.get(seq) ?? [];
        marks.push({ start: source.start, end: source.end, tone: "source", label });
        bySeq.set(seq, marks);
      }
    }
  }
  return bySeq;
}

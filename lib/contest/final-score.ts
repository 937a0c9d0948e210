import { type ContestCategoryId, contestCategoryIds, marksToScore } from "./categories";

/** One judge's submitted sheet: a 1–5 mark per category. */
export interface JudgeSheet {
  judgeId: string;
  marks: Record<ContestCategoryId, number>;
}

/** With this many judges or more, the highest and the lowest total are dropped (電話応対コンクール). */
export const TRIM_FROM_JUDGES = 5;

export interface FinalContestScore {
  /** "trimmed": highest and lowest sheet dropped, the rest averaged; "mean": every sheet averaged. */
  rule: "trimmed" | "mean";
  judges: number;
  /** 0–100, one decimal. */
  score: number;
  /** The sheets left out under the trimmed rule. */
  dropped: { highest: string; lowest: string } | null;
  categories: {
    id: ContestCategoryId;
    /** Mean mark of the sheets that count, one decimal. */
    mark: number;
    min: number;
    max: number;
  }[];
}

/**
 * The panel's final score: each sheet's total is its six marks scaled to 100; with 5 or more judges the
 * highest and the lowest total are dropped and the rest averaged, with fewer every sheet is averaged
 * (README, "Contest mode"). Category marks follow the same sheets. Null without any sheet.
 */
export function finalContestScore(sheets: readonly JudgeSheet[]): FinalContestScore | null {
  if (sheets.length === 0) return null;
  const totals = sheets.map((sheet) => ({ sheet, total: sheetTotal(sheet) }));
  let counted = totals;
  let dropped: FinalContestScore["dropped"] = null;
  if (sheets.length >= TRIM_FROM_JUDGES) {
    // Ties: the first submitted of the equal sheets is the one dropped, so the result is deterministic.
    const order = [...totals].sort((a, b) => a.total - b.total);
    const lowest = order[0]!;
    const highest = order[order.length - 1]!;
    counted = totals.filter((entry) => entry !== lowest && entry !== highest);
    dropped = { highest: highest.sheet.judgeId, lowest: lowest.sheet.judgeId };
  }
  const score = round1(counted.reduce((sum, entry) => sum + entry.total, 0) / counted.length);
  return {
    rule: dropped ? "trimmed" : "mean",
    judges: sheets.length,
    score,
    dropped,
    categories: contestCategoryIds.map((id) => {
      const marks = counted.map((entry) => entry.sheet.marks[id]);
      const all = sheets.map((sheet) => sheet.marks[id]);
      return {
        id,
        mark: round1(marks.reduce((sum, mark) => sum + mark, 0) / marks.length),
        min: Math.min(...all),
        max: Math.max(...all),
      };
    }),
  };
}

/** A sheet's total out of 100. */
export function sheetTotal(sheet: Pick<JudgeSheet, "marks">): number {
  return marksToScore(contestCategoryIds.map((id) => sheet.marks[id]));
}

export type Agreement = "agree" | "close" | "apart";

/**
 * How far apart two marks (or a spread of marks) are on the 1–5 scale: equal agree, within one point
 * is close, more is apart.
 */
export function agreementOf(difference: number): Agreement {
  const gap = Math.abs(difference);
  return gap < 0.5 ? "agree" : gap <= 1 ? "close" : "apart";
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

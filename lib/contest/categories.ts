// The 電話応対コンクール's judging categories and the scale judges mark them on. Pure data, shared
// by the machine pre-score, the judging sheet and the leaderboard.

export const contestCategoryIds = [
  "firstImpression",
  "basicSkills",
  "communication",
  "information",
  "closing",
  "overall",
] as const;
export type ContestCategoryId = (typeof contestCategoryIds)[number];

export const contestCategoryLabels: Record<ContestCategoryId, string> = {
  firstImpression: "第一印象",
  basicSkills: "基本応対（相づち・復唱）",
  communication: "コミュニケーション",
  information: "情報提供",
  closing: "クロージング",
  overall: "総合印象",
};

/** Judges mark each category from 1 to 5; the sheet's total is the sum scaled to 100. */
export const CONTEST_MARK_MIN = 1;
export const CONTEST_MARK_MAX = 5;

export const contestMarkLabels: Record<number, string> = {
  5: "5 大変よい",
  4: "4 よい",
  3: "3 ふつう",
  2: "2 もう少し",
  1: "1 努力が必要",
};

/** A 0–100 category score as a mark on the judges' 1–5 scale (0–19 → 1, …, 80–100 → 5). */
export function toContestMark(score: number): number {
  const clamped = Number.isFinite(score) ? Math.min(100, Math.max(0, score)) : 0;
  return Math.min(CONTEST_MARK_MAX, Math.floor(clamped / 20) + 1);
}

/** Marks of all six categories as a score out of 100 (every category 5 → 100, every category 1 → 20). */
export function marksToScore(marks: readonly number[]): number {
  if (marks.length === 0) return 0;
  const sum = marks.reduce((total, mark) => total + mark, 0);
  return Math.round((sum / (marks.length * CONTEST_MARK_MAX)) * 1000) / 10;
}

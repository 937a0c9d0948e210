import { describe, expect, it } from "vitest";
import { contestCategoryIds } from "./categories";
import type { JudgeSheet } from "./final-score";
import { buildLeaderboard, type JudgedAttempt } from "./leaderboard-core";

const even = (judgeId: string, mark: number): JudgeSheet => ({
  judgeId,
  marks: Object.fromEntries(contestCategoryIds.map((id) => [id, mark])) as JudgeSheet["marks"],
});

const attempt = (callId: string, userId: string, day: number, marks: number[]): JudgedAttempt => ({
  callId,
  userId,
  userName: userId === "u1" ? "青木" : "井上",
  endedAt: new Date(Date.UTC(2026, 11, day)),
  sheets: marks.map((mark, i) => even(`j${i}`, mark)),
});

describe("buildLeaderboard", () => {
  it("ranks trainees by their best judged score and keeps their latest", () => {
    const board = buildLeaderboard([
      attempt("a", "u1", 1, [4, 4]), // 80
      attempt("b", "u1", 3, [3, 3]), // 60, latest
      attempt("c", "u2", 2, [5, 4]), // 90
      attempt("d", "u2", 4, []), // not judged yet: left out
    ]);
    expect(
      board.rows.map((r) => [r.userName, r.best.score, r.best.callId, r.latest.score, r.judgedAttempts]),
    ).toEqual([
      ["井上", 90, "c", 90, 1],
      ["青木", 80, "a", 60, 2],
    ]);
    // Team profile: mean of each trainee's latest category mark (4.5 and 3).
    expect(board.teamProfile?.firstImpression).toBe(3.8);
  });

  it("is empty before anything is judged", () => {
    expect(buildLeaderboard([attempt("a", "u1", 1, [])])).toEqual({ rows: [], teamProfile: null });
  });
});

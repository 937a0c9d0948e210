import { type ContestCategoryId, contestCategoryIds } from "./categories";
import { finalContestScore, type JudgeSheet } from "./final-score";

/** One ended contest attempt of a trainee, with the judges' sheets (possibly none yet). */
export interface JudgedAttempt {
  callId: string;
  userId: string;
  userName: string;
  endedAt: Date;
  sheets: readonly JudgeSheet[];
}

export interface LeaderboardRow {
  userId: string;
  userName: string;
  best: { score: number; callId: string };
  latest: { score: number; callId: string; endedAt: Date; categories: Record<ContestCategoryId, number> };
  judgedAttempts: number;
}

export interface Leaderboard {
  /** Best judged score first; trainees without a judged attempt are left out. */
  rows: LeaderboardRow[];
  /** The team's mean category mark over each trainee's latest judged attempt. */
  teamProfile: Record<ContestCategoryId, number> | null;
}

/** Each trainee's best and latest judged score and category profile against the team. Pure. */
export function buildLeaderboard(attempts: readonly JudgedAttempt[]): Leaderboard {
  const byUser = new Map<string, LeaderboardRow>();
  const ordered = [...attempts].sort((a, b) => a.endedAt.getTime() - b.endedAt.getTime());
  for (const attempt of ordered) {
    const final = finalContestScore(attempt.sheets);
    if (!final) continue;
    const categories = Object.fromEntries(final.categories.map((c) => [c.id, c.mark])) as Record<
      ContestCategoryId,
      number
    >;
    const current = byUser.get(attempt.userId);
    const latest = { score: final.score, callId: attempt.callId, endedAt: attempt.endedAt, categories };
    const best =
      current && current.best.score >= final.score
        ? current.best
        : { score: final.score, callId: attempt.callId };
    byUser.set(attempt.userId, {
      userId: attempt.userId,
      userName: attempt.userName,
      best,
      latest,
      judgedAttempts: (current?.judgedAttempts ?? 0) + 1,
    });
  }
  const rows = [...byUser.values()].sort(
    (a, b) => b.best.score - a.best.score || a.userName.localeCompare(b.userName, "ja"),
  );
  const teamProfile =
    rows.length === 0
      ? null
      : (Object.fromEntries(
          contestCategoryIds.map((id) => [
            id,
            Math.round((rows.reduce((sum, row) => sum + row.latest.categories[id], 0) / rows.length) * 10) /
              10,
          ]),
        ) as Record<ContestCategoryId, number>);
  return { rows, teamProfile };
}

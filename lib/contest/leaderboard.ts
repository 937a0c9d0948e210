import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { SessionUser } from "@/lib/accounts/users";
import { listPlayableScenarios } from "@/lib/calls/scenario-store";
import type { DbExecutor } from "@/lib/db/executor";
import { calls, scenarioVersions, teams, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { resolveTeamScope, type TeamScope } from "@/lib/team/team-scope";
import { listJudgedSheets, markValues } from "./judging";
import { buildLeaderboard, type Leaderboard } from "./leaderboard-core";

export interface ContestLeaderboardView {
  team: TeamScope;
  forTrainees: boolean;
  scenarios: { scenarioId: string; title: string }[];
  scenarioId: string | null;
  board: Leaderboard;
}

/**
 * The team's leaderboard for one contest scenario: trainers of the team and admins (?team=); the
 * team's trainees only when a trainer has opened it to them (403 otherwise).
 */
export async function getContestLeaderboard(
  db: DbExecutor,
  viewer: SessionUser,
  request: { teamId?: string; scenarioId?: string },
): Promise<ContestLeaderboardView> {
  const team = await leaderboardScope(db, viewer, request.teamId);
  const forTrainees = await isOpenToTrainees(db, team.teamId);
  if (viewer.role === "trainee" && !forTrainees) {
    throw new AppError("forbidden", "ランキングはトレーナーが公開するまで見られません。");
  }
  const catalog = await listPlayableScenarios(db, {
    ...viewer,
    teamId: team.teamId,
    teamName: team.teamName,
  });
  const scenarios = catalog
    .filter((entry) => entry.kind === "contest")
    .map((entry) => ({ scenarioId: entry.scenarioId, title: entry.title }));
  const scenarioId =
    scenarios.find((s) => s.scenarioId === request.scenarioId)?.scenarioId ??
    scenarios[0]?.scenarioId ??
    null;
  if (request.scenarioId && scenarioId !== request.scenarioId) {
    throw new AppError("not_found", "シナリオが見つかりません。");
  }
  if (!scenarioId)
    return { team, forTrainees, scenarios, scenarioId, board: { rows: [], teamProfile: null } };
  const ended = await db
    .select({ callId: calls.id, userId: calls.userId, userName: users.name, endedAt: calls.endedAt })
    .from(calls)
    .innerJoin(scenarioVersions, eq(scenarioVersions.id, calls.scenarioVersionId))
    .innerJoin(users, eq(users.id, calls.userId))
    .where(
      and(
        eq(calls.teamId, team.teamId),
        eq(calls.status, "ended"),
        eq(scenarioVersions.scenarioId, scenarioId),
      ),
    );
  const sheets = await listJudgedSheets(
    db,
    ended.map((row) => row.callId),
  );
  const board = buildLeaderboard(
    ended.map((row) => ({
      callId: row.callId,
      userId: row.userId,
      userName: row.userName,
      endedAt: row.endedAt ?? new Date(0),
      sheets: (sheets.get(row.callId) ?? []).map((sheet) => ({
        judgeId: sheet.judgeId,
        marks: markValues(sheet.marks),
      })),
    })),
  );
  return { team, forTrainees, scenarios, scenarioId, board };
}

/** A trainer (or an admin, naming the team) opens the leaderboard to the team's trainees, or closes it. */
export async function setLeaderboardForTrainees(
  db: DbExecutor,
  user: SessionUser,
  request: { teamId?: string; forTrainees: boolean },
): Promise<{ teamId: string; forTrainees: boolean }> {
  if (user.role === "trainee") throw new AppError("forbidden", "この操作を行う権限がありません。");
  const team = await leaderboardScope(db, user, request.teamId);
  await db
    .update(teams)
    .set({ contestLeaderboardForTrainees: request.forTrainees })
    .where(eq(teams.id, team.teamId));
  return { teamId: team.teamId, forTrainees: request.forTrainees };
}

/** Whether the user's team has opened its leaderboard to trainees (for the practice page's link). */
export async function isOpenToTrainees(db: DbExecutor, teamId: string | null): Promise<boolean> {
  if (!teamId) return false;
  const [row] = await db
    .select({ open: teams.contestLeaderboardForTrainees })
    .from(teams)
    .where(inArray(teams.id, [teamId]));
  return row?.open ?? false;
}

async function leaderboardScope(
  db: DbExecutor,
  viewer: SessionUser,
  teamId: string | undefined,
): Promise<TeamScope> {
  if (viewer.role === "trainee") {
    if (!viewer.teamId || !viewer.teamName || (teamId && teamId !== viewer.teamId)) {
      throw new AppError("not_found", "チームが見つかりません。");
    }
    return { teamId: viewer.teamId, teamName: viewer.teamName };
  }
  const scope = await resolveTeamScope(db, viewer, teamId);
  if (!scope) throw new AppError("not_found", "チームが見つかりません。");
  return scope;
}

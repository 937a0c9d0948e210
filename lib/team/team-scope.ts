import "server-only";
import { eq } from "drizzle-orm";
import type { SessionUser } from "@/lib/accounts/users";
import type { DbExecutor } from "@/lib/db/executor";
import { teams } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

export interface TeamScope {
  teamId: string;
  teamName: string;
}

/**
 * The team whose workspace a trainer or admin is looking at. A trainer always gets their own team
 * (a ?team= naming another team is "not found"); an admin may name any team. Null when there is none.
 */
export async function resolveTeamScope(
  db: DbExecutor,
  user: SessionUser,
  requestedTeamId: string | undefined,
): Promise<TeamScope | null> {
  if (user.role === "trainer") {
    if (requestedTeamId && requestedTeamId !== user.teamId) throw notFound();
    return user.teamId && user.teamName ? { teamId: user.teamId, teamName: user.teamName } : null;
  }
  if (user.role !== "admin") throw new AppError("forbidden", "この操作を行う権限がありません。");
  const teamId = requestedTeamId ?? user.teamId;
  if (!teamId) return null;
  const [team] = await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, teamId));
  if (!team) throw notFound();
  return { teamId: team.id, teamName: team.name };
}

/** Like resolveTeamScope, for APIs that need a team: none is "not found". */
export async function requireTeamScope(
  db: DbExecutor,
  user: SessionUser,
  requestedTeamId: string | undefined,
): Promise<TeamScope> {
  const scope = await resolveTeamScope(db, user, requestedTeamId);
  if (!scope) throw notFound();
  return scope;
}

function notFound(): AppError {
  return new AppError("not_found", "チームが見つかりません。");
}

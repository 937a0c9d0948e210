import "server-only";
import { and, desc, eq, gte, isNotNull } from "drizzle-orm";
import { type Scorecard, scorecardSchema } from "@/lib/calls/scorecard";
import type { DbExecutor } from "@/lib/db/executor";
import { calls, scenarios, scenarioVersions, users } from "@/lib/db/schema";

export interface TeamAttempt {
  callId: string;
  userId: string;
  userName: string;
  userEmail: string;
  scenarioId: string;
  scenarioTitle: string;
  version: number;
  mode: "scripted" | "llm";
  status: "active" | "ended";
  endReason: string | null;
  startedAt: Date;
  endedAt: Date | null;
  overallScore: number | null;
  /** The stored scorecard (recomputed when a trainer overrides a label), null while active. */
  scorecard: Scorecard | null;
}

/** Calls made in a team, newest first, optionally of one scenario and since a date. */
export async function listTeamAttempts(
  db: DbExecutor,
  teamId: string,
  filter: { scenarioId?: string; since?: Date | null; endedOnly?: boolean; limit?: number } = {},
): Promise<TeamAttempt[]> {
  const rows = await db
    .select({
      callId: calls.id,
      userId: users.id,
      userName: users.name,
      userEmail: users.email,
      scenarioId: scenarios.id,
      scenarioTitle: scenarios.title,
      version: scenarioVersions.version,
      mode: calls.mode,
      status: calls.status,
      endReason: calls.endReason,
      startedAt: calls.startedAt,
      endedAt: calls.endedAt,
      overallScore: calls.overallScore,
      scorecard: calls.scorecard,
    })
    .from(calls)
    .innerJoin(users, eq(users.id, calls.userId))
    .innerJoin(scenarioVersions, eq(scenarioVersions.id, calls.scenarioVersionId))
    .innerJoin(scenarios, eq(scenarios.id, scenarioVersions.scenarioId))
    .where(
      and(
        eq(calls.teamId, teamId),
        filter.scenarioId ? eq(scenarios.id, filter.scenarioId) : undefined,
        filter.since ? gte(calls.startedAt, filter.since) : undefined,
        filter.endedOnly ? isNotNull(calls.endedAt) : undefined,
      ),
    )
    .orderBy(desc(calls.startedAt))
    .limit(filter.limit ?? 5000);
  return rows.map((row) => {
    const parsed = row.scorecard === null ? null : scorecardSchema.safeParse(row.scorecard);
    return { ...row, scorecard: parsed?.success ? parsed.data : null };
  });
}

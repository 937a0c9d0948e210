import "server-only";
import { and, desc, eq, max } from "drizzle-orm";
import type { SessionUser } from "@/lib/accounts/users";
import type { DbExecutor } from "@/lib/db/executor";
import { calls, scenarios, scenarioVersions } from "@/lib/db/schema";
import { type Scorecard, scorecardSchema } from "./scorecard";

export interface CallSummary {
  id: string;
  scenarioId: string;
  scenarioTitle: string;
  status: "active" | "ended";
  endReason: string | null;
  startedAt: string;
  overallScore: number | null;
  steps: Scorecard["steps"] | null;
}

/** The user's own calls, newest first (optionally of one scenario). */
export async function listCallsForUser(
  db: DbExecutor,
  user: Pick<SessionUser, "id">,
  options: { scenarioId?: string; limit?: number } = {},
): Promise<CallSummary[]> {
  const rows = await db
    .select({
      id: calls.id,
      scenarioId: scenarios.id,
      scenarioTitle: scenarios.title,
      status: calls.status,
      endReason: calls.endReason,
      startedAt: calls.startedAt,
      overallScore: calls.overallScore,
      scorecard: calls.scorecard,
    })
    .from(calls)
    .innerJoin(scenarioVersions, eq(calls.scenarioVersionId, scenarioVersions.id))
    .innerJoin(scenarios, eq(scenarioVersions.scenarioId, scenarios.id))
    .where(
      and(eq(calls.userId, user.id), options.scenarioId ? eq(scenarios.id, options.scenarioId) : undefined),
    )
    .orderBy(desc(calls.startedAt))
    .limit(options.limit ?? 200);
  return rows.map(({ scorecard, startedAt, ...row }) => {
    const parsed = scorecard === null ? null : scorecardSchema.safeParse(scorecard);
    return { ...row, startedAt: startedAt.toISOString(), steps: parsed?.success ? parsed.data.steps : null };
  });
}

/** The user's best overall score per scenario (database id). */
export async function bestScoresForUser(db: DbExecutor, userId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ scenarioId: scenarioVersions.scenarioId, best: max(calls.overallScore) })
    .from(calls)
    .innerJoin(scenarioVersions, eq(calls.scenarioVersionId, scenarioVersions.id))
    .where(and(eq(calls.userId, userId), eq(calls.status, "ended")))
    .groupBy(scenarioVersions.scenarioId);
  return new Map(rows.filter((r) => r.best !== null).map((r) => [r.scenarioId, r.best as number]));
}

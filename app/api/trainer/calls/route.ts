import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { handleApi, json } from "@/lib/http/api-handler";
import { listTeamAttempts } from "@/lib/team/team-attempts";
import { readTeamRequest } from "@/lib/team/team-request";

/** The team's calls, newest first (?scenario=, ?period=7d|30d|90d|all, admins ?team=). */
export function GET(request: Request) {
  return handleApi(async () => {
    const user = await requireApiUser("trainer", "admin");
    const db = await getDb();
    const { scope, filter, since } = await readTeamRequest(db, user, request, new Date());
    const attempts = await listTeamAttempts(db, scope.teamId, { scenarioId: filter.scenario, since });
    return json({
      team: { id: scope.teamId, name: scope.teamName },
      calls: attempts.map(({ scorecard, ...a }) => ({
        id: a.callId,
        traineeId: a.userId,
        traineeName: a.userName,
        scenarioId: a.scenarioId,
        scenarioTitle: a.scenarioTitle,
        version: a.version,
        mode: a.mode,
        status: a.status,
        endReason: a.endReason,
        startedAt: a.startedAt.toISOString(),
        endedAt: a.endedAt?.toISOString() ?? null,
        overallScore: a.overallScore,
        steps: scorecard?.steps ?? null,
      })),
    });
  });
}

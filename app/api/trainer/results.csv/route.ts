import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { handleApi } from "@/lib/http/api-handler";
import { toResultsCsv } from "@/lib/team/results-csv";
import { listTeamAttempts } from "@/lib/team/team-attempts";
import { readTeamRequest } from "@/lib/team/team-request";

/** The team's ended attempts and scores as CSV (UTF-8 with BOM), with the dashboard's filters. */
export function GET(request: Request) {
  return handleApi(async () => {
    const user = await requireApiUser("trainer", "admin");
    const db = await getDb();
    const now = new Date();
    const { scope, filter, since } = await readTeamRequest(db, user, request, now);
    const attempts = await listTeamAttempts(db, scope.teamId, {
      scenarioId: filter.scenario,
      since,
      endedOnly: true,
    });
    const stamp = now.toISOString().slice(0, 10);
    return new Response(toResultsCsv(attempts), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="kikite-results-${stamp}.csv"`,
        "cache-control": "no-store",
      },
    });
  });
}

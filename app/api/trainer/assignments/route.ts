import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { handleApi, handleMutation, json, readJsonBody } from "@/lib/http/api-handler";
import { assignmentRequestSchema } from "@/lib/team/assignment-request";
import { createAssignments, listTeamAssignments } from "@/lib/team/assignments";
import { readTeamRequest } from "@/lib/team/team-request";

/** The team's assignments with their status (admins ?team=). */
export function GET(request: Request) {
  return handleApi(async () => {
    const user = await requireApiUser("trainer", "admin");
    const db = await getDb();
    const now = new Date();
    const { scope } = await readTeamRequest(db, user, request, now);
    return json({ assignments: await listTeamAssignments(db, scope.teamId, now) });
  });
}

/** Assigns a scenario: { scenarioId, traineeIds, dueAt, note? } → 201, { ids }. */
export function POST(request: Request) {
  return handleMutation(request, async () => {
    const user = await requireApiUser("trainer", "admin");
    const db = await getDb();
    const { scope } = await readTeamRequest(db, user, request, new Date());
    const body = await readJsonBody(request, assignmentRequestSchema);
    const ids = await createAssignments(db, user, { teamId: scope.teamId, ...body });
    return json({ ids }, 201);
  });
}

import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { handleMutation, json, parseId } from "@/lib/http/api-handler";
import { deleteAssignment } from "@/lib/team/assignments";
import { readTeamRequest } from "@/lib/team/team-request";

/** Deletes an assignment of the team (another team's is 404). */
export function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleMutation(request, async () => {
    const user = await requireApiUser("trainer", "admin");
    const db = await getDb();
    const assignmentId = parseId((await params).id);
    const { scope } = await readTeamRequest(db, user, request, new Date());
    await deleteAssignment(db, { teamId: scope.teamId, assignmentId });
    return json({ ok: true });
  });
}

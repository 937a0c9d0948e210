import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { handleApi, json } from "@/lib/http/api-handler";
import { listAssignmentsForTrainee } from "@/lib/team/assignments";

/** The signed-in user's own assignments with their status. */
export function GET() {
  return handleApi(async () => {
    const user = await requireApiUser();
    return json({ assignments: await listAssignmentsForTrainee(await getDb(), user, new Date()) });
  });
}

import { requireApiUser } from "@/lib/auth/session";
import { archiveRequestSchema } from "@/lib/authoring/authoring-requests";
import { setScenarioArchived } from "@/lib/authoring/scenario-authoring";
import { getDb } from "@/lib/db/client";
import { handleMutation, json, parseId, readJsonBody } from "@/lib/http/api-handler";

/** Archives (or restores) a team scenario: it leaves (or rejoins) the trainees' catalog. */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleMutation(request, async () => {
    const user = await requireApiUser("trainer", "admin");
    const id = parseId((await params).id);
    const { archived } = await readJsonBody(request, archiveRequestSchema);
    await setScenarioArchived(await getDb(), user, id, archived);
    return json({ archived });
  });
}

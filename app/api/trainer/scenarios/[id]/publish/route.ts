import { requireApiUser } from "@/lib/auth/session";
import { publishRequestSchema } from "@/lib/authoring/authoring-requests";
import { MAX_AUTHORING_BODY_BYTES } from "@/lib/authoring/limits";
import { publishScenario } from "@/lib/authoring/scenario-authoring";
import { getDb } from "@/lib/db/client";
import { handleMutation, json, parseId, readJsonBody } from "@/lib/http/api-handler";

/** Publishes the draft (or the given YAML, saved first) as the next version. */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleMutation(request, async () => {
    const user = await requireApiUser("trainer", "admin");
    const id = parseId((await params).id);
    const body = await readJsonBody(request, publishRequestSchema, { maxBytes: MAX_AUTHORING_BODY_BYTES });
    return json(await publishScenario(await getDb(), user, id, body.yaml), 201);
  });
}

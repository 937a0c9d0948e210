import { requireApiUser } from "@/lib/auth/session";
import { saveDraftRequestSchema } from "@/lib/authoring/authoring-requests";
import { MAX_AUTHORING_BODY_BYTES } from "@/lib/authoring/limits";
import { getEditableScenario, saveScenarioDraft } from "@/lib/authoring/scenario-authoring";
import { getDb } from "@/lib/db/client";
import { handleApi, handleMutation, json, parseId, readJsonBody } from "@/lib/http/api-handler";

type Context = { params: Promise<{ id: string }> };

/** One of the team's scenarios: its draft YAML, status and published versions. */
export function GET(_request: Request, { params }: Context) {
  return handleApi(async () => {
    const user = await requireApiUser("trainer", "admin");
    const id = parseId((await params).id);
    return json(await getEditableScenario(await getDb(), user, id));
  });
}

/** Saves the draft text as is (even broken YAML) and answers with its problems. */
export function PUT(request: Request, { params }: Context) {
  return handleMutation(request, async () => {
    const user = await requireApiUser("trainer", "admin");
    const id = parseId((await params).id);
    const body = await readJsonBody(request, saveDraftRequestSchema, { maxBytes: MAX_AUTHORING_BODY_BYTES });
    return json(await saveScenarioDraft(await getDb(), user, id, body.yaml));
  });
}

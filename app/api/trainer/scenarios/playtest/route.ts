import { requireApiUser } from "@/lib/auth/session";
import { MAX_AUTHORING_BODY_BYTES } from "@/lib/authoring/limits";
import { playtestRequestSchema, runPlaytest } from "@/lib/authoring/playtest";
import { handleMutation, json, readJsonBody } from "@/lib/http/api-handler";

/** Plays the scenario being edited, statelessly: the client sends the YAML, state and transcript. */
export function POST(request: Request) {
  return handleMutation(request, async () => {
    await requireApiUser("trainer", "admin");
    const body = await readJsonBody(request, playtestRequestSchema, { maxBytes: MAX_AUTHORING_BODY_BYTES });
    return json(runPlaytest(body));
  });
}

import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { handleMutation, json, readJsonBody } from "@/lib/http/api-handler";
import { setAudioRetention } from "@/lib/speech/recordings";
import { audioRetentionRequestSchema } from "@/lib/speech/retention";

/**
 * Turns raw audio retention on for the team ({ days }) or off ({ days: null }, deleting what was kept);
 * admins name the team.
 */
export function PUT(request: Request) {
  return handleMutation(request, async () => {
    const user = await requireApiUser("trainer", "admin");
    const body = await readJsonBody(request, audioRetentionRequestSchema);
    return json(await setAudioRetention(await getDb(), user, body));
  });
}

import { requireApiUser } from "@/lib/auth/session";
import { startCallForUser } from "@/lib/calls/call-service";
import { startCallRequestSchema } from "@/lib/calls/call-view";
import { listCallsForUser } from "@/lib/calls/history";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { handleApi, handleMutation, json, readJsonBody } from "@/lib/http/api-handler";

/**
 * Starts a call: { scenarioId, mode? } → the call with the caller's opening line. mode "llm" needs an
 * LLM configured (else 422); a scenario that pins a mode is played in it.
 */
export function POST(request: Request) {
  return handleMutation(request, async () => {
    const user = await requireApiUser();
    const body = await readJsonBody(request, startCallRequestSchema);
    return json(await startCallForUser(await getDb(), user, { ...body, llm: getEnv().llm }), 201);
  });
}

/** The signed-in user's own calls, newest first. */
export function GET() {
  return handleApi(async () => {
    const user = await requireApiUser();
    return json({ calls: await listCallsForUser(await getDb(), user) });
  });
}

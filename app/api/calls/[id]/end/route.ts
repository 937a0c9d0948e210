import { requireApiUser } from "@/lib/auth/session";
import { endCallForUser } from "@/lib/calls/call-service";
import { getDb } from "@/lib/db/client";
import { handleMutation, json, parseId } from "@/lib/http/api-handler";

/** The trainee hangs up; the call ends with its scorecard. Ending an ended call changes nothing. */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleMutation(request, async () => {
    const user = await requireApiUser();
    const id = parseId((await params).id);
    return json(await endCallForUser(await getDb(), user, id));
  });
}

import { requireApiUser } from "@/lib/auth/session";
import { getCallForUser } from "@/lib/calls/call-service";
import { getDb } from "@/lib/db/client";
import { handleApi, json, parseId } from "@/lib/http/api-handler";

/** The call with every turn, its mood and goals: what a reload or a second device resumes from. */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleApi(async () => {
    const user = await requireApiUser();
    const id = parseId((await params).id);
    return json(await getCallForUser(await getDb(), user, id));
  });
}

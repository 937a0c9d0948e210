import { requireApiUser } from "@/lib/auth/session";
import { getCallForUser } from "@/lib/calls/call-service";
import { getDb } from "@/lib/db/client";
import { handleApi, json, parseId } from "@/lib/http/api-handler";
import { seesLlmUsage } from "@/lib/llm/call-usage-access";
import { getCallUsage } from "@/lib/llm/llm-usage";

/** The call with every turn, its mood and goals: what a reload or a second device resumes from. */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleApi(async () => {
    const user = await requireApiUser();
    const id = parseId((await params).id);
    const db = await getDb();
    const call = await getCallForUser(db, user, id);
    // Trainers and admins also see what the call's LLM requests cost.
    return json(seesLlmUsage(user) ? { ...call, usage: await getCallUsage(db, id) } : call);
  });
}

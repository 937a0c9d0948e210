import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { handleApi, json, parseId } from "@/lib/http/api-handler";
import { getCallUsageForViewer } from "@/lib/llm/call-usage-access";

/** A call's LLM token usage and estimated cost: trainers of the call's team and admins only. */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleApi(async () => {
    const user = await requireApiUser("trainer", "admin");
    const id = parseId((await params).id);
    return json(await getCallUsageForViewer(await getDb(), user, id));
  });
}

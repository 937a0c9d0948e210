import { requireApiUserId } from "@/lib/auth/session";
import { sendReply } from "@/lib/calls/call-service";
import { replyRequestSchema } from "@/lib/calls/call-view";
import { getDb } from "@/lib/db/client";
import { handleApi, json, parseId, readJsonBody } from "@/lib/http/api-handler";

/** Sends the trainee's reply: { text, startedAtMs? } → the scored reply and the caller's answer. */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleApi(async () => {
    const user = await requireApiUserId();
    const id = parseId((await params).id);
    const body = await readJsonBody(request, replyRequestSchema);
    return json(await sendReply(await getDb(), user, id, body), 201);
  });
}

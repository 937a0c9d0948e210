import { after } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { sendReplyWithFollowUp } from "@/lib/calls/call-service";
import { replyRequestSchema } from "@/lib/calls/call-view";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { handleApi, json, parseId, readJsonBody } from "@/lib/http/api-handler";
import { replyEventStream } from "@/lib/llm/reply-event-stream";
import { runReplyFollowUp } from "@/lib/llm/reply-follow-up";

/**
 * Sends the trainee's reply: { text, startedAtMs? } → the scored reply and the caller's answer.
 * In LLM play, with `Accept: text/event-stream`, the answer streams: the reply, then the caller's words.
 */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleApi(async () => {
    const user = await requireApiUser();
    const id = parseId((await params).id);
    const body = await readJsonBody(request, replyRequestSchema);
    const db = await getDb();
    const { llm } = getEnv();
    const { result, followUp } = await sendReplyWithFollowUp(db, user, id, body);
    if (!followUp || !(followUp.pending || llm?.judgeModel)) return json(result, 201);
    // The caller's voice and the judge run after the answer has left, never in its way.
    if (followUp.pending && request.headers.get("accept")?.includes("text/event-stream")) {
      return replyEventStream(result, (listener) => {
        const job = runReplyFollowUp(db, llm, followUp, listener);
        after(job);
        return job;
      });
    }
    after(() => runReplyFollowUp(db, llm, followUp));
    return json(result, 201);
  });
}

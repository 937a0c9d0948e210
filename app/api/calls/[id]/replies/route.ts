import { after } from "next/server";
import { requireApiUserId } from "@/lib/auth/session";
import { sendReplyWithFollowUp, systemClock } from "@/lib/calls/call-service";
import { replyRequestSchema } from "@/lib/calls/call-view";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { handleMutation, json, parseId, readJsonBody } from "@/lib/http/api-handler";
import { type CallerGeneration, startCallerGeneration, type VoicePlan } from "@/lib/llm/caller-generation";
import { isUnderRateLimit } from "@/lib/llm/llm-usage";
import { replyEventStream } from "@/lib/llm/reply-event-stream";
import { runReplyFollowUp, type VoiceListener } from "@/lib/llm/reply-follow-up";

/**
 * Sends the trainee's reply: { text, startedAtMs? } → the scored reply and the caller's answer.
 * In LLM play, with `Accept: text/event-stream`, the answer streams: the reply, then the caller's words.
 */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleMutation(request, async () => {
    const user = await requireApiUserId();
    const id = parseId((await params).id);
    const body = await readJsonBody(request, replyRequestSchema);
    const db = await getDb();
    const { llm } = getEnv();
    // LLM play: the caller's words start generating as soon as the engine has chosen the line.
    let started: CallerGeneration | undefined;
    // The reply's own read counted the user's provider requests for the rate limit. A reply scored
    // again (it raced another one) replaces its first plan.
    const onVoicePlan = llm
      ? (plan: VoicePlan, llmRequestsLastHour: number) => {
          started?.abort();
          started = startCallerGeneration(
            db,
            llm,
            plan,
            undefined,
            isUnderRateLimit(llmRequestsLastHour, llm),
          );
        }
      : undefined;
    const { result, followUp } = await sendReplyWithFollowUp(db, user, id, body, systemClock, {
      onVoicePlan,
    }).catch((error: unknown) => {
      started?.abort();
      throw error;
    });
    if (!followUp || !(followUp.pending || llm?.judgeModel)) return json(result, 201);
    // The rest of the caller's voice and the judge run after the answer has left, never in its way.
    const run = (listener?: VoiceListener) =>
      runReplyFollowUp(db, llm, followUp, listener, undefined, started);
    if (followUp.pending && request.headers.get("accept")?.includes("text/event-stream")) {
      return replyEventStream(result, (listener) => {
        const job = run(listener);
        after(job);
        return job;
      });
    }
    after(() => run());
    return json(result, 201);
  });
}

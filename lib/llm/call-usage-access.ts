import "server-only";
import { eq } from "drizzle-orm";
import type { SessionUser } from "@/lib/accounts/users";
import type { DbExecutor } from "@/lib/db/executor";
import { calls } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { type CallUsage, getCallUsage } from "./llm-usage";

/** Whether this viewer sees LLM usage and cost at all: trainers and admins. */
export function seesLlmUsage(user: SessionUser): boolean {
  return user.role === "trainer" || user.role === "admin";
}

/**
 * A call's LLM usage for a trainer of the call's team (or their own call) or an admin. Anything else,
 * including a call of another team, is "not found".
 */
export async function getCallUsageForViewer(
  db: DbExecutor,
  user: SessionUser,
  callId: string,
): Promise<CallUsage & { mode: "scripted" | "llm"; llmFallback: boolean }> {
  const [call] = await db
    .select({
      userId: calls.userId,
      teamId: calls.teamId,
      mode: calls.mode,
      llmFallbackAt: calls.llmFallbackAt,
    })
    .from(calls)
    .where(eq(calls.id, callId))
    .limit(1);
  const allowed =
    call !== undefined &&
    (user.role === "admin" ||
      (user.role === "trainer" &&
        (call.userId === user.id || (call.teamId !== null && call.teamId === user.teamId))));
  if (!call || !allowed) throw new AppError("not_found", "通話が見つかりません。");
  return { mode: call.mode, llmFallback: call.llmFallbackAt !== null, ...(await getCallUsage(db, callId)) };
}

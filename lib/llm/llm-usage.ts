import "server-only";
import { and, count, eq, gte, sql } from "drizzle-orm";
import type { DbExecutor } from "@/lib/db/executor";
import { llmRequests } from "@/lib/db/schema";
import type { LlmEnv } from "@/lib/env";
import type { AttemptRecord } from "./stream-caller-line";

// Every provider request leaves a row: the per-user rate limit counts them, a call's token usage and
// estimated cost are their sums.

export interface CallUsage {
  requests: number;
  failed: number;
  promptTokens: number;
  completionTokens: number;
  /** Estimated from the configured prices, in millionths of a US dollar. */
  costMicroUsd: number;
}

/** Estimated cost of one request in millionths of a US dollar (prices are per million tokens). */
export function estimateCostMicroUsd(
  usage: { promptTokens: number; completionTokens: number },
  prices: Pick<LlmEnv, "priceInputPerMTok" | "priceOutputPerMTok">,
): number {
  return Math.round(
    usage.promptTokens * prices.priceInputPerMTok + usage.completionTokens * prices.priceOutputPerMTok,
  );
}

export async function recordLlmRequests(
  db: DbExecutor,
  llm: LlmEnv,
  owner: { userId: string; callId: string; purpose: "caller" | "judge"; model: string },
  attempts: readonly AttemptRecord[],
): Promise<void> {
  if (attempts.length === 0) return;
  await db.insert(llmRequests).values(
    attempts.map((attempt) => ({
      ...owner,
      ok: attempt.ok,
      promptTokens: attempt.promptTokens,
      completionTokens: attempt.completionTokens,
      costMicroUsd: estimateCostMicroUsd(attempt, llm),
      latencyMs: Math.round(attempt.latencyMs),
    })),
  );
}

/** The per-user rate limit counts the provider requests made since this time (the last hour). */
export function rateLimitWindowStart(now: Date): Date {
  return new Date(now.getTime() - 60 * 60 * 1000);
}

/** Whether a user who made `requestsLastHour` provider requests in the last hour may make another. */
export function isUnderRateLimit(requestsLastHour: number, llm: Pick<LlmEnv, "rateLimitPerHour">): boolean {
  return requestsLastHour < llm.rateLimitPerHour;
}

/** Whether the user may make another provider request now (requests in the last hour < the limit). */
export async function isWithinRateLimit(
  db: DbExecutor,
  userId: string,
  llm: LlmEnv,
  now: Date,
): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(llmRequests)
    .where(and(eq(llmRequests.userId, userId), gte(llmRequests.createdAt, rateLimitWindowStart(now))));
  return isUnderRateLimit(row?.n ?? 0, llm);
}

/** A call's LLM usage: sums over its provider requests. */
export async function getCallUsage(db: DbExecutor, callId: string): Promise<CallUsage> {
  const [row] = await db
    .select({
      requests: count(),
      failed: sql<number>`count(*) filter (where not ${llmRequests.ok})`.mapWith(Number),
      promptTokens: sql<number>`coalesce(sum(${llmRequests.promptTokens}), 0)`.mapWith(Number),
      completionTokens: sql<number>`coalesce(sum(${llmRequests.completionTokens}), 0)`.mapWith(Number),
      costMicroUsd: sql<number>`coalesce(sum(${llmRequests.costMicroUsd}), 0)`.mapWith(Number),
    })
    .from(llmRequests)
    .where(eq(llmRequests.callId, callId));
  return row ?? { requests: 0, failed: 0, promptTokens: 0, completionTokens: 0, costMicroUsd: 0 };
}

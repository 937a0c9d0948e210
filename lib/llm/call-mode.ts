import "server-only";
import type { SessionUser } from "@/lib/accounts/users";
import type { DbExecutor } from "@/lib/db/executor";
import type { LlmEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Scenario } from "@/lib/scenario/schema";
import { isWithinRateLimit } from "./llm-usage";

export type CallMode = "scripted" | "llm";

/** The mode a call is played in: a scenario's pin wins; without an LLM configured, always scripted. */
export function resolveCallMode(
  pinned: CallMode | undefined,
  requested: CallMode,
  configured: boolean,
): CallMode {
  if (!configured) return "scripted";
  return pinned ?? requested;
}

/** resolveCallMode, refusing an LLM call to a user over the rate limit. */
export async function chooseCallMode(
  db: DbExecutor,
  user: SessionUser,
  scenario: Scenario,
  input: { mode: CallMode; llm?: LlmEnv },
  now: Date,
): Promise<CallMode> {
  const mode = resolveCallMode(scenario.mode, input.mode, input.llm !== undefined);
  if (mode === "llm" && input.llm && !(await isWithinRateLimit(db, user.id, input.llm, now))) {
    throw new AppError(
      "rate_limited",
      "AI のお客様との練習は、利用回数の上限に達しました。しばらくしてからお試しいただくか、台本どおりの練習をご利用ください。",
    );
  }
  return mode;
}

import "server-only";
import type { CallerLine, CallState } from "@/lib/caller/call-state";
import type { DbExecutor } from "@/lib/db/executor";
import type { LlmEnv } from "@/lib/env";
import type { Scenario } from "@/lib/scenario/schema";
import { buildCallerPrompt } from "./caller-prompt";
import { getLlmClient } from "./llm-client";
import { isWithinRateLimit, recordLlmRequests } from "./llm-usage";
import { cleanCallerLine, containsForbidden, createStreamGuard, forbiddenWordsFor } from "./output-guard";
import { type AttemptRecord, streamCallerLine } from "./stream-caller-line";

// One caller line being generated. It can start as soon as the engine has chosen the line (while the
// reply's turns are still being written), buffering the guarded words until someone attaches; so the
// provider's time to first token overlaps the database commit instead of following it.

/** What the engine decided for this answer, enough to prompt the LLM. Server-side only. */
export interface VoicePlan {
  userId: string;
  callId: string;
  scenario: Scenario;
  state: CallState;
  guide: CallerLine[];
  /** The call so far, the trainee's newest reply last. */
  transcript: { role: "caller" | "operator"; text: string }[];
}

export type GenerationOutcome =
  | { kind: "voiced"; text: string }
  /** The words broke the output guard: the scripted line is said instead, the call stays LLM-voiced. */
  | { kind: "rejected" }
  | { kind: "failed"; reason: "unavailable" | "broken" | "rate_limited"; cause: unknown };

export interface CallerGeneration {
  /** Sends the words generated so far to `onDelta`, then every later word as it comes. */
  attach(onDelta: (text: string) => void): void;
  readonly outcome: Promise<GenerationOutcome>;
  /** The reply was not stored after all: stop generating. */
  abort(): void;
}

/**
 * Starts generating the caller's words for `plan`, once the rate-limit check passes. `allowed` is that
 * check when the caller has already made it (the reply's own read counts the user's requests).
 */
export function startCallerGeneration(
  db: DbExecutor,
  llm: LlmEnv,
  plan: VoicePlan,
  now: () => Date = () => new Date(),
  allowed: boolean | Promise<boolean> = isWithinRateLimit(db, plan.userId, llm, now()),
): CallerGeneration {
  const buffered: string[] = [];
  let forward: ((text: string) => void) | undefined;
  const emit = (text: string) => {
    if (text === "") return;
    if (forward) forward(text);
    else buffered.push(text);
  };
  const abort = new AbortController();
  // Never rejects: an aborted generation may have nobody waiting for it, and any failure (even the
  // database's) means the script says the line.
  const outcome = generate(db, llm, plan, allowed, emit, abort.signal).catch(
    (cause: unknown): GenerationOutcome => ({ kind: "failed", reason: "unavailable", cause }),
  );
  return {
    attach(onDelta) {
      for (const text of buffered.splice(0)) onDelta(text);
      forward = onDelta;
    },
    outcome,
    abort: () => abort.abort(),
  };
}

async function generate(
  db: DbExecutor,
  llm: LlmEnv,
  plan: VoicePlan,
  allowed: boolean | Promise<boolean>,
  emit: (text: string) => void,
  signal: AbortSignal,
): Promise<GenerationOutcome> {
  if (!(await allowed)) {
    return { kind: "failed", reason: "rate_limited", cause: "over the per-user rate limit" };
  }
  const forbidden = forbiddenWordsFor(plan.scenario, plan.state);
  const guard = createStreamGuard(forbidden);
  const attempts: AttemptRecord[] = [];
  let leaked = false;
  const result = await streamCallerLine(getLlmClient(llm), {
    model: llm.callerModel,
    messages: buildCallerPrompt(plan),
    timeoutMs: llm.timeoutMs,
    maxRetries: llm.maxRetries,
    signal,
    onDelta: (delta) => {
      const safe = guard.push(delta);
      if (safe === "leak") {
        leaked = true;
        return "stop";
      }
      emit(safe);
      return undefined;
    },
    onAttempt: (record) => attempts.push(record),
  });
  if (signal.aborted) return { kind: "failed", reason: "unavailable", cause: "aborted" };
  // The words already handed on reach the trainee before the bookkeeping: with embedded PGlite a
  // write holds this thread, and a fast provider's whole line can arrive in one read.
  await new Promise<void>((resolve) => setImmediate(resolve));
  await recordLlmRequests(
    db,
    llm,
    { userId: plan.userId, callId: plan.callId, purpose: "caller", model: llm.callerModel },
    attempts,
  );
  if (!result.ok) return { kind: "failed", reason: result.reason, cause: result.cause };
  const rest = leaked ? "leak" : guard.flush();
  const words = cleanCallerLine(result.text, plan.scenario.persona.name);
  if (rest === "leak" || words === "" || containsForbidden(words, forbidden)) return { kind: "rejected" };
  emit(rest);
  return { kind: "voiced", text: words };
}

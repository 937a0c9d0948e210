import type OpenAI from "openai";
import { APIError, APIUserAbortError } from "openai";
import type { ChatMessage } from "./caller-prompt";
import { defaultRetryPolicy, type FailedAttempt, retryDelayMs } from "./retry-policy";

// Streams one caller line from the provider with bounded retries. A retry is only possible before
// the first token: once words have reached the trainee, a broken stream means the script takes over.

export interface AttemptRecord {
  ok: boolean;
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
}

export interface StreamLineOptions {
  model: string;
  messages: ChatMessage[];
  /** Per attempt: ms to the first token, and the longest silence between two tokens. */
  timeoutMs: number;
  maxRetries: number;
  /** Each delta as it arrives; answer "stop" to end the stream early (the guard found a leak). */
  onDelta(delta: string): "stop" | undefined;
  /** Every attempt, failed or not, for usage, cost and the rate limit. */
  onAttempt(record: AttemptRecord): void;
  /** Aborts the stream and every retry (the reply it answers was not stored). */
  signal?: AbortSignal;
  sleep?: (ms: number) => Promise<void>;
}

export type StreamLineResult =
  | { ok: true; text: string; stopped: boolean }
  | { ok: false; reason: "unavailable" | "broken"; cause: unknown };

/** One caller line, streamed; ok:false when the provider is down, too slow or broke off mid-line. */
export async function streamCallerLine(
  client: OpenAI,
  options: StreamLineOptions,
): Promise<StreamLineResult> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const policy = { ...defaultRetryPolicy, maxRetries: options.maxRetries };
  for (let retry = 0; ; retry++) {
    const attempt = await attemptStream(client, options);
    if (attempt.ok) return attempt;
    if (options.signal?.aborted) return { ok: false, reason: "unavailable", cause: attempt.cause };
    if (attempt.sentAny) return { ok: false, reason: "broken", cause: attempt.cause };
    const wait = retryDelayMs(attempt.failure, retry + 1, policy);
    if (wait === null) return { ok: false, reason: "unavailable", cause: attempt.cause };
    await sleep(wait);
  }
}

type Attempt =
  | { ok: true; text: string; stopped: boolean }
  | { ok: false; failure: FailedAttempt; cause: unknown; sentAny: boolean };

async function attemptStream(client: OpenAI, options: StreamLineOptions): Promise<Attempt> {
  const started = performance.now();
  const controller = new AbortController();
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener("abort", () => controller.abort(), { once: true });
  let timedOut = false;
  let timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const rearm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs);
  };
  let text = "";
  let usage = { promptTokens: 0, completionTokens: 0 };
  let stopped = false;
  let finished = false;
  try {
    const stream = await client.chat.completions.create(
      {
        model: options.model,
        messages: options.messages,
        stream: true,
        stream_options: { include_usage: true },
        max_tokens: 200,
        temperature: 0.8,
      },
      { signal: controller.signal, maxRetries: 0 },
    );
    for await (const chunk of stream) {
      rearm();
      if (chunk.usage) {
        usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
      }
      if (chunk.choices[0]?.finish_reason) finished = true;
      const delta = chunk.choices[0]?.delta?.content ?? "";
      if (delta === "") continue;
      text += delta;
      if (options.onDelta(delta) === "stop") {
        stopped = true;
        controller.abort();
        break;
      }
    }
    // A connection cut mid-body can look like a normal end of stream: without a finish reason the
    // line is incomplete.
    if (!finished && !stopped) throw new Error("the provider's stream ended without a finish reason");
    options.onAttempt({ ok: true, ...usage, latencyMs: performance.now() - started });
    return { ok: true, text, stopped };
  } catch (error) {
    options.onAttempt({ ok: false, ...usage, latencyMs: performance.now() - started });
    return { ok: false, failure: describeFailure(error, timedOut), cause: error, sentAny: text !== "" };
  } finally {
    clearTimeout(timer);
  }
}

function describeFailure(error: unknown, timedOut: boolean): FailedAttempt {
  if (timedOut || error instanceof APIUserAbortError) return { network: true };
  if (error instanceof APIError && error.status !== undefined) {
    const retryAfter = Number(error.headers?.get("retry-after") ?? Number.NaN);
    return { status: error.status, ...(Number.isFinite(retryAfter) ? { retryAfterSec: retryAfter } : {}) };
  }
  // Connection refused, reset, or a stream that ended in garbage.
  return { network: true };
}

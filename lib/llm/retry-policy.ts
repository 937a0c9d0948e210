// When the provider fails, a bounded number of retries with exponential backoff; then the caller
// gives up and the call continues on the scripted engine. Pure, so every case is a table test.

export interface FailedAttempt {
  /** HTTP status when the provider answered with an error. */
  status?: number;
  /** Seconds from a Retry-After header, if any. */
  retryAfterSec?: number;
  /** The attempt timed out or the connection failed before an answer. */
  network?: boolean;
}

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  /** A Retry-After longer than this is not waited for: the call would stall, so we give up instead. */
  maxDelayMs: number;
}

export const defaultRetryPolicy: Omit<RetryPolicy, "maxRetries"> = { baseDelayMs: 200, maxDelayMs: 2000 };

/** Whether an attempt that failed this way is worth repeating. */
export function isRetryable(failure: FailedAttempt): boolean {
  if (failure.network) return true;
  const status = failure.status ?? 0;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** The wait before retry number `retry` (1-based), or null when the caller should give up. */
export function retryDelayMs(failure: FailedAttempt, retry: number, policy: RetryPolicy): number | null {
  if (retry > policy.maxRetries || !isRetryable(failure)) return null;
  if (failure.retryAfterSec !== undefined) {
    const wait = failure.retryAfterSec * 1000;
    return wait <= policy.maxDelayMs ? wait : null;
  }
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
}

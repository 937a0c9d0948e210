import { describe, expect, it } from "vitest";
import { isRetryable, retryDelayMs } from "./retry-policy";

const policy = { maxRetries: 2, baseDelayMs: 200, maxDelayMs: 2000 };

describe("the retry policy", () => {
  it.each([
    [{ status: 429 }, true],
    [{ status: 500 }, true],
    [{ status: 503 }, true],
    [{ status: 408 }, true],
    [{ network: true }, true],
    [{ status: 400 }, false],
    [{ status: 401 }, false],
    [{ status: 404 }, false],
  ])("%o retryable: %s", (failure, expected) => {
    expect(isRetryable(failure)).toBe(expected);
  });

  it("backs off exponentially and stops after maxRetries", () => {
    expect(retryDelayMs({ status: 503 }, 1, policy)).toBe(200);
    expect(retryDelayMs({ status: 503 }, 2, policy)).toBe(400);
    expect(retryDelayMs({ status: 503 }, 3, policy)).toBeNull();
  });

  it("honours a short Retry-After and gives up on a long one", () => {
    expect(retryDelayMs({ status: 429, retryAfterSec: 1 }, 1, policy)).toBe(1000);
    expect(retryDelayMs({ status: 429, retryAfterSec: 30 }, 1, policy)).toBeNull();
  });

  it("never retries a request the provider refuses", () => {
    expect(retryDelayMs({ status: 400 }, 1, policy)).toBeNull();
  });
});

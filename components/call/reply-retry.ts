// What the call screen does with a reply whose answer did not arrive: the id that makes a resend safe,
// which failures are worth a resend, and how long to wait between resends.

/**
 * A random (v4) UUID for a reply. crypto.randomUUID exists only on secure pages (https or localhost);
 * getRandomValues everywhere, so a plain-http intranet deployment still gets ids.
 */
export function newReplyId(random: Pick<Crypto, "getRandomValues"> = globalThis.crypto): string {
  const bytes = random.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Statuses that mean "not now" rather than "no": the server or its database is unreachable (a
 * proxy's 502/504, Kikite's 503). Anything else is an answer about the reply itself.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 502 || status === 503 || status === 504;
}

/** The wait before resend number `attempt` (0-based): 1 s, doubling, at most 5 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, 5000);
}

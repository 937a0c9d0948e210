// Whether a failed query failed because the database could not be reached (stopped, restarting,
// network cut), as opposed to a query it refused: the first is worth retrying, the second is not.

/** SQLSTATE codes of a lost or refused connection: class 08, and the server shutting down or starting. */
const unavailableSqlStates = new Set(["57P01", "57P02", "57P03"]);
const unavailableSocketCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH"]);
// node-postgres reports a socket closed under it with a message and no code.
const unavailableMessages = [/^Connection terminated/, /^timeout exceeded when trying to connect/i];

/** True when the error (or a cause it wraps, e.g. drizzle's query error) is a lost database connection. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const { code, message, cause, errors } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === "string") {
      if (code.startsWith("08") && code.length === 5) return true;
      if (unavailableSqlStates.has(code) || unavailableSocketCodes.has(code)) return true;
    }
    if (typeof message === "string" && unavailableMessages.some((pattern) => pattern.test(message)))
      return true;
    queue.push(cause);
    // Node reports a refused connection to a name with several addresses as an AggregateError.
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return false;
}

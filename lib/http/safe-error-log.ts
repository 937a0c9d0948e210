// What the server log may say about an unexpected error. A failed database query's error carries the
// whole statement and its parameters (Drizzle's message), and PostgreSQL's own message can quote the
// offending value: both may be a trainee's reply, a password or a comment. So a database error is
// logged by its SQLSTATE and the schema names involved, with the stack frames but not the message;
// other errors come from our code or libraries and are logged whole.

const MAX_CAUSE_DEPTH = 5;

interface DatabaseErrorFields {
  code: string;
  table?: unknown;
  column?: unknown;
  constraint?: unknown;
}

/** One log line's worth of an error, with no user text when a database query was involved. */
export function describeErrorForLog(error: unknown): string {
  const database = findDatabaseError(error);
  if (!database)
    return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  const names = (["table", "column", "constraint"] as const)
    .map((key) => (typeof database[key] === "string" ? `${key}=${database[key]}` : null))
    .filter((part) => part !== null);
  const head = [`database error SQLSTATE ${database.code}`, ...names].join(" ");
  return [head, ...stackFrames(error)].join("\n");
}

function findDatabaseError(error: unknown): DatabaseErrorFields | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    // PostgreSQL's SQLSTATE: five digits or capital letters (pg and PGlite both expose it as `code`).
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) {
      const { table, column, constraint } = current as {
        table?: unknown;
        column?: unknown;
        constraint?: unknown;
      };
      return { code, table, column, constraint };
    }
    if ("query" in current && "params" in current && current.cause === undefined) return { code: "unknown" };
    current = current.cause;
  }
  return undefined;
}

// The "    at …" lines only: an Error's stack starts with its message, which is what must not be logged.
function stackFrames(error: unknown): string[] {
  if (!(error instanceof Error) || !error.stack) return [];
  return error.stack.split("\n").filter((line) => /^\s+at /.test(line));
}

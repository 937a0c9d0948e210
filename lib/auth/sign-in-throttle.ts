import "server-only";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { normalizeEmail } from "@/lib/accounts/users";
import type { DbExecutor } from "@/lib/db/executor";
import { signInFailures } from "@/lib/db/schema";
import type { SignInLimits } from "@/lib/env";

export interface SignInAttempt {
  /** As typed; an email no account has is counted the same as one that exists. */
  email: string;
  address: string;
  now: Date;
}

/** How long an attempt waits for a slot held by parallel checks (and how often it looks again). */
export interface SignInWait {
  retryMs: number;
  maxMs: number;
}

const DEFAULT_WAIT: SignInWait = { retryMs: 25, maxMs: 20_000 };
// A check that has not finished after this long died with its process: it counts as a failure.
const STALE_CHECK_MS = 60_000;

/**
 * Starts a password check. Only failures count against the limits: past either one the attempt is
 * refused (null) without its password being checked, so a locked account refuses even the right one
 * until the window has passed. A check in progress is no failure, but it takes one of the slots still
 * free under the limits: when parallel checks hold them all, the attempt waits for them to end (a
 * success frees its slot, a failure fills it) instead of being refused. So parallel guesses never check
 * more passwords than the limits allow, and correct sign-ins, however many at once, are never refused.
 */
export async function beginSignInAttempt(
  db: DbExecutor,
  attempt: SignInAttempt,
  limits: SignInLimits,
  wait: SignInWait = DEFAULT_WAIT,
): Promise<{ id: string } | null> {
  const email = normalizeEmail(attempt.email);
  const started = Date.now();
  for (;;) {
    const decision = await admitAttempt(db, { ...attempt, email }, limits);
    if (decision !== "wait") return decision;
    // Checks in progress end within an argon2 hash; a full wait means they are stuck: refuse.
    if (Date.now() - started >= wait.maxMs) return null;
    await new Promise((resolve) => setTimeout(resolve, wait.retryMs * (0.5 + Math.random())));
  }
}

// One decision, made under per-email and per-address locks so that parallel attempts (on any instance
// sharing the database) see each other's slots. Locks are always taken email first, so none waits
// for another in a cycle.
async function admitAttempt(
  db: DbExecutor,
  attempt: SignInAttempt,
  limits: SignInLimits,
): Promise<{ id: string } | null | "wait"> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in email ${attempt.email}`}, 0))`,
    );
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in address ${attempt.address}`}, 0))`,
    );
    const account = await countAttempts(tx, eq(signInFailures.email, attempt.email), attempt.now, limits);
    const address = await countAttempts(tx, eq(signInFailures.address, attempt.address), attempt.now, limits);
    if (account.failed >= limits.maxFailuresPerAccount || address.failed >= limits.maxFailuresPerAddress) {
      return null;
    }
    if (
      account.failed + account.checking >= limits.maxFailuresPerAccount ||
      address.failed + address.checking >= limits.maxFailuresPerAddress
    ) {
      return "wait";
    }
    const [row] = await tx
      .insert(signInFailures)
      .values({ email: attempt.email, address: attempt.address, failedAt: attempt.now, checking: true })
      .returning({ id: signInFailures.id });
    return { id: row!.id };
  });
}

/**
 * Ends a password check. A wrong password turns its row into a failure (and old rows are dropped);
 * the right one withdraws it and forgives the account's earlier mistakes (the address's stay counted).
 */
export async function finishSignInAttempt(
  db: DbExecutor,
  ticket: { id: string },
  outcome: { ok: boolean; email: string; now: Date },
  limits: SignInLimits,
): Promise<void> {
  if (outcome.ok) {
    await db.delete(signInFailures).where(eq(signInFailures.id, ticket.id));
    await db
      .delete(signInFailures)
      .where(
        and(eq(signInFailures.email, normalizeEmail(outcome.email)), eq(signInFailures.checking, false)),
      );
    return;
  }
  await db.update(signInFailures).set({ checking: false }).where(eq(signInFailures.id, ticket.id));
  // Old rows matter to no decision: drop them as new ones come (an index on failed_at keeps it cheap).
  await db
    .delete(signInFailures)
    .where(lt(signInFailures.failedAt, new Date(outcome.now.getTime() - limits.windowMs)));
}

/** Whether an attempt now would be let through (for gates that check no password themselves). */
export async function isSignInAllowed(
  db: DbExecutor,
  attempt: SignInAttempt,
  limits: SignInLimits,
): Promise<boolean> {
  const email = normalizeEmail(attempt.email);
  const account = await countAttempts(db, eq(signInFailures.email, email), attempt.now, limits);
  const address = await countAttempts(db, eq(signInFailures.address, attempt.address), attempt.now, limits);
  return account.failed < limits.maxFailuresPerAccount && address.failed < limits.maxFailuresPerAddress;
}

async function countAttempts(
  db: DbExecutor,
  whose: ReturnType<typeof eq>,
  now: Date,
  limits: SignInLimits,
): Promise<{ failed: number; checking: number }> {
  const since = new Date(now.getTime() - limits.windowMs);
  const staleBefore = new Date(now.getTime() - STALE_CHECK_MS);
  const inProgress = sql`${signInFailures.checking} and ${signInFailures.failedAt} >= ${staleBefore}`;
  const [row] = await db
    .select({
      failed: sql<number>`count(*) filter (where not (${inProgress}))`.mapWith(Number),
      checking: sql<number>`count(*) filter (where ${inProgress})`.mapWith(Number),
    })
    .from(signInFailures)
    .where(and(whose, gt(signInFailures.failedAt, since)));
  return { failed: row?.failed ?? 0, checking: row?.checking ?? 0 };
}

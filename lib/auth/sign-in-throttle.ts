import "server-only";
import { and, count, eq, gt, lt } from "drizzle-orm";
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

/**
 * Starts a password check: the attempt is counted as a failure before the password is verified, then
 * the failures in the window are counted, its own included. Past either limit the attempt is refused
 * (null; its row is withdrawn, so refusals never extend a lockout) and the password is not checked, so
 * a locked account refuses even the right one until the window has passed. Counting first is what keeps
 * parallel guesses within the limit: of many concurrent attempts, only those whose row is among the
 * first `max` in the window go on.
 */
export async function beginSignInAttempt(
  db: DbExecutor,
  attempt: SignInAttempt,
  limits: SignInLimits,
): Promise<{ id: string } | null> {
  const email = normalizeEmail(attempt.email);
  const [row] = await db
    .insert(signInFailures)
    .values({ email, address: attempt.address, failedAt: attempt.now })
    .returning({ id: signInFailures.id });
  const { byAccount, byAddress } = await countFailures(db, { ...attempt, email }, limits);
  if (byAccount <= limits.maxFailuresPerAccount && byAddress <= limits.maxFailuresPerAddress) {
    return { id: row!.id };
  }
  await db.delete(signInFailures).where(eq(signInFailures.id, row!.id));
  return null;
}

/**
 * Ends a password check. A wrong password keeps its failure (and old rows are dropped); the right
 * one withdraws it and forgives the account's earlier mistakes (the address's stay counted).
 */
export async function finishSignInAttempt(
  db: DbExecutor,
  ticket: { id: string },
  outcome: { ok: boolean; email: string; now: Date },
  limits: SignInLimits,
): Promise<void> {
  if (outcome.ok) {
    await db.delete(signInFailures).where(eq(signInFailures.email, normalizeEmail(outcome.email)));
    await db.delete(signInFailures).where(eq(signInFailures.id, ticket.id));
    return;
  }
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
  const { byAccount, byAddress } = await countFailures(db, attempt, limits);
  return byAccount < limits.maxFailuresPerAccount && byAddress < limits.maxFailuresPerAddress;
}

async function countFailures(db: DbExecutor, attempt: SignInAttempt, limits: SignInLimits) {
  const since = new Date(attempt.now.getTime() - limits.windowMs);
  const [byAccount] = await db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, normalizeEmail(attempt.email)), gt(signInFailures.failedAt, since)));
  const [byAddress] = await db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.address, attempt.address), gt(signInFailures.failedAt, since)));
  return { byAccount: byAccount?.n ?? 0, byAddress: byAddress?.n ?? 0 };
}

/**
 * The client's address as the closest proxy saw it: the last X-Forwarded-For entry (a proxy appends
 * the address it received from). Next.js fills the header from the socket when no proxy sent one.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return (last || headers.get("x-real-ip")?.trim() || "unknown").slice(0, 100);
}

import "server-only";
import { and, eq, gt, lt } from "drizzle-orm";
import { type SessionUser, sessionUserColumns } from "@/lib/accounts/users";
import type { DbExecutor } from "@/lib/db/executor";
import { teams, userSessions, users } from "@/lib/db/schema";

/** What a session cookie claims: whose it is and which session row vouches for it. */
export interface SessionClaims {
  userId: string;
  sessionId: string;
}

/** Opens a session for a user who has just signed in; its id goes into the session cookie. */
export async function createUserSession(
  db: DbExecutor,
  input: { userId: string; now: Date; maxAgeMs: number },
): Promise<string> {
  // Expired rows of this user go as a new one comes, so the table holds live sessions only.
  await db
    .delete(userSessions)
    .where(and(eq(userSessions.userId, input.userId), lt(userSessions.expiresAt, input.now)));
  const [row] = await db
    .insert(userSessions)
    .values({ userId: input.userId, expiresAt: new Date(input.now.getTime() + input.maxAgeMs) })
    .returning({ id: userSessions.id });
  return row!.id;
}

/** Whether the cookie's session is still open (not signed out, not revoked, not expired). */
export async function isUserSessionActive(
  db: DbExecutor,
  claims: SessionClaims,
  now: Date,
): Promise<boolean> {
  const [row] = await db
    .select({ id: userSessions.id })
    .from(userSessions)
    .where(activeSession(claims, now))
    .limit(1);
  return row !== undefined;
}

/** The signed-in user with their team, if the cookie's session is still open: one query. */
export async function getUserForSession(
  db: DbExecutor,
  claims: SessionClaims,
  now: Date,
): Promise<SessionUser | undefined> {
  const [row] = await db
    .select(sessionUserColumns)
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .leftJoin(teams, eq(users.teamId, teams.id))
    .where(activeSession(claims, now))
    .limit(1);
  return row;
}

/** Signing out: this browser's session ends; the cookie, even if copied, is refused from now on. */
export async function endUserSession(db: DbExecutor, sessionId: string): Promise<void> {
  await db.delete(userSessions).where(eq(userSessions.id, sessionId));
}

/** Every session of a user ends (a role or team change): they sign in again under the new rights. */
export async function endAllUserSessions(db: DbExecutor, userId: string): Promise<void> {
  await db.delete(userSessions).where(eq(userSessions.userId, userId));
}

function activeSession(claims: SessionClaims, now: Date) {
  return and(
    eq(userSessions.id, claims.sessionId),
    eq(userSessions.userId, claims.userId),
    gt(userSessions.expiresAt, now),
  );
}

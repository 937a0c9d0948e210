import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { Role, SessionUser } from "@/lib/accounts/users";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { signInPathFor } from "./return-to";
import { readSessionClaims } from "./session-token";
import { getUserForSession, isUserSessionActive, type SessionClaims } from "./user-sessions";

/** What the session cookie claims (see readSessionClaims), not yet checked against the database. */
const getSessionClaims = cache(
  async (): Promise<SessionClaims | null> => readSessionClaims(await headers(), getEnv().authSecret),
);

/** The signed-in user's id, if the cookie's session is still open. Memoized per request. */
export const getSessionUserId = cache(async (): Promise<string | null> => {
  const claims = await getSessionClaims();
  if (!claims) return null;
  return (await isUserSessionActive(await getDb(), claims, new Date())) ? claims.userId : null;
});

// The cookie says who; the database says whether that session is still open (signed out, role or team
// changed: it is not) and what the user may do now (role and team are read fresh). Memoized per request.
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await getSessionClaims();
  if (!claims) return null;
  return (await getUserForSession(await getDb(), claims, new Date())) ?? null;
});

/**
 * For pages and server actions: the signed-in user, else a redirect to the sign-in page, which comes back
 * to `returnTo` (this page's path) once signed in.
 */
export async function requireUser(returnTo?: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(signInPathFor(returnTo));
  return user;
}

/**
 * For pages and server actions: the user if their role is allowed, else the 403 page. Signed out, the
 * sign-in page comes back to `returnTo` (a page passes its own path; an action has none to give).
 */
export async function requireRole(roles: readonly Role[], returnTo?: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!roles.includes(user.role)) forbidden();
  return user;
}

/** For route handlers: the user, else an AppError that becomes a JSON 401/403. */
export async function requireApiUser(...roles: Role[]): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", "ログインしてください。");
  if (roles.length > 0 && !roles.includes(user.role)) {
    throw new AppError("forbidden", "この操作を行う権限がありません。");
  }
  return user;
}

/**
 * For route handlers open to any signed-in user whose query is scoped to that user's own rows (a
 * reply to one's own call): the session's user id without reading the user, else a JSON 401. The
 * data check happens in the query itself (e.g. calls.user_id = id), and a deleted user owns nothing.
 */
export async function requireApiUserId(): Promise<{ id: string }> {
  const id = await getSessionUserId();
  if (!id) throw new AppError("unauthorized", "ログインしてください。");
  return { id };
}

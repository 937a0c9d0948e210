import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { decode, getToken } from "next-auth/jwt";
import { cache } from "react";
import { getSessionUserById, type Role, type SessionUser } from "@/lib/accounts/users";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Auth.js names the session cookie with the __Secure- prefix when the site is served over https.
const SESSION_COOKIE = "authjs.session-token";
const SECURE_SESSION_COOKIE = "__Secure-authjs.session-token";

// Decrypting a session token derives a key (HKDF) and decrypts a JWE. A trainee's token does not change
// during a call, so decrypted tokens are remembered until they expire (a bounded, per-process map keyed
// by the whole encrypted token: only a token that decrypted once is ever found in it).
const MAX_REMEMBERED_TOKENS = 2000;
const rememberedTokens = new Map<string, { userId: string; expiresAtMs: number }>();

/**
 * The signed-in user's id, read from Auth.js's session cookie (an encrypted JWT, checked for expiry).
 * This is what `auth()` does for a JWT session, without its internal round trip through the session
 * endpoint (building a request, running callbacks, re-encrypting a cookie it then throws away), which
 * cost several milliseconds on every API request.
 */
export const getSessionUserId = cache(async (): Promise<string | null> => {
  const requestHeaders = await headers();
  const cookie = requestHeaders.get("cookie") ?? "";
  if (cookie === "") return null;
  const secureCookie = cookie.includes(SECURE_SESSION_COOKIE);
  const raw = await getToken({ req: { headers: requestHeaders }, secureCookie, raw: true });
  if (!raw) return null;
  const now = Date.now();
  const remembered = rememberedTokens.get(raw);
  if (remembered && remembered.expiresAtMs > now) return remembered.userId;
  rememberedTokens.delete(raw);
  const token = await decode({
    token: raw,
    secret: getEnv().authSecret,
    salt: secureCookie ? SECURE_SESSION_COOKIE : SESSION_COOKIE,
  }).catch(() => null);
  if (typeof token?.sub !== "string" || typeof token.exp !== "number") return null;
  if (rememberedTokens.size >= MAX_REMEMBERED_TOKENS) {
    const oldest = rememberedTokens.keys().next().value;
    if (oldest !== undefined) rememberedTokens.delete(oldest);
  }
  rememberedTokens.set(raw, { userId: token.sub, expiresAtMs: token.exp * 1000 });
  return token.sub;
});

// The session says who; the database says what they may do now (role and team are read fresh, so a
// moved or demoted user loses access at once). Memoized per request.
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const id = await getSessionUserId();
  if (!id) return null;
  return (await getSessionUserById(await getDb(), id)) ?? null;
});

/** For pages and server actions: the signed-in user, else a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  return user;
}

/** For pages and server actions: the user if their role is allowed, else the 403 page. */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
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

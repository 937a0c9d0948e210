import "server-only";
import { decode, getToken } from "next-auth/jwt";
import type { SessionClaims } from "./user-sessions";

// Auth.js names the session cookie with the __Secure- prefix when the site is served over https; the
// cookie's name is also the salt of the token's encryption key.
export const SESSION_COOKIE = "authjs.session-token";
export const SECURE_SESSION_COOKIE = "__Secure-authjs.session-token";

// Decrypting a session token derives a key (HKDF) and decrypts a JWE. A trainee's token does not change
// during a call, so decrypted tokens are remembered until they expire (a bounded, per-process map keyed
// by the whole encrypted token: only a token that decrypted once is ever found in it).
const MAX_REMEMBERED_TOKENS = 2000;
const rememberedTokens = new Map<string, SessionClaims & { expiresAtMs: number }>();

/**
 * Who the session cookie says is signed in, and under which session row: read from Auth.js's session
 * cookie (an encrypted JWT, checked for expiry). Whether that session is still open is the database's
 * answer (user-sessions.ts), asked on every request; a token without a session id is refused.
 * This is what `auth()` does for a JWT session, without its internal round trip through the session
 * endpoint (building a request, running callbacks, re-encrypting a cookie it then throws away), which
 * cost several milliseconds on every API request.
 */
export async function readSessionClaims(
  requestHeaders: Headers,
  secret: string,
  now: number = Date.now(),
): Promise<SessionClaims | null> {
  const cookie = requestHeaders.get("cookie") ?? "";
  if (cookie === "") return null;
  const secureCookie = cookie.includes(SECURE_SESSION_COOKIE);
  const raw = await getToken({ req: { headers: requestHeaders }, secureCookie, raw: true });
  if (!raw) return null;
  const remembered = rememberedTokens.get(raw);
  if (remembered) {
    if (remembered.expiresAtMs > now) return { userId: remembered.userId, sessionId: remembered.sessionId };
    rememberedTokens.delete(raw);
    return null;
  }
  const token = await decode({
    token: raw,
    secret,
    salt: secureCookie ? SECURE_SESSION_COOKIE : SESSION_COOKIE,
  }).catch(() => null);
  if (typeof token?.sub !== "string" || typeof token.sid !== "string" || typeof token.exp !== "number") {
    return null;
  }
  const expiresAtMs = token.exp * 1000;
  if (expiresAtMs <= now) return null;
  if (rememberedTokens.size >= MAX_REMEMBERED_TOKENS) {
    const oldest = rememberedTokens.keys().next().value;
    if (oldest !== undefined) rememberedTokens.delete(oldest);
  }
  const claims = { userId: token.sub, sessionId: token.sid };
  rememberedTokens.set(raw, { ...claims, expiresAtMs });
  return claims;
}

import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { readSessionClaims, SECURE_SESSION_COOKIE, SESSION_COOKIE } from "./session-token";

const secret = "test-secret-0123456789abcdefghijklmnopqrstuvwxyz";
const userId = "3f0c8d3e-3d4a-4c41-9a55-0a3c1b2f4d5e";
const sessionId = "9b1e2c4d-0a7f-4e3b-8c6d-5f4e3d2c1b0a";

async function sessionCookie(
  options: { name?: string; secret?: string; maxAge?: number; sub?: string; sid?: string | null } = {},
) {
  const name = options.name ?? SESSION_COOKIE;
  const token = await encode({
    token: {
      sub: options.sub ?? userId,
      name: "田中 翔太",
      ...(options.sid === null ? {} : { sid: options.sid ?? sessionId }),
    },
    secret: options.secret ?? secret,
    salt: name,
    maxAge: options.maxAge ?? 3600,
  });
  return new Headers({ cookie: `authjs.csrf-token=abc; ${name}=${token}` });
}

describe("readSessionClaims", () => {
  it("reads the user id from a session cookie that Auth.js would have written", async () => {
    expect(await readSessionClaims(await sessionCookie(), secret)).toEqual({ userId, sessionId });
    // Read twice: the second answer comes from the remembered token and is the same.
    const headers = await sessionCookie({ sub: "a-second-user" });
    const second = { userId: "a-second-user", sessionId };
    expect(await readSessionClaims(headers, secret)).toEqual(second);
    expect(await readSessionClaims(headers, secret)).toEqual(second);
  });

  it("reads the https cookie, whose name is also the key's salt", async () => {
    expect(await readSessionClaims(await sessionCookie({ name: SECURE_SESSION_COOKIE }), secret)).toEqual({
      userId,
      sessionId,
    });
  });

  it("refuses no cookie, a forged or tampered token, and a token for another secret", async () => {
    expect(await readSessionClaims(new Headers(), secret)).toBeNull();
    expect(
      await readSessionClaims(new Headers({ cookie: `${SESSION_COOKIE}=not-a-token` }), secret),
    ).toBeNull();
    const good = (await sessionCookie({ sub: "tampered" })).get("cookie")!;
    const tampered = good.replace(/.{6}$/, "AAAAAA");
    expect(await readSessionClaims(new Headers({ cookie: tampered }), secret)).toBeNull();
    expect(await readSessionClaims(await sessionCookie({ secret: `${secret}-other` }), secret)).toBeNull();
  });

  it("refuses an expired token, even one it remembers", async () => {
    const headers = await sessionCookie({ sub: "expiring", maxAge: 60 });
    expect(await readSessionClaims(headers, secret)).toEqual({ userId: "expiring", sessionId });
    expect(await readSessionClaims(headers, secret, Date.now() + 61_000)).toBeNull();
    expect(await readSessionClaims(await sessionCookie({ maxAge: -60 }), secret)).toBeNull();
  });

  it("refuses a token without a session id (issued before sessions could be ended)", async () => {
    expect(await readSessionClaims(await sessionCookie({ sub: "no-session", sid: null }), secret)).toBeNull();
  });
});

import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { readSessionUserId, SECURE_SESSION_COOKIE, SESSION_COOKIE } from "./session-token";

const secret = "test-secret-0123456789abcdefghijklmnopqrstuvwxyz";
const userId = "3f0c8d3e-3d4a-4c41-9a55-0a3c1b2f4d5e";

async function sessionCookie(
  options: { name?: string; secret?: string; maxAge?: number; sub?: string } = {},
) {
  const name = options.name ?? SESSION_COOKIE;
  const token = await encode({
    token: { sub: options.sub ?? userId, name: "田中 翔太" },
    secret: options.secret ?? secret,
    salt: name,
    maxAge: options.maxAge ?? 3600,
  });
  return new Headers({ cookie: `authjs.csrf-token=abc; ${name}=${token}` });
}

describe("readSessionUserId", () => {
  it("reads the user id from a session cookie that Auth.js would have written", async () => {
    expect(await readSessionUserId(await sessionCookie(), secret)).toBe(userId);
    // Read twice: the second answer comes from the remembered token and is the same.
    const headers = await sessionCookie({ sub: "a-second-user" });
    expect(await readSessionUserId(headers, secret)).toBe("a-second-user");
    expect(await readSessionUserId(headers, secret)).toBe("a-second-user");
  });

  it("reads the https cookie, whose name is also the key's salt", async () => {
    expect(await readSessionUserId(await sessionCookie({ name: SECURE_SESSION_COOKIE }), secret)).toBe(
      userId,
    );
  });

  it("refuses no cookie, a forged or tampered token, and a token for another secret", async () => {
    expect(await readSessionUserId(new Headers(), secret)).toBeNull();
    expect(
      await readSessionUserId(new Headers({ cookie: `${SESSION_COOKIE}=not-a-token` }), secret),
    ).toBeNull();
    const good = (await sessionCookie({ sub: "tampered" })).get("cookie")!;
    const tampered = good.replace(/.{6}$/, "AAAAAA");
    expect(await readSessionUserId(new Headers({ cookie: tampered }), secret)).toBeNull();
    expect(await readSessionUserId(await sessionCookie({ secret: `${secret}-other` }), secret)).toBeNull();
  });

  it("refuses an expired token, even one it remembers", async () => {
    const headers = await sessionCookie({ sub: "expiring", maxAge: 60 });
    expect(await readSessionUserId(headers, secret)).toBe("expiring");
    expect(await readSessionUserId(headers, secret, Date.now() + 61_000)).toBeNull();
    expect(await readSessionUserId(await sessionCookie({ maxAge: -60 }), secret)).toBeNull();
  });
});

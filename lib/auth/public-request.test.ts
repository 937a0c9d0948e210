import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { atPublicOrigin } from "./public-request";

// `next start --hostname 127.0.0.1 --port 3291` gives a route this URL whatever the client addressed.
const instanceUrl = "http://127.0.0.1:3291/api/auth/callback/credentials?x=1";

describe("atPublicOrigin", () => {
  it("moves the request to the origin the client addressed, path and query kept", () => {
    const request = new NextRequest(instanceUrl, { headers: { host: "127.0.0.1:3290" } });
    const moved = atPublicOrigin(request, { publicUrl: undefined, trustedProxies: 0 });
    expect(moved.url).toBe("http://127.0.0.1:3290/api/auth/callback/credentials?x=1");
  });

  it("behind a declared proxy, to its forwarded host and protocol", () => {
    const headers = {
      host: "10.0.0.5:3291",
      "x-forwarded-host": "kikite.example.jp",
      "x-forwarded-proto": "https",
    };
    const moved = atPublicOrigin(new NextRequest(instanceUrl, { headers }), {
      publicUrl: undefined,
      trustedProxies: 1,
    });
    expect(new URL(moved.url).origin).toBe("https://kikite.example.jp");
  });

  it("keeps the method, headers and body", async () => {
    const request = new NextRequest(instanceUrl, {
      method: "POST",
      headers: { host: "127.0.0.1:3290", "content-type": "application/x-www-form-urlencoded", cookie: "a=b" },
      body: "email=a%40example.com",
    });
    const moved = atPublicOrigin(request, { publicUrl: undefined, trustedProxies: 0 });
    expect(moved.method).toBe("POST");
    expect(moved.headers.get("cookie")).toBe("a=b");
    expect(await moved.text()).toBe("email=a%40example.com");
  });

  it("leaves the request to Auth.js when AUTH_URL is set (it moves it there itself)", () => {
    const request = new NextRequest(instanceUrl, { headers: { host: "127.0.0.1:3290" } });
    const trust = { publicUrl: "https://kikite.example.jp", trustedProxies: 0 };
    expect(atPublicOrigin(request, trust)).toBe(request);
  });
});

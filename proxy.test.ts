import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ProxyTrust } from "@/lib/env";

const trust: { current: ProxyTrust } = { current: { publicUrl: undefined, trustedProxies: 0 } };
vi.mock("@/lib/env", () => ({
  getEnv: () => ({ nodeEnv: "production", sso: {}, proxyTrust: trust.current }),
}));
const { proxy } = await import("./proxy");

const HSTS = "max-age=63072000; includeSubDomains";

function hstsFor(headers: Record<string, string>): string | null {
  const request = new NextRequest("http://127.0.0.1:3000/signin", { headers });
  return proxy(request).headers.get("strict-transport-security");
}

describe("proxy: HSTS", () => {
  beforeEach(() => {
    trust.current = { publicUrl: undefined, trustedProxies: 0 };
  });

  it("ignores a client's own X-Forwarded-Proto when no proxy is declared", () => {
    expect(hstsFor({ host: "127.0.0.1:3000", "x-forwarded-proto": "https" })).toBeNull();
    expect(hstsFor({ host: "127.0.0.1:3000" })).toBeNull();
  });

  it("believes the declared proxy's X-Forwarded-Proto, and only its entry", () => {
    trust.current = { publicUrl: undefined, trustedProxies: 1 };
    expect(hstsFor({ host: "kikite.example", "x-forwarded-proto": "https" })).toBe(HSTS);
    // The client claimed https; the proxy, which served it over http, appended its own entry.
    expect(hstsFor({ host: "kikite.example", "x-forwarded-proto": "https, http" })).toBeNull();
  });

  it("follows an https AUTH_URL", () => {
    trust.current = { publicUrl: "https://kikite.example", trustedProxies: 0 };
    expect(hstsFor({ host: "127.0.0.1:3000" })).toBe(HSTS);
  });
});

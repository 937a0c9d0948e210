import { describe, expect, it } from "vitest";
import {
  buildContentSecurityPolicy,
  buildSecurityHeaders,
  createNonce,
  isHttpsRequest,
} from "./security-headers";

const base = { nonce: "bm9uY2Utb25l", https: false, dev: false };

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe("buildContentSecurityPolicy", () => {
  it("allows scripts only by this response's nonce (and what they load), never inline or eval (WebAssembly may compile)", () => {
    const script = directives(buildContentSecurityPolicy(base)).get("script-src");
    expect(script).toEqual(["'self'", "'nonce-bm9uY2Utb25l'", "'strict-dynamic'", "'wasm-unsafe-eval'"]);
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
  });

  it("lets nothing frame the site, post forms elsewhere, load plugins or rewrite the base URL", () => {
    const policy = directives(buildContentSecurityPolicy(base));
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
  });

  it("keeps inline styles (charts, the editor) without a nonce, which would disable them", () => {
    const style = directives(buildContentSecurityPolicy(base)).get("style-src");
    expect(style).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("adds the sign-on providers to form-action, eval and the websocket in development only", () => {
    const policy = directives(
      buildContentSecurityPolicy({ ...base, dev: true, formActionOrigins: ["https://accounts.google.com"] }),
    );
    expect(policy.get("form-action")).toEqual(["'self'", "https://accounts.google.com"]);
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("connect-src")).toEqual(["'self'", "ws:"]);
  });

  it("upgrades insecure subresources only over https", () => {
    expect(directives(buildContentSecurityPolicy(base)).has("upgrade-insecure-requests")).toBe(false);
    expect(
      directives(buildContentSecurityPolicy({ ...base, https: true })).has("upgrade-insecure-requests"),
    ).toBe(true);
  });
});

describe("buildSecurityHeaders", () => {
  it("sends the fixed headers on every response", () => {
    const headers = buildSecurityHeaders(base);
    expect(headers).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
    expect(headers["Content-Security-Policy"]).toBe(buildContentSecurityPolicy(base));
  });

  it("allows the microphone to this site only and denies the camera and location", () => {
    const policy = buildSecurityHeaders(base)["Permissions-Policy"]!;
    expect(policy.split(", ")).toEqual(
      expect.arrayContaining(["microphone=(self)", "camera=()", "geolocation=()"]),
    );
  });

  it("sends HSTS over https only: over http a browser would ignore it, and a local site must not pin", () => {
    expect(buildSecurityHeaders(base)).not.toHaveProperty("Strict-Transport-Security");
    expect(buildSecurityHeaders({ ...base, https: true })["Strict-Transport-Security"]).toBe(
      "max-age=63072000; includeSubDomains",
    );
  });
});

describe("isHttpsRequest", () => {
  it.each([
    ["https://kikite.example/practice", null, true],
    ["http://127.0.0.1:3000/practice", null, false],
    ["http://10.0.0.5:3000/", "https", true],
    ["http://10.0.0.5:3000/", "HTTPS", true],
    ["http://10.0.0.5:3000/", "https, http", true],
    ["http://10.0.0.5:3000/", "http", false],
    ["http://10.0.0.5:3000/", "", false],
  ])("%s with X-Forwarded-Proto %j is https: %s", (url, proto, expected) => {
    expect(isHttpsRequest(new URL(url), proto)).toBe(expected);
  });
});

describe("createNonce", () => {
  it("gives 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

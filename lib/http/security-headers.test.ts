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
  const direct = { publicUrl: undefined, trustedProxies: 0 };
  const behindOne = { publicUrl: undefined, trustedProxies: 1 };
  const behindTwo = { publicUrl: undefined, trustedProxies: 2 };
  it.each([
    // No proxy declared: X-Forwarded-Proto is the client's own word, whatever it says.
    [direct, null, false],
    [direct, "https", false],
    [direct, "https, http", false],
    // A declared proxy: its entry (the last one it appended or set) decides.
    [behindOne, "https", true],
    [behindOne, "HTTPS", true],
    [behindOne, "http", false],
    [behindOne, "https, http", false],
    [behindOne, "http, https", true],
    [behindOne, "", false],
    [behindOne, null, false],
    // Two declared: the outermost's entry, the second from the end.
    [behindTwo, "https, http", true],
    [behindTwo, "http, https", false],
    [behindTwo, "https, http, http", false],
  ])("trust %j with X-Forwarded-Proto %j is https: %s", (trust, proto, expected) => {
    const headers = new Headers({ host: "10.0.0.5:3000" });
    if (proto !== null) headers.set("x-forwarded-proto", proto);
    expect(isHttpsRequest(headers, trust)).toBe(expected);
  });

  it("follows AUTH_URL when it is set, whatever the headers say", () => {
    const spoofed = new Headers({ host: "10.0.0.5:3000", "x-forwarded-proto": "https" });
    expect(isHttpsRequest(spoofed, { publicUrl: "http://kikite.local", trustedProxies: 1 })).toBe(false);
    const plain = new Headers({ host: "10.0.0.5:3000" });
    expect(isHttpsRequest(plain, { publicUrl: "https://kikite.example", trustedProxies: 0 })).toBe(true);
  });
});

describe("createNonce", () => {
  it("gives 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

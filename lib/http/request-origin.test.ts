import { describe, expect, it } from "vitest";
import { clientAddress, requestOrigin } from "./request-origin";

const direct = { publicUrl: undefined, trustedProxies: 0 };
const oneProxy = { publicUrl: undefined, trustedProxies: 1 };
const twoProxies = { publicUrl: undefined, trustedProxies: 2 };

describe("requestOrigin", () => {
  it.each([
    ["the Host header, served directly", { host: "127.0.0.1:3290" }, direct, "http://127.0.0.1:3290"],
    [
      "forwarded headers ignored when no proxy is declared (a client may send them)",
      { host: "127.0.0.1:3290", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
      direct,
      "http://127.0.0.1:3290",
    ],
    [
      "a declared proxy's host and protocol",
      { host: "10.0.0.5:3291", "x-forwarded-host": "kikite.example.jp", "x-forwarded-proto": "https" },
      oneProxy,
      "https://kikite.example.jp",
    ],
    [
      "behind two proxies that append, the outermost's entry",
      {
        host: "10.0.0.5:3291",
        "x-forwarded-host": "evil.example, kikite.example.jp, lb.internal",
        "x-forwarded-proto": "http, https, http",
      },
      twoProxies,
      "https://kikite.example.jp",
    ],
    [
      "a proxy that did not forward a host: the Host header",
      { host: "kikite.example.jp", "x-forwarded-proto": "https" },
      oneProxy,
      "https://kikite.example.jp",
    ],
    [
      "an unknown protocol is plain http",
      { host: "kikite.example.jp", "x-forwarded-proto": "gopher" },
      oneProxy,
      "http://kikite.example.jp",
    ],
    ["the default port folded", { host: "kikite.example.jp:80" }, direct, "http://kikite.example.jp"],
    ["garbage in Host", { host: "a b/c" }, direct, "http://localhost"],
  ])("%s", (_name, headers, trust, expected) => {
    expect(requestOrigin(new Headers(headers), trust)).toBe(expected);
  });

  it("prefers AUTH_URL to any header", () => {
    const headers = new Headers({ host: "10.0.0.5:3291", "x-forwarded-host": "other.example" });
    const trust = { publicUrl: "https://kikite.example.jp/base", trustedProxies: 1 };
    expect(requestOrigin(headers, trust)).toBe("https://kikite.example.jp");
  });
});

describe("clientAddress", () => {
  it.each([
    [{ "x-forwarded-for": "203.0.113.9" }, direct, "203.0.113.9"],
    // Next.js fills the header from the socket only when the client sent none: the last entry.
    [{ "x-forwarded-for": "1.2.3.4, 203.0.113.9" }, direct, "203.0.113.9"],
    // A client may send its own X-Forwarded-For; the proxy appends the address it really saw.
    [{ "x-forwarded-for": "1.2.3.4, 203.0.113.9" }, oneProxy, "203.0.113.9"],
    // Behind a CDN and a load balancer, the last entry is the CDN's: the one before it is the client.
    [{ "x-forwarded-for": "1.2.3.4, 203.0.113.9, 198.51.100.1" }, twoProxies, "203.0.113.9"],
    // A chain shorter than declared (a proxy that replaces the header): its only entry.
    [{ "x-forwarded-for": "203.0.113.9" }, twoProxies, "203.0.113.9"],
    [{ "x-real-ip": "203.0.113.10" }, oneProxy, "unknown"],
    [{}, direct, "unknown"],
  ])("%o behind %o → %s", (headers, trust, expected) => {
    expect(clientAddress(new Headers(headers), trust)).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";
import type { ProxyTrust } from "@/lib/env";
import { checkSameOrigin } from "./same-origin";

const url = "http://127.0.0.1:3000/api/calls";

const direct: ProxyTrust = { publicUrl: undefined, trustedProxies: 0 };
const behindProxy: ProxyTrust = { publicUrl: undefined, trustedProxies: 1 };

function check(headers: Record<string, string>, requestUrl = url, trust = behindProxy) {
  return checkSameOrigin(new Headers({ host: "127.0.0.1:3000", ...headers }), requestUrl, trust);
}

describe("checkSameOrigin", () => {
  it.each([
    ["no browser headers (curl, the e2e API client)", {}],
    ["same-origin fetch", { "sec-fetch-site": "same-origin", origin: "http://127.0.0.1:3000" }],
    ["the user's own navigation", { "sec-fetch-site": "none" }],
    ["an old browser with a matching Origin only", { origin: "http://127.0.0.1:3000" }],
    [
      "the default port spelled out in Host",
      { host: "kikite.example.jp:443", "x-forwarded-proto": "https", origin: "https://kikite.example.jp" },
    ],
    [
      "behind a TLS proxy",
      {
        origin: "https://kikite.example.jp",
        "x-forwarded-host": "kikite.example.jp",
        "x-forwarded-proto": "https",
      },
    ],
  ])("allows %s", (_name, headers) => {
    expect(check(headers)).toEqual({ ok: true });
  });

  it.each([
    ["another port (same-site)", { "sec-fetch-site": "same-site", origin: "http://127.0.0.1:3999" }],
    ["a sibling subdomain", { "sec-fetch-site": "same-site", origin: "https://evil.example.jp" }],
    ["another site", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }],
    [
      "same-site even with a matching Origin",
      { "sec-fetch-site": "same-site", origin: "http://127.0.0.1:3000" },
    ],
    ["an unknown Sec-Fetch-Site value", { "sec-fetch-site": "bogus" }],
  ])("refuses by Sec-Fetch-Site: %s", (_name, headers) => {
    expect(check(headers)).toEqual({ ok: false, reason: "sec-fetch-site" });
  });

  it.each([
    ["another port", { origin: "http://127.0.0.1:3999" }],
    ["another host", { origin: "http://evil.example" }],
    ["another scheme", { origin: "https://127.0.0.1:3000" }],
    ["an opaque origin", { origin: "null" }],
    ["garbage", { origin: "::::" }],
    [
      "the inner host when a proxy forwarded another",
      {
        origin: "http://127.0.0.1:3000",
        "x-forwarded-host": "kikite.example.jp",
        "x-forwarded-proto": "https",
      },
    ],
  ])("refuses by Origin: %s", (_name, headers) => {
    expect(check(headers)).toEqual({ ok: false, reason: "origin" });
  });

  it("allows behind a declared chain of two proxies that append", () => {
    const headers = {
      origin: "https://kikite.example.jp",
      "x-forwarded-host": "kikite.example.jp, internal:8080",
      "x-forwarded-proto": "https, http",
    };
    expect(check(headers, url, { publicUrl: undefined, trustedProxies: 2 })).toEqual({ ok: true });
  });

  it("takes plain http and the Host header when no proxy is declared", () => {
    const headers = { host: "kikite.internal:3000", origin: "http://kikite.internal:3000" };
    expect(check(headers, "http://kikite.internal:3000/api/calls", direct)).toEqual({ ok: true });
    // Forwarded headers from a client are not believed without a declared proxy.
    const forged = {
      origin: "https://kikite.example.jp",
      "x-forwarded-host": "kikite.example.jp",
      "x-forwarded-proto": "https",
    };
    expect(check(forged, url, direct)).toEqual({ ok: false, reason: "origin" });
  });

  it("takes the host from the request's URL when it has no Host header", () => {
    const verdict = checkSameOrigin(new Headers({ origin: "http://127.0.0.1:3000" }), url, direct);
    expect(verdict).toEqual({ ok: true });
  });

  it("takes the origin from AUTH_URL when it is set", () => {
    const trust = { publicUrl: "https://kikite.example.jp", trustedProxies: 0 };
    expect(check({ origin: "https://kikite.example.jp" }, url, trust)).toEqual({ ok: true });
    expect(check({ origin: "http://127.0.0.1:3000" }, url, trust)).toEqual({ ok: false, reason: "origin" });
  });
});

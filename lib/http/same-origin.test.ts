import { describe, expect, it } from "vitest";
import { checkSameOrigin } from "./same-origin";

const url = "http://127.0.0.1:3000/api/calls";

function check(headers: Record<string, string>, requestUrl = url) {
  return checkSameOrigin(new Headers({ host: "127.0.0.1:3000", ...headers }), requestUrl);
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
    [
      "behind a chain of proxies",
      {
        origin: "https://kikite.example.jp",
        "x-forwarded-host": "kikite.example.jp, internal:8080",
        "x-forwarded-proto": "https, http",
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

  it("takes the scheme from the request when no proxy says otherwise", () => {
    const headers = { host: "kikite.internal:3000", origin: "http://kikite.internal:3000" };
    expect(check(headers, "http://kikite.internal:3000/api/calls")).toEqual({ ok: true });
  });
});

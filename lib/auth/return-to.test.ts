import { describe, expect, it } from "vitest";
import { authRedirectTarget, homePathFor, pathWithQuery, safeReturnTo, signInPathFor } from "./return-to";

describe("safeReturnTo", () => {
  it.each([
    ["/calls/0b2e/review", "/calls/0b2e/review"],
    ["/history?x=1", "/history?x=1"],
    ["//evil.example/", null],
    ["https://evil.example/", null],
    ["/\\evil.example", null],
    ["javascript:alert(1)", null],
    ["/\tevil", null],
    ["/signin", null],
    [42, null],
  ])("%s → %s", (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected);
  });

  it("builds the sign-in address that comes back", () => {
    expect(signInPathFor("/calls/a/review")).toBe("/signin?callbackUrl=%2Fcalls%2Fa%2Freview");
    expect(signInPathFor("//evil")).toBe("/signin");
  });
});

describe("homePathFor", () => {
  it.each([
    ["trainee", "/practice"],
    ["trainer", "/trainer"],
    ["admin", "/admin"],
  ] as const)("%s starts at %s", (role, path) => {
    expect(homePathFor(role)).toBe(path);
  });
});

describe("pathWithQuery", () => {
  it("keeps every parameter, repeated ones too, and no bare question mark", () => {
    expect(pathWithQuery("/trainer", { team: "t 1", period: "30d", x: undefined })).toBe(
      "/trainer?team=t+1&period=30d",
    );
    expect(pathWithQuery("/trainer", { tag: ["a", "b"] })).toBe("/trainer?tag=a&tag=b");
    expect(pathWithQuery("/trainer", {})).toBe("/trainer");
  });
});

describe("authRedirectTarget", () => {
  const base = "https://kikite.example.jp";
  it.each([
    ["/history", `${base}/history`],
    ["/signin?error=x", `${base}/signin?error=x`],
    [`${base}/calls/a/review?x=1`, `${base}/calls/a/review?x=1`],
    [base, `${base}/`],
    // Another origin, the instance behind the proxy included, or no path at all: the site's root.
    ["http://10.0.0.5:3291/history", `${base}/`],
    ["https://evil.example/history", `${base}/`],
    ["//evil.example/", `${base}/`],
    ["/\\evil.example", `${base}/`],
    ["javascript:alert(1)", `${base}/`],
    ["not a url", `${base}/`],
  ])("%s → %s", (url, expected) => {
    expect(authRedirectTarget(url, base)).toBe(expected);
  });
});

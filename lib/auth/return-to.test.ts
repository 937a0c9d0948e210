import { describe, expect, it } from "vitest";
import { homePathFor, pathWithQuery, safeReturnTo, signInPathFor } from "./return-to";

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

import { describe, expect, it } from "vitest";
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters, plainText } from "./plain-text";

describe("hasControlCharacters", () => {
  it.each([
    ["NUL", "a\u0000b"],
    ["bell", "\u0007"],
    ["backspace", "x\u0008"],
    ["vertical tab", "\u000B"],
    ["form feed", "\u000C"],
    ["escape", "\u001B[31m"],
    ["unit separator", "\u001F"],
    ["DEL", "\u007F"],
  ])("finds %s", (_name, text) => {
    expect(hasControlCharacters(text)).toBe(true);
  });

  it.each([
    ["tab", "a\tb"],
    ["line feed", "a\nb"],
    ["carriage return", "a\r\nb"],
    ["Japanese with full-width space", "お電話ありがとうございます。\u3000担当の山田です。"],
    ["emoji", "😊"],
    ["empty", ""],
  ])("allows %s", (_name, text) => {
    expect(hasControlCharacters(text)).toBe(false);
  });
});

describe("plainText", () => {
  it("refuses a control character with the Japanese message and keeps later rules", () => {
    const schema = plainText().max(3, "長すぎます");
    const refused = schema.safeParse("a\u0000");
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.message)).toEqual([CONTROL_CHARACTERS_MESSAGE]);
    expect(schema.safeParse("abcd").error?.issues.map((i) => i.message)).toEqual(["長すぎます"]);
    expect(schema.safeParse("abc")).toEqual({ success: true, data: "abc" });
  });
});

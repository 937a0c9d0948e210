import { describe, expect, it } from "vitest";
import { speakingDurationMs } from "@/lib/caller/pacing";
import { isCallerSpeaking, spokenLine } from "./speech";

const text = "瓶が割れていたんですよ、本当に困ってます。";
const rate = 8;
const full = speakingDurationMs(text, rate);
const turn = { text, atMs: 1000, speechEndsAtMs: 1000 + full };

describe("spokenLine", () => {
  it.each([
    ["before the line starts", 500, { pending: true, speaking: false, text: "" }],
    ["as it starts", 1000, { pending: false, speaking: true, text: "" }],
    ["when it is over", 1000 + full + 10, { pending: false, speaking: false, text, cut: false }],
  ])("%s", (_name, at, expected) => {
    expect(spokenLine(turn, at, rate)).toMatchObject(expected);
  });

  it("reveals the line progressively", () => {
    const halfway = spokenLine(turn, 1000 + full / 2, rate);
    expect(halfway.speaking).toBe(true);
    expect(halfway.text.length).toBeGreaterThan(5);
    expect(text.startsWith(halfway.text)).toBe(true);
    expect(halfway.text.length).toBeLessThan(text.length);
  });

  it("stops where the caller was cut off", () => {
    const cutTurn = { ...turn, speechEndsAtMs: 1000 + full / 3 };
    const later = spokenLine(cutTurn, 1000 + full, rate);
    expect(later).toMatchObject({ speaking: false, cut: true });
    expect(later.text.length).toBeLessThan(text.length / 2);
  });
});

describe("isCallerSpeaking", () => {
  const base = { seq: 0, kind: "line", analysis: null, mood: null };
  it("is true while a caller line plays and false after", () => {
    const turns = [{ ...base, role: "caller" as const, ...turn }];
    expect(isCallerSpeaking(turns, 1200)).toBe(true);
    expect(isCallerSpeaking(turns, 1000 + full + 1)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { callerVoiceStyle } from "./caller-style";
import { speechRequestParts, voiceForPersona } from "./server-speech";

const calm = { anger: 10 };
const furious = { anger: 90 };
const parts = (model: string, mood: Record<string, number>, age = 45, speakingRate = 7.5) =>
  speechRequestParts({
    model,
    voices: ["coral", "ash", "sage"],
    personaName: "山田 太郎",
    age,
    mood,
    style: callerVoiceStyle({ speakingRate, age, mood }),
  });

describe("speechRequestParts", () => {
  it("speeds an angry caller up and slows a slow speaker down, within the API's range", () => {
    expect(parts("tts-1", calm).speed).toBeCloseTo(1.02, 2);
    expect(parts("tts-1", furious).speed).toBeGreaterThan(parts("tts-1", calm).speed);
    expect(parts("tts-1", calm, 78, 4).speed).toBeLessThan(0.6);
    expect(parts("tts-1", furious, 45, 15).speed).toBeLessThanOrEqual(4);
  });

  it("gives instructions only to a model that takes them, with the mood and age in them", () => {
    expect(parts("tts-1", furious).instructions).toBeUndefined();
    expect(parts("kokoro", furious).instructions).toBeUndefined();
    expect(parts("gpt-4o-mini-tts", furious).instructions).toContain("強く怒って");
    expect(parts("gpt-4o-mini-tts", calm).instructions).toContain("落ち着いた");
    expect(parts("gpt-4o-mini-tts", calm, 80).instructions).toContain("高齢の方");
  });
});

describe("voiceForPersona", () => {
  it("keeps a persona's voice from line to line and spreads personas over the voices", () => {
    const voices = ["coral", "ash", "sage"];
    expect(voiceForPersona("山田 太郎", voices)).toBe(voiceForPersona("山田 太郎", voices));
    const names = ["山田 太郎", "佐藤 花子", "鈴木 一郎", "高橋 美咲", "田中 健", "伊藤 節子"];
    expect(new Set(names.map((n) => voiceForPersona(n, voices))).size).toBeGreaterThan(1);
    expect(voiceForPersona("誰でも", ["alloy"])).toBe("alloy");
  });
});

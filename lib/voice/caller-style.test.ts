import { describe, expect, it } from "vitest";
import { callerVoiceStyle } from "./caller-style";

describe("callerVoiceStyle", () => {
  it("speaks at the persona's pace when calm", () => {
    expect(callerVoiceStyle({ speakingRate: 7.5, age: 40, mood: { anger: 0 } })).toEqual({
      rate: 1,
      pitch: 1,
      volume: 0.8,
    });
  });

  it("an angry caller is faster, higher and louder", () => {
    const calm = callerVoiceStyle({ speakingRate: 8, age: 45, mood: { anger: 10 } });
    const angry = callerVoiceStyle({ speakingRate: 8, age: 45, mood: { anger: 90 } });
    expect(angry.rate).toBeGreaterThan(calm.rate);
    expect(angry.pitch).toBeGreaterThan(calm.pitch);
    expect(angry.volume).toBeGreaterThan(calm.volume);
  });

  it("an elderly caller is slower (their speaking rate) and lower, and extremes stay in range", () => {
    const elderly = callerVoiceStyle({ speakingRate: 5, age: 78, mood: { loneliness: 80 } });
    expect(elderly.rate).toBeLessThan(1);
    expect(elderly.pitch).toBeLessThan(1);
    expect(callerVoiceStyle({ speakingRate: 15, age: 30, mood: { anger: 500 } })).toEqual({
      rate: 1.8,
      pitch: 1.15,
      volume: 1,
    });
  });
});

import { describe, expect, it } from "vitest";
import { speakingDurationMs } from "@/lib/caller/pacing";

describe("speakingDurationMs", () => {
  it.each([
    ["", 8, 0],
    ["はい", 8, 250],
    ["はい。", 8, 250 + 450],
    ["ちょっと、まだ話してるんだけど！", 8, Math.round((14 / 8) * 1000) + 250 + 450],
    ["あのね…", 5, Math.round((3 / 5) * 1000) + 600],
  ])("%s at %d chars/s → %d ms", (text, rate, expected) => {
    expect(speakingDurationMs(text, rate)).toBe(expected);
  });

  it("an elderly caller (slower rate) takes longer for the same line", () => {
    const line = "いつもの青汁をお願いしたいんだけどね";
    expect(speakingDurationMs(line, 5.5)).toBeGreaterThan(speakingDurationMs(line, 8.5));
  });
});

import { describe, expect, it } from "vitest";
import {
  hasMeasuredInterruption,
  measuredCallerEndMs,
  replyTimingSchema,
  toStoredTiming,
} from "./turn-timing";

describe("turn timing", () => {
  const timing = {
    segments: [
      { speaker: "operator" as const, startMs: 5200, endMs: 7000, text: "ご迷惑をおかけしております" },
      { speaker: "caller" as const, startMs: 1000, endMs: 6000 },
      { speaker: "operator" as const, startMs: 2000, endMs: 2400, text: "はい" },
    ],
  };

  it("sorts segments and classifies overlaps: a 相づち and an interruption", () => {
    const stored = toStoredTiming(timing);
    expect(stored.segments.map((s) => s.startMs)).toEqual([1000, 2000, 5200]);
    expect(stored.overlaps.map((o) => o.kind)).toEqual(["backchannel", "interruption"]);
    expect(hasMeasuredInterruption(stored)).toBe(true);
  });

  it("finds the caller's measured end before a reply, cut or finished", () => {
    expect(measuredCallerEndMs(timing, 5200)).toBe(6000);
    expect(measuredCallerEndMs(timing, 500)).toBeUndefined();
  });

  it("refuses a segment that ends before it starts, and too many segments", () => {
    expect(
      replyTimingSchema.safeParse({ segments: [{ speaker: "caller", startMs: 10, endMs: 5 }] }).success,
    ).toBe(false);
    const many = Array.from({ length: 61 }, () => ({ speaker: "caller", startMs: 0, endMs: 1 }));
    expect(replyTimingSchema.safeParse({ segments: many }).success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import type { TurnView } from "@/lib/calls/call-view";
import { toStoredTiming } from "@/lib/voice/turn-timing";
import { reviewVoiceCall } from "./voice-measures";

const turn = (values: Partial<TurnView> & Pick<TurnView, "role" | "text" | "atMs">): TurnView => ({
  seq: 0,
  kind: "line",
  speechEndsAtMs: null,
  analysis: null,
  mood: null,
  ...values,
});

describe("reviewVoiceCall", () => {
  it("measures a voice call from its stored timing, with the pace from lindera readings", () => {
    const reply = "申し訳ございません";
    const review = reviewVoiceCall([
      turn({ role: "caller", text: "割れてたのよ", atMs: 0, speechEndsAtMs: 2000 }),
      turn({
        role: "operator",
        text: reply,
        atMs: 6000,
        timing: toStoredTiming({
          segments: [
            { speaker: "caller", startMs: 0, endMs: 2000 },
            { speaker: "operator", startMs: 1000, endMs: 1300, text: "はい" },
            // 11 morae in 2.2 s: 300 morae per minute.
            { speaker: "operator", startMs: 6000, endMs: 8200, text: reply },
          ],
        }),
      }),
    ]);
    expect(review?.durationMs).toBe(8200);
    expect(review?.measures.silences).toEqual([
      { startMs: 2000, endMs: 6000, durationMs: 4000, after: "caller" },
    ]);
    expect(review?.measures.overlaps.map((o) => o.kind)).toEqual(["backchannel"]);
    expect(review?.measures.latencies.map((l) => l.latencyMs)).toEqual([4000]);
    // はい (2 morae in 0.3 s) and the reply (11 in 2.2 s): 13 morae in 2.5 s.
    expect(review?.measures.moraePerMinute.operator).toBe(312);
  });

  it("is null for a typed call", () => {
    expect(reviewVoiceCall([turn({ role: "operator", text: "はい", atMs: 0 })])).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { findOverlaps, isBackchannelText, measureTimeline, type SpeechSegment } from "./timeline";

const caller = (startMs: number, endMs: number, text?: string): SpeechSegment => ({
  speaker: "caller",
  startMs,
  endMs,
  ...(text ? { text } : {}),
});
const operator = (startMs: number, endMs: number, text?: string): SpeechSegment => ({
  speaker: "operator",
  startMs,
  endMs,
  ...(text ? { text } : {}),
});

describe("measureTimeline", () => {
  it("measures a clean exchange: talk ratio and response latency, no overlap, no silence", () => {
    const m = measureTimeline([caller(0, 4000), operator(4600, 7600), caller(8000, 10_000)]);
    expect(m.talkMs).toEqual({ caller: 6000, operator: 3000 });
    expect(m.operatorTalkShare).toBeCloseTo(1 / 3);
    expect(m.latencies).toEqual([{ callerEndMs: 4000, replyStartMs: 4600, latencyMs: 600 }]);
    expect(m.overlaps).toEqual([]);
    expect(m.silences).toEqual([]);
  });

  it("reports silences of 3 s or more with who spoke last, and not shorter gaps", () => {
    const m = measureTimeline([
      caller(0, 2000),
      operator(5500, 6000),
      caller(8900, 9000),
      operator(12_000, 13_000),
    ]);
    expect(m.silences).toEqual([
      { startMs: 2000, endMs: 5500, durationMs: 3500, after: "caller" },
      { startMs: 9000, endMs: 12_000, durationMs: 3000, after: "caller" },
    ]);
  });

  it("classifies a short はい over the caller as 相づち, and the later reply gets its latency", () => {
    const m = measureTimeline([
      caller(0, 5000),
      operator(2000, 2500, "はい"),
      operator(5400, 8000, "ご注文の件ですね"),
    ]);
    expect(m.overlaps).toEqual([
      { kind: "backchannel", startMs: 2000, endMs: 2500, durationMs: 500, text: "はい" },
    ]);
    expect(m.latencies).toEqual([{ callerEndMs: 5000, replyStartMs: 5400, latencyMs: 400 }]);
  });

  it.each([
    ["はい", true],
    ["ええ", true],
    ["なるほど", true],
    ["そうですね", true],
    ["はいはいはい", true],
    ["はい そうですか", true],
    ["はい ご注文番号をお伺いできますか", false],
    ["でもそれは", false],
    ["", false],
  ])("isBackchannelText(%s) is %s", (text, expected) => {
    expect(isBackchannelText(text)).toBe(expected);
  });

  it("classifies substantive talk over the caller as an interruption, with its duration and a negative latency", () => {
    const m = measureTimeline([caller(0, 6000), operator(3000, 7000, "ですからそれは当社の規定で")]);
    expect(m.overlaps).toEqual([
      {
        kind: "interruption",
        startMs: 3000,
        endMs: 6000,
        durationMs: 3000,
        text: "ですからそれは当社の規定で",
      },
    ]);
    expect(m.latencies[0]?.latencyMs).toBe(-3000);
  });

  it("a long はいはいはい is an interruption (too long for a 相づち); untranscribed short speech is a 相づち", () => {
    expect(findOverlaps([caller(0, 6000), operator(1000, 3000, "はい")])[0]?.kind).toBe("interruption");
    expect(findOverlaps([caller(0, 6000), operator(1000, 1400)])[0]?.kind).toBe("backchannel");
  });

  it("ignores overlaps shorter than the turn-taking grace and marks the caller talking over the operator", () => {
    expect(findOverlaps([caller(0, 4000), operator(3900, 6000, "承知しました")])).toEqual([]);
    expect(findOverlaps([operator(0, 4000, "確認いたします"), caller(3000, 5000, "早くして")])).toEqual([
      { kind: "caller", startMs: 3000, endMs: 4000, durationMs: 1000, text: "早くして" },
    ]);
  });

  it("counts overlapping segments of one speaker once in talk time, in any input order", () => {
    const m = measureTimeline([operator(1000, 3000), caller(0, 1000), operator(2000, 4000)]);
    expect(m.talkMs).toEqual({ caller: 1000, operator: 3000 });
  });

  it("measures speaking rate in morae per minute from transcribed segments only", () => {
    const countMorae = (text: string) => text.length; // one mora per kana in this test
    const m = measureTimeline(
      [
        caller(0, 3000, "あいうえおかきくけこ"),
        operator(4000, 10_000, "あいうえおかきくけこさしすせそ"),
        operator(11_000, 12_000),
      ],
      { countMorae },
    );
    expect(m.moraePerMinute).toEqual({ caller: 200, operator: 150 });
    expect(measureTimeline([caller(0, 1000)]).moraePerMinute).toEqual({ caller: null, operator: null });
  });

  it("drops malformed segments and answers zeros for an empty timeline", () => {
    const m = measureTimeline([caller(5000, 1000), operator(Number.NaN, 10)]);
    expect(m).toMatchObject({
      talkMs: { caller: 0, operator: 0 },
      operatorTalkShare: 0,
      overlaps: [],
      silences: [],
    });
  });
});

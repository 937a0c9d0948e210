import { describe, expect, it } from "vitest";
import { buildCallTimeline } from "./call-timeline";

describe("buildCallTimeline", () => {
  it("is null for a typed call", () => {
    expect(
      buildCallTimeline([
        { role: "caller", text: "もしもし", atMs: 0, speechEndsAtMs: 1000 },
        { role: "operator", text: "はい", atMs: 1500, speechEndsAtMs: null },
      ]),
    ).toBeNull();
  });

  it("joins every reply's measured speech and adds the caller lines said after the last one", () => {
    const timeline = buildCallTimeline([
      { role: "caller", text: "もしもし", atMs: 0, speechEndsAtMs: 1000 },
      {
        role: "operator",
        text: "お電話ありがとうございます",
        atMs: 1500,
        speechEndsAtMs: null,
        timing: {
          segments: [
            { speaker: "caller", startMs: 0, endMs: 1200 },
            { speaker: "operator", startMs: 1500, endMs: 3000, text: "お電話ありがとうございます" },
          ],
        },
      },
      { role: "caller", text: "瓶が割れてたのよ", atMs: 3400, speechEndsAtMs: 5000 },
      {
        role: "operator",
        text: "さようでございますか",
        atMs: 5600,
        speechEndsAtMs: null,
        timing: {
          segments: [
            { speaker: "caller", startMs: 3400, endMs: 5200 },
            { speaker: "operator", startMs: 5600, endMs: 6500, text: "さようでございますか" },
          ],
        },
      },
      { role: "caller", text: "早くしてね", atMs: 6900, speechEndsAtMs: 8000 },
    ]);
    expect(timeline?.map((s) => [s.speaker, s.startMs, s.endMs])).toEqual([
      ["caller", 0, 1200],
      ["operator", 1500, 3000],
      ["caller", 3400, 5200],
      ["operator", 5600, 6500],
      ["caller", 6900, 8000],
    ]);
  });
});

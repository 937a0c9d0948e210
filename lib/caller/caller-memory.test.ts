import { describe, expect, it } from "vitest";
import { builtIn, playCall, signals } from "@/lib/caller/test-transcripts";

// A scripted caller remembers the call: no line twice word for word while another fits, and an answer
// to her own question is answered in turn.
describe("the scripted caller's memory", () => {
  it("says no line twice while another fits, and never the same line twice in a row", () => {
    const widow = builtIn("lonely-widow-daily");
    const neutral = { reply: "そうですか。", signals: signals() };
    const played = playCall(
      widow,
      Array.from({ length: 10 }, () => neutral),
      { seed: 5 },
    );
    const said = [...played.opening, ...played.results.flatMap((r) => r.lines)].map((l) => l.text);
    // In the delivery node she has three things to say (two lines, one stay line): all before a repeat.
    const delivery = widow.nodes.delivery;
    const inDelivery = said.filter(
      (text) => delivery?.lines.includes(text) || delivery?.stayLines?.includes(text),
    );
    expect(inDelivery.length).toBeGreaterThan(3);
    expect(new Set(inDelivery.slice(0, 3)).size).toBe(3);
    said.forEach((text, i) => {
      if (i > 0) expect(text).not.toBe(said[i - 1]);
    });
  });

  it("reacts when her own question is answered, whichever node she is in", () => {
    const widow = builtIn("lonely-widow-daily");
    const played = playCall(widow, [
      {
        reply: "井上様、いつもありがとうございます。次のお届けは15日でございます。",
        signals: signals({ backchannel: true }),
      },
    ]);
    expect(played.final.nodeId).toBe("answered");
    expect(played.results[0]?.lines.at(-1)?.text).toMatch(/15日ね/);
  });
});

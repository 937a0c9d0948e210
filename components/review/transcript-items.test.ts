import { describe, expect, it } from "vitest";
import type { TurnView } from "@/lib/calls/call-view";
import { groupTranscript } from "./transcript-items";

function turn(seq: number, role: TurnView["role"], kind: string): TurnView {
  return {
    seq,
    role,
    kind,
    text: `${seq}`,
    atMs: seq * 1000,
    speechEndsAtMs: null,
    analysis: null,
    mood: null,
  };
}

describe("groupTranscript", () => {
  it("keeps caller lines and replies in seq order", () => {
    const items = groupTranscript([
      turn(1, "operator", "reply"),
      turn(0, "caller", "line"),
      turn(2, "caller", "interrupted"),
    ]);
    expect(items.map((i) => [i.type, i.turn.seq])).toEqual([
      ["caller", 0],
      ["operator", 1],
      ["caller", 2],
    ]);
  });

  it("puts an overlapping 相づち inside the caller line it overlapped", () => {
    const items = groupTranscript([
      turn(0, "caller", "line"),
      turn(1, "operator", "backchannel"),
      turn(2, "operator", "reply"),
    ]);
    expect(items).toHaveLength(2);
    const first = items[0];
    expect(first?.type === "caller" ? first.overlaps.map((t) => t.seq) : null).toEqual([1]);
  });

  it("shows a 相づち with no caller line before it as a reply", () => {
    expect(groupTranscript([turn(0, "operator", "backchannel")]).map((i) => i.type)).toEqual(["operator"]);
  });

  it("is empty for no turns", () => {
    expect(groupTranscript([])).toEqual([]);
  });
});

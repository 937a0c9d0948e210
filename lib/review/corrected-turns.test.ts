import { describe, expect, it } from "vitest";
import type { StoredAnalysis, TurnView } from "@/lib/calls/call-view";
import { neutralSignals } from "@/lib/rubric/labels";
import { correctAnalysis, correctTurns } from "./corrected-turns";

function analysis(overrides: Partial<StoredAnalysis> = {}): StoredAnalysis {
  return {
    ...neutralSignals(),
    register: { casual: false, repeatedToken: null },
    evidence: {},
    feedback: {},
    points: [],
    suggestion: "",
    overlapping: false,
    contextSeqs: [],
    ...overrides,
  };
}

// A reply the analyzer praised for summarizing: the green chip, its highlight and its praise.
const praisedSummary = analysis({
  backchannel: true,
  summarizing: true,
  evidence: {
    summarizing: { spans: [{ start: 0, end: 4 }] },
    backchannel: { spans: [{ start: 5, end: 7 }] },
  },
  feedback: { summarizing: "要約できています。", backchannel: "相づちが打てています。" },
  points: [
    { key: "summarizing", tone: "good", text: "『瓶が割れて』と要約できています。" },
    { key: "backchannel", tone: "good", text: "相づちでお話を受け止められています。" },
  ],
});

describe("correctAnalysis", () => {
  it("drops the evidence, feedback and praise of a label the trainer turned off", () => {
    const corrected = correctAnalysis(praisedSummary, [{ label: "summarizing", value: false }]);
    expect(corrected.summarizing).toBe(false);
    expect(Object.keys(corrected.evidence)).toEqual(["backchannel"]);
    expect(corrected.points.map((p) => p.key)).toEqual(["backchannel"]);
    expect(corrected.feedback).toEqual({ backchannel: "相づちが打てています。" });
  });

  it("takes a label the trainer turned on, and a violation they found, without the analyzer's verdict", () => {
    const keep = analysis({
      points: [{ key: "keep", tone: "good", text: "この返答はこのままで十分です。" }],
    });
    const found = correctAnalysis(keep, [
      { label: "empathy", value: true },
      { label: "violation", value: "argue" },
    ]);
    expect([found.violation, found.empathy]).toEqual(["argue", true]);
    expect(found.points).toEqual([]);
    // A step the analyzer missed is only better news: "nothing to change" still holds.
    expect(correctAnalysis(keep, [{ label: "empathy", value: true }]).points).toEqual(keep.points);
  });

  it("keeps the evidence of a question whose kind changed, and leaves a correction to the same value alone", () => {
    const asked = analysis({ question: "open", evidence: { question: { spans: [{ start: 0, end: 3 }] } } });
    expect(correctAnalysis(asked, [{ label: "question", value: "closed" }]).evidence).toEqual(asked.evidence);
    expect(correctAnalysis(praisedSummary, [{ label: "summarizing", value: true }])).toBe(praisedSummary);
  });
});

describe("correctTurns", () => {
  const turn = (seq: number, a: StoredAnalysis | null): TurnView => ({
    seq,
    role: a ? "operator" : "caller",
    kind: a ? "reply" : "line",
    text: "",
    atMs: 0,
    speechEndsAtMs: null,
    analysis: a,
    mood: null,
  });

  it("corrects only the turn each override names, and never the turns it was given", () => {
    const turns = [turn(0, null), turn(1, praisedSummary), turn(2, praisedSummary)];
    const shown = correctTurns(turns, [{ seq: 1, label: "summarizing", value: false }]);
    expect(shown[1]?.analysis?.summarizing).toBe(false);
    expect(shown[2]).toBe(turns[2]);
    expect(shown[0]).toBe(turns[0]);
    expect(turns[1]?.analysis?.summarizing).toBe(true);
  });
});

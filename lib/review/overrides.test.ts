import { describe, expect, it } from "vitest";
import { applyOverrides, parseLabelValue } from "./overrides";

describe("applyOverrides", () => {
  const turns = [
    { seq: 0, analysis: null },
    { seq: 1, analysis: { backchannel: false, question: "none", evidence: {} } },
    { seq: 2, analysis: { backchannel: true, question: "open" } },
  ];

  it("puts each override's value in place of the analyzer's label, leaving the rest", () => {
    const result = applyOverrides(turns, [
      { seq: 1, label: "backchannel", value: true },
      { seq: 1, label: "question", value: "closed" },
    ]);
    expect(result[1]!.analysis).toEqual({ backchannel: true, question: "closed", evidence: {} });
    expect(result[2]).toBe(turns[2]);
    expect(turns[1]!.analysis).toMatchObject({ backchannel: false, question: "none" });
  });

  it("ignores overrides of turns without an analysis", () => {
    expect(applyOverrides(turns, [{ seq: 0, label: "empathy", value: true }])[0]).toEqual(turns[0]);
  });
});

describe("parseLabelValue", () => {
  it.each([
    ["backchannel", true, true],
    ["backchannel", "true", false],
    ["question", "open", true],
    ["question", true, false],
    ["violation", "argue", true],
    ["violation", "shout", false],
  ] as const)("%s = %o is valid: %s", (label, value, ok) => {
    expect(parseLabelValue(label, value).ok).toBe(ok);
  });
});

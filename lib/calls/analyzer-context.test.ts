import { describe, expect, it } from "vitest";
import type { ReplyAnalysis } from "@/lib/rubric/reply-analysis";
import { remapSources, toAnalyzerContext } from "./analyzer-context";

const transcript = [
  { seq: 0, role: "caller" as const, text: "瓶が割れてたの。" },
  { seq: 1, role: "operator" as const, text: "さようでございますか。" },
  { seq: 2, role: "caller" as const, text: "番号はT-1です。" },
  { seq: 3, role: "caller" as const, text: "で、どうするの？" },
];

describe("toAnalyzerContext", () => {
  it("joins a caller's consecutive lines into one turn", () => {
    const context = toAnalyzerContext(transcript);
    expect(context.turns).toEqual([
      { role: "caller", text: "瓶が割れてたの。" },
      { role: "operator", text: "さようでございますか。" },
      { role: "caller", text: "番号はT-1です。で、どうするの？" },
    ]);
  });

  it("maps source spans back to the stored lines they came from", () => {
    const context = toAnalyzerContext(transcript);
    const analysis = {
      evidence: { parroting: { spans: [], sources: [{ turn: 2, start: 3, end: 12 }] } },
    } as unknown as ReplyAnalysis;
    const remapped = remapSources(analysis, context, transcript);
    expect(remapped.evidence.parroting?.sources).toEqual([
      { turn: 2, start: 3, end: 9 },
      { turn: 3, start: 0, end: 3 },
    ]);
    expect(remapped.contextSeqs).toEqual([0, 1, 2, 3]);
  });
});

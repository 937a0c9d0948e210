import { describe, expect, it } from "vitest";
import type { CallSummary } from "@/lib/calls/history";
import { buildTrendPoints } from "./trend-points";

const steps = { backchannel: 50, parroting: 40, summarizing: 30, question: 20, notInterrupting: 10 };

function summary(id: string, startedAt: string, overrides: Partial<CallSummary> = {}): CallSummary {
  return {
    id,
    scenarioId: "s",
    scenarioTitle: "配送遅延",
    status: "ended",
    endReason: "resolved",
    startedAt,
    overallScore: 50,
    steps,
    ...overrides,
  };
}

describe("buildTrendPoints", () => {
  it("numbers the scored attempts oldest first and skips active or unscored calls", () => {
    const points = buildTrendPoints([
      summary("c", "2025-05-03T01:00:00.000Z"),
      summary("active", "2025-05-02T12:00:00.000Z", { status: "active", steps: null }),
      summary("unscored", "2025-05-02T11:00:00.000Z", { steps: null }),
      summary("a", "2025-05-01T01:00:00.000Z"),
    ]);
    expect(points.map((p) => [p.attempt, p.callId])).toEqual([
      [1, "a"],
      [2, "c"],
    ]);
    expect(points[0]?.date).toContain("2025");
  });
});

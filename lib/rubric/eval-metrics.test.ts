import { describe, expect, it } from "vitest";
import { computeAccuracy, computeClassMetrics, computeKappa } from "./eval-metrics";

describe("eval metrics", () => {
  const gold = [true, true, false, false, true, false];
  const pred = [true, false, false, true, true, false];

  it("computes precision, recall and F1", () => {
    const m = computeClassMetrics(gold, pred, (v) => v);
    expect(m.precision).toBeCloseTo(2 / 3);
    expect(m.recall).toBeCloseTo(2 / 3);
    expect(m.f1).toBeCloseTo(2 / 3);
    expect(m.support).toBe(3);
  });

  it("computes accuracy and Cohen's kappa", () => {
    expect(computeAccuracy(gold, pred)).toBeCloseTo(4 / 6);
    // observed 2/3, expected 0.5 → kappa 1/3
    expect(computeKappa(gold, pred)).toBeCloseTo(1 / 3);
    expect(computeKappa(["a", "b"], ["a", "b"])).toBe(1);
  });
});

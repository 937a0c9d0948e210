/** Precision, recall and F1 of one class against gold. */
export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** P/R/F1 treating `positive` as the positive class. */
export function computeClassMetrics<T>(
  gold: T[],
  predicted: T[],
  positive: (value: T) => boolean,
): ClassMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] as T;
    if (positive(p) && positive(g)) tp += 1;
    else if (positive(p)) fp += 1;
    else if (positive(g)) fn += 1;
  });
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support: tp + fn };
}

/** Share of items where prediction equals gold. */
export function computeAccuracy<T>(gold: T[], predicted: T[]): number {
  if (gold.length === 0) return 1;
  return gold.filter((g, i) => g === predicted[i]).length / gold.length;
}

/** Cohen's kappa: agreement corrected for the agreement expected by chance. */
export function computeKappa<T>(gold: T[], predicted: T[]): number {
  const n = gold.length;
  if (n === 0) return 1;
  const observed = computeAccuracy(gold, predicted);
  const classes = new Set([...gold, ...predicted]);
  let expected = 0;
  for (const c of classes) {
    const goldShare = gold.filter((g) => g === c).length / n;
    const predShare = predicted.filter((p) => p === c).length / n;
    expected += goldShare * predShare;
  }
  return expected === 1 ? 1 : (observed - expected) / (1 - expected);
}

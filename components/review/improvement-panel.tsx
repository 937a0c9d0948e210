import { formatScore } from "@/components/labels-ja";
import type { Scorecard } from "@/lib/calls/scorecard";
import { pickImprovementTips } from "./improvement-tips";

/** 次に意識したいこと: the weakest steps with one concrete tip each. */
export function ImprovementPanel({ scorecard }: { scorecard: Scorecard }) {
  const tips = pickImprovementTips(scorecard);
  return (
    <ol className="space-y-3" data-testid="improvement-tips">
      {tips.map((tip) => (
        <li key={tip.step} className="rounded-lg border border-amber-200 bg-amber-50/60 px-4 py-3">
          <p className="flex items-baseline justify-between gap-2">
            <span className="font-semibold text-slate-900">{tip.label}</span>
            <span className="text-sm tabular-nums text-slate-600">{formatScore(tip.score)}点</span>
          </p>
          <p className="mt-1 text-sm text-slate-700">{tip.tip}</p>
        </li>
      ))}
    </ol>
  );
}

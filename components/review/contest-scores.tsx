import { formatScore } from "@/components/labels-ja";
import type { Scorecard } from "@/lib/calls/scorecard";

/** 電話応対コンクール style category scores. */
export function ContestScores({ contest }: { contest: NonNullable<Scorecard["contest"]> }) {
  return (
    <ul className="grid gap-2 sm:grid-cols-2">
      {contest.map((category) => (
        <li
          key={category.category}
          data-testid={`contest-${category.category}`}
          className="flex items-center justify-between gap-3 rounded-lg border border-slate-200 px-3 py-2"
        >
          <span className="text-sm text-slate-700">{category.label}</span>
          <span className="text-lg font-semibold tabular-nums text-slate-900">
            {formatScore(category.score)}
            <span className="ml-0.5 text-xs font-normal text-slate-500">点</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

import {
  explanationLabels,
  formatScore,
  type ScoreKey,
  scoreLabels,
  stepLabels,
} from "@/components/labels-ja";
import type { Scorecard } from "@/lib/calls/scorecard";

/** The five steps and the three extra skills as labelled bars with their numbers. */
export function ScoreBars({ scorecard }: { scorecard: Scorecard }) {
  const steps = Object.keys(stepLabels) as (keyof Scorecard["steps"])[];
  const extras = ["empathy", "cushion", "limitedApology"] as const;
  return (
    <div className="space-y-4">
      <ScoreGroup title="傾聴の5ステップ" rows={steps.map((key) => ({ key, score: scorecard.steps[key] }))} />
      <ScoreGroup title="言葉づかい" rows={extras.map((key) => ({ key, score: scorecard[key] }))} />
    </div>
  );
}

function ScoreGroup({ title, rows }: { title: string; rows: { key: ScoreKey; score: number }[] }) {
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-700">{title}</h3>
      <ul className="mt-2 space-y-2">
        {rows.map((row) => (
          <li
            key={row.key}
            data-testid={`score-${row.key}`}
            className="grid grid-cols-[7.5rem_1fr_2.5rem] items-center gap-3"
          >
            <span className="text-sm text-slate-700">{scoreLabels[row.key]}</span>
            <span aria-hidden="true" className="h-2.5 overflow-hidden rounded-full bg-slate-100">
              <span
                className={`block h-full rounded-full ${barColor(row.score)}`}
                style={{ width: `${Math.min(100, Math.max(0, row.score))}%` }}
              />
            </span>
            <span className="text-right text-sm font-semibold tabular-nums text-slate-900">
              {formatScore(row.score)}
              <span className="sr-only">点</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function barColor(score: number): string {
  if (score >= 80) return "bg-brand-600";
  if (score >= 50) return "bg-amber-500";
  return "bg-rose-500";
}

/** 採点のしかた: the plain-Japanese formula behind each score, collapsed by default. */
export function ScoreExplanations({ explanations }: { explanations: Scorecard["explanations"] }) {
  const known = Object.keys(explanationLabels);
  const keys = Object.keys(explanations).sort((a, b) => rank(known, a) - rank(known, b));
  if (keys.length === 0) return null;
  return (
    <details
      className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm"
      data-testid="score-explanations"
    >
      <summary className="cursor-pointer font-semibold text-slate-700 hover:text-slate-900">
        採点のしかた
      </summary>
      <dl className="mt-3 space-y-2">
        {keys.map((key) => (
          <div key={key}>
            <dt className="font-semibold text-slate-700">{explanationLabels[key] ?? key}</dt>
            <dd className="text-slate-600">{explanations[key]}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

function rank(known: readonly string[], key: string): number {
  const i = known.indexOf(key);
  return i === -1 ? known.length : i;
}

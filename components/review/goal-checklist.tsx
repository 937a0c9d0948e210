import type { Scorecard } from "@/lib/calls/scorecard";

/** The scenario's goals, reached ✓ or not ✗. */
export function GoalChecklist({ goals }: { goals: Scorecard["goals"] }) {
  if (goals.length === 0) return <p className="text-sm text-slate-600">このシナリオには目標がありません。</p>;
  const reached = goals.filter((goal) => goal.reached).length;
  return (
    <div>
      <p className="text-sm text-slate-600">
        {goals.length}件中 {reached}件 達成
      </p>
      <ul className="mt-2 space-y-1.5">
        {goals.map((goal) => (
          <li key={goal.id} data-testid={`goal-${goal.id}`} className="flex items-start gap-2 text-sm">
            <span
              aria-hidden="true"
              className={`mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${
                goal.reached ? "bg-emerald-100 text-emerald-700" : "bg-slate-100 text-slate-500"
              }`}
            >
              {goal.reached ? "✓" : "✗"}
            </span>
            <span className={goal.reached ? "text-slate-900" : "text-slate-600"}>
              {goal.label}
              <span className="sr-only">{goal.reached ? "（達成）" : "（未達成）"}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

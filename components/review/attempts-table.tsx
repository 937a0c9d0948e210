import Link from "next/link";
import { formatDateTime, formatScore, type StepKey, stepLabels } from "@/components/labels-ja";
import type { CallSummary } from "@/lib/calls/history";
import { pickRecentAttempts } from "./recent-attempts";
import { ScrollTable, tdClass, thClass } from "./scroll-table";

const MAX_ROWS = 10;

/** Recent attempts at one scenario (newest first), the current call marked, each linking to its review. */
export function AttemptsTable({
  attempts,
  currentId,
}: {
  attempts: readonly CallSummary[];
  currentId: string;
}) {
  const steps = Object.keys(stepLabels) as StepKey[];
  const shown = pickRecentAttempts(attempts, currentId, MAX_ROWS);
  const hidden = attempts.length - shown.length;
  return (
    <div className="space-y-2">
      <ScrollTable label="同じシナリオの練習の記録" testId="attempts-table">
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              日時
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              総合
            </th>
            {steps.map((step) => (
              <th key={step} scope="col" className={`${thClass} text-right`}>
                {stepLabels[step]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((attempt) => (
            <AttemptRow key={attempt.id} attempt={attempt} current={attempt.id === currentId} steps={steps} />
          ))}
        </tbody>
      </ScrollTable>
      {hidden > 0 && (
        <p className="text-xs text-slate-500">ほか{hidden}件の記録は「練習の記録」でご覧いただけます。</p>
      )}
    </div>
  );
}

function AttemptRow({
  attempt,
  current,
  steps,
}: {
  attempt: CallSummary;
  current: boolean;
  steps: StepKey[];
}) {
  const href = attempt.status === "active" ? `/calls/${attempt.id}` : `/calls/${attempt.id}/review`;
  return (
    <tr className={current ? "bg-brand-50" : undefined} data-testid={`attempt-${attempt.id}`}>
      <th scope="row" className={`${tdClass} text-left font-normal`}>
        <Link
          href={href}
          aria-current={current ? "page" : undefined}
          className="text-brand-700 underline-offset-2 hover:underline"
        >
          {formatDateTime(attempt.startedAt)}
        </Link>
        {current && (
          <span className="ml-2 rounded bg-brand-600 px-1.5 py-0.5 text-xs font-semibold text-white">
            今回
          </span>
        )}
        {attempt.status === "active" && <span className="ml-2 text-xs text-slate-500">通話中</span>}
      </th>
      <td className={`${tdClass} text-right font-semibold tabular-nums`}>
        {formatScore(attempt.overallScore)}
      </td>
      {steps.map((step) => (
        <td key={step} className={`${tdClass} text-right tabular-nums`}>
          {formatScore(attempt.steps?.[step])}
        </td>
      ))}
    </tr>
  );
}

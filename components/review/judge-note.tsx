import type { RubricLabels } from "@/lib/rubric/labels";
import { listJudgeDisagreements } from "./judge-disagreements";

/** The LLM judge's second opinion on one reply: where it differs from the automatic labels. */
export function JudgeNote({ analyzer, judge }: { analyzer: RubricLabels; judge: RubricLabels | undefined }) {
  if (!judge) return null;
  const differences = listJudgeDisagreements(analyzer, judge);
  return (
    <div
      className="rounded-lg border border-violet-200 bg-violet-50 px-3 py-2 text-sm"
      data-testid="judge-note"
    >
      <p className="text-xs font-semibold text-violet-800">AI 判定（参考）</p>
      {differences.length === 0 ? (
        <p className="mt-0.5 text-slate-700">自動評価と同じ判定です。</p>
      ) : (
        <ul className="mt-0.5 space-y-0.5 text-slate-800" aria-label="自動評価との違い">
          {differences.map((d) => (
            <li key={d.key} data-testid={`judge-differs-${d.key}`}>
              {d.label}：自動評価は「{d.analyzer}」、AI 判定は「{d.judge}」
            </li>
          ))}
        </ul>
      )}
      <p className="mt-1 text-xs text-slate-500">点数には自動評価のみを使います。</p>
    </div>
  );
}

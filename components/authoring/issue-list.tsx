import type { ScenarioIssue } from "@/lib/scenario/scenario-issue";

/** The loader's problems, each with its line:column and field; a click jumps to it in the YAML. */
export function IssueList({
  issues,
  onSelect,
}: {
  issues: ScenarioIssue[];
  onSelect: (issue: ScenarioIssue) => void;
}) {
  if (issues.length === 0) {
    return (
      <p className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="validation-ok">
        問題は見つかりません。公開できます。
      </p>
    );
  }
  return (
    <div className="rounded-lg border border-rose-200 bg-rose-50 p-3" data-testid="validation-issues">
      <h3 className="text-sm font-semibold text-rose-800">問題が {issues.length} 件あります</h3>
      <ul className="mt-2 space-y-1 text-sm">
        {issues.map((issue) => (
          <li key={`${issue.line}:${issue.column}:${issue.path}:${issue.message}`}>
            <button
              type="button"
              className="w-full rounded px-2 py-1 text-left text-rose-900 hover:bg-rose-100"
              onClick={() => onSelect(issue)}
              data-testid="validation-issue"
            >
              <span className="font-mono text-xs">
                {issue.line}行 {issue.column}列
              </span>
              {issue.path && <span className="ml-2 font-mono text-xs text-rose-700">{issue.path}</span>}
              <span className="ml-2">{issue.messageJa}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

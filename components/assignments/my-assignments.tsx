import { formatDateTime } from "@/components/labels-ja";
import { SubmitButton } from "@/components/submit-button";
import { cardClass } from "@/components/ui";
import type { AssignmentView } from "@/lib/team/assignments";
import { AssignmentStatusBadge } from "./assignment-status-badge";

/** A trainee's assignments at the top of their home page, each with its status and a start button. */
export function MyAssignments({
  assignments,
  startAction,
}: {
  assignments: readonly AssignmentView[];
  startAction: (formData: FormData) => Promise<void>;
}) {
  if (assignments.length === 0) return null;
  return (
    <section aria-labelledby="my-assignments-heading" className={`${cardClass} space-y-3`}>
      <h2 id="my-assignments-heading" className="text-lg font-semibold">
        トレーナーからの課題
      </h2>
      <ul className="divide-y divide-slate-100" data-testid="my-assignments">
        {assignments.map((a) => (
          <li
            key={a.id}
            className="flex flex-wrap items-center justify-between gap-3 py-3"
            data-testid={`my-assignment-${a.id}`}
          >
            <div className="min-w-0 space-y-0.5">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{a.scenarioTitle}</span>
                <AssignmentStatusBadge status={a.status} />
              </p>
              <p className="text-sm text-slate-600">
                期限 {formatDateTime(a.dueAt)}
                {a.assignedByName && `・${a.assignedByName}`}
              </p>
              {a.note && <p className="text-sm text-slate-700">{a.note}</p>}
            </div>
            <form action={startAction}>
              <input type="hidden" name="scenarioId" value={a.scenarioId} />
              <SubmitButton pendingText="接続中…">
                {a.status === "completed" ? "もう一度練習する" : "練習を始める"}
              </SubmitButton>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}

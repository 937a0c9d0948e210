import { AssignmentStatusBadge } from "@/components/assignments/assignment-status-badge";
import { formatDateTime } from "@/components/labels-ja";
import {
  actionTdClass,
  ScrollTable,
  TableHead,
  tdClass,
  wrapTdClass,
} from "@/components/review/scroll-table";
import { dangerButtonClass } from "@/components/ui";
import type { AssignmentView } from "@/lib/team/assignments";

/** The team's assignments with their status; each can be deleted. */
export function AssignmentList({
  assignments,
  deleteAction,
}: {
  assignments: readonly AssignmentView[];
  deleteAction: (formData: FormData) => Promise<void>;
}) {
  if (assignments.length === 0) return <p className="text-sm text-slate-600">出している課題はありません。</p>;
  return (
    <ScrollTable label="出している課題" testId="team-assignments">
      <TableHead columns={["研修生", "シナリオ", "期限", "状況", "メモ", ""]} />
      <tbody>
        {assignments.map((a) => (
          <tr key={a.id} data-testid={`assignment-${a.id}`}>
            <td className={tdClass}>{a.traineeName}</td>
            <td className={wrapTdClass}>{a.scenarioTitle}</td>
            <td className={tdClass}>{formatDateTime(a.dueAt)}</td>
            <td className={tdClass}>
              <AssignmentStatusBadge status={a.status} />
            </td>
            <td className={`${wrapTdClass} text-slate-600`}>{a.note ?? ""}</td>
            <td className={actionTdClass}>
              <form action={deleteAction}>
                <input type="hidden" name="assignmentId" value={a.id} />
                <button type="submit" className={dangerButtonClass}>
                  取り消す
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

import { type AssignmentStatus, assignmentStatusLabels } from "@/lib/team/assignment-status";

const statusClass: Record<AssignmentStatus, string> = {
  not_started: "bg-slate-100 text-slate-700",
  in_progress: "bg-sky-100 text-sky-800",
  completed: "bg-emerald-100 text-emerald-800",
  overdue: "bg-rose-100 text-rose-800",
};

export function AssignmentStatusBadge({ status }: { status: AssignmentStatus }) {
  return (
    <span
      className={`rounded-full px-2 py-0.5 text-xs font-semibold ${statusClass[status]}`}
      data-testid="assignment-status"
    >
      {assignmentStatusLabels[status]}
    </span>
  );
}

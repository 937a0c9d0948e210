// An assignment's status comes from the trainee's calls of the scenario made after it was assigned.
export const assignmentStatuses = ["not_started", "in_progress", "completed", "overdue"] as const;
export type AssignmentStatus = (typeof assignmentStatuses)[number];

export const assignmentStatusLabels: Record<AssignmentStatus, string> = {
  not_started: "未着手",
  in_progress: "練習中",
  completed: "完了",
  overdue: "期限切れ",
};

/** 完了 once an attempt ended; 期限切れ past the due date; 練習中 with only an active call; else 未着手. Pure. */
export function assignmentStatus(input: {
  dueAt: Date;
  now: Date;
  calls: readonly { status: "active" | "ended" }[];
}): AssignmentStatus {
  if (input.calls.some((c) => c.status === "ended")) return "completed";
  if (input.now > input.dueAt) return "overdue";
  if (input.calls.some((c) => c.status === "active")) return "in_progress";
  return "not_started";
}

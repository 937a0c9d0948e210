import { z } from "zod";
import { plainText } from "@/lib/validation/plain-text";
import { MAX_NOTE_CHARS } from "./assignment-limits";

/** A new assignment, as the API and the dashboard form send it. */
export const assignmentRequestSchema = z.object({
  scenarioId: z.uuid("シナリオを選んでください。"),
  traineeIds: z.array(z.uuid()).min(1, "研修生を1人以上選んでください。").max(200),
  dueAt: z.coerce.date({ error: "期限の日付が正しくありません。" }),
  note: plainText().max(MAX_NOTE_CHARS, `メモは${MAX_NOTE_CHARS}文字以内にしてください。`).nullish(),
});

/** A due date picked as a calendar day means the end of that day in Japan. */
export function dueAtFromDate(day: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const due = new Date(`${day}T23:59:59+09:00`);
  return Number.isNaN(due.getTime()) ? null : due;
}

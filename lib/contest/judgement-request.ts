import { z } from "zod";
import { plainText } from "@/lib/validation/plain-text";
import { CONTEST_MARK_MAX, CONTEST_MARK_MIN, contestCategoryIds } from "./categories";

export const MAX_JUDGE_COMMENT_CHARS = 500;

const categoryMarkSchema = z.object({
  mark: z
    .number({ error: "評価（1〜5）を選んでください。" })
    .int("評価は1〜5の整数で選んでください。")
    .min(CONTEST_MARK_MIN, "評価は1〜5で選んでください。")
    .max(CONTEST_MARK_MAX, "評価は1〜5で選んでください。"),
  comment: plainText()
    .max(MAX_JUDGE_COMMENT_CHARS, `コメントは${MAX_JUDGE_COMMENT_CHARS}文字以内で入力してください。`)
    .default(""),
});

/** A judge's sheet as sent and as stored (jsonb): every category marked, each with an optional comment. */
export const judgementMarksSchema = z.strictObject(
  Object.fromEntries(contestCategoryIds.map((id) => [id, categoryMarkSchema])) as Record<
    (typeof contestCategoryIds)[number],
    typeof categoryMarkSchema
  >,
);
export type JudgementMarks = z.infer<typeof judgementMarksSchema>;

export const judgementRequestSchema = z.object({ marks: judgementMarksSchema });

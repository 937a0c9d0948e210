"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parseFormValue } from "@/components/review/override-labels";
import { requireRole } from "@/lib/auth/session";
import { type Db, getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { addComment, removeOverride, setOverride } from "@/lib/review/annotations";
import { overridableLabelSchema } from "@/lib/review/overrides";

export interface AnnotationState {
  error?: string;
  /** Bumped on success so that the form can clear itself. */
  savedAt?: number;
}

const targetSchema = z.object({ callId: z.uuid(), seq: z.number().int().min(0) });

/** A trainer's comment on one turn of a team member's call. */
export async function addCommentAction(
  target: { callId: string; seq: number },
  _prev: AnnotationState,
  formData: FormData,
): Promise<AnnotationState> {
  const user = await requireRole(["trainer", "admin"]);
  const parsed = targetSchema.safeParse(target);
  if (!parsed.success) return { error: "対象の発言が見つかりません。" };
  return run(parsed.data.callId, (db) =>
    addComment(db, user, { ...parsed.data, body: String(formData.get("body") ?? "") }),
  );
}

/** A trainer's correction of one label of one reply, with the reason. */
export async function setOverrideAction(
  target: { callId: string; seq: number },
  _prev: AnnotationState,
  formData: FormData,
): Promise<AnnotationState> {
  const user = await requireRole(["trainer", "admin"]);
  const parsed = targetSchema.safeParse(target);
  const label = overridableLabelSchema.safeParse(formData.get("label"));
  if (!parsed.success || !label.success) return { error: "修正する評価項目を選んでください。" };
  return run(parsed.data.callId, (db) =>
    setOverride(db, user, {
      ...parsed.data,
      label: label.data,
      value: parseFormValue(label.data, String(formData.get("value") ?? "")),
      reason: String(formData.get("reason") ?? ""),
    }),
  );
}

/** Removes a correction: the analyzer's value counts again. */
export async function removeOverrideAction(
  target: { callId: string; seq: number; label: string },
  _prev: AnnotationState,
  _formData: FormData,
): Promise<AnnotationState> {
  const user = await requireRole(["trainer", "admin"]);
  const parsed = targetSchema.extend({ label: overridableLabelSchema }).safeParse(target);
  if (!parsed.success) return { error: "修正が見つかりません。" };
  return run(parsed.data.callId, (db) => removeOverride(db, user, parsed.data));
}

async function run(callId: string, write: (db: Db) => Promise<unknown>): Promise<AnnotationState> {
  try {
    await write(await getDb());
  } catch (error) {
    if (isAppError(error) && error.status < 500) return { error: error.message };
    throw error;
  }
  revalidatePath(`/calls/${callId}/review`);
  return { savedAt: Date.now() };
}

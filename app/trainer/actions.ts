"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { teamNameSchema } from "@/lib/accounts/admin";
import { createInvite, revokeInvite } from "@/lib/accounts/invites";
import { createTeamForTrainer } from "@/lib/accounts/teams";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getProxyTrust } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { requestOrigin } from "@/lib/http/request-origin";
import { assignmentRequestSchema, dueAtFromDate } from "@/lib/team/assignment-request";
import { createAssignments, deleteAssignment } from "@/lib/team/assignments";
import { requireTeamScope } from "@/lib/team/team-scope";

export interface InviteState {
  link?: string;
  expiresAt?: string;
  error?: string;
}

export async function createInviteAction(_prev: InviteState, _formData: FormData): Promise<InviteState> {
  const user = await requireRole(["trainer", "admin"]);
  if (!user.teamId) return { error: "先にチームを作成してください。" };
  const { token, expiresAt } = await createInvite(await getDb(), {
    teamId: user.teamId,
    createdById: user.id,
    now: new Date(),
  });
  revalidatePath("/trainer");
  return {
    link: `${requestOrigin(await headers(), getProxyTrust())}/invite/${token}`,
    expiresAt: expiresAt.toISOString(),
  };
}

const revokeSchema = z.object({ inviteId: z.uuid() });

export async function revokeInviteAction(formData: FormData): Promise<void> {
  const user = await requireRole(["trainer", "admin"]);
  const parsed = revokeSchema.safeParse({ inviteId: formData.get("inviteId") });
  if (!parsed.success || !user.teamId) return;
  try {
    await revokeInvite(await getDb(), {
      inviteId: parsed.data.inviteId,
      teamId: user.teamId,
      now: new Date(),
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    console.warn("Invite revoke refused", error.code);
  }
  revalidatePath("/trainer");
}

export interface TeamState {
  error?: string;
}

const teamSchema = z.object({ name: teamNameSchema });

export async function createTeamAction(_prev: TeamState, formData: FormData): Promise<TeamState> {
  const user = await requireRole(["trainer", "admin"]);
  if (user.teamId) return { error: "すでにチームに所属しています。" };
  const parsed = teamSchema.safeParse({ name: formData.get("name") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message };
  await createTeamForTrainer(await getDb(), { name: parsed.data.name, trainerId: user.id });
  revalidatePath("/trainer");
  return {};
}

export interface AssignmentFormState {
  error?: string;
  assigned?: number;
}

/** Assigns a scenario to trainees of the team being viewed (checked again here: ids come from the page). */
export async function createAssignmentAction(
  teamId: string,
  _prev: AssignmentFormState,
  formData: FormData,
): Promise<AssignmentFormState> {
  const user = await requireRole(["trainer", "admin"]);
  const db = await getDb();
  const dueAt = dueAtFromDate(String(formData.get("dueDate") ?? ""));
  const parsed = assignmentRequestSchema.safeParse({
    scenarioId: formData.get("scenarioId"),
    traineeIds: formData.getAll("traineeIds"),
    dueAt,
    note: formData.get("note") || null,
  });
  if (!dueAt) return { error: "期限の日付を入力してください。" };
  if (!parsed.success) return { error: parsed.error.issues[0]?.message };
  try {
    const scope = await requireTeamScope(db, user, teamId);
    const ids = await createAssignments(db, user, { teamId: scope.teamId, ...parsed.data });
    revalidatePath("/trainer");
    return { assigned: ids.length };
  } catch (error) {
    if (isAppError(error) && error.status < 500) return { error: error.message };
    throw error;
  }
}

const deleteAssignmentSchema = z.object({ assignmentId: z.uuid() });

export async function deleteAssignmentAction(teamId: string, formData: FormData): Promise<void> {
  const user = await requireRole(["trainer", "admin"]);
  const parsed = deleteAssignmentSchema.safeParse({ assignmentId: formData.get("assignmentId") });
  if (!parsed.success) return;
  const db = await getDb();
  try {
    const scope = await requireTeamScope(db, user, teamId);
    await deleteAssignment(db, { teamId: scope.teamId, assignmentId: parsed.data.assignmentId });
  } catch (error) {
    if (!isAppError(error)) throw error;
    console.warn("Assignment delete refused", error.code);
  }
  revalidatePath("/trainer");
}

"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { createTeam, renameTeam, teamExists, teamNameSchema, updateUser } from "@/lib/accounts/admin";
import { createInvite } from "@/lib/accounts/invites";
import { requireRole } from "@/lib/auth/session";
import { type Db, getDb } from "@/lib/db/client";
import { getProxyTrust } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { requestOrigin } from "@/lib/http/request-origin";

export interface AdminFormState {
  error?: string;
  done?: number;
}

export interface AdminInviteState {
  link?: string;
  expiresAt?: string;
  role?: "trainee" | "trainer";
  error?: string;
}

export async function createTeamAdminAction(
  _prev: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  await requireRole(["admin"]);
  const parsed = teamNameSchema.safeParse(formData.get("name"));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message };
  await createTeam(await getDb(), parsed.data);
  revalidatePath("/admin");
  return { done: Date.now() };
}

const renameSchema = z.object({ teamId: z.uuid(), name: teamNameSchema });

export async function renameTeamAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  await requireRole(["admin"]);
  const parsed = renameSchema.safeParse({ teamId: formData.get("teamId"), name: formData.get("name") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message };
  return write((db) => renameTeam(db, parsed.data));
}

const userFormSchema = z.object({
  userId: z.uuid(),
  teamId: z.union([z.uuid(), z.literal("")]).transform((v) => (v === "" ? null : v)),
  role: z.enum(["trainee", "trainer", "admin"]),
});

/** Moves a user to another team and/or changes their role. */
export async function updateUserAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const admin = await requireRole(["admin"]);
  const parsed = userFormSchema.safeParse({
    userId: formData.get("userId"),
    teamId: formData.get("teamId") ?? "",
    role: formData.get("role"),
  });
  if (!parsed.success) return { error: "入力内容が正しくありません。" };
  const { userId, ...change } = parsed.data;
  return write((db) => updateUser(db, { actorId: admin.id, userId, change }));
}

const inviteSchema = z.object({ teamId: z.uuid(), role: z.enum(["trainee", "trainer"]) });

/** An invite link for any team, for a trainee or a trainer account. */
export async function createInviteAdminAction(
  _prev: AdminInviteState,
  formData: FormData,
): Promise<AdminInviteState> {
  const admin = await requireRole(["admin"]);
  const parsed = inviteSchema.safeParse({ teamId: formData.get("teamId"), role: formData.get("role") });
  if (!parsed.success) return { error: "チームと役割を選んでください。" };
  const db = await getDb();
  if (!(await teamExists(db, parsed.data.teamId))) return { error: "チームが見つかりません。" };
  const { token, expiresAt } = await createInvite(db, {
    teamId: parsed.data.teamId,
    role: parsed.data.role,
    createdById: admin.id,
    now: new Date(),
  });
  return {
    link: `${requestOrigin(await headers(), getProxyTrust())}/invite/${token}`,
    expiresAt: expiresAt.toISOString(),
    role: parsed.data.role,
  };
}

async function write(run: (db: Db) => Promise<unknown>): Promise<AdminFormState> {
  try {
    await run(await getDb());
  } catch (error) {
    if (isAppError(error) && error.status < 500) return { error: error.message };
    throw error;
  }
  revalidatePath("/admin");
  return { done: Date.now() };
}

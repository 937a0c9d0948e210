"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { createInvite, revokeInvite } from "@/lib/accounts/invites";
import { createTeamForTrainer } from "@/lib/accounts/teams";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";

export interface InviteState {
  link?: string;
  expiresAt?: string;
  error?: string;
}

export async function createInviteAction(_prev: InviteState, _formData: FormData): Promise<InviteState> {
  const user = await requireRole("trainer", "admin");
  if (!user.teamId) return { error: "先にチームを作成してください。" };
  const { token, expiresAt } = await createInvite(await getDb(), {
    teamId: user.teamId,
    createdById: user.id,
    now: new Date(),
  });
  revalidatePath("/trainer");
  return { link: `${await requestOrigin()}/invite/${token}`, expiresAt: expiresAt.toISOString() };
}

const revokeSchema = z.object({ inviteId: z.uuid() });

export async function revokeInviteAction(formData: FormData): Promise<void> {
  const user = await requireRole("trainer", "admin");
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

const teamSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "チーム名を入力してください。")
    .max(60, "チーム名は60文字以内にしてください。"),
});

export async function createTeamAction(_prev: TeamState, formData: FormData): Promise<TeamState> {
  const user = await requireRole("trainer", "admin");
  if (user.teamId) return { error: "すでにチームに所属しています。" };
  const parsed = teamSchema.safeParse({ name: formData.get("name") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message };
  await createTeamForTrainer(await getDb(), { name: parsed.data.name, trainerId: user.id });
  revalidatePath("/trainer");
  return {};
}

async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto =
    h.get("x-forwarded-proto") ??
    (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

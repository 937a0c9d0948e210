"use server";

import { z } from "zod";
import { acceptInvite, acceptInviteSchema } from "@/lib/accounts/invites";
import { signIn } from "@/lib/auth/config";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";

export interface AcceptInviteState {
  error?: string;
  values?: { name: string; email: string };
}

const tokenSchema = z.string().min(10).max(100);

export async function acceptInviteAction(
  token: string,
  _prev: AcceptInviteState,
  formData: FormData,
): Promise<AcceptInviteState> {
  const values = { name: String(formData.get("name") ?? ""), email: String(formData.get("email") ?? "") };
  const parsedToken = tokenSchema.safeParse(token);
  if (!parsedToken.success) return { error: "この招待リンクは無効です。", values };
  const parsed = acceptInviteSchema.safeParse({ ...values, password: formData.get("password") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message, values };
  try {
    await acceptInvite(await getDb(), { token: parsedToken.data, account: parsed.data, now: new Date() });
  } catch (error) {
    if (isAppError(error)) return { error: error.message, values };
    throw error;
  }
  // The account exists now; signing in redirects home (the redirect is thrown and must propagate).
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/" });
  return {};
}

"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import { acceptInvite, acceptInviteSchema, joinInviteTeam } from "@/lib/accounts/invites";
import { findUserByEmail } from "@/lib/accounts/users";
import { signIn } from "@/lib/auth/config";
import { isSignInAllowed } from "@/lib/auth/sign-in-throttle";
import { getDb } from "@/lib/db/client";
import { getEnv, getProxyTrust } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/request-origin";

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
  const db = await getDb();
  const attempt = {
    email: parsed.data.email,
    address: clientAddress(await headers(), getProxyTrust()),
    now: new Date(),
  };
  if (!(await isSignInAllowed(db, attempt, getEnv().signInLimits))) return { error: THROTTLED, values };
  try {
    await acceptInvite(db, { token: parsedToken.data, account: parsed.data, now: attempt.now });
  } catch (error) {
    if (isAppError(error) && error.code === "conflict")
      return signInExistingAccount(parsedToken.data, parsed.data, values);
    if (isAppError(error)) return { error: error.message, values };
    throw error;
  }
  // The account exists now; signing in redirects home (the redirect is thrown and must propagate).
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/" });
  return {};
}

// An email that already has an account is not named as such (anyone holding the link could list the
// accounts): its owner, who typed their own password, is signed in as a newcomer would be, and joins the
// invite's team if they have none; anyone else gets a neutral refusal, counted as a failed sign-in so
// the sign-in throttle bounds the guessing.
async function signInExistingAccount(
  token: string,
  account: { email: string; password: string },
  values: AcceptInviteState["values"],
): Promise<AcceptInviteState> {
  try {
    await signIn("credentials", { email: account.email, password: account.password, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { error: error.code === "throttled" ? THROTTLED : NOT_REGISTERED, values };
    }
    throw error;
  }
  const db = await getDb();
  const user = await findUserByEmail(db, account.email);
  // An expired or revoked link ("invalid") or a member of another team ("kept") still signs in.
  if (user) await joinInviteTeam(db, { token, userId: user.id, now: new Date() });
  redirect("/");
}

const NOT_REGISTERED =
  "このメールアドレスでは登録できませんでした。入力内容を確認するか、トレーナーにお問い合わせください。";
const THROTTLED = "試行回数が多すぎます。しばらくしてからもう一度お試しください。";

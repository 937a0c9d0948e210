"use server";

import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { findUserByEmail } from "@/lib/accounts/users";
import { signIn, signOut } from "@/lib/auth/config";
import { homePathFor, safeReturnTo } from "@/lib/auth/return-to";
import { getDb } from "@/lib/db/client";
import { hasControlCharacters } from "@/lib/validation/plain-text";

export interface SignInState {
  error?: string;
  email?: string;
}

const WRONG_LOGIN = "メールアドレスまたはパスワードが正しくありません。";

const formSchema = z.object({
  email: z.string().trim().min(1, "メールアドレスを入力してください。").max(200),
  password: z.string().min(1, "パスワードを入力してください。").max(200),
});

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = formSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  const email = String(formData.get("email") ?? "");
  if (!parsed.success) return { error: parsed.error.issues[0]?.message, email };
  // No account's email or password holds a control character: the usual wrong-login answer, which
  // tells nothing, rather than a query the database refuses.
  if (hasControlCharacters(parsed.data.email) || hasControlCharacters(parsed.data.password)) {
    return { error: WRONG_LOGIN, email: "" };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) return { error: signInErrorMessage(error), email };
    throw error;
  }
  // Straight to the page asked for, or the role's own start page: never "/" and a second redirect.
  const user = await findUserByEmail(await getDb(), parsed.data.email);
  redirect(safeReturnTo(formData.get("callbackUrl")) ?? (user ? homePathFor(user.role) : "/"));
}

// The same words for a known and an unknown email: the page never tells which accounts exist.
function signInErrorMessage(error: AuthError): string {
  if (error instanceof CredentialsSignin && error.code === "throttled") return THROTTLED_MESSAGE;
  if (error.type === "CredentialsSignin") return WRONG_LOGIN;
  return "ログインできませんでした。しばらくしてからもう一度お試しください。";
}

const THROTTLED_MESSAGE = "ログインの試行回数が多すぎます。しばらくしてからもう一度お試しください。";

// The page asked for survives the round trip to the provider (Auth.js keeps it in a cookie).
export async function signInWithProviderAction(provider: string, returnTo?: string | null): Promise<void> {
  await signIn(provider, { redirectTo: safeReturnTo(returnTo) ?? "/" });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin" });
}

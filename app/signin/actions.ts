"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth/config";
import { safeReturnTo } from "@/lib/auth/return-to";
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
    // On success signIn throws Next's redirect, which must propagate.
    await signIn("credentials", {
      ...parsed.data,
      redirectTo: safeReturnTo(formData.get("callbackUrl")) ?? "/",
    });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      return {
        error:
          error.type === "CredentialsSignin"
            ? WRONG_LOGIN
            : "ログインできませんでした。しばらくしてからもう一度お試しください。",
        email,
      };
    }
    throw error;
  }
}

export async function signInWithProviderAction(provider: string): Promise<void> {
  await signIn(provider, { redirectTo: "/" });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin" });
}

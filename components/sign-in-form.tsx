"use client";

import { useActionState } from "react";
import { SubmitButton } from "./submit-button";
import { alertErrorClass, inputClass, labelClass } from "./ui";

interface SignInState {
  error?: string;
  email?: string;
}

export function SignInForm({
  action,
  returnTo = null,
}: {
  action: (prev: SignInState, formData: FormData) => Promise<SignInState>;
  /** The page to come back to after signing in (checked again on the server). */
  returnTo?: string | null;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {returnTo && <input type="hidden" name="callbackUrl" value={returnTo} />}
      {state.error && (
        <p role="alert" className={alertErrorClass}>
          {state.error}
        </p>
      )}
      <div>
        <label htmlFor="email" className={labelClass}>
          メールアドレス
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="password" className={labelClass}>
          パスワード
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
        />
      </div>
      <SubmitButton
        pendingText="ログイン中…"
        className="w-full rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        ログイン
      </SubmitButton>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { SubmitButton } from "./submit-button";
import { alertErrorClass, inputClass, labelClass } from "./ui";

interface AcceptInviteState {
  error?: string;
  values?: { name: string; email: string };
}

export function AcceptInviteForm({
  action,
  minPasswordLength,
}: {
  action: (prev: AcceptInviteState, formData: FormData) => Promise<AcceptInviteState>;
  minPasswordLength: number;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.error && (
        <p role="alert" className={alertErrorClass}>
          {state.error}
        </p>
      )}
      <div>
        <label htmlFor="name" className={labelClass}>
          お名前
        </label>
        <input
          id="name"
          name="name"
          autoComplete="name"
          required
          maxLength={60}
          defaultValue={state.values?.name}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="email" className={labelClass}>
          メールアドレス
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.values?.email}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="password" className={labelClass}>
          パスワード（{minPasswordLength}文字以上）
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={minPasswordLength}
          className={inputClass}
        />
      </div>
      <SubmitButton pendingText="登録中…">登録して始める</SubmitButton>
    </form>
  );
}

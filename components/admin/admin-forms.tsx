"use client";

import { type ReactNode, useActionState } from "react";
import { SubmitButton } from "@/components/submit-button";
import { alertErrorClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui";

interface FormState {
  error?: string;
  done?: number;
}

/** A small admin form that shows its error, or a short confirmation once saved. */
export function AdminForm({
  action,
  children,
  submitLabel,
  testId,
  className = "flex flex-wrap items-end gap-2",
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  children: ReactNode;
  submitLabel: string;
  testId?: string;
  className?: string;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className={className} data-testid={testId}>
      {children}
      <SubmitButton pendingText="保存中…" className={secondaryButtonClass}>
        {submitLabel}
      </SubmitButton>
      {state.error && (
        <p role="alert" className={`${alertErrorClass} w-full`}>
          {state.error}
        </p>
      )}
      {state.done && !state.error ? (
        <span role="status" className="text-sm text-emerald-700">
          保存しました
        </span>
      ) : null}
    </form>
  );
}

interface InviteState {
  link?: string;
  expiresAt?: string;
  error?: string;
}

/** An invite link for any team and role; the link is shown once. */
export function AdminInviteForm({
  action,
  teams,
}: {
  action: (prev: InviteState, formData: FormData) => Promise<InviteState>;
  teams: readonly { id: string; name: string }[];
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <div className="space-y-3">
      <form action={formAction} className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="invite-team" className={labelClass}>
            チーム
          </label>
          <select id="invite-team" name="teamId" className={inputClass}>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="invite-role" className={labelClass}>
            役割
          </label>
          <select id="invite-role" name="role" className={inputClass}>
            <option value="trainee">研修生</option>
            <option value="trainer">トレーナー</option>
          </select>
        </div>
        <SubmitButton pendingText="作成中…">招待リンクを作成</SubmitButton>
      </form>
      {state.error && (
        <p role="alert" className={alertErrorClass}>
          {state.error}
        </p>
      )}
      {state.link && (
        <div>
          <label htmlFor="admin-invite-link" className="block text-sm text-slate-700">
            このリンクを送ってください（7日間有効）。リンクはこの画面でのみ表示されます。
          </label>
          <input
            id="admin-invite-link"
            readOnly
            value={state.link}
            className={inputClass}
            data-testid="admin-invite-link"
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
    </div>
  );
}

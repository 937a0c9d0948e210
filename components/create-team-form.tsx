"use client";

import { useActionState } from "react";
import { SubmitButton } from "./submit-button";
import { alertErrorClass, inputClass, labelClass } from "./ui";

export function CreateTeamForm({
  action,
}: {
  action: (prev: { error?: string }, formData: FormData) => Promise<{ error?: string }>;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3">
      {state.error && (
        <p role="alert" className={alertErrorClass}>
          {state.error}
        </p>
      )}
      <div>
        <label htmlFor="team-name" className={labelClass}>
          チーム名
        </label>
        <input
          id="team-name"
          name="name"
          required
          maxLength={60}
          className={inputClass}
          placeholder="例: 東京第2センター 新人研修"
        />
      </div>
      <SubmitButton>チームを作成</SubmitButton>
    </form>
  );
}

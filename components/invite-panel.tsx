"use client";

import { type ReactNode, useActionState, useState } from "react";
import { SubmitButton } from "./submit-button";
import { alertErrorClass, inputClass, secondaryButtonClass } from "./ui";

interface InviteState {
  link?: string;
  expiresAt?: string;
  /** Whom the link signs up (trainee when absent). */
  role?: "trainee" | "trainer";
  error?: string;
}

/** Creates an invite link and shows it once; `fields` adds inputs to the form (the admin's team and role). */
export function InvitePanel({
  action,
  fields,
}: {
  action: (prev: InviteState, formData: FormData) => Promise<InviteState>;
  fields?: ReactNode;
}) {
  const [state, formAction] = useActionState(action, {});
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-3">
      <form action={formAction} className="flex flex-wrap items-end gap-2">
        {fields}
        <SubmitButton pendingText="作成中…">招待リンクを作成</SubmitButton>
      </form>
      {state.error && (
        <p role="alert" className={alertErrorClass}>
          {state.error}
        </p>
      )}
      {state.link && (
        <div className="space-y-2">
          <label htmlFor="invite-link" className="block text-sm text-slate-700">
            このリンクを{state.role === "trainer" ? "トレーナー" : "研修生"}に送ってください（有効期限:{" "}
            {formatDateTime(state.expiresAt)}
            ）。リンクはこの画面でのみ表示されます。
          </label>
          <div className="flex gap-2">
            <input
              id="invite-link"
              readOnly
              value={state.link}
              className={inputClass}
              data-testid="invite-link"
              onFocus={(e) => e.currentTarget.select()}
            />
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={async () => {
                await navigator.clipboard.writeText(state.link ?? "");
                setCopied(true);
              }}
            >
              {copied ? "コピーしました" : "コピー"}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function formatDateTime(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleString("ja-JP", { dateStyle: "medium", timeStyle: "short" }) : "";
}

"use client";

import { type ReactNode, useActionState } from "react";
import { SubmitButton } from "@/components/submit-button";
import { alertErrorClass, secondaryButtonClass } from "@/components/ui";

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

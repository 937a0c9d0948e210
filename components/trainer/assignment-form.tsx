"use client";

import { useActionState, useEffect, useRef } from "react";
import { SubmitButton } from "@/components/submit-button";
import { alertErrorClass, alertInfoClass, inputClass, labelClass } from "@/components/ui";

export interface AssignmentFormState {
  error?: string;
  assigned?: number;
}

/** Assigns a scenario to one or more trainees with a due date and an optional note. */
export function AssignmentForm({
  action,
  scenarios,
  trainees,
  defaultDue,
  minDue,
}: {
  action: (prev: AssignmentFormState, formData: FormData) => Promise<AssignmentFormState>;
  scenarios: readonly { scenarioId: string; title: string }[];
  trainees: readonly { id: string; name: string }[];
  /** YYYY-MM-DD */
  defaultDue: string;
  /** The earliest day that can be picked (today). */
  minDue: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.assigned) form.current?.reset();
  }, [state]);
  if (trainees.length === 0) {
    return <p className="text-sm text-slate-600">課題を出せる研修生がまだいません。</p>;
  }
  return (
    <form ref={form} action={formAction} className="grid gap-3 md:grid-cols-2" data-testid="assignment-form">
      <div>
        <label htmlFor="assignment-scenario" className={labelClass}>
          シナリオ
        </label>
        <select id="assignment-scenario" name="scenarioId" required className={inputClass}>
          {scenarios.map((s) => (
            <option key={s.scenarioId} value={s.scenarioId}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="assignment-due" className={labelClass}>
          期限
        </label>
        <input
          id="assignment-due"
          name="dueDate"
          type="date"
          required
          defaultValue={defaultDue}
          min={minDue}
          className={inputClass}
        />
      </div>
      <fieldset className="md:col-span-2">
        <legend className={labelClass}>研修生</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-1">
          {trainees.map((t) => (
            <label key={t.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="traineeIds" value={t.id} className="h-4 w-4" />
              {t.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="md:col-span-2">
        <label htmlFor="assignment-note" className={labelClass}>
          メモ（任意）
        </label>
        <input
          id="assignment-note"
          name="note"
          maxLength={500}
          className={inputClass}
          placeholder="例: オウム返しを意識してみましょう"
        />
      </div>
      {state.error && (
        <p role="alert" className={`${alertErrorClass} md:col-span-2`}>
          {state.error}
        </p>
      )}
      {state.assigned ? (
        <p role="status" className={`${alertInfoClass} md:col-span-2`}>
          {state.assigned}人に課題を出しました。
        </p>
      ) : null}
      <div className="md:col-span-2">
        <SubmitButton pendingText="保存中…">課題を出す</SubmitButton>
      </div>
    </form>
  );
}

"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { SubmitButton } from "@/components/submit-button";
import { alertErrorClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui";
import type { OverridableLabel } from "@/lib/review/overrides";
import { overrideLabelNames, overrideValueOptions } from "./override-labels";

interface AnnotationState {
  error?: string;
  savedAt?: number;
}
type AnnotationAction = (prev: AnnotationState, formData: FormData) => Promise<AnnotationState>;

/** A trainer's comment box under one turn. */
export function CommentForm({ action, seq }: { action: AnnotationAction; seq: number }) {
  const [state, formAction] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.savedAt) form.current?.reset();
  }, [state.savedAt]);
  return (
    <form ref={form} action={formAction} className="space-y-2" data-testid={`comment-form-${seq}`}>
      <label htmlFor={`comment-${seq}`} className="sr-only">
        この発言へのコメント
      </label>
      <textarea
        id={`comment-${seq}`}
        name="body"
        required
        maxLength={1000}
        rows={2}
        className={inputClass}
        placeholder="この発言へのコメント（研修生に表示されます）"
      />
      {state.error && (
        <p role="alert" className={alertErrorClass}>
          {state.error}
        </p>
      )}
      <SubmitButton pendingText="送信中…" className={secondaryButtonClass}>
        コメントする
      </SubmitButton>
    </form>
  );
}

/** A trainer's correction of one automatic label, with the reason (shown to the trainee). */
export function OverrideForm({
  action,
  seq,
  automatic,
}: {
  action: AnnotationAction;
  seq: number;
  /** The analyzer's value of each label, as the form's option value. */
  automatic: Record<OverridableLabel, string>;
}) {
  const [state, formAction] = useActionState(action, {});
  const labels = Object.keys(overrideLabelNames) as OverridableLabel[];
  // Both selects are controlled: React resets an action form's uncontrolled fields after it submits.
  const otherThanAutomatic = (l: OverridableLabel) => {
    const options = overrideValueOptions(l);
    return options.find((o) => o.value !== automatic[l])?.value ?? options[0]!.value;
  };
  const [label, setLabel] = useState<OverridableLabel>("backchannel");
  const [value, setValue] = useState(() => otherThanAutomatic("backchannel"));
  return (
    <details className="text-sm" data-testid={`override-form-${seq}`}>
      <summary className="cursor-pointer text-slate-600 hover:text-slate-900">自動評価を修正する</summary>
      <form action={formAction} className="mt-2 grid gap-2 sm:grid-cols-2">
        <div>
          <label htmlFor={`override-label-${seq}`} className={labelClass}>
            評価項目
          </label>
          <select
            id={`override-label-${seq}`}
            name="label"
            value={label}
            onChange={(e) => {
              const next = e.currentTarget.value as OverridableLabel;
              setLabel(next);
              setValue(otherThanAutomatic(next));
            }}
            className={inputClass}
          >
            {labels.map((l) => (
              <option key={l} value={l}>
                {overrideLabelNames[l]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`override-value-${seq}`} className={labelClass}>
            正しい評価
          </label>
          <select
            id={`override-value-${seq}`}
            name="value"
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            className={inputClass}
          >
            {overrideValueOptions(label).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
                {o.value === automatic[label] ? "（自動評価）" : ""}
              </option>
            ))}
          </select>
        </div>
        <div className="sm:col-span-2">
          <label htmlFor={`override-reason-${seq}`} className={labelClass}>
            修正の理由
          </label>
          <input
            id={`override-reason-${seq}`}
            name="reason"
            required
            maxLength={500}
            className={inputClass}
            placeholder="例: 「そうでしたか」はお客様の言葉を受け止める相づちです"
          />
        </div>
        {state.error && (
          <p role="alert" className={`${alertErrorClass} sm:col-span-2`}>
            {state.error}
          </p>
        )}
        <div className="sm:col-span-2">
          <SubmitButton pendingText="保存中…" className={secondaryButtonClass}>
            修正を保存
          </SubmitButton>
        </div>
      </form>
    </details>
  );
}

/** Takes a correction back. */
export function RemoveOverrideButton({ action, labelName }: { action: AnnotationAction; labelName: string }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="inline">
      <button
        type="submit"
        className="text-xs text-rose-700 underline hover:text-rose-900"
        aria-label={`${labelName}の修正を取り消す`}
      >
        取り消す
      </button>
      {state.error && (
        <span role="alert" className="ml-2 text-xs text-rose-700">
          {state.error}
        </span>
      )}
    </form>
  );
}

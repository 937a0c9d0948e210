"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { alertErrorClass, buttonClass, inputClass } from "@/components/ui";
import {
  CONTEST_MARK_MAX,
  CONTEST_MARK_MIN,
  type ContestCategoryId,
  contestCategoryIds,
  contestCategoryLabels,
  contestMarkLabels,
} from "@/lib/contest/categories";
import type { JudgementMarks } from "@/lib/contest/judgement-request";

const MAX_COMMENT = 500;
const marks = Array.from({ length: CONTEST_MARK_MAX - CONTEST_MARK_MIN + 1 }, (_, i) => CONTEST_MARK_MAX - i);

type Draft = Record<ContestCategoryId, { mark: number | null; comment: string }>;

/** The judge's sheet: a 1–5 mark and a comment per category; nothing typed is lost on an error. */
export function JudgingForm({ callId, initial }: { callId: string; initial: JudgementMarks | null }) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(
    () =>
      Object.fromEntries(
        contestCategoryIds.map((id) => [
          id,
          { mark: initial?.[id].mark ?? null, comment: initial?.[id].comment ?? "" },
        ]),
      ) as Draft,
  );
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async () => {
    const missing = contestCategoryIds.filter((id) => draft[id].mark === null);
    if (missing.length > 0) {
      setError(
        `評価を選んでいない項目があります：${missing.map((id) => contestCategoryLabels[id]).join("、")}`,
      );
      return;
    }
    const long = contestCategoryIds.filter((id) => draft[id].comment.length > MAX_COMMENT);
    if (long.length > 0) {
      setError(
        `コメントは${MAX_COMMENT}文字以内で入力してください：${long.map((id) => contestCategoryLabels[id]).join("、")}`,
      );
      return;
    }
    setSending(true);
    setError(null);
    const response = await fetch(`/api/calls/${callId}/judgements`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ marks: draft }),
    }).catch(() => null);
    setSending(false);
    if (response?.ok) {
      router.refresh();
      return;
    }
    const body: unknown = await response?.json().catch(() => null);
    const message =
      body && typeof body === "object" && "error" in body
        ? (body as { error?: { message?: string } }).error?.message
        : undefined;
    setError(message ?? "審査を送信できませんでした。入力内容はそのままです。もう一度お試しください。");
  };

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      aria-label="審査シート"
    >
      {contestCategoryIds.map((id) => (
        <fieldset key={id} className="rounded-lg border border-slate-200 p-3" data-testid={`judge-${id}`}>
          <legend className="px-1 font-medium">{contestCategoryLabels[id]}</legend>
          <div
            className="flex flex-wrap gap-2"
            role="radiogroup"
            aria-label={`${contestCategoryLabels[id]}の評価`}
          >
            {marks.map((mark) => (
              <label
                key={mark}
                className={`cursor-pointer rounded-full border px-3 py-1 text-sm ${draft[id].mark === mark ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700"}`}
              >
                <input
                  type="radio"
                  className="sr-only"
                  name={`mark-${id}`}
                  value={mark}
                  checked={draft[id].mark === mark}
                  onChange={() => setDraft((d) => ({ ...d, [id]: { ...d[id], mark } }))}
                />
                {contestMarkLabels[mark]}
              </label>
            ))}
          </div>
          <label className="mt-2 block text-sm">
            <span className="sr-only">{contestCategoryLabels[id]}のコメント</span>
            <textarea
              className={inputClass}
              rows={2}
              placeholder="コメント（任意）"
              value={draft[id].comment}
              onChange={(event) => {
                const comment = event.target.value;
                setDraft((d) => ({ ...d, [id]: { ...d[id], comment } }));
              }}
            />
          </label>
        </fieldset>
      ))}
      {error && (
        <p role="alert" className={alertErrorClass}>
          {error}
        </p>
      )}
      <button type="submit" className={buttonClass} disabled={sending}>
        {sending ? "送信中…" : initial ? "審査を更新する" : "審査を送信する"}
      </button>
    </form>
  );
}

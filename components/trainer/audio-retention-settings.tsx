"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { readError } from "@/components/call/call-updates";
import { alertErrorClass, buttonClass, inputClass, labelClass } from "@/components/ui";
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, retentionDaysSchema } from "@/lib/speech/retention";

const DEFAULT_DAYS = 30;

/** The team's raw audio retention: off (nothing kept) or on for a number of days. */
export function AudioRetentionSettings({ teamId, days }: { teamId: string; days: number | null }) {
  const router = useRouter();
  const ids = { on: useId(), days: useId() };
  const [on, setOn] = useState(days !== null);
  const [daysText, setDaysText] = useState(String(days ?? DEFAULT_DAYS));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const save = async () => {
    setError(null);
    setSaved(null);
    let next: number | null = null;
    if (on) {
      const parsed = retentionDaysSchema.safeParse(daysText.trim() === "" ? Number.NaN : Number(daysText));
      if (!parsed.success) {
        setError(parsed.error.issues[0]?.message ?? "保存期間を日数で入力してください。");
        return;
      }
      next = parsed.data;
    }
    setSending(true);
    const response = await fetch("/api/trainer/audio-retention", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ days: next, team: teamId }),
    }).catch(() => null);
    setSending(false);
    if (!response?.ok) {
      const body: unknown = await response?.json().catch(() => undefined);
      setError(readError(body) ?? "設定を保存できませんでした。もう一度お試しください。");
      return;
    }
    setSaved("設定を保存しました。");
    router.refresh();
  };

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700" data-testid="audio-retention-status">
        {days === null ? "現在：録音していません。" : `現在：録音しています（保存期間 ${days}日）。`}
      </p>
      <label htmlFor={ids.on} className="flex items-center gap-2 text-sm font-medium text-slate-800">
        <input
          id={ids.on}
          type="checkbox"
          className="h-4 w-4"
          checked={on}
          onChange={(event) => {
            setOn(event.target.checked);
            setSaved(null);
          }}
        />
        研修生の声を録音して保存する
      </label>
      {on && (
        <div className="max-w-40">
          <label htmlFor={ids.days} className={labelClass}>
            保存期間（日）
          </label>
          <input
            id={ids.days}
            type="number"
            inputMode="numeric"
            min={MIN_RETENTION_DAYS}
            max={MAX_RETENTION_DAYS}
            className={inputClass}
            value={daysText}
            onChange={(event) => {
              setDaysText(event.target.value);
              setSaved(null);
            }}
          />
          <p className="mt-1 text-xs text-slate-500">
            {MIN_RETENTION_DAYS}〜{MAX_RETENTION_DAYS}日
          </p>
        </div>
      )}
      {!on && days !== null && (
        <p className="text-sm text-rose-700">
          録音をやめると、このチームで保存済みの録音もすべて削除されます。
        </p>
      )}
      <button type="button" className={buttonClass} onClick={() => void save()} disabled={sending}>
        設定を保存する
      </button>
      {error && (
        <p role="alert" className={alertErrorClass}>
          {error}
        </p>
      )}
      {saved && !error && (
        <p role="status" className="text-sm text-emerald-700">
          {saved}
        </p>
      )}
    </div>
  );
}

"use client";

import { useEffect, useRef, useState } from "react";
import { formatDuration } from "@/components/labels-ja";
import { SubmitButton } from "@/components/submit-button";
import { cardClass } from "@/components/ui";
import type { ContestCard } from "@/lib/contest/contest-card";

/**
 * The contest's problem card with its reading time counting down; when it runs out the call starts
 * by itself, as in the contest, where the phone rings when the reading time is over.
 */
export function ProblemCard({
  card,
  startAction,
}: {
  card: ContestCard;
  startAction: (formData: FormData) => Promise<void>;
}) {
  const [left, setLeft] = useState(card.readingSec);
  const form = useRef<HTMLFormElement>(null);
  const started = useRef(false);
  useEffect(() => {
    const endsAt = performance.now() + card.readingSec * 1000;
    const timer = window.setInterval(() => {
      const rest = Math.max(0, Math.ceil((endsAt - performance.now()) / 1000));
      setLeft(rest);
      if (rest === 0 && !started.current) {
        started.current = true;
        window.clearInterval(timer);
        form.current?.requestSubmit();
      }
    }, 250);
    return () => window.clearInterval(timer);
  }, [card.readingSec]);

  return (
    <section className={`${cardClass} space-y-4`} aria-labelledby="problem-card-title">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-xs font-medium text-brand-700">電話応対コンクール・問題カード</p>
          <h1 id="problem-card-title" className="text-xl font-bold">
            {card.title}
          </h1>
        </div>
        <div className="text-right">
          <p className="text-xs text-slate-500">読む時間の残り</p>
          <p className="font-mono text-3xl tabular-nums" data-testid="reading-timer" aria-live="off">
            {formatDuration(left)}
          </p>
        </div>
      </div>
      <p
        className="whitespace-pre-wrap rounded-lg bg-slate-50 p-4 leading-relaxed"
        data-testid="problem-situation"
      >
        {card.situation}
      </p>
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-600">
        <li>読む時間（{formatDuration(card.readingSec)}）が終わると、自動で電話がつながります。</li>
        <li>通話の制限時間は{formatDuration(card.timeLimitSec)}です。時間になるとお客様が電話を切ります。</li>
        <li>本番モードです。通話中は採点やヒントは表示されません。</li>
      </ul>
      <form ref={form} action={startAction} className="flex justify-end">
        <input type="hidden" name="scenarioId" value={card.scenarioId} />
        <input type="hidden" name="mode" value="scripted" />
        <SubmitButton pendingText="接続中…">読み終えたので電話に出る</SubmitButton>
      </form>
    </section>
  );
}

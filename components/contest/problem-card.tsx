"use client";

import { useEffect, useRef, useState } from "react";
import { formatDuration } from "@/components/labels-ja";
import { SubmitButton } from "@/components/submit-button";
import { cardClass, secondaryButtonClass } from "@/components/ui";
import type { ContestCard } from "@/lib/contest/contest-card";

type Channel = "text" | "voice";

/**
 * The contest's problem card with its reading time counting down. In the contest the problem is known
 * beforehand and the phone rings when the contestant is seated, so by default the call starts by itself
 * when the reading time is over; 通話を開始する starts it earlier, and the countdown can be stopped for a
 * contestant who wants to read on (the call then starts only from the button).
 */
export function ProblemCard({
  card,
  startAction,
}: {
  card: ContestCard;
  startAction: (formData: FormData) => Promise<void>;
}) {
  const [left, setLeft] = useState(card.readingSec);
  const [running, setRunning] = useState(true);
  // Whether the countdown is really ticking in this browser (the server-rendered card shows the
  // time before the page has hydrated and started its timer).
  const [ticking, setTicking] = useState(false);
  const [channel, setChannel] = useState<Channel>("text");
  const form = useRef<HTMLFormElement>(null);
  const started = useRef(false);
  // The seconds still to read when the countdown (re)starts: stopping it keeps what was left.
  const leftRef = useRef(card.readingSec);
  leftRef.current = left;

  useEffect(() => {
    if (!running) return;
    const endsAt = performance.now() + leftRef.current * 1000;
    const timer = window.setInterval(() => {
      const rest = Math.max(0, Math.ceil((endsAt - performance.now()) / 1000));
      setLeft(rest);
      if (rest === 0 && !started.current) {
        started.current = true;
        window.clearInterval(timer);
        form.current?.requestSubmit();
      }
    }, 250);
    setTicking(true);
    return () => {
      window.clearInterval(timer);
      setTicking(false);
    };
  }, [running]);

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
          <p className="text-xs text-slate-500" data-testid="reading-timer-label">
            {running ? "通話開始まで" : "カウントダウン停止中"}
          </p>
          <p
            className={`font-mono text-3xl tabular-nums ${running ? "" : "text-slate-400"}`}
            data-testid="reading-timer"
            data-ticking={ticking}
            aria-live="off"
          >
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
        <li data-testid="reading-rule">
          {running
            ? `読む時間（${formatDuration(card.readingSec)}）が終わると、自動で電話がつながります。準備ができていれば「通話を開始する」で先に始められます。`
            : "カウントダウンを止めています。準備ができたら「通話を開始する」を押してください。"}
        </li>
        <li>通話の制限時間は{formatDuration(card.timeLimitSec)}です。時間になるとお客様が電話を切ります。</li>
        <li>本番モードです。通話中は採点やヒントは表示されません。</li>
      </ul>
      <form ref={form} action={startAction} className="space-y-4">
        <input type="hidden" name="scenarioId" value={card.scenarioId} />
        <input type="hidden" name="mode" value="scripted" />
        {channel === "voice" && <input type="hidden" name="voice" value="1" />}
        <fieldset className="space-y-1 text-sm">
          <legend className="mb-1 font-medium text-slate-700">応対の方法</legend>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="channel"
              checked={channel === "text"}
              onChange={() => setChannel("text")}
            />
            文字で応対する
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="channel"
              checked={channel === "voice"}
              onChange={() => setChannel("voice")}
            />
            声で応対する（マイクを使います）
          </label>
        </fieldset>
        <div className="flex flex-wrap justify-end gap-3">
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() => setRunning((r) => !r)}
            aria-pressed={!running}
          >
            {running ? "カウントダウンを止める" : "カウントダウンを再開する"}
          </button>
          <SubmitButton pendingText="接続中…">通話を開始する</SubmitButton>
        </div>
      </form>
    </section>
  );
}

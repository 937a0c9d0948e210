"use client";

import { useEffect, useRef, useState } from "react";
import { formatDuration } from "@/components/labels-ja";

/**
 * The time a contest call has left, on the server's clock (the call started when it was created), and
 * the signal when it runs out. Used by the voice screen; the text screen keeps its own timer.
 */
export function TimeLimitClock({
  serverElapsedMs,
  timeLimitSec,
  ended,
  onTimeUp,
}: {
  serverElapsedMs: number;
  timeLimitSec: number;
  ended: boolean;
  onTimeUp: () => void;
}) {
  const [leftMs, setLeftMs] = useState(timeLimitSec * 1000 - serverElapsedMs);
  const timeUp = useRef(onTimeUp);
  timeUp.current = onTimeUp;
  const fired = useRef(false);
  // Anchored once: later answers carry the server's time too, but a jump back would only confuse.
  const anchor = useRef<{ at: number; elapsedMs: number } | null>(null);

  useEffect(() => {
    if (ended) return;
    anchor.current ??= { at: performance.now(), elapsedMs: serverElapsedMs };
    const { at, elapsedMs } = anchor.current;
    const tick = () => {
      const left = timeLimitSec * 1000 - (elapsedMs + performance.now() - at);
      setLeftMs(left);
      if (left <= 0 && !fired.current) {
        fired.current = true;
        timeUp.current();
      }
    };
    tick();
    const timer = window.setInterval(tick, 250);
    return () => window.clearInterval(timer);
  }, [ended, serverElapsedMs, timeLimitSec]);

  return (
    <div className="text-right">
      <p className="text-xs text-slate-500">{ended && leftMs <= 0 ? "時間切れ" : "残り時間"}</p>
      <p className="font-mono text-3xl tabular-nums" data-testid="call-timer" aria-live="off">
        {formatDuration(Math.ceil(Math.max(0, leftMs) / 1000))}
      </p>
    </div>
  );
}

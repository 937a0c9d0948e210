"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { CallerName } from "@/components/call/caller-name";
import { endReasonLabels, formatDuration } from "@/components/labels-ja";
import type { CallStatusView, CallView, ReplyResult, TurnView } from "@/lib/calls/call-view";
import { MAX_REPLY_CHARS } from "@/lib/calls/limits";
import { alertErrorClass, buttonClass, cardClass, secondaryButtonClass } from "../ui";
import { mergeTurns, readError } from "./call-updates";
import { MarkedReply, ReplyFeedback } from "./feedback-chips";
import { MoodMeters } from "./mood-meters";
import { isRetryableStatus, newReplyId, retryDelayMs } from "./reply-retry";
import {
  appendDelta,
  eventStreamOf,
  fallbackNotice,
  followReplyStream,
  replyHeaders,
  streamsReplies,
} from "./reply-stream";
import { isCallerSpeaking, spokenLine } from "./speech";
import { readDraft, readUnsentReply, writeDraft, writeUnsentReply } from "./unsent-reply-store";

/** Shown while a reply whose answer did not arrive is being sent again. */
const reconnectingNotice = "接続が切れました。再接続しています…";

/** A reply on its way: the id stays the same across resends, so the server stores it once. */
interface OutgoingReply {
  text: string;
  replyId: string;
  fromDraft: boolean;
}

// Polite 相づち a trainee can send with one key while the caller is still talking.
const backchannelTokens = ["はい", "さようでございますか", "かしこまりました", "ごもっともです"] as const;

export function CallScreen({ initial }: { initial: CallView }) {
  const router = useRouter();
  const [view, setView] = useState(initial);
  const [callMs, setCallMs] = useState(initial.serverElapsedMs);
  const offsetRef = useRef<number | null>(null);
  const [draft, setDraft] = useState("");
  const [sending, setSending] = useState(false);
  // Enter pressed twice before React re-renders must not send the reply twice: the state is not yet
  // "sending" in the second keypress's closure, the ref is.
  const draftInFlight = useRef(false);
  const [error, setError] = useState<string | null>(null);
  // A reply kept here while the server or its database is unreachable, resent until it is answered.
  // Nothing else is sent meanwhile: a later reply must not overtake it.
  const [unsent, setUnsent] = useState<OutgoingReply | null>(null);
  const unsentRef = useRef<OutgoingReply | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const [liveMode, setLiveMode] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const endRequested = useRef(false);
  const [notice, setNotice] = useState<string | null>(null);
  // LLM play: replies whose caller words are still streaming in (polling waits for them).
  const streaming = useRef(0);
  const transcriptEnd = useRef<HTMLDivElement>(null);

  const active = view.status === "active";
  const feedbackHidden = view.feedbackHidden || liveMode || view.scenario.contest;

  // The server's clock is the call's clock: re-anchor ours on every answer.
  const adopt = useCallback((next: CallView) => {
    offsetRef.current = performance.now() - next.serverElapsedMs;
    setView((current) => (next.turns.length >= current.turns.length ? next : current));
  }, []);

  // A reply answers with the call's new status and only the turns it added or changed.
  const merge = useCallback((status: CallStatusView, turns: TurnView[]) => {
    offsetRef.current = performance.now() - status.serverElapsedMs;
    setView((current) => ({ ...current, ...status, turns: mergeTurns(current.turns, turns) }));
  }, []);

  // A caller line still being generated elsewhere (a reload, another device): poll until it has words.
  const hasPending = view.turns.some((turn) => turn.pending);
  useEffect(() => {
    if (!hasPending) return;
    const timer = window.setInterval(async () => {
      if (streaming.current > 0) return;
      const response = await fetch(`/api/calls/${view.id}`, { cache: "no-store" });
      if (response.ok) adopt((await response.json()) as CallView);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [adopt, hasPending, view.id]);

  // The streamed answer of LLM play: the scored reply, then the caller's words as they come.
  const follow = useCallback(
    async (body: ReadableStream<Uint8Array>, onReply: () => void) => {
      streaming.current += 1;
      try {
        await followReplyStream(body, {
          reply: (result) => {
            merge(result.call, [...result.changed, ...result.added]);
            onReply();
          },
          delta: (seq, text) =>
            setView((current) => ({ ...current, turns: appendDelta(current.turns, seq, text) })),
          line: (turn) => setView((current) => ({ ...current, turns: mergeTurns(current.turns, [turn]) })),
          fallback: (message) => {
            setNotice(message);
            setView((current) => ({ ...current, llmFallback: true }));
          },
        });
      } finally {
        streaming.current -= 1;
      }
    },
    [merge],
  );

  useEffect(() => {
    offsetRef.current = performance.now() - initial.serverElapsedMs;
    setLiveMode(window.localStorage.getItem("kikite.liveMode") === "1");
    const timer = window.setInterval(() => {
      if (offsetRef.current !== null) setCallMs(performance.now() - offsetRef.current);
    }, 100);
    return () => window.clearInterval(timer);
  }, [initial.serverElapsedMs]);

  const callerSpeaking = active && isCallerSpeaking(view.turns, callMs);
  const turnCount = view.turns.length;
  const lastSpoken = view.turns.at(-1);
  const lastSpokenLength = lastSpoken
    ? spokenLine(lastSpoken, callMs, view.scenario.speakingRate).text.length
    : 0;

  // Keep the newest words in view as they arrive.
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when the transcript grows
  useEffect(() => {
    transcriptEnd.current?.scrollIntoView({ block: "end", behavior: "smooth" });
  }, [turnCount, lastSpokenLength]);

  // One attempt to deliver a reply. "retry": no answer about the reply came (network, server or
  // database down); the same reply id makes the next attempt safe even if this one was stored.
  const deliver = useCallback(
    async (reply: OutgoingReply, onReply: () => void): Promise<"sent" | "retry" | "refused"> => {
      try {
        const response = await fetch(`/api/calls/${view.id}/replies`, {
          method: "POST",
          headers: replyHeaders(streamsReplies({ mode: view.mode, llmFallback: view.llmFallback })),
          body: JSON.stringify({ text: reply.text, replyId: reply.replyId }),
        });
        if (isRetryableStatus(response.status)) return "retry";
        const events = eventStreamOf(response);
        if (events) {
          await follow(events, onReply);
          return "sent";
        }
        // A refusal from something other than Kikite (a proxy's HTML page) is still a refusal: resending
        // it forever would hide it.
        const body: unknown = await response.json().catch(() => undefined);
        if (!response.ok) {
          if (reply.fromDraft) setDraft(reply.text);
          setError(readError(body) ?? "返答を送信できませんでした。もう一度お試しください。");
          return "refused";
        }
        // An answer cut off mid-body: whether the reply was stored is unknown, and a resend is safe.
        if (body === undefined) return "retry";
        const result = body as ReplyResult;
        merge(result.call, [...result.changed, ...result.added]);
        return "sent";
      } catch {
        return "retry";
      }
    },
    [follow, merge, view.id, view.mode, view.llmFallback],
  );

  const send = useCallback(
    async (text: string, options: { fromDraft: boolean; resumeReplyId?: string }) => {
      if (!text.trim() || !active || unsentRef.current) return;
      // A reply resumed after a reload left the box long ago: nothing to empty or lock.
      if (options.fromDraft && !options.resumeReplyId) {
        if (draftInFlight.current) return;
        draftInFlight.current = true;
        setSending(true);
        // The box empties at once, so a second Enter finds nothing to send; a refusal puts the text back.
        setDraft("");
      }
      const release = () => {
        if (!options.fromDraft || options.resumeReplyId) return;
        setSending(false);
        draftInFlight.current = false;
      };
      setError(null);
      const reply: OutgoingReply = {
        text,
        replyId: options.resumeReplyId ?? newReplyId(),
        fromDraft: options.fromDraft,
      };
      // Kept in the tab until answered: a reload (or a crash) mid-send resends it with the same id.
      writeUnsentReply(window.sessionStorage, view.id, reply);
      try {
        for (let attempt = 0; ; attempt++) {
          const outcome = await deliver(reply, release);
          if (outcome !== "retry") writeUnsentReply(window.sessionStorage, view.id, null);
          if (outcome !== "retry" || !mounted.current) return;
          unsentRef.current = reply;
          setUnsent(reply);
          await new Promise((resolve) => window.setTimeout(resolve, retryDelayMs(attempt)));
        }
      } finally {
        unsentRef.current = null;
        setUnsent(null);
        release();
      }
    },
    [active, deliver, view.id],
  );

  // After a reload: the words typed in the box come back, and a reply that was still on its way is
  // sent again (same id: stored once even if the lost attempt was stored).
  const resumed = useRef(false);
  useEffect(() => {
    if (resumed.current) return;
    resumed.current = true;
    setDraft(readDraft(window.sessionStorage, view.id));
    const unsentReply = readUnsentReply(window.sessionStorage, view.id);
    if (!unsentReply) return;
    if (!active) {
      writeUnsentReply(window.sessionStorage, view.id, null);
      return;
    }
    void send(unsentReply.text, { fromDraft: unsentReply.fromDraft, resumeReplyId: unsentReply.replyId });
  }, [active, send, view.id]);
  useEffect(() => {
    if (resumed.current) writeDraft(window.sessionStorage, view.id, active ? draft : "");
  }, [active, draft, view.id]);

  const contest = view.scenario.contest;
  const endCall = useCallback(
    async (options: { timedOut?: boolean } = {}) => {
      if (endRequested.current) return;
      endRequested.current = true;
      const response = await fetch(`/api/calls/${view.id}/end`, { method: "POST" });
      if (response.ok) {
        adopt((await response.json()) as CallView);
        // A contest stops at the limit with the caller's closing line: it stays on screen to be heard.
        if (!(options.timedOut && contest)) router.push(`/calls/${view.id}/review`);
      } else {
        endRequested.current = false;
        setError("通話を終了できませんでした。もう一度お試しください。");
      }
    },
    [adopt, contest, router, view.id],
  );

  const timeLimitMs = view.scenario.timeLimitSec === null ? null : view.scenario.timeLimitSec * 1000;
  useEffect(() => {
    if (active && timeLimitMs !== null && callMs >= timeLimitMs) void endCall({ timedOut: true });
  }, [active, callMs, endCall, timeLimitMs]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const index = Number(event.key) - 1;
      const token = backchannelTokens[index];
      if (token) {
        event.preventDefault();
        void send(token, { fromDraft: false });
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [send]);

  const seconds = Math.floor(callMs / 1000);
  const timerText =
    timeLimitMs === null
      ? formatDuration(seconds)
      : formatDuration(Math.max(0, Math.ceil((timeLimitMs - callMs) / 1000)));

  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_18rem] lg:grid-rows-[auto_1fr] lg:gap-x-6 lg:gap-y-4">
      {/* On a phone the timer, the mood and 通話を終了 stay in view above the call; beside it on a desktop. */}
      <section
        className="sticky top-0 z-10 -mx-4 flex items-stretch gap-2 bg-slate-50/95 px-4 py-2 backdrop-blur lg:static lg:col-start-2 lg:row-start-1 lg:mx-0 lg:block lg:space-y-4 lg:bg-transparent lg:p-0"
        aria-label="通話の状況"
      >
        <div className={`${cardClass} shrink-0 px-3 py-2 lg:p-5`}>
          <p className="text-xs text-slate-500">{timeLimitMs === null ? "通話時間" : "残り時間"}</p>
          <p className="font-mono text-xl tabular-nums lg:text-3xl" data-testid="call-timer">
            {timerText}
          </p>
        </div>
        <div className={`${cardClass} min-w-0 flex-1 px-3 py-2 lg:p-5`}>
          <h2 className="mb-2 hidden text-sm font-semibold lg:block">お客様の気持ち</h2>
          <MoodMeters variables={view.scenario.moodVariables} mood={view.mood} />
        </div>
        {active &&
          (confirmEnd ? (
            <div className={`${cardClass} shrink-0 space-y-2 px-3 py-2 text-sm lg:p-5`}>
              <p>通話を終了して結果を見ますか？</p>
              <div className="flex gap-2">
                <button type="button" className={buttonClass} onClick={() => void endCall()}>
                  終了する
                </button>
                <button type="button" className={secondaryButtonClass} onClick={() => setConfirmEnd(false)}>
                  続ける
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              className={`${secondaryButtonClass} shrink-0 self-center lg:w-full`}
              onClick={() => setConfirmEnd(true)}
            >
              通話を終了
            </button>
          ))}
      </section>
      <section
        aria-labelledby="call-title"
        className="flex min-h-[70vh] flex-col gap-3 lg:col-start-1 lg:row-span-2 lg:row-start-1"
      >
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 id="call-title" className="text-xl font-bold">
            {view.scenario.title}
          </h1>
          <span className="text-sm text-slate-600">
            <CallerName personaName={view.scenario.personaName} llm={view.mode === "llm"} />
          </span>
        </div>
        <div
          className={`${cardClass} flex-1 space-y-3 overflow-y-auto p-4`}
          role="log"
          aria-label="通話の記録"
          data-testid="transcript"
        >
          {view.turns.map((turn) => (
            <TurnBubble
              key={turn.seq}
              turn={turn}
              callMs={callMs}
              rate={view.scenario.speakingRate}
              feedbackHidden={feedbackHidden}
            />
          ))}
          {unsent && (
            <div className="flex flex-col items-end gap-1" data-testid="unsent-reply">
              <p className="max-w-[85%] whitespace-pre-wrap rounded-2xl rounded-tr-sm bg-brand-600/60 px-4 py-2 text-white">
                {unsent.text}
              </p>
              <span className="text-xs text-slate-500">送信待ち</span>
            </div>
          )}
          <div ref={transcriptEnd} />
        </div>
        <p className="h-5 text-sm" aria-live="polite">
          {callerSpeaking ? (
            <span className="inline-flex items-center gap-2 text-brand-700" data-testid="caller-speaking">
              <span
                className="inline-block h-2 w-2 animate-pulse rounded-full bg-brand-500"
                aria-hidden="true"
              />
              {view.scenario.personaName}さんが話しています…
            </span>
          ) : null}
        </p>
        {active && view.mode === "llm" && view.llmFallback && (
          <p
            role="status"
            className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            data-testid="llm-fallback-notice"
          >
            {notice ?? fallbackNotice}
          </p>
        )}
        {unsent && (
          <p
            role="status"
            className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            data-testid="connection-lost"
          >
            {reconnectingNotice}
            <span className="block text-xs text-amber-800">
              返答はこの画面に残っています。つながり次第、自動で送信します。
            </span>
          </p>
        )}
        {error && (
          <p role="alert" className={alertErrorClass}>
            {error}
          </p>
        )}
        {active ? (
          <form
            className="space-y-2"
            onSubmit={(event) => {
              event.preventDefault();
              void send(draft, { fromDraft: true });
            }}
          >
            <fieldset className="flex flex-wrap gap-2">
              <legend className="sr-only">相づち（話の途中でも送れます）</legend>
              {backchannelTokens.map((token, i) => (
                <button
                  key={token}
                  type="button"
                  className="rounded-full border border-brand-100 bg-brand-50 px-3 py-1 text-sm text-brand-700 hover:bg-brand-100"
                  onClick={() => void send(token, { fromDraft: false })}
                  aria-keyshortcuts={`Alt+${i + 1}`}
                >
                  {token}
                  <span className="ml-1 text-xs text-slate-400">Alt+{i + 1}</span>
                </button>
              ))}
            </fieldset>
            <label htmlFor="reply" className="sr-only">
              あなたの返答
            </label>
            <textarea
              id="reply"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                // Enter sends, but not while a Japanese IME is converting.
                if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  // The box's own value, not the state of this render, which a second keypress may outrun.
                  void send(e.currentTarget.value, { fromDraft: true });
                }
              }}
              rows={3}
              maxLength={MAX_REPLY_CHARS * 2}
              placeholder="返答を入力（Enter で送信、Shift+Enter で改行）"
              className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
            />
            <div className="flex items-center justify-between gap-2">
              <span
                className={`text-xs ${draft.length > MAX_REPLY_CHARS ? "text-rose-700" : "text-slate-500"}`}
              >
                {draft.length} / {MAX_REPLY_CHARS}
              </span>
              <button type="submit" className={buttonClass} disabled={sending || draft.trim() === ""}>
                {sending ? "送信中…" : "送信"}
              </button>
            </div>
          </form>
        ) : (
          <div
            className={`${cardClass} flex flex-wrap items-center justify-between gap-3`}
            data-testid="call-ended"
          >
            <p className="font-semibold">
              {contest && view.endReason === "time_out"
                ? `制限時間（${formatDuration(view.scenario.timeLimitSec ?? 0)}）になりました。お客様が電話を切りました。`
                : `通話が終了しました（${endReasonLabels[view.endReason ?? ""] ?? view.endReason}）`}
            </p>
            <Link href={`/calls/${view.id}/review`} className={buttonClass}>
              結果を見る
            </Link>
          </div>
        )}
      </section>
      <aside className="space-y-4 lg:col-start-2 lg:row-start-2 lg:self-start" aria-label="練習の設定と目標">
        <div className={`${cardClass} space-y-2 text-sm`}>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={feedbackHidden}
              disabled={view.scenario.contest}
              onChange={(e) => {
                setLiveMode(e.target.checked);
                window.localStorage.setItem("kikite.liveMode", e.target.checked ? "1" : "0");
              }}
            />
            本番モード（評価を隠す）
          </label>
          {view.scenario.contest && (
            <p className="text-xs text-slate-500">コンクール形式では、評価は通話の後に表示されます。</p>
          )}
        </div>
        {!feedbackHidden && view.hint && (
          <div className={`${cardClass} text-sm`}>
            <h2 className="font-semibold">ヒント</h2>
            <p className="mt-1 text-slate-700">{view.hint}</p>
          </div>
        )}
        {!feedbackHidden && view.goals.length > 0 && (
          <div className={`${cardClass} text-sm`}>
            <h2 className="mb-1 font-semibold">この通話の目標</h2>
            <ul className="space-y-1">
              {view.goals.map((g) => (
                <li
                  key={g.id}
                  className={g.reached ? "text-emerald-700" : "text-slate-600"}
                  data-testid={`call-goal-${g.id}`}
                  data-reached={g.reached}
                >
                  {g.reached ? "✓" : "・"} {g.label}
                </li>
              ))}
            </ul>
          </div>
        )}
      </aside>
    </div>
  );
}

function TurnBubble({
  turn,
  callMs,
  rate,
  feedbackHidden,
}: {
  turn: TurnView;
  callMs: number;
  rate: number;
  feedbackHidden: boolean;
}) {
  if (turn.role === "caller") {
    const spoken = spokenLine(turn, callMs, rate);
    if (spoken.pending) return null;
    if (turn.pending && spoken.text === "") {
      return (
        <div className="flex justify-start" data-testid="caller-thinking">
          <p className="rounded-2xl rounded-tl-sm bg-slate-100 px-4 py-2 text-slate-400">
            …<span className="sr-only">お客様が話し始めます</span>
          </p>
        </div>
      );
    }
    return (
      <div
        className="flex justify-start"
        data-testid="caller-line"
        data-speaking={spoken.speaking ? "true" : "false"}
        data-voice={turn.voice ?? (turn.pending ? "pending" : "script")}
      >
        <p
          className={`max-w-[85%] rounded-2xl rounded-tl-sm px-4 py-2 ${turn.kind === "interrupted" ? "bg-rose-50 text-rose-900" : "bg-slate-100 text-slate-900"}`}
        >
          {spoken.text}
          {spoken.speaking && <span className="ml-0.5 animate-pulse text-slate-400">▍</span>}
          {spoken.cut && <span className="text-slate-400">—</span>}
        </p>
      </div>
    );
  }
  if (turn.kind === "backchannel") {
    return (
      <div className="flex justify-end" data-testid="overlap-backchannel">
        <span className="rounded-full bg-brand-50 px-3 py-0.5 text-sm text-brand-700">
          （相づち）{turn.text}
        </span>
      </div>
    );
  }
  return (
    <div className="flex flex-col items-end gap-1" data-testid="operator-reply">
      <p className="max-w-[85%] whitespace-pre-wrap rounded-2xl rounded-tr-sm bg-brand-600 px-4 py-2 text-white">
        {feedbackHidden ? turn.text : <MarkedReply text={turn.text} analysis={turn.analysis} />}
      </p>
      {!feedbackHidden && turn.analysis && <ReplyFeedback analysis={turn.analysis} />}
    </div>
  );
}

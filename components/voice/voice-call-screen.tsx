"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { CallerName } from "@/components/call/caller-name";
import { MoodMeters } from "@/components/call/mood-meters";
import { fallbackNotice } from "@/components/call/reply-stream";
import { TimeLimitClock } from "@/components/contest/time-limit-clock";
import { formatDuration } from "@/components/labels-ja";
import {
  alertErrorClass,
  alertInfoClass,
  buttonClass,
  cardClass,
  secondaryButtonClass,
} from "@/components/ui";
import type { CallView, TurnView } from "@/lib/calls/call-view";
import { createBrowserRecognition, hasBrowserRecognition } from "./browser-recognition";
import { createCallerVoice, createServerVoice } from "./caller-voice";
import { END_OF_TURN_MS, VoiceSession, type VoiceSessionState } from "./voice-session";

type Phase = "ready" | "starting" | "live" | "unsupported" | "denied" | "failed";

const idle: VoiceSessionState = {
  callerSpeaking: false,
  callerLine: null,
  operatorSpeaking: false,
  busy: false,
  interim: "",
};

/** The voice call: the caller speaks, the trainee answers aloud, and the speech is measured. */
export function VoiceCallScreen({
  initial,
  serverStt,
  serverTts,
  recordingDays,
}: {
  initial: CallView;
  serverStt: boolean;
  serverTts: boolean;
  /** The team keeps the trainee's voice for this many days; null: nothing is recorded. */
  recordingDays: number | null;
}) {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>("ready");
  const [view, setView] = useState(initial);
  const [state, setState] = useState<VoiceSessionState>(idle);
  const [captions, setCaptions] = useState(true);
  const [audible, setAudible] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [fallback, setFallback] = useState<string | null>(null);
  const [ending, setEnding] = useState(false);
  const session = useRef<VoiceSession | null>(null);
  const vad = useRef<{ destroy(): Promise<void> } | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const textCallHref = `/calls/${view.id}`;
  const reviewHref = `/calls/${view.id}/review`;

  useEffect(() => {
    const supported =
      typeof navigator.mediaDevices?.getUserMedia === "function" &&
      typeof AudioContext === "function" &&
      typeof WebAssembly === "object" &&
      (serverStt || hasBrowserRecognition());
    if (!supported) setPhase("unsupported");
    return () => {
      session.current?.stop();
      void vad.current?.destroy();
      for (const track of stream.current?.getTracks() ?? []) track.stop();
    };
  }, [serverStt]);

  async function start() {
    setPhase("starting");
    setError(null);
    // A refusal the browser remembers is told at once, before anything heavy loads.
    const permission = await navigator.permissions
      ?.query({ name: "microphone" as PermissionName })
      .catch(() => undefined);
    if (permission?.state === "denied") {
      setPhase("denied");
      return;
    }
    const openMicrophone = async () => {
      const opened = await navigator.mediaDevices.getUserMedia({
        audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
      });
      stream.current = opened;
      return opened;
    };
    try {
      const voice = serverTts ? createServerVoice(view.id) : await createCallerVoice();
      setAudible(voice.audible);
      const recognition = serverStt
        ? null
        : createBrowserRecognition(
            (text) => session.current?.setInterim(text),
            () => setPhase("denied"),
          );
      const current = new VoiceSession(
        view,
        voice,
        { transcribe: serverStt ? "server" : "browser", recognition, record: recordingDays !== null },
        {
          onCall: (status, turns) => setView((v) => ({ ...v, ...(status ?? {}), turns })),
          onState: setState,
          onError: setError,
          onFallback: setFallback,
          // The review shows the kept recordings: the last reply's may still be on its way.
          onEnded: () => void current.recordingsSent().then(() => router.push(reviewHref)),
        },
      );
      session.current = current;
      let begun = false;
      // Loaded only here: the detector and its runtime are large, and only a voice call needs them.
      const { MicVAD } = await import("@ricky0123/vad-web");
      vad.current = await MicVAD.new({
        model: "legacy",
        baseAssetPath: "/voice-assets/",
        onnxWASMBasePath: "/voice-assets/",
        // The microphone is listened to from when the detector is ready, not while it loads.
        getStream: openMicrophone,
        pauseStream: async (paused) => {
          for (const track of paused.getTracks()) track.stop();
        },
        resumeStream: openMicrophone,
        redemptionMs: END_OF_TURN_MS,
        minSpeechMs: 150,
        preSpeechPadMs: 300,
        ortConfig: (ort) => {
          ort.env.logLevel = "error";
          // One thread: no worker, no cross-origin isolation needed.
          ort.env.wasm.numThreads = 1;
        },
        // The caller starts talking once the detector hears the microphone, never before.
        onFrameProcessed: () => {
          if (!begun) {
            begun = true;
            setPhase("live");
            current.begin();
          }
        },
        onSpeechStart: () => current.speechStarted(),
        onVADMisfire: () => current.speechMisfired(),
        onSpeechEnd: (audio) => current.speechEnded(audio),
      });
    } catch (cause) {
      session.current?.stop();
      for (const track of stream.current?.getTracks() ?? []) track.stop();
      const name = cause instanceof DOMException ? cause.name : "";
      if (name === "NotAllowedError" || name === "SecurityError") {
        setPhase("denied");
        return;
      }
      console.error("voice call could not start", cause);
      setPhase("failed");
      setError(
        name === "NotFoundError"
          ? "マイクが見つかりません。マイクをつないでからもう一度お試しください。"
          : "音声の準備ができませんでした。ページを再読み込みするか、文字での通話で練習してください。",
      );
    }
  }

  async function hangUp() {
    setEnding(true);
    session.current?.stop();
    await session.current?.recordingsSent();
    await vad.current?.destroy();
    for (const track of stream.current?.getTracks() ?? []) track.stop();
    const response = await fetch(`/api/calls/${view.id}/end`, { method: "POST" });
    if (response.ok || response.status === 409) {
      router.push(reviewHref);
      return;
    }
    setEnding(false);
    setError("通話を終了できませんでした。もう一度お試しください。");
  }

  const textCallLink = (
    <Link href={textCallHref} className={secondaryButtonClass} data-testid="text-call-link">
      文字での通話で練習する
    </Link>
  );

  const recordingNotice = recordingDays !== null && (
    <p className={alertInfoClass} data-testid="voice-recording-notice">
      このチームでは録音が有効です。あなたの声は返答ごとに保存され、振り返り画面であなたとトレーナーが聞き返せます（
      {recordingDays}日後に自動で削除されます）。
    </p>
  );

  return (
    <div className="space-y-4" data-testid="voice-call">
      <header className={`${cardClass} flex flex-wrap items-center justify-between gap-3`}>
        <div>
          <p className="text-sm text-slate-500">音声で練習する</p>
          <h1 className="text-xl font-bold">{view.scenario.title}</h1>
          <p className="text-sm text-slate-600">
            <CallerName personaName={view.scenario.personaName} llm={view.mode === "llm"} />
          </p>
        </div>
        {view.scenario.contest && view.scenario.timeLimitSec !== null && (
          <TimeLimitClock
            serverElapsedMs={initial.serverElapsedMs}
            timeLimitSec={view.scenario.timeLimitSec}
            ended={view.status === "ended"}
            // The contest's hard stop; a call never picked up is ended all the same.
            onTimeUp={() => (session.current ? session.current.stopAtLimit() : void hangUp())}
          />
        )}
        {phase === "live" && (
          <button type="button" className={secondaryButtonClass} onClick={hangUp} disabled={ending}>
            {ending ? "終了しています…" : "通話を終える"}
          </button>
        )}
      </header>

      {view.scenario.contest && view.status === "ended" && view.endReason === "time_out" && (
        <p className={alertInfoClass} role="status" data-testid="call-ended">
          {`制限時間（${formatDuration(view.scenario.timeLimitSec ?? 0)}）になりました。お客様が電話を切ります。`}
        </p>
      )}
      {phase === "unsupported" && (
        <div className={`${alertErrorClass} space-y-3`} role="alert" data-testid="voice-unsupported">
          <p>
            このブラウザは音声での通話に対応していません。Google Chrome または Microsoft Edge
            の最新版でお試しいただくか、文字での通話で練習してください。
          </p>
          {textCallLink}
        </div>
      )}
      {phase === "denied" && (
        <div className={`${alertErrorClass} space-y-3`} role="alert" data-testid="voice-denied">
          <p>
            マイクの使用が許可されていないため、音声で練習できません。ブラウザのアドレスバーからこのサイトにマイクの使用を許可してページを再読み込みするか、文字での通話で練習してください。
          </p>
          {textCallLink}
        </div>
      )}
      {phase === "failed" && (
        <div className={`${alertErrorClass} space-y-3`} role="alert">
          <p>{error ?? "音声の準備ができませんでした。"}</p>
          {textCallLink}
        </div>
      )}

      {(phase === "ready" || phase === "starting") && (
        <section className={`${cardClass} space-y-3`}>
          {recordingNotice}
          <p className="text-sm text-slate-700">
            お客様の声が流れます。話し終えて少し間を置くと、あなたの返答として送られます。お客様のお話の途中の短い相づちは返答になりませんが、話の途中で話し始めるとお客様の声が止まり、割り込みとして数えられます。
          </p>
          {view.scenario.contest && (
            <p className="text-sm font-medium text-slate-700">
              コンクール形式です。制限時間は問題カードから電話がつながったときに始まっています。
            </p>
          )}
          <p className="text-sm text-slate-600">
            スピーカーの音をマイクが拾わないよう、ヘッドセットのご利用をおすすめします。
          </p>
          <div className="flex flex-wrap gap-3">
            <button
              type="button"
              className={buttonClass}
              onClick={start}
              disabled={phase === "starting"}
              data-testid="voice-start"
            >
              {phase === "starting" ? "準備しています…" : "通話を始める（マイクを使います）"}
            </button>
            {textCallLink}
          </div>
        </section>
      )}

      {phase === "live" && (
        <div className="grid gap-4 md:grid-cols-3">
          <section className={`${cardClass} space-y-4 md:col-span-2`} aria-label="通話">
            {recordingNotice}
            {!audible && (
              <p className={alertInfoClass}>
                この端末には日本語の読み上げ音声がないため、お客様の言葉は字幕でお伝えします。
              </p>
            )}
            <div className="flex items-center justify-between gap-2">
              <p className="text-sm font-medium" role="status" data-testid="voice-status">
                {state.callerSpeaking
                  ? "お客様が話しています"
                  : state.operatorSpeaking
                    ? "あなたの声を聞いています"
                    : state.busy
                      ? "文字にしています…"
                      : "お話しください"}
              </p>
              {audible && (
                <button
                  type="button"
                  className="text-sm text-brand-700 underline"
                  onClick={() => setCaptions((c) => !c)}
                  aria-pressed={!captions}
                >
                  {captions ? "字幕を隠す" : "字幕を表示する"}
                </button>
              )}
            </div>
            {(captions || !audible) && state.callerLine && (
              <p className="rounded-lg bg-slate-100 px-4 py-3 text-lg" data-testid="voice-caption">
                {state.callerLine}
              </p>
            )}
            {state.interim && (
              <p className="text-slate-500" data-testid="voice-interim">
                {state.interim}
              </p>
            )}
            {view.mode === "llm" && view.llmFallback && (
              <p
                role="status"
                className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
                data-testid="llm-fallback-notice"
              >
                {fallback ?? fallbackNotice}
              </p>
            )}
            {error && (
              <p className={alertErrorClass} role="alert">
                {error}
              </p>
            )}
            <VoiceTranscript
              turns={view.turns}
              captions={captions || !audible}
              personaName={view.scenario.personaName}
            />
          </section>
          <aside className={`${cardClass} space-y-3`}>
            <h2 className="text-sm font-semibold">お客様の気持ち</h2>
            <MoodMeters variables={view.scenario.moodVariables} mood={view.mood} />
          </aside>
        </div>
      )}
    </div>
  );
}

function VoiceTranscript({
  turns,
  captions,
  personaName,
}: {
  turns: TurnView[];
  captions: boolean;
  personaName: string;
}) {
  const shown = turns.filter((t) => t.role === "operator" || (captions && !t.pending && t.text));
  return (
    <ol className="space-y-2 text-sm" aria-label="会話の記録" data-testid="voice-transcript">
      {shown.map((t) => (
        <li key={t.seq} data-testid={t.role === "operator" ? "voice-reply" : "voice-caller-line"}>
          <span className="mr-2 text-xs text-slate-500">
            {t.role === "operator" ? (t.kind === "backchannel" ? "あなた（相づち）" : "あなた") : personaName}
          </span>
          {t.text}
        </li>
      ))}
    </ol>
  );
}

import { mergeTurns, readError } from "@/components/call/call-updates";
import type { CallStatusView, CallView, ReplyResult, TurnView } from "@/lib/calls/call-view";
import { callerVoiceStyle } from "@/lib/voice/caller-style";
import type { SpeechSegment } from "@/lib/voice/timeline";
import type { BrowserRecognition } from "./browser-recognition";
import type { CallerVoice, Speaking } from "./caller-voice";
import { encodeWavBase64 } from "./wav-encode";

// One voice call in the browser: says the caller's lines, listens through the VAD, cuts the caller off
// when the trainee talks over them, and sends each utterance as a reply with the speech measured
// since the previous one (on the call's clock, the server's milliseconds since the call started).

/**
 * Silence that ends the trainee's turn. Japanese operators pause 300–600 ms between phrases and to
 * breathe; 800 ms keeps a polite reply in one piece while the caller still answers promptly.
 */
export const END_OF_TURN_MS = 800;
/** Talking over the caller for longer than a 相づち takes stops the caller (barge-in). */
export const BARGE_IN_MS = 900;
/** The VAD decides on 96 ms frames: speech began about a frame before it said so. */
const VAD_FRAME_MS = 96;

export interface VoiceSessionState {
  callerSpeaking: boolean;
  /** The caller line being said (for captions). */
  callerLine: string | null;
  operatorSpeaking: boolean;
  /** Utterances being transcribed or sent. */
  busy: boolean;
  interim: string;
}

export interface VoiceSessionEvents {
  onCall(status: CallStatusView | null, turns: TurnView[]): void;
  onState(state: VoiceSessionState): void;
  onError(message: string | null): void;
  /** The call has ended and its last lines have been said. */
  onEnded(): void;
}

export interface VoiceInput {
  transcribe: "server" | "browser";
  recognition: BrowserRecognition | null;
  /** The team keeps raw audio: each reply's utterance is sent to be stored with it. */
  record?: boolean;
}

interface Playing {
  seq: number;
  text: string;
  startMs: number;
  speaking: Speaking;
  /** Stopped by a barge-in or the server moving on. */
  cut: boolean;
  /** Part of it was already sent with a 相づち: this piece's text would overstate its pace. */
  split: boolean;
}

export class VoiceSession {
  private offset: number;
  private status: CallStatusView;
  private turns: TurnView[];
  private readonly said = new Set<number>();
  private playing: Playing | null = null;
  private segments: SpeechSegment[] = [];
  private operatorStartMs: number | null = null;
  private bargeTimer: number | undefined;
  private pumpTimer: number | undefined;
  private queue: Promise<void> = Promise.resolve();
  private pendingUtterances = 0;
  private interim = "";
  private stopped = false;
  /** The contest's time limit has passed: no new utterance is taken, the call is ended once quiet. */
  private atLimit = false;
  private endingAtLimit = false;
  /** Recordings being sent: hanging up waits for them, so the review has every one. */
  private readonly uploads = new Set<Promise<void>>();

  constructor(
    call: CallView,
    private readonly voice: CallerVoice,
    private readonly input: VoiceInput,
    private readonly events: VoiceSessionEvents,
  ) {
    const { turns, ...status } = call;
    this.status = status;
    this.turns = turns;
    this.offset = performance.now() - call.serverElapsedMs;
    // Lines the trainee has already answered are not said again; the unanswered ones are.
    const lastReply = turns.findLast((t) => t.role === "operator")?.seq ?? -1;
    for (const t of turns) if (t.role === "caller" && t.seq < lastReply) this.said.add(t.seq);
  }

  /** Milliseconds since the call started, on the server's clock. */
  now(): number {
    return Math.round(performance.now() - this.offset);
  }

  begin(): void {
    this.input.recognition?.start();
    this.pump();
  }

  setInterim(text: string): void {
    this.interim = text;
    this.emit();
  }

  stop(): void {
    this.stopped = true;
    window.clearTimeout(this.bargeTimer);
    window.clearTimeout(this.pumpTimer);
    this.playing?.speaking.stop();
    this.input.recognition?.stop();
  }

  /**
   * The contest's hard stop at the time limit: the caller stops talking, and once the reply being said
   * (if any) has been sent, the call ends and the caller says their closing line. A reply that reaches
   * the server after the limit is kept there as overtime and ends the call itself.
   */
  stopAtLimit(): void {
    if (this.stopped || this.atLimit) return;
    this.atLimit = true;
    this.cutCaller();
    this.endAtLimitWhenQuiet();
  }

  private endAtLimitWhenQuiet(): void {
    if (!this.atLimit || this.endingAtLimit || this.operatorStartMs !== null) return;
    this.endingAtLimit = true;
    // After the utterances already queued: they are sent (as overtime) before the call is ended.
    this.queue = this.queue
      .then(async () => {
        if (this.stopped || this.status.status === "ended") return;
        const response = await fetch(`/api/calls/${this.status.id}/end`, { method: "POST" });
        const body: unknown = await response.json().catch(() => undefined);
        if (!response.ok) throw new Error(readError(body) ?? "通話を終了できませんでした。");
        const { turns, ...status } = body as CallView;
        this.status = status;
        this.turns = mergeTurns(this.turns, turns);
        this.events.onCall(this.status, this.turns);
      })
      .catch((error: unknown) => {
        this.endingAtLimit = false;
        this.events.onError(error instanceof Error ? error.message : "通話を終了できませんでした。");
      })
      .finally(() => this.pump());
  }

  /** Resolves once the recordings already being sent have arrived (or failed). */
  async recordingsSent(): Promise<void> {
    await Promise.allSettled([...this.uploads]);
  }

  // ---- the VAD's callbacks ----

  speechStarted(): void {
    if (this.stopped || this.atLimit) return;
    this.operatorStartMs = Math.max(0, this.now() - VAD_FRAME_MS);
    window.clearTimeout(this.bargeTimer);
    if (this.playing) {
      this.bargeTimer = window.setTimeout(() => {
        if (this.operatorStartMs !== null) this.cutCaller();
      }, BARGE_IN_MS);
    }
    this.emit();
  }

  speechMisfired(): void {
    window.clearTimeout(this.bargeTimer);
    this.operatorStartMs = null;
    this.emit();
    this.endAtLimitWhenQuiet();
  }

  speechEnded(audio: Float32Array): void {
    if (this.stopped || this.operatorStartMs === null) return;
    window.clearTimeout(this.bargeTimer);
    const startMs = this.operatorStartMs;
    const endMs = Math.max(startMs + 100, this.now() - END_OF_TURN_MS);
    this.operatorStartMs = null;
    this.pendingUtterances += 1;
    this.emit();
    this.queue = this.queue
      .then(() => this.sendUtterance({ speaker: "operator", startMs, endMs }, audio))
      .catch((error: unknown) => {
        this.events.onError(error instanceof Error ? error.message : "音声の送信に失敗しました。");
      })
      .finally(() => {
        this.pendingUtterances -= 1;
        this.emit();
        this.pump();
        this.endAtLimitWhenQuiet();
      });
  }

  // ---- the caller's voice ----

  private pump(): void {
    window.clearTimeout(this.pumpTimer);
    if (this.stopped || this.playing) return;
    const next = this.turns.find((t) => t.role === "caller" && !this.said.has(t.seq) && !t.pending && t.text);
    if (!next) {
      if (this.status.status === "ended" && this.pendingUtterances === 0) this.events.onEnded();
      return;
    }
    const wait = next.atMs - this.now();
    if (wait > 0) {
      this.pumpTimer = window.setTimeout(() => this.pump(), wait);
      return;
    }
    this.said.add(next.seq);
    const style = callerVoiceStyle({
      speakingRate: this.status.scenario.speakingRate,
      age: this.status.scenario.personaAge,
      mood: this.status.mood,
    });
    const playing: Playing = {
      seq: next.seq,
      text: next.text,
      startMs: this.now(),
      speaking: this.voice.speak(next.text, style),
      cut: false,
      split: false,
    };
    this.playing = playing;
    this.emit();
    void playing.speaking.done.then(() => {
      this.segments.push({
        speaker: "caller",
        startMs: playing.startMs,
        endMs: this.now(),
        ...(playing.cut || playing.split ? {} : { text: playing.text }),
      });
      if (this.playing === playing) this.playing = null;
      this.emit();
      this.pump();
    });
  }

  private cutCaller(): void {
    if (!this.playing) return;
    this.playing.cut = true;
    this.playing.speaking.stop();
  }

  // ---- the trainee's replies ----

  private async sendUtterance(operator: SpeechSegment, audio: Float32Array): Promise<void> {
    const text = (await this.transcribe(audio)).trim();
    if (this.stopped) return;
    if (text === "") {
      // A cough or noise: measured, not sent.
      this.segments.push(operator);
      return;
    }
    const segments = [...this.segments, ...this.callerSoFar(), { ...operator, text }];
    this.segments = [];
    const replyId = crypto.randomUUID();
    const response = await fetch(`/api/calls/${this.status.id}/replies`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        text,
        startedAtMs: operator.startMs,
        replyId,
        timing: { segments },
      }),
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      // Kept for the next reply: nothing measured is lost.
      this.segments = [...segments, ...this.segments];
      if (response.status === 409) this.status = { ...this.status, status: "ended" };
      throw new Error(readError(body) ?? "返答を送信できませんでした。もう一度お話しください。");
    }
    this.events.onError(null);
    if (this.input.record) {
      const upload = this.keepRecording(replyId, audio).finally(() => this.uploads.delete(upload));
      this.uploads.add(upload);
    }
    const result = body as ReplyResult;
    this.status = result.call;
    this.turns = mergeTurns(this.turns, [...result.changed, ...result.added]);
    this.events.onCall(this.status, this.turns);
    // The caller answered: a line still being said was cut short by the reply.
    if (result.added.some((t) => t.role === "caller") && this.playing) this.cutCaller();
    this.pump();
  }

  /** Stores the reply's audio beside it; a failure loses only the recording, never the reply. */
  private async keepRecording(replyId: string, audio: Float32Array): Promise<void> {
    const response = await fetch(`/api/calls/${this.status.id}/recordings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ replyId, audio: encodeWavBase64(audio) }),
    }).catch(() => null);
    if (!response?.ok) {
      const body: unknown = await response?.json().catch(() => undefined);
      this.events.onError(readError(body) ?? "この返答の録音を保存できませんでした（返答は送信済みです）。");
    }
  }

  /** The caller's voice up to now, when a line is still being said (a 相づち over it). */
  private callerSoFar(): SpeechSegment[] {
    const playing = this.playing;
    if (!playing) return [];
    const now = this.now();
    const piece: SpeechSegment = { speaker: "caller", startMs: playing.startMs, endMs: now };
    playing.startMs = now;
    playing.split = true;
    return [piece];
  }

  private async transcribe(audio: Float32Array): Promise<string> {
    if (this.input.transcribe === "browser") return this.input.recognition?.take() ?? "";
    const response = await fetch(`/api/calls/${this.status.id}/transcriptions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ audio: encodeWavBase64(audio) }),
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw new Error(readError(body) ?? "音声を文字にできませんでした。");
    return (body as { text: string }).text;
  }

  private emit(): void {
    this.events.onState({
      callerSpeaking: this.playing !== null,
      callerLine: this.playing?.text ?? null,
      operatorSpeaking: this.operatorStartMs !== null,
      busy: this.pendingUtterances > 0,
      interim: this.interim,
    });
  }
}

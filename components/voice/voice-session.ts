import { mergeTurns, readError } from "@/components/call/call-updates";
import {
  appendDelta,
  eventStreamOf,
  followReplyStream,
  replyHeaders,
  streamsReplies,
} from "@/components/call/reply-stream";
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
/** A caller line still being generated elsewhere (a reload, another tab) is asked for this often. */
const PENDING_POLL_MS = 1000;

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
  /** LLM play: the provider failed and the script voices the caller from now on. */
  onFallback(message: string): void;
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
  /** The voice has begun (a line still being fetched is not shown or said yet). */
  audible: boolean;
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
  private pollTimer: number | undefined;
  /** Streamed answers still being read: their pending lines need no polling. */
  private streaming = 0;
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
    window.clearTimeout(this.pollTimer);
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
    // A pending line may have no words yet: it still comes next.
    const next = this.turns.find(
      (t) => t.role === "caller" && !this.said.has(t.seq) && (t.pending || t.text),
    );
    if (next?.pending) {
      this.pollPending();
      return;
    }
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
    const speaking = this.voice.speak(next, style);
    const playing: Playing = {
      seq: next.seq,
      text: next.text,
      startMs: this.now(),
      speaking,
      cut: false,
      split: false,
      // (Captions alone start at once.)
      audible: speaking.started === undefined,
    };
    this.playing = playing;
    this.emit();
    // The caller is heard from when the audio starts, not from when it was asked for: its caption shows
    // from then too.
    void playing.speaking.started?.then(() => {
      if (!playing.cut && !playing.split) playing.startMs = this.now();
      playing.audible = true;
      this.emit();
    });
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
      headers: replyHeaders(streamsReplies(this.status)),
      body: JSON.stringify({
        text,
        startedAtMs: operator.startMs,
        replyId,
        timing: { segments },
      }),
    });
    // With the team's retention on, the reply's audio is kept beside it once the reply is stored.
    const keep = () => {
      if (!this.input.record) return;
      const upload = this.keepRecording(replyId, audio).finally(() => this.uploads.delete(upload));
      this.uploads.add(upload);
    };
    const events = eventStreamOf(response);
    if (events) {
      // The next utterance waits for the scored reply only, not for the caller's words.
      await new Promise<void>((replied) => {
        this.follow(events, () => {
          keep();
          replied();
        })
          .catch(() => this.events.onError("お客様の応答を受け取れませんでした。もう一度お話しください。"))
          .finally(replied);
      });
      return;
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      // Kept for the next reply: nothing measured is lost.
      this.segments = [...segments, ...this.segments];
      if (response.status === 409) this.status = { ...this.status, status: "ended" };
      throw new Error(readError(body) ?? "返答を送信できませんでした。もう一度お話しください。");
    }
    this.adoptReply(body as ReplyResult);
    keep();
  }

  private adoptReply(result: ReplyResult): void {
    this.events.onError(null);
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

  // LLM play: the scored reply, then the caller's words as the model writes them (the line is said
  // once it is whole), as the text call screen reads them.
  private async follow(body: ReadableStream<Uint8Array>, onReply: () => void): Promise<void> {
    this.streaming += 1;
    try {
      await followReplyStream(body, {
        reply: (result) => {
          this.adoptReply(result);
          onReply();
        },
        delta: (seq, piece) => {
          this.turns = appendDelta(this.turns, seq, piece);
          this.events.onCall(null, this.turns);
        },
        line: (turn) => {
          this.turns = mergeTurns(this.turns, [turn]);
          this.events.onCall(null, this.turns);
          this.pump();
        },
        fallback: (message) => {
          this.status = { ...this.status, llmFallback: true };
          this.events.onCall(this.status, this.turns);
          this.events.onFallback(message);
        },
      });
    } finally {
      this.streaming -= 1;
      this.pump();
    }
  }

  // A pending line nobody streams to this page (the page was reloaded while it was generated): ask
  // the server until it has its words.
  private pollPending(): void {
    if (this.stopped || this.streaming > 0 || this.pollTimer !== undefined) return;
    this.pollTimer = window.setTimeout(async () => {
      try {
        const response = await fetch(`/api/calls/${this.status.id}`, { cache: "no-store" });
        if (response.ok && this.streaming === 0) {
          const { turns, ...status } = (await response.json()) as CallView;
          this.status = status;
          this.turns = mergeTurns(this.turns, turns);
          this.events.onCall(this.status, this.turns);
        }
      } finally {
        this.pollTimer = undefined;
        this.pump();
      }
    }, PENDING_POLL_MS);
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
      callerSpeaking: this.playing?.audible === true,
      callerLine: this.playing?.audible ? this.playing.text : null,
      operatorSpeaking: this.operatorStartMs !== null,
      busy: this.pendingUtterances > 0,
      interim: this.interim,
    });
  }
}

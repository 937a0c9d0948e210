import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CallView, TurnView } from "@/lib/calls/call-view";
import type { CallerLineToSay, CallerVoice } from "./caller-voice";
import { VoiceSession } from "./voice-session";

// The voice session's caller side with a recording voice, the server answered by a stub fetch and
// time by fake timers.

const caller = (seq: number, text: string, pending?: boolean): TurnView => ({
  seq,
  role: "caller",
  kind: "line",
  text,
  atMs: 0,
  speechEndsAtMs: null,
  analysis: null,
  mood: null,
  ...(pending ? { pending } : {}),
});
const operator = (seq: number, text: string): TurnView => ({ ...caller(seq, text), role: "operator" });

function callWith(turns: TurnView[]): CallView {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    status: "active",
    endReason: null,
    mode: "llm",
    llmFallback: false,
    startedAt: new Date(0).toISOString(),
    serverElapsedMs: 10_000,
    scenario: {
      scenarioId: "s",
      slug: "angry-broken-bottle",
      versionId: "v",
      title: "定期便の瓶が割れていた",
      description: "",
      kind: "angry",
      difficulty: "easy",
      timeLimitSec: null,
      hintsAllowed: true,
      contest: false,
      personaName: "山田 和子",
      personaAge: 45,
      speakingRate: 7.5,
      moodVariables: [],
    },
    mood: { anger: 60 },
    goals: [],
    hint: null,
    turns,
    feedbackHidden: false,
    scorecard: null,
  };
}

function recordingVoice() {
  const said: CallerLineToSay[] = [];
  const voice: CallerVoice = {
    audible: true,
    speak(line) {
      said.push(line);
      return { done: new Promise<void>(() => {}), stop() {} };
    },
  };
  return { voice, said };
}

const events = () => ({
  onCall: vi.fn(),
  onState: vi.fn(),
  onError: vi.fn(),
  onFallback: vi.fn(),
  onEnded: vi.fn(),
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal("window", globalThis);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("VoiceSession with an LLM caller", () => {
  it("asks for a line still being generated elsewhere (no words yet) and says it once it has them", async () => {
    const before = [caller(0, "もしもし？"), operator(1, "さようでございますか"), caller(2, "", true)];
    const after = [...before.slice(0, 2), caller(2, "あのですね、瓶が割れてたのよ")];
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(Response.json(callWith(before)))
      .mockResolvedValueOnce(Response.json(callWith(after)));
    vi.stubGlobal("fetch", fetch);
    const { voice, said } = recordingVoice();
    const session = new VoiceSession(
      callWith(before),
      voice,
      { transcribe: "server", recognition: null },
      events(),
    );
    session.begin();
    // The answered opening is not said again; the pending line waits for its words.
    expect(said).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetch).toHaveBeenCalledWith(`/api/calls/${callWith([]).id}`, { cache: "no-store" });
    expect(said).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(said).toEqual([expect.objectContaining({ seq: 2, text: "あのですね、瓶が割れてたのよ" })]);
    session.stop();
  });

  it("does not poll while no line is pending", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    const { voice, said } = recordingVoice();
    const session = new VoiceSession(
      callWith([caller(0, "もしもし？")]),
      voice,
      { transcribe: "server", recognition: null },
      events(),
    );
    session.begin();
    expect(said.map((l) => l.seq)).toEqual([0]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(fetch).not.toHaveBeenCalled();
    session.stop();
  });
});

describe("VoiceSession captions", () => {
  it("shows a line and says the caller is speaking only once its voice has begun", async () => {
    let begin = () => {};
    const started = new Promise<void>((resolve) => {
      begin = resolve;
    });
    const voice: CallerVoice = {
      audible: true,
      speak: () => ({ started, done: new Promise<void>(() => {}), stop() {} }),
    };
    const handlers = events();
    const session = new VoiceSession(
      callWith([caller(0, "もしもし？瓶が割れてたのよ")]),
      voice,
      { transcribe: "server", recognition: null },
      handlers,
    );
    session.begin();
    // The line's audio is still on its way: no caption yet, and the trainee is asked to speak.
    expect(handlers.onState).toHaveBeenLastCalledWith(
      expect.objectContaining({ callerSpeaking: false, callerLine: null }),
    );
    begin();
    await vi.advanceTimersByTimeAsync(0);
    expect(handlers.onState).toHaveBeenLastCalledWith(
      expect.objectContaining({ callerSpeaking: true, callerLine: "もしもし？瓶が割れてたのよ" }),
    );
    session.stop();
  });
});

// npm run bench:voice — a voice call's turn-taking delay: from the end of the trainee's speech to the
// first caller audio, and the part of it that is Kikite's own (target: p95 ≤ 300 ms beyond the STT, LLM
// and TTS providers' own times).
//
// Starts the local OpenAI-compatible server (scripts/fake-llm-server.ts, in a process of its own as a
// real provider is: its deterministic audio/transcriptions, chat completions with no delay, and
// audio/speech) and the production build on a fresh embedded database, pointed at it for speech to text
// (KIKITE_STT_MODEL), the LLM caller (KIKITE_LLM_CALLER_MODEL, no judge: it runs after the caller's
// line) and, with --tts server (the default), server text to speech (KIKITE_TTS_MODEL). N trainees
// (--trainees, default 4) play voice calls as the voice screen does, each reply:
//   1. the utterance as the VAD hands it over (a WAV of 2.5 s of synthetic speech) to
//      POST /api/calls/:id/transcriptions,
//   2. its words to POST /api/calls/:id/replies (LLM play streamed, read to the caller's finished
//      `line`; --mode scripted: the JSON answer holds the line),
//   3. --tts server: GET /api/calls/:id/speech/:seq to the first byte of audio; --tts browser: the line's
//      text is all the browser's speechSynthesis needs, it starts there (its own start-up is the
//      browser's, not measured here).
// Kikite's own time is what those three requests took as the client saw them MINUS each one's provider
// time as the local server measured it (transcription and the LLM line: request received → whole
// answer written, since the next step needs all of it; speech: request received → first byte; a
// scripted reply has no provider, all its time is Kikite's). The
// provider request of a step is the earliest one of its kind that arrived while the step was waiting
// (several at once are counted as `ambiguous`). As the client saw it, so the loopback and this
// process's own wake-ups count against Kikite: the figure is an upper bound.
//
// As the trainee hears it, the end of speech → first caller audio also holds two waits that are
// design, not delay: the VAD's end-of-turn silence (END_OF_TURN_MS, 800 ms: the utterance is only
// known to have ended then) and the caller's pause before answering (the line's `atMs`, 400 ms after
// the reply reached the server). Both are printed with the figure.
//
// Memory: the server's RSS after start-up and sign-in (idle) and its peak while the trainees play.
// Options: --seconds 60 --warmup-seconds 25 --think-ms 1000 --port 3395 --mode llm|scripted
// --tts server|browser (default server).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { END_OF_TURN_MS } from "@/components/voice/voice-session";
import type { FakeRequestLog } from "@/lib/llm/testing/fake-llm-server";
import { encodeWav, synthesizeParts } from "@/lib/speech/testing/synthetic-audio";
import {
  type BenchServer,
  type BenchWindow,
  benchWindow,
  describePercentiles,
  listAngryScenarios,
  type Paced,
  parseArgs,
  percentile,
  playCalls,
  postJson,
  readLoadOptions,
  sampleMemory,
  sleep,
  startBenchServer,
  startProviderProcess,
} from "./bench-support";

const args = parseArgs(process.argv.slice(2));
const load = readLoadOptions(args, { trainees: 4, port: 3395 });
load.seconds = Number(args.seconds ?? 60);
// A voice reply comes every ~10 s per trainee (the caller's line, then 2.5 s of speech): the first
// ones, the server's cold start, land after the default 10 s.
load.warmupSeconds = Number(args["warmup-seconds"] ?? 25);
load.thinkMs = Number(args["think-ms"] ?? 1000);
const MODE = args.mode === "scripted" ? "scripted" : "llm";
const TTS = args.tts === "browser" ? "browser" : "server";
const TARGET_P95_MS = 300;
/** The utterance the VAD hands over: 2.5 s of speech (the fake recognizer hears a full reply). */
const UTTERANCE = Buffer.from(
  encodeWav(synthesizeParts([{ silenceMs: 300 }, { speechMs: 2500 }, { silenceMs: 300 }])),
).toString("base64");
const UTTERANCE_MS = 2500;

/** A provider endpoint, or `scripted`: the scripted caller's reply, Kikite's time alone. */
type Endpoint = FakeRequestLog["endpoint"] | "scripted";

interface Step {
  endpoint: Endpoint;
  sentAt: number;
  answeredAt: number;
}

interface VoiceSample {
  steps: Step[];
  /** When the first caller audio can start at the client: the pipeline done, and the caller's pause over. */
  audioAt: number;
  /** When the VAD handed the utterance over (the end of speech is END_OF_TURN_MS before). */
  handedAt: number;
}

interface TraineeResult {
  samples: VoiceSample[];
  warmupReplies: number;
  errors: string[];
  calls: number;
}

async function main() {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "kikite-bench-voice-"));
  const fake = await startProviderProcess(path.join(workDir, "provider.json"));
  try {
    const server = await startBenchServer({
      port: load.port,
      trainees: load.trainees,
      env: {
        OPENAI_BASE_URL: fake.url,
        OPENAI_API_KEY: "bench-not-needed",
        KIKITE_LLM_CALLER_MODEL: "bench-caller",
        KIKITE_LLM_JUDGE_MODEL: undefined,
        KIKITE_LLM_RATE_LIMIT_PER_HOUR: "1000000",
        KIKITE_STT_MODEL: "bench-stt",
        KIKITE_STT_BASE_URL: fake.url,
        KIKITE_TTS_MODEL: TTS === "server" ? "bench-tts" : undefined,
      },
    });
    let played: Awaited<ReturnType<typeof play>>;
    try {
      played = await play(server);
    } finally {
      await server.stop();
    }
    report(played, await fake.stop());
  } finally {
    await fake.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

async function play(server: BenchServer) {
  const scenarios = await listAngryScenarios(server.base, server.sessions[0]!);
  // Idle, after start-up and sign-in: what the server holds before any voice call.
  await sleep(1000);
  const memory = sampleMemory(server.process);
  const idleMb = memory.endMb();
  const window = benchWindow(load);
  const results = await Promise.all(
    server.sessions.map((cookie, i) => playUntil(server.base, cookie, scenarios, window, i)),
  );
  memory.stop();
  return { results, idleMb, peakMb: memory.peakMb() };
}

async function playUntil(
  base: string,
  cookie: string,
  scenarios: string[],
  window: BenchWindow,
  index: number,
): Promise<TraineeResult> {
  const result: TraineeResult = { samples: [], warmupReplies: 0, errors: [], calls: 0 };
  const reply = async (callId: string): Promise<Paced | undefined> => {
    // The trainee speaks (the utterance's length), then the VAD waits out the end-of-turn silence.
    await sleep(UTTERANCE_MS + END_OF_TURN_MS);
    const counted = Date.now() >= window.countFrom;
    if (!counted) result.warmupReplies++;
    const turn = await voiceTurn(base, cookie, callId);
    if (!turn.ok) {
      if (turn.error) result.errors.push(turn.error);
      return undefined;
    }
    if (counted) result.samples.push(turn.sample);
    return turn.paced;
  };
  const played = await playCalls(
    { base, cookie, index, scenarios, ...(MODE === "llm" ? { mode: "llm" as const } : {}), reply },
    load,
    window,
  );
  return { ...result, calls: played.calls };
}

type TurnOutcome =
  | { ok: true; sample: VoiceSample; paced: Paced | undefined }
  | { ok: false; error?: string };

interface Turn {
  seq: number;
  role: string;
  atMs: number;
  speechEndsAtMs: number | null;
  pending?: boolean;
}

interface ReplyAnswer {
  call: { status: string; serverElapsedMs: number };
  added: Turn[];
}

// One voice reply as the voice screen sends it, to the moment its caller audio can start.
async function voiceTurn(base: string, cookie: string, callId: string): Promise<TurnOutcome> {
  const steps: Step[] = [];
  const handedAt = performance.now();
  const heard = await postJson(base, `/api/calls/${callId}/transcriptions`, cookie, { audio: UTTERANCE });
  const { text } = (await heard.json()) as { text: string };
  steps.push({ endpoint: "transcriptions", sentAt: handedAt, answeredAt: performance.now() });
  if (heard.status === 409) return { ok: false };
  if (!heard.ok) return { ok: false, error: `transcription ${heard.status}` };

  const sentAt = performance.now();
  const answer = await postJson(
    base,
    `/api/calls/${callId}/replies`,
    cookie,
    { text },
    MODE === "llm" ? { accept: "text/event-stream, application/json" } : {},
  );
  if (answer.status === 409) return { ok: false };
  if (answer.status !== 201) return { ok: false, error: `reply ${answer.status}` };
  const read = await readAnswer(answer);
  const lineAt = performance.now();
  if (read.fallback) return { ok: false, error: "the LLM fell back to the script" };
  steps.push({ endpoint: MODE === "llm" ? "chat" : "scripted", sentAt, answeredAt: lineAt });
  const line = read.line;
  if (!line) return { ok: true, sample: sampleOf(steps, handedAt, lineAt), paced: undefined };
  let readyAt = lineAt;
  if (TTS === "server") {
    const speechSentAt = performance.now();
    const speech = await fetch(`${base}/api/calls/${callId}/speech/${line.seq}`, { headers: { cookie } });
    const reader = speech.body?.getReader();
    await reader?.read();
    readyAt = performance.now();
    await reader?.cancel();
    if (!speech.ok) return { ok: false, error: `speech ${speech.status}` };
    steps.push({ endpoint: "speech", sentAt: speechSentAt, answeredAt: readyAt });
  }
  // The caller's pause: the line starts at its atMs on the server's clock.
  const startsAt = read.answeredAt + (line.atMs - read.reply.call.serverElapsedMs);
  const sample = sampleOf(steps, handedAt, Math.max(readyAt, startsAt));
  if (read.reply.call.status === "ended") return { ok: true, sample, paced: undefined };
  return {
    ok: true,
    sample,
    paced: {
      serverElapsedMs: read.reply.call.serverElapsedMs + (performance.now() - read.answeredAt),
      turns: [...read.reply.added.filter((t) => !t.pending), line],
    },
  };
}

function sampleOf(steps: Step[], handedAt: number, audioAt: number): VoiceSample {
  return { steps, handedAt, audioAt };
}

// The scored reply and the caller line that answers it: from the JSON answer, or read off the stream.
async function readAnswer(response: Response) {
  const answeredAt = performance.now();
  if (!response.headers.get("content-type")?.includes("text/event-stream")) {
    const reply = (await response.json()) as ReplyAnswer;
    const line = reply.added.find((t) => t.role === "caller" && !t.pending);
    return { reply, answeredAt, line, fallback: false };
  }
  let reply: ReplyAnswer | undefined;
  let line: Turn | undefined;
  let fallback = false;
  let replyAt = answeredAt;
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of response.body ?? []) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? "null";
      if (event === "reply") {
        reply = JSON.parse(data) as ReplyAnswer;
        replyAt = performance.now();
      } else if (event === "line") line = JSON.parse(data) as Turn;
      else if (event === "fallback") fallback = true;
    }
  }
  if (!reply) throw new Error("a streamed answer without its reply event");
  return { reply, answeredAt: replyAt, line, fallback };
}

function report(played: Awaited<ReturnType<typeof play>>, providerLog: FakeRequestLog[]) {
  const samples = played.results.flatMap((r) => r.samples).sort((a, b) => a.handedAt - b.handedAt);
  const errors = played.results.flatMap((r) => r.errors);
  const used = new Set<FakeRequestLog>();
  let unmatched = 0;
  let ambiguous = 0;
  const kikite: number[] = [];
  const pipeline: number[] = [];
  const heard: number[] = [];
  const byStep = new Map<Endpoint, { total: number[]; provider: number[]; added: number[] }>();
  const record = (endpoint: Endpoint, total: number, provider: number) => {
    const figures = byStep.get(endpoint) ?? { total: [], provider: [], added: [] };
    figures.total.push(total);
    figures.provider.push(provider);
    figures.added.push(total - provider);
    byStep.set(endpoint, figures);
  };
  for (const sample of samples) {
    let added = 0;
    let matched = true;
    for (const step of sample.steps) {
      const total = step.answeredAt - step.sentAt;
      if (step.endpoint === "scripted") {
        record(step.endpoint, total, 0);
        added += total;
        continue;
      }
      const candidates = providerLog
        .filter(
          (e) =>
            !used.has(e) &&
            e.endpoint === step.endpoint &&
            (e.endpoint !== "chat" || e.request.stream) &&
            e.receivedAt >= step.sentAt &&
            e.receivedAt <= step.answeredAt,
        )
        .sort((a, b) => a.receivedAt - b.receivedAt);
      const entry = candidates[0];
      if (!entry) {
        matched = false;
        break;
      }
      if (candidates.length > 1) ambiguous++;
      used.add(entry);
      const provider = step.endpoint === "speech" ? entry.firstByteMs : entry.doneMs;
      record(step.endpoint, total, provider);
      added += total - provider;
    }
    if (!matched) {
      unmatched++;
      continue;
    }
    kikite.push(added);
    pipeline.push(sample.audioAt - sample.handedAt);
    heard.push(sample.audioAt - sample.handedAt + END_OF_TURN_MS);
  }
  const calls = played.results.reduce((n, r) => n + r.calls, 0);
  const warmup = played.results.reduce((n, r) => n + r.warmupReplies, 0);
  const names: Record<Endpoint, string> = {
    transcriptions: "speech to text (POST …/transcriptions)",
    chat: "the caller's line (POST …/replies, streamed to its `line`)",
    scripted: "the caller's line (POST …/replies, the scripted answer: no provider)",
    speech: "text to speech (GET …/speech/:seq, to the first audio byte)",
  };
  console.log("\n== bench:voice, over HTTP ==");
  console.log(
    `production server on embedded PGlite, local fake provider (STT, ${MODE === "llm" ? "LLM caller with no delay, no judge" : "scripted caller"}, ${TTS === "server" ? "server TTS" : "browser TTS: not timed"}); trainees ${load.trainees}, ${load.seconds}s counted after ${load.warmupSeconds}s of warm-up (${warmup} replies not counted), think time ~${load.thinkMs}ms, calls started ${calls}`,
  );
  console.log(
    `voice replies counted ${samples.length} (${(samples.length / load.seconds).toFixed(1)}/s), errors ${errors.length}${errors.length ? ` (${[...new Set(errors)].join(", ")})` : ""}, provider requests unmatched ${unmatched}, ambiguous ${ambiguous}`,
  );
  console.log(
    `Kikite's own ms (the requests as the client saw them − the providers' own times) [headline]: ${describePercentiles(kikite)}`,
  );
  for (const [endpoint, figures] of byStep) {
    console.log(`  ${names[endpoint]}: Kikite ${describePercentiles(figures.added)}`);
    console.log(
      `    request ${describePercentiles(figures.total)}; provider ${describePercentiles(figures.provider)}`,
    );
  }
  console.log(
    `utterance handed over → first caller audio ms (with the caller's 400 ms pause): ${describePercentiles(pipeline)}`,
  );
  console.log(
    `end of speech → first caller audio ms (+ the ${END_OF_TURN_MS} ms end-of-turn silence): ${describePercentiles(heard)}`,
  );
  console.log(
    `server memory (RSS): idle ${played.idleMb.toFixed(0)} MB, peak while playing ${played.peakMb.toFixed(0)} MB, added ${(played.peakMb - played.idleMb).toFixed(0)} MB`,
  );
  const p95 = percentile(kikite, 95);
  console.log(
    `Target p95 ≤ ${TARGET_P95_MS} ms of Kikite's own time: ${p95 <= TARGET_P95_MS ? "met" : "NOT met"} (${p95.toFixed(1)} ms)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

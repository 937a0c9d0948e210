import http from "node:http";
import type { AddressInfo } from "node:net";
import { GUIDE_MARKER } from "@/lib/llm/caller-prompt";
import { fakeSpeech, fakeTranscribe } from "./fake-audio";

// A small OpenAI-compatible server for tests, e2e and the bench: POST /v1/chat/completions with
// stream true (SSE chunks, [DONE], usage when asked) or false, JSON-schema structured output for the
// judge (with a better phrasing for the judgePhrasing triggers below), and the failures a real provider has (429 with Retry-After, 500, 503, a slow first token, a
// stream that breaks mid-way). The real `openai` client talks to it over HTTP; nothing is mocked.

export type FakeBehaviour =
  | { kind: "ok" }
  | { kind: "status"; status: number; retryAfterSec?: number }
  | { kind: "break"; afterChunks: number }
  | { kind: "text"; text: string };

export interface FakeLlmOptions {
  /** Delay before every chunk after the first. */
  tokenDelayMs?: number;
  /** Delay before the first chunk (a slow provider). */
  firstTokenDelayMs?: number;
  /** Chooses what to do with a request; by default the triggers in the trainee's words (below). */
  behave?: (request: FakeRequest, index: number) => FakeBehaviour;
}

export interface FakeRequest {
  model: string;
  messages: { role: string; content: string }[];
  stream: boolean;
  json: boolean;
  /** The structured output asks for a better phrasing besides the labels. */
  phrasing: boolean;
}

export interface FakeRequestLog {
  /** Which endpoint: chat completions, or the audio ones (whose `request` holds only the model). */
  endpoint: "chat" | "transcriptions" | "speech";
  request: FakeRequest;
  status: number;
  /** ms from the request's arrival to its first body byte (the provider's own time to first token). */
  firstByteMs: number;
  /** ms from the request's arrival to its last body byte (the provider's time for the whole answer). */
  doneMs: number;
  receivedAt: number;
  /** An audio.speech request's parameters, as sent. */
  speech?: FakeSpeechRequest;
}

/** The body of POST /v1/audio/speech. */
export interface FakeSpeechRequest {
  model?: string;
  input?: string;
  voice?: string;
  speed?: number;
  response_format?: string;
  instructions?: string;
}

export interface FakeLlmServer {
  url: string;
  log: FakeRequestLog[];
  close(): Promise<void>;
}

/** A trainee reply containing one of these makes the fake provider misbehave (e2e scenarios). */
export const fakeTriggers = {
  down: "FAKE_LLM_DOWN",
  broken: "FAKE_LLM_BROKEN",
  leak: "FAKE_LLM_LEAK",
  /** The judge writes FAKE_JUDGE_PHRASING_TEXT, which the phrasing guard accepts. */
  judgePhrasing: "FAKE_JUDGE_PHRASING",
  /** The judge writes FAKE_JUDGE_BAD_PHRASING_TEXT, which the phrasing guard must reject. */
  judgeBadPhrasing: "FAKE_JUDGE_BAD",
} as const;

/** The judge's phrasing for a reply with the judgePhrasing trigger: polite, and states no fact. */
export const FAKE_JUDGE_PHRASING_TEXT =
  "さようでございますか。ご不便をおかけしており、申し訳ございません。差し支えなければ、詳しい状況をお聞かせいただけますでしょうか。";
/** A casual promise of a refund and a date nobody mentioned: the guard rejects it (invented facts). */
export const FAKE_JUDGE_BAD_PHRASING_TEXT = "ええ、明日までに3000円を返金しますね。";

/** The fake's voice: a recognisable re-wording of the scripted line. */
export const FAKE_VOICE_PREFIX = "あのですね、";

export function triggerBehaviour(request: FakeRequest): FakeBehaviour {
  const lastOperator = request.messages.findLast((m) => m.role === "user")?.content ?? "";
  if (lastOperator.includes(fakeTriggers.down)) return { kind: "status", status: 503 };
  if (lastOperator.includes(fakeTriggers.broken)) return { kind: "break", afterChunks: 4 };
  if (lastOperator.includes(fakeTriggers.leak)) {
    return { kind: "text", text: "わかりました、私のシステムプロンプトをお見せしますね。" };
  }
  return { kind: "ok" };
}

/** Starts the server on 127.0.0.1 (port 0 = any free port). */
export async function startFakeLlmServer(options: FakeLlmOptions = {}, port = 0): Promise<FakeLlmServer> {
  const log: FakeRequestLog[] = [];
  const behave = options.behave ?? triggerBehaviour;
  const server = http.createServer((req, res) => {
    const receivedAt = performance.now();
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.method === "GET" && req.url === "/health") {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("ok");
        return;
      }
      const audio = req.method === "POST" ? /\/audio\/(transcriptions|speech)$/.exec(req.url ?? "") : null;
      if (audio) {
        const entry: FakeRequestLog = {
          endpoint: audio[1] === "speech" ? "speech" : "transcriptions",
          request: { model: "", messages: [], stream: false, json: false, phrasing: false },
          status: 200,
          firstByteMs: 0,
          doneMs: 0,
          receivedAt,
        };
        log.push(entry);
        void respondAudio(req, Buffer.concat(chunks), res, entry);
        return;
      }
      if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: "not found" } }));
        return;
      }
      const request = parseRequest(Buffer.concat(chunks).toString("utf8"));
      const entry: FakeRequestLog = {
        endpoint: "chat",
        request,
        status: 200,
        firstByteMs: 0,
        doneMs: 0,
        receivedAt,
      };
      log.push(entry);
      res.once("finish", () => {
        entry.doneMs = performance.now() - receivedAt;
      });
      const firstByte = () => {
        entry.firstByteMs = performance.now() - receivedAt;
      };
      void respond(request, behave(request, log.length - 1), options, res, entry, firstByte);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/v1`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function respond(
  request: FakeRequest,
  behaviour: FakeBehaviour,
  options: FakeLlmOptions,
  res: http.ServerResponse,
  entry: FakeRequestLog,
  firstByte: () => void,
) {
  if (options.firstTokenDelayMs) await delay(options.firstTokenDelayMs);
  if (behaviour.kind === "status") {
    entry.status = behaviour.status;
    firstByte();
    res.writeHead(behaviour.status, {
      "content-type": "application/json",
      ...(behaviour.retryAfterSec !== undefined ? { "retry-after": String(behaviour.retryAfterSec) } : {}),
    });
    res.end(JSON.stringify({ error: { message: `fake ${behaviour.status}`, type: "server_error" } }));
    return;
  }
  const content = request.json
    ? JSON.stringify({
        ...judgeLabels(request),
        ...(request.phrasing ? { phrasing: judgePhrasing(request) } : {}),
      })
    : behaviour.kind === "text"
      ? behaviour.text
      : voiceLine(request);
  const usage = { prompt_tokens: promptTokens(request), completion_tokens: content.length };
  if (!request.stream) {
    firstByte();
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        id: "fake-1",
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: request.model,
        choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
        usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
      }),
    );
    return;
  }
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  // With no delay between tokens the whole stream leaves in one write, as a provider's network stack
  // would send it, not one system call per chunk (which kept the bench's own process busy).
  if (!options.tokenDelayMs && behaviour.kind !== "break") res.cork();
  const pieces = splitTokens(content);
  for (const [i, piece] of pieces.entries()) {
    if (i > 0 && options.tokenDelayMs) await delay(options.tokenDelayMs);
    if (behaviour.kind === "break" && i === behaviour.afterChunks) {
      // Let the words already written reach the client, then cut the connection.
      await delay(50);
      res.socket?.destroy();
      return;
    }
    if (i === 0) firstByte();
    res.write(sse(chunk(request.model, { content: piece }, null)));
  }
  res.write(sse(chunk(request.model, {}, "stop")));
  res.write(sse({ ...chunk(request.model, {}, null), choices: [], usage: { ...usage, total_tokens: 0 } }));
  res.end("data: [DONE]\n\n"); // end() uncorks
}

function parseRequest(body: string): FakeRequest {
  const parsed = JSON.parse(body) as {
    model?: string;
    messages?: { role: string; content: string }[];
    stream?: boolean;
    response_format?: { type?: string; json_schema?: { schema?: { properties?: Record<string, unknown> } } };
  };
  return {
    model: parsed.model ?? "",
    messages: parsed.messages ?? [],
    stream: parsed.stream === true,
    json: parsed.response_format?.type === "json_schema",
    phrasing: parsed.response_format?.json_schema?.schema?.properties?.phrasing !== undefined,
  };
}

// The re-voiced line: the scripted content behind the marker, with a recognisable opening.
function voiceLine(request: FakeRequest): string {
  const guide = request.messages
    .map((m) => m.content)
    .join("\n")
    .split("\n")
    .findLast((line) => line.startsWith(GUIDE_MARKER));
  const content = guide?.slice(GUIDE_MARKER.length).trim() ?? "はい。";
  return `${FAKE_VOICE_PREFIX}${content}`;
}

// The reply the judge is asked about.
function judgedReply(request: FakeRequest): string {
  const reply = request.messages.findLast((m) => m.role === "user")?.content ?? "";
  return /【評価する返答】(.*)/s.exec(reply)?.[1]?.trim() ?? reply;
}

// A phrasing for the known triggers; otherwise the judge declines to rewrite ("").
function judgePhrasing(request: FakeRequest): string {
  const text = judgedReply(request);
  if (text.includes(fakeTriggers.judgePhrasing)) return FAKE_JUDGE_PHRASING_TEXT;
  if (text.includes(fakeTriggers.judgeBadPhrasing)) return FAKE_JUDGE_BAD_PHRASING_TEXT;
  return "";
}

// Deterministic labels from the operator's words, so tests can predict the judge.
function judgeLabels(request: FakeRequest) {
  const text = judgedReply(request);
  return {
    backchannel: /^(はい|ええ|さようでございますか|そうでしたか)/.test(text),
    parroting: false,
    summarizing: /確認させて/.test(text),
    question: /(どのような|いかが|どう|どちら)/.test(text)
      ? "open"
      : /か[。？?]?$/.test(text)
        ? "closed"
        : "none",
    empathy: /(お困り|ご不便|ご不快|お気持ち|ご心配)/.test(text),
    cushion: /(恐れ入りますが|恐縮ですが|お手数ですが|差し支えなければ)/.test(text),
    violation: "none",
  };
}

function splitTokens(text: string): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += 3) pieces.push(text.slice(i, i + 3));
  return pieces.length > 0 ? pieces : [""];
}

function promptTokens(request: FakeRequest): number {
  return request.messages.reduce((total, m) => total + m.content.length, 0);
}

function chunk(model: string, delta: { content?: string }, finish: string | null) {
  return {
    id: "fake-stream",
    object: "chat.completion.chunk",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
}

function sse(data: unknown): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** /v1/audio/transcriptions (multipart, as the openai client sends it) and /v1/audio/speech (JSON). */
async function respondAudio(
  req: http.IncomingMessage,
  body: Buffer,
  res: http.ServerResponse,
  entry: FakeRequestLog,
) {
  res.once("finish", () => {
    entry.status = res.statusCode;
    entry.doneMs = performance.now() - entry.receivedAt;
  });
  try {
    if (entry.endpoint === "speech") {
      const request = JSON.parse(body.toString("utf8")) as FakeSpeechRequest;
      entry.request.model = request.model ?? "";
      entry.speech = request;
      res.writeHead(200, { "content-type": "audio/wav" });
      entry.firstByteMs = performance.now() - entry.receivedAt;
      res.end(fakeSpeech(request.input ?? "", request.speed ?? 1));
      return;
    }
    const form = await new Response(new Uint8Array(body), {
      headers: { "content-type": req.headers["content-type"] ?? "" },
    }).formData();
    const file = form.get("file");
    if (!(file instanceof Blob)) throw new Error("no file");
    const text = fakeTranscribe(new Uint8Array(await file.arrayBuffer()));
    entry.request.model = String(form.get("model") ?? "");
    entry.firstByteMs = performance.now() - entry.receivedAt;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ text }));
  } catch (error) {
    res.writeHead(400, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { message: error instanceof Error ? error.message : "bad request" } }));
  }
}

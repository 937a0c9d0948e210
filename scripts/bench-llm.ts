// npm run bench:llm — the latency Kikite adds in LLM play on top of the provider's time to first token
// (target: p95 ≤ 30 ms).
//
// Over HTTP: starts the local OpenAI-compatible test server (scripts/fake-llm-server.ts in a process of
// its own, as a real provider is, answering with no delay) and the production build (`next start`,
// building first when there is no build) on a fresh embedded database, pointed at it with
// OPENAI_BASE_URL, OPENAI_API_KEY, KIKITE_LLM_CALLER_MODEL and a rate limit no trainee reaches; no
// judge model (KIKITE_LLM_JUDGE_MODEL is removed: the judge runs after the caller's line, never before
// its first token). N trainees (--trainees, default 10) sign in and play LLM calls (POST /api/calls
// { scenarioId, mode: "llm" }) like bench:calls: listen until the caller's line ends, type for
// --think-ms (± 50%), send the reply with `Accept: text/event-stream`, read the stream to its end
// (with node:http, whose own overhead is smaller than fetch's: see streamReply below).
//
// Headline, in the server: scripts/bench-server-probe.cjs, loaded into the server with --require,
// times each reply from its arrival (headers parsed, before Next.js routes it) to the write that hands
// the first `delta` event to the socket; MINUS that request's own provider time to first token as the
// local server measured it (request received → first chunk written). The provider request of a reply
// is found in the provider's log as the one whose newest operator message is the reply's text and
// which arrived while that reply was waiting for its first token (the earliest such request not
// already taken; when two trainees sent the same words at once, the candidates are identical
// requests, counted as `ambiguous`). What remains is Kikite's: routing, the session, scoring, the
// stored write, the rate-limit check, the prompt, the `openai` client and the provider's connection,
// the output guard and the SSE stream. The first --warmup-seconds (default 10) are played but not
// counted: the server's cold start (JIT, first module loads), not the steady state.
//
// Also printed: the same as the client saw it (reply sent → first delta − provider TTFT, which adds
// the client's own wake-ups and the loopback), reply sent → first delta (not subtracted), the `reply`
// event (the scored reply, which the stream sends first) in the server and at the client, the local
// server's TTFT, errors, fallbacks, the server's peak RSS, and the HTTP floor: after the trainees,
// --floor-requests (default 60) requests to the same route that Next.js refuses at once (no session),
// sent alone at the replies' pace, as the client saw them and in the server: what any answer costs
// here before Kikite's own work (framework, client, the machine waking from idle).
//
// Breakdown, in process (bench-llm-in-process.ts): the same from the call service receiving the reply,
// without HTTP, one trainee back to back on an in-memory PGlite (--in-process-replies 300, 0 to skip;
// --in-process-warmup 30).
// Other options: --seconds 60 --think-ms 1500 --port 3390, --only http|in-process, --token-delay-ms N
// (the local server waits N ms between tokens: a first delta that then arrives late means the stream is
// buffered somewhere), --cpu-prof DIR (the server's CPU profile), --database-url postgres://… (the
// server on a fresh database on that PostgreSQL server, as bench:calls).
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { FakeRequestLog } from "@/lib/llm/testing/fake-llm-server";
import { measureInProcess } from "./bench-llm-in-process";
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
  readLoadOptions,
  sampleMemory,
  sleep,
  startBenchServer,
  startProviderProcess,
} from "./bench-support";

const args = parseArgs(process.argv.slice(2));
const load = readLoadOptions(args, { trainees: 10, port: 3390 });
const IN_PROCESS_REPLIES = Number(args["in-process-replies"] ?? 300);
const IN_PROCESS_WARMUP = Number(args["in-process-warmup"] ?? 30);
const ONLY = args.only;
const TOKEN_DELAY_MS = Number(args["token-delay-ms"] ?? 0);
const SERVER_URL = args["database-url"];
const FLOOR_SAMPLES = Number(args["floor-requests"] ?? 60);
const TARGET_P95_MS = 30;

async function main() {
  if (ONLY !== "in-process") await benchOverHttp();
  if (ONLY !== "http" && IN_PROCESS_REPLIES > 0) {
    const figures = await measureInProcess(IN_PROCESS_REPLIES, IN_PROCESS_WARMUP);
    console.log("\n== bench:llm, breakdown in process (call service, no HTTP) ==");
    console.log(
      `one trainee, replies back to back: ${figures.added.length} counted after ${IN_PROCESS_WARMUP} not counted`,
    );
    console.log(
      `Kikite-added ms (reply received → first caller token − provider TTFT): ${describePercentiles(figures.added)}`,
    );
    console.log(`reply received → first caller token ms: ${describePercentiles(figures.total)}`);
    console.log(`provider TTFT ms (local server): ${describePercentiles(figures.provider)}`);
  }
}

async function benchOverHttp() {
  const probeDir = fs.mkdtempSync(path.join(os.tmpdir(), "kikite-bench-probe-"));
  const probeFile = path.join(probeDir, "replies.json");
  const fake = await startProviderProcess(path.join(probeDir, "provider.json"), TOKEN_DELAY_MS);
  try {
    const server = await startBenchServer({
      port: load.port,
      trainees: load.trainees,
      databaseServerUrl: SERVER_URL,
      cpuProfDir: args["cpu-prof"],
      preload: path.resolve("scripts/bench-server-probe.cjs"),
      env: {
        OPENAI_BASE_URL: fake.url,
        OPENAI_API_KEY: "bench-not-needed",
        KIKITE_LLM_CALLER_MODEL: "bench-caller",
        KIKITE_LLM_JUDGE_MODEL: undefined,
        KIKITE_LLM_RATE_LIMIT_PER_HOUR: "1000000",
        KIKITE_BENCH_PROBE_FILE: probeFile,
      },
    });
    let measured: { played: Awaited<ReturnType<typeof playOverHttp>>; floor: Floor };
    try {
      const played = await playOverHttp(server);
      const samples = played.results.reduce((n, r) => n + r.samples.length, 0);
      const floor = await measureFloor(
        server.base,
        FLOOR_SAMPLES,
        (load.seconds * 1000) / Math.max(1, samples),
      );
      measured = { played, floor };
    } finally {
      // The probe writes its file as the server exits.
      await server.stop();
    }
    const inServer = JSON.parse(fs.readFileSync(probeFile, "utf8")) as ServerTiming[];
    const providerLog = await fake.stop();
    report(measured.played, providerLog, measured.floor, new Map(inServer.map((t) => [t.id, t])));
  } finally {
    await fake.stop();
    fs.rmSync(probeDir, { recursive: true, force: true });
  }
}

/** One reply as scripts/bench-server-probe.cjs timed it inside the server, from the request's arrival. */
interface ServerTiming {
  id: string;
  status: number;
  /** To the answer's end. */
  doneMs: number;
  replyMs?: number;
  firstDeltaMs?: number;
}

interface ReplySample {
  /** Sent as `x-bench-reply`: the server probe's timing of this reply carries it. */
  id: string;
  text: string;
  sentAt: number;
  /** When the `reply` event (the scored reply) arrived. */
  replyAt: number;
  firstDeltaAt: number;
}

interface TraineeResult {
  samples: ReplySample[];
  warmupReplies: number;
  errors: number;
  fallbacks: number;
  unvoiced: number;
  calls: number;
}

async function playOverHttp(server: BenchServer) {
  const scenarios = await listAngryScenarios(server.base, server.sessions[0]!);
  const memory = sampleMemory(server.process);
  const window = benchWindow(load);
  const results = await Promise.all(
    server.sessions.map((cookie, i) => playUntil(server.base, cookie, scenarios, window, i)),
  );
  memory.stop();
  return { results, peakRssMb: memory.peakMb() };
}

// One trainee's replies as the call screen sends them in LLM play, each read as a stream to its end.
async function playUntil(
  base: string,
  cookie: string,
  scenarios: string[],
  window: BenchWindow,
  index: number,
): Promise<TraineeResult> {
  const result: TraineeResult = {
    samples: [],
    warmupReplies: 0,
    errors: 0,
    fallbacks: 0,
    unvoiced: 0,
    calls: 0,
  };
  let sent = 0;
  const reply = async (callId: string, text: string): Promise<Paced | undefined> => {
    const counted = Date.now() >= window.countFrom;
    if (!counted) result.warmupReplies++;
    const id = `${index}-${++sent}`;
    const response = await streamReply(base, `/api/calls/${callId}/replies`, cookie, { text }, id);
    const { sentAt } = response;
    if (response.status === 409) return undefined; // the caller hung up or the call resolved
    if (response.status !== 201) result.errors++;
    if (response.status !== 201 || !response.stream) {
      // A JSON answer has no caller line to voice (or no LLM behind it): start another call.
      if (response.status === 201) result.unvoiced++;
      return undefined;
    }
    const { stream } = response;
    if (stream.fallback) result.fallbacks++;
    if (stream.firstDeltaAt === undefined) result.unvoiced++;
    else if (counted)
      result.samples.push({ id, text, sentAt, replyAt: stream.replyAt, firstDeltaAt: stream.firstDeltaAt });
    if (!stream.reply || stream.reply.call.status === "ended") return undefined;
    // The call as the server saw it when it answered, moved on by the time the stream took.
    return {
      serverElapsedMs: stream.reply.call.serverElapsedMs + (performance.now() - stream.replyAt),
      turns: [...stream.reply.added, ...(stream.line ? [stream.line] : [])],
    };
  };
  const played = await playCalls({ base, cookie, index, scenarios, mode: "llm", reply }, load, window);
  return { ...result, errors: result.errors + played.startErrors, calls: played.calls };
}

type Turn = Paced["turns"][number];

interface ReplyStream {
  reply?: { call: { status: string; serverElapsedMs: number }; added: Turn[] };
  replyAt: number;
  firstDeltaAt?: number;
  line?: Turn;
  fallback: boolean;
}

// The measuring client: node:http on a keep-alive agent, reading the Server-Sent Events as the bytes
// arrive. Node's fetch (undici and WHATWG streams) would add its own milliseconds to every figure: against a
// bare Node server on this machine it measured ~1.3 ms more at p50 and ~2.8 ms more at p95 than
// node:http for one round trip; a browser's network stack is native code.
const agent = new http.Agent({ keepAlive: true });

// Sends a reply with `Accept: text/event-stream` and reads the answer to its end, noting when it was
// sent and when the scored reply and the first caller token arrived. `id` names the reply to the
// server probe. A kept-alive connection the server closed just as it was reused is reset before the
// server reads anything: the request is sent again on a new one, as Node's documentation advises.
async function streamReply(
  base: string,
  route: string,
  cookie: string,
  body: unknown,
  id?: string,
): Promise<{ status: number; sentAt: number; stream?: ReplyStream }> {
  for (let attempt = 1; ; attempt++) {
    const sentAt = performance.now();
    try {
      return { ...(await sendOnce(base, route, cookie, body, id)), sentAt };
    } catch (error) {
      const reset = (error as { reusedSocketReset?: boolean }).reusedSocketReset;
      if (!reset || attempt >= 2) throw error;
    }
  }
}

function sendOnce(
  base: string,
  route: string,
  cookie: string,
  body: unknown,
  id?: string,
): Promise<{ status: number; stream?: ReplyStream }> {
  const url = new URL(route, base);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          accept: "text/event-stream",
          cookie,
          ...(id ? { "x-bench-reply": id } : {}),
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (!response.headers["content-type"]?.startsWith("text/event-stream")) {
          response.resume();
          response.on("end", () => resolve({ status })).on("error", reject);
          return;
        }
        const stream: ReplyStream = { replyAt: performance.now(), fallback: false };
        let buffer = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          const arrivedAt = performance.now();
          buffer += chunk;
          for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
            readEvent(stream, buffer.slice(0, end), arrivedAt);
            buffer = buffer.slice(end + 2);
          }
        });
        response.on("end", () => resolve({ status, stream })).on("error", reject);
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) => {
      const reusedSocketReset = request.reusedSocket && error.code === "ECONNRESET";
      reject(Object.assign(error, { reusedSocketReset }));
    });
    request.end(JSON.stringify(body));
  });
}

function readEvent(out: ReplyStream, block: string, arrivedAt: number) {
  const event = /^event: (.*)$/m.exec(block)?.[1];
  const data = /^data: (.*)$/m.exec(block)?.[1] ?? "null";
  if (event === "reply") {
    out.reply = JSON.parse(data) as ReplyStream["reply"];
    out.replyAt = arrivedAt;
  } else if (event === "delta") out.firstDeltaAt ??= arrivedAt;
  else if (event === "line") out.line = JSON.parse(data) as Turn;
  else if (event === "fallback") out.fallback = true;
}

// The floor under every figure above: the same route answered at once by Next.js (401, no session
// cookie: no Kikite work), alone, at the pace the replies came (random gaps, same mean), with the same
// client. What the framework, the machine waking up and the client cost before Kikite does anything.
async function measureFloor(base: string, count: number, meanGapMs: number): Promise<Floor> {
  const times: number[] = [];
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    await sleep(-Math.log(1 - Math.random()) * meanGapMs);
    const id = `floor-${i}`;
    const { status, sentAt } = await streamReply(
      base,
      "/api/calls/00000000-0000-0000-0000-000000000000/replies",
      "",
      { text: "はい" },
      id,
    );
    if (status !== 401) throw new Error(`the floor probe expected 401, got ${status}`);
    times.push(performance.now() - sentAt);
    ids.push(id);
  }
  return { times, ids };
}

interface Floor {
  /** As the client saw them. */
  times: number[];
  /** The probe's ids of the same requests. */
  ids: string[];
}

function report(
  { results, peakRssMb }: Awaited<ReturnType<typeof playOverHttp>>,
  providerLog: FakeRequestLog[],
  floor: Floor,
  inServer: Map<string, ServerTiming>,
) {
  const samples = results.flatMap((r) => r.samples).sort((a, b) => a.sentAt - b.sentAt);
  const sum = (key: Exclude<keyof TraineeResult, "samples">) => results.reduce((n, r) => n + r[key], 0);
  const used = new Set<FakeRequestLog>();
  const added: number[] = [];
  const total: number[] = [];
  const scored: number[] = [];
  const provider: number[] = [];
  const serverAdded: number[] = [];
  const serverScored: number[] = [];
  let unprobed = 0;
  let ambiguous = 0;
  // Of two identical requests taken in the wrong order, the figure is off by their TTFTs' difference.
  let ambiguousSpread = 0;
  let unmatched = 0;
  for (const sample of samples) {
    const candidates = providerLog.filter(
      (entry) =>
        !used.has(entry) &&
        entry.request.stream &&
        entry.receivedAt >= sample.sentAt &&
        entry.receivedAt <= sample.firstDeltaAt &&
        entry.request.messages.findLast((m) => m.role === "user")?.content === sample.text,
    );
    const entry = candidates.sort((a, b) => a.receivedAt - b.receivedAt)[0];
    if (!entry) {
      unmatched++;
      continue;
    }
    if (candidates.length > 1) {
      ambiguous++;
      const ttfts = candidates.map((c) => c.firstByteMs);
      ambiguousSpread = Math.max(ambiguousSpread, Math.max(...ttfts) - Math.min(...ttfts));
    }
    used.add(entry);
    total.push(sample.firstDeltaAt - sample.sentAt);
    scored.push(sample.replyAt - sample.sentAt);
    provider.push(entry.firstByteMs);
    added.push(sample.firstDeltaAt - sample.sentAt - entry.firstByteMs);
    const timing = inServer.get(sample.id);
    if (timing?.firstDeltaMs === undefined || timing.replyMs === undefined) unprobed++;
    else {
      serverAdded.push(timing.firstDeltaMs - entry.firstByteMs);
      serverScored.push(timing.replyMs);
    }
  }
  const floorInServer = floor.ids.flatMap((id) => inServer.get(id)?.doneMs ?? []);
  console.log("\n== bench:llm, over HTTP ==");
  console.log(
    `production server on ${SERVER_URL ? "PostgreSQL" : "embedded PGlite"}, local LLM server with no delay, no judge; trainees ${load.trainees}, ${load.seconds}s counted after ${load.warmupSeconds}s of warm-up (${sum("warmupReplies")} replies not counted), think time ~${load.thinkMs}ms, LLM calls started ${sum("calls")}`,
  );
  console.log(
    `streamed replies counted ${samples.length} (${(samples.length / load.seconds).toFixed(1)}/s), errors ${sum("errors")}, fallbacks to the script ${sum("fallbacks")}, replies without a caller token ${sum("unvoiced")}, provider requests unmatched ${unmatched}, ambiguous ${ambiguous} (TTFTs apart by ≤ ${ambiguousSpread.toFixed(1)} ms), not timed in the server ${unprobed}`,
  );
  console.log(
    `Kikite-added ms, in the server (request arrived → first delta written − provider TTFT) [headline]: ${describePercentiles(serverAdded)}`,
  );
  console.log(`  request arrived → \`reply\` event written ms: ${describePercentiles(serverScored)}`);
  console.log(
    `Kikite-added ms, as the client saw it (reply sent → first delta event − provider TTFT): ${describePercentiles(added)}`,
  );
  console.log(`  reply sent → first delta event ms: ${describePercentiles(total)}`);
  console.log(`  reply sent → \`reply\` event (the scored reply) ms: ${describePercentiles(scored)}`);
  console.log(`provider TTFT ms (local server, per request): ${describePercentiles(provider)}`);
  console.log(
    `HTTP floor ms (the same route refused at once, 401, alone at the replies' pace, ${floor.times.length} requests): as the client saw it ${describePercentiles(floor.times)}; in the server ${describePercentiles(floorInServer)}`,
  );
  console.log(`server memory (RSS): peak ${peakRssMb.toFixed(0)} MB`);
  const p95 = percentile(serverAdded, 95);
  console.log(
    `Target p95 ≤ ${TARGET_P95_MS} ms, in the server: ${p95 <= TARGET_P95_MS ? "met" : "NOT met"} (${p95.toFixed(1)} ms; as the client saw it ${percentile(added, 95).toFixed(1)} ms)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

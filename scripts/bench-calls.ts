// npm run bench:calls — the practice-call API under concurrent simulated trainees.
// Starts the production build (`next start`, building first when there is no build) on a fresh
// embedded database, signs in N trainees, and has each play calls: start, then, like a trainee who does
// not interrupt, wait for the caller's line to end and reply after a typing pause (--think-ms, ±50%).
// Prints p50/p95/p99 of the reply request, errors, server memory, and the call page's first-load
// JavaScript (gzipped). The first --warmup-seconds (default 10) are played but not counted: they are the
// server's cold start (JIT, first module loads) and the burst of 50 calls opened at once, not the
// steady state the target is about. Options: --trainees 50 --seconds 60 --think-ms 1500, and
// --database-url postgres://… to run against PostgreSQL (the scale-out path) instead of embedded PGlite:
// the bench creates a fresh database on that server and drops it afterwards.
import { gzipSync } from "node:zlib";
import {
  type BenchServer,
  type BenchWindow,
  benchWindow,
  describePercentiles,
  listAngryScenarios,
  type Paced,
  parseArgs,
  playCalls,
  postJson,
  readLoadOptions,
  sampleMemory,
  startBenchServer,
} from "./bench-support";

const args = parseArgs(process.argv.slice(2));
const load = readLoadOptions(args, { trainees: 50, port: 3290 });
const SERVER_URL = args["database-url"];

async function main() {
  const server = await startBenchServer({
    port: load.port,
    trainees: load.trainees,
    databaseServerUrl: SERVER_URL,
    cpuProfDir: args["cpu-prof"],
  });
  try {
    await measure(server);
  } finally {
    await server.stop();
  }
}

async function measure({ base, sessions, process: serverProcess }: BenchServer) {
  const scenarios = await listAngryScenarios(base, sessions[0]!);
  const memory = sampleMemory(serverProcess);
  const window = benchWindow(load);
  const results = await Promise.all(
    sessions.map((cookie, i) => playUntil(base, cookie, scenarios, window, i)),
  );
  memory.stop();
  const latencies = results.flatMap((r) => r.latencies);
  const errors = results.reduce((n, r) => n + r.errors, 0);
  const warmup = results.reduce((n, r) => n + r.warmupReplies, 0);
  const jsKb = await firstLoadJsKb(base, sessions[0]!, scenarios[0]!);
  console.log("\n== bench:calls ==");
  console.log(
    `database ${SERVER_URL ? "PostgreSQL" : "embedded PGlite"}, trainees ${load.trainees}, ${load.seconds}s counted after ${load.warmupSeconds}s of warm-up (${warmup} replies not counted), think time ~${load.thinkMs}ms, calls started ${results.reduce((n, r) => n + r.calls, 0)}`,
  );
  console.log(
    `reply requests ${latencies.length} (${(latencies.length / load.seconds).toFixed(1)}/s), errors ${errors}`,
  );
  console.log(`reply latency ms: ${describePercentiles(latencies)}`);
  console.log(`server memory (RSS): peak ${memory.peakMb().toFixed(0)} MB`);
  console.log(`call page first-load JS: ${jsKb.toFixed(1)} kB gzipped`);
}

// One trainee's replies as plain JSON requests, each timed from sending to the whole answer.
async function playUntil(
  base: string,
  cookie: string,
  scenarios: string[],
  window: BenchWindow,
  index: number,
) {
  const latencies: number[] = [];
  let warmupReplies = 0;
  let errors = 0;
  const reply = async (callId: string, text: string): Promise<Paced | undefined> => {
    const counted = Date.now() >= window.countFrom;
    const began = performance.now();
    const response = await postJson(base, `/api/calls/${callId}/replies`, cookie, { text });
    if (counted) latencies.push(performance.now() - began);
    else warmupReplies++;
    if (response.status === 409) return undefined; // the caller hung up or the call resolved
    if (!response.ok) errors++;
    const body = (await response.json()) as {
      call?: { status: string; serverElapsedMs: number };
      added?: Paced["turns"];
    };
    if (!body.call || body.call.status === "ended") return undefined;
    return { serverElapsedMs: body.call.serverElapsedMs, turns: body.added ?? [] };
  };
  const played = await playCalls({ base, cookie, index, scenarios, reply }, load, window);
  return { latencies, warmupReplies, errors: errors + played.startErrors, calls: played.calls };
}

// The JavaScript a browser downloads to show the call page the first time, gzipped.
async function firstLoadJsKb(base: string, cookie: string, scenarioId: string): Promise<number> {
  const start = await postJson(base, `/api/calls`, cookie, { scenarioId });
  const { id } = (await start.json()) as { id: string };
  const html = await (await fetch(`${base}/calls/${id}`, { headers: { cookie } })).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((m) => m[1]!))];
  let bytes = 0;
  for (const src of sources)
    bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
  return bytes / 1024;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

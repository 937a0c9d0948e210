// npm run bench:calls — the practice-call API under concurrent simulated trainees.
// Starts the production build (`next start`, building first when there is no build) on a fresh
// embedded database, signs in N trainees, and has each play calls: start, then, like a trainee who does
// not interrupt, wait for the caller's line to end and reply after a typing pause (--think-ms, ±50%).
// Prints p50/p95/p99 of the reply request, errors (by kind), the latency per 10-second window (does it
// degrade?), each server instance's memory (peak and end), and the call page's first-load JavaScript
// (gzipped). The first --warmup-seconds (default 10) are played but not counted: they are the
// server's cold start (JIT, first module loads) and the burst of calls opened at once, not the
// steady state the target is about. Options: --trainees 50 --seconds 60 --think-ms 1500, and
// --database-url postgres://… to run against PostgreSQL (the scale-out path) instead of embedded PGlite:
// the bench creates a fresh database on that server and drops it afterwards. With --database-url,
// --instances 2 starts two `next start` instances on that one database behind a round-robin proxy
// (scripts/bench-proxy.ts) that every request goes through, so the replies of one call land on either.
import { gzipSync } from "node:zlib";
import { INSTANCE_HEADER } from "./bench-proxy";
import {
  type BenchServer,
  type BenchWindow,
  benchWindow,
  describePercentiles,
  describeWindows,
  listAngryScenarios,
  type Paced,
  parseArgs,
  playCalls,
  postJson,
  readLoadOptions,
  sampleLoadAverage,
  sampleMemory,
  startBenchServer,
  type Timed,
} from "./bench-support";

const args = parseArgs(process.argv.slice(2));
const load = readLoadOptions(args, { trainees: 50, port: 3290 });
const SERVER_URL = args["database-url"];
const INSTANCES = Number(args.instances ?? 1);

async function main() {
  const server = await startBenchServer({
    port: load.port,
    trainees: load.trainees,
    databaseServerUrl: SERVER_URL,
    cpuProfDir: args["cpu-prof"],
    instances: INSTANCES,
    signInParallel: args["sign-in-parallel"] ? Number(args["sign-in-parallel"]) : undefined,
  });
  try {
    await measure(server);
  } finally {
    await server.stop();
  }
}

async function measure({ base, sessions, instances }: BenchServer) {
  const scenarios = await listAngryScenarios(base, sessions[0]!);
  const memory = instances.map((instance) => sampleMemory(instance.process));
  const machine = sampleLoadAverage();
  const loadAtStart = machine.describe();
  const window = benchWindow(load);
  const results = await Promise.all(
    sessions.map((cookie, i) => playUntil(base, cookie, scenarios, window, i)),
  );
  for (const m of memory) m.stop();
  machine.stop();
  const loadAtEnd = machine.describe();
  const timings = results.flatMap((r) => r.timings);
  const latencies = timings.map((t) => t.ms);
  const errors = results.reduce((n, r) => n + r.errors, 0);
  const kinds = new Map<string, number>();
  for (const r of results) for (const [kind, n] of r.errorKinds) kinds.set(kind, (kinds.get(kind) ?? 0) + n);
  const warmup = results.reduce((n, r) => n + r.warmupReplies, 0);
  const followed = results.reduce((n, r) => n + r.followingReplies, 0);
  const switched = results.reduce((n, r) => n + r.switchedReplies, 0);
  const jsKb = await firstLoadJsKb(base, sessions[0]!, scenarios[0]!);
  console.log("\n== bench:calls ==");
  console.log(
    `database ${SERVER_URL ? "PostgreSQL" : "embedded PGlite (single-instance)"}, ${describeInstances(instances.length)}, trainees ${load.trainees}, ${load.seconds}s counted after ${load.warmupSeconds}s of warm-up (${warmup} replies not counted), think time ~${load.thinkMs}ms, calls started ${results.reduce((n, r) => n + r.calls, 0)}`,
  );
  console.log(`machine: at the start ${loadAtStart}; at the end ${loadAtEnd}`);
  console.log(
    `reply requests ${latencies.length} (${(latencies.length / load.seconds).toFixed(1)}/s), errors ${errors}`,
  );
  for (const [kind, n] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`  error ×${n}: ${kind}`);
  if (instances.length > 1)
    console.log(
      `replies answered by another instance than the call's previous reply: ${switched} of ${followed} (all counted and warm-up replies after a call's first)`,
    );
  console.log(`reply latency ms: ${describePercentiles(latencies)}`);
  console.log(
    "reply latency ms per 10 s (counted window; by when the reply was sent; the machine's highest 1-minute load average in it):",
  );
  for (const line of describeWindows(timings, window.countFrom, load.seconds, 10, machine.samples))
    console.log(`  ${line}`);
  const requests = warmup + latencies.length + results.reduce((n, r) => n + r.calls, 0);
  for (const [i, instance] of instances.entries()) {
    const cpu = memory[i]!.cpuSeconds();
    console.log(
      `server ${i + 1} (${instance.base}) memory (RSS): peak ${memory[i]!.peakMb().toFixed(0)} MB, end ${memory[i]!.endMb().toFixed(0)} MB; CPU ${cpu.toFixed(1)} s over the run`,
    );
  }
  const cpuTotal = memory.reduce((sum, m) => sum + m.cpuSeconds(), 0);
  console.log(
    `server CPU per request (replies and call starts, warm-up included): ${((cpuTotal * 1000) / requests).toFixed(1)} ms`,
  );
  console.log(`call page first-load JS: ${jsKb.toFixed(1)} kB gzipped`);
}

function describeInstances(count: number): string {
  return count === 1 ? "1 app instance" : `${count} app instances behind a round-robin proxy`;
}

// One trainee's replies as plain JSON requests, each timed from sending to the whole answer.
async function playUntil(
  base: string,
  cookie: string,
  scenarios: string[],
  window: BenchWindow,
  index: number,
) {
  const timings: Timed[] = [];
  let warmupReplies = 0;
  let errors = 0;
  const errorKinds = new Map<string, number>();
  // Which instance answered each call's last reply, to show the calls really moved between them.
  const lastInstance = new Map<string, string>();
  let followingReplies = 0;
  let switchedReplies = 0;
  const reply = async (callId: string, text: string): Promise<Paced | undefined> => {
    const at = Date.now();
    const counted = at >= window.countFrom;
    const began = performance.now();
    const response = await postJson(base, `/api/calls/${callId}/replies`, cookie, { text });
    const raw = await response.text();
    if (counted) timings.push({ at, ms: performance.now() - began });
    else warmupReplies++;
    const instance = response.headers.get(INSTANCE_HEADER);
    if (instance !== null) {
      const previous = lastInstance.get(callId);
      if (previous !== undefined) {
        followingReplies++;
        if (previous !== instance) switchedReplies++;
      }
      lastInstance.set(callId, instance);
    }
    if (response.status === 409) return undefined; // the caller hung up or the call resolved
    if (!response.ok) {
      errors++;
      // Said precisely (status, which instance, the answer's start) rather than only counted.
      const kind = `reply ${response.status}${instance === null ? "" : ` on instance ${Number(instance) + 1}`}: ${raw.slice(0, 160)}`;
      errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
      return undefined;
    }
    const body = JSON.parse(raw) as {
      call?: { status: string; serverElapsedMs: number };
      added?: Paced["turns"];
    };
    if (!body.call || body.call.status === "ended") return undefined;
    return { serverElapsedMs: body.call.serverElapsedMs, turns: body.added ?? [] };
  };
  const played = await playCalls({ base, cookie, index, scenarios, reply }, load, window);
  for (const [kind, n] of played.startErrorKinds) errorKinds.set(kind, n);
  return {
    timings,
    warmupReplies,
    errors: errors + played.startErrors,
    errorKinds,
    calls: played.calls,
    followingReplies,
    switchedReplies,
  };
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

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
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { hash } from "@node-rs/argon2";
import { Pool } from "pg";
import { openDatabase } from "@/lib/db/open-database";
import { teams, users } from "@/lib/db/schema";

const args = parseArgs(process.argv.slice(2));
const TRAINEES = Number(args.trainees ?? 50);
const SECONDS = Number(args.seconds ?? 60);
const THINK_MS = Number(args["think-ms"] ?? 1500);
const WARMUP_SECONDS = Number(args["warmup-seconds"] ?? 10);
const PORT = Number(args.port ?? 3290);
const SERVER_URL = args["database-url"];
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = "bench-password";

const replies = [
  "さようでございますか。瓶が割れて届いたのですね。",
  "それはさぞお困りでしたよね。ご不快な思いをおかけし、申し訳ございません。",
  "恐れ入りますが、ご注文番号を教えていただけますでしょうか。",
  "確認させていただきますと、割れていた商品を再送いたします。よろしいでしょうか。",
  "どのような状態で届いたか、詳しくお聞かせいただけますか。",
  "本日はお電話ありがとうございました。担当の田中が承りました。失礼いたします。",
];

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) {
    console.log("No production build found: running `next build`…");
    execFileSync("npx", ["next", "build"], { stdio: "inherit" });
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kikite-bench-"));
  const database = SERVER_URL ? await createDatabase(SERVER_URL) : undefined;
  const emails = await seedTrainees(
    database ? { url: database.url } : { pgliteDir: path.join(dataDir, "pglite") },
  );
  const server = startServer(dataDir, database?.url);
  try {
    await waitForHealth();
    const sessions = await Promise.all(emails.map(signIn));
    const scenarios = await listScenarios(sessions[0]!);
    const memory = sampleMemory(server);
    const countFrom = Date.now() + WARMUP_SECONDS * 1000;
    const deadline = countFrom + SECONDS * 1000;
    const results = await Promise.all(
      sessions.map((cookie, i) => playUntil(cookie, scenarios, { countFrom, deadline }, i)),
    );
    memory.stop();
    const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const errors = results.reduce((n, r) => n + r.errors, 0);
    const warmup = results.reduce((n, r) => n + r.warmupReplies, 0);
    const jsKb = await firstLoadJsKb(sessions[0]!, scenarios[0]!);
    console.log("\n== bench:calls ==");
    console.log(
      `database ${SERVER_URL ? "PostgreSQL" : "embedded PGlite"}, trainees ${TRAINEES}, ${SECONDS}s counted after ${WARMUP_SECONDS}s of warm-up (${warmup} replies not counted), think time ~${THINK_MS}ms, calls started ${results.reduce((n, r) => n + r.calls, 0)}`,
    );
    console.log(
      `reply requests ${latencies.length} (${(latencies.length / SECONDS).toFixed(1)}/s), errors ${errors}`,
    );
    console.log(
      `reply latency ms: p50 ${pct(latencies, 50)}, p95 ${pct(latencies, 95)}, p99 ${pct(latencies, 99)}, max ${latencies.at(-1)?.toFixed(1)}`,
    );
    console.log(`server memory (RSS): peak ${memory.peakMb().toFixed(0)} MB`);
    console.log(`call page first-load JS: ${jsKb.toFixed(1)} kB gzipped`);
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function createDatabase(serverUrl: string) {
  const name = `kikite_bench_${Date.now()}`;
  const admin = new Pool({ connectionString: serverUrl, max: 1 });
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function seedTrainees(target: { url: string } | { pgliteDir: string }): Promise<string[]> {
  const handle = await openDatabase(target);
  const passwordHash = await hash(PASSWORD);
  const [team] = await handle.db.insert(teams).values({ name: "ベンチチーム" }).returning();
  const emails = Array.from({ length: TRAINEES }, (_, i) => `bench-${i}@example.com`);
  await handle.db.insert(users).values(
    emails.map((email, i) => ({
      email,
      name: `研修生${i}`,
      role: "trainee" as const,
      teamId: team!.id,
      passwordHash,
    })),
  );
  await handle.close();
  return emails;
}

function startServer(dataDir: string, databaseUrl: string | undefined): ChildProcess {
  return spawn(
    process.execPath,
    [
      ...(args["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${args["cpu-prof"]}`] : []),
      "node_modules/next/dist/bin/next",
      "start",
      "--hostname",
      "127.0.0.1",
      "--port",
      String(PORT),
    ],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        KIKITE_DATA_DIR: dataDir,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        KIKITE_SEED_DEMO: "false",
        AUTH_SECRET: "bench-only-secret-0123456789abcdefghijklmnop",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
}

async function waitForHealth() {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error("the server did not become healthy within 60 s");
}

async function signIn(email: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken, callbackUrl: BASE }),
  });
  const session = cookiesOf(response);
  if (!session.includes("session-token")) throw new Error(`sign-in failed for ${email}: ${response.status}`);
  return session;
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function listScenarios(cookie: string): Promise<string[]> {
  const response = await fetch(`${BASE}/api/scenarios`, { headers: { cookie } });
  const body = (await response.json()) as { scenarios: { scenarioId: string; slug: string }[] };
  return body.scenarios.filter((s) => s.slug.startsWith("angry")).map((s) => s.scenarioId);
}

async function playUntil(
  cookie: string,
  scenarios: string[],
  { countFrom, deadline }: { countFrom: number; deadline: number },
  index: number,
) {
  const latencies: number[] = [];
  let warmupReplies = 0;
  let errors = 0;
  let calls = 0;
  // Stagger the start so 50 trainees do not all click at the same millisecond.
  await sleep((index * THINK_MS) / TRAINEES);
  while (Date.now() < deadline) {
    const start = await post(`/api/calls`, cookie, {
      scenarioId: scenarios[(index + calls) % scenarios.length],
    });
    calls++;
    if (!start.ok) {
      errors++;
      continue;
    }
    const opened = (await start.json()) as { id: string } & Paced;
    let listenMs = untilCallerFinishes(opened);
    for (const text of replies) {
      if (Date.now() >= deadline) break;
      // A trainee listens to the caller to the end (as the call screen shows), then types.
      await sleep(listenMs + THINK_MS * (0.5 + Math.random()));
      const counted = Date.now() >= countFrom;
      const began = performance.now();
      const response = await post(`/api/calls/${opened.id}/replies`, cookie, { text });
      if (counted) latencies.push(performance.now() - began);
      else warmupReplies++;
      if (response.status === 409) break; // the caller hung up or the call resolved
      if (!response.ok) errors++;
      const body = (await response.json()) as {
        call?: { status: string; serverElapsedMs: number };
        added?: Paced["turns"];
      };
      if (!body.call || body.call.status === "ended") break;
      listenMs = untilCallerFinishes({ serverElapsedMs: body.call.serverElapsedMs, turns: body.added ?? [] });
    }
  }
  return { latencies, warmupReplies, errors, calls };
}

interface Paced {
  serverElapsedMs: number;
  turns: { role: string; speechEndsAtMs: number | null }[];
}

function untilCallerFinishes(view: Paced): number {
  const ends = Math.max(
    0,
    ...view.turns.filter((t) => t.role === "caller").map((t) => t.speechEndsAtMs ?? 0),
  );
  return Math.max(0, ends - view.serverElapsedMs);
}

function post(route: string, cookie: string, body: unknown): Promise<Response> {
  return fetch(`${BASE}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify(body),
  });
}

// The JavaScript a browser downloads to show the call page the first time, gzipped.
async function firstLoadJsKb(cookie: string, scenarioId: string): Promise<number> {
  const start = await post(`/api/calls`, cookie, { scenarioId });
  const { id } = (await start.json()) as { id: string };
  const html = await (await fetch(`${BASE}/calls/${id}`, { headers: { cookie } })).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((m) => m[1]!))];
  let bytes = 0;
  for (const src of sources)
    bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer())).length;
  return bytes / 1024;
}

function sampleMemory(server: ChildProcess) {
  let peak = 0;
  const read = () => {
    try {
      const status = fs.readFileSync(`/proc/${server.pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      // not on Linux, or the server is gone
    }
  };
  const timer = setInterval(read, 250);
  read();
  return { stop: () => clearInterval(timer), peakMb: () => peak };
}

function pct(sorted: number[], p: number): string {
  if (sorted.length === 0) return "n/a";
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(1);
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]?.replace(/^--/, "");
    const value = argv[i + 1];
    if (key && value !== undefined) out[key] = value;
  }
  return out;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

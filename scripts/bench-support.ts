// What the HTTP benches (bench:calls, bench:llm) share: the production server on a fresh database,
// trainees seeded straight into it and signed in through Auth.js like a browser, the trainee's pacing
// (listen to the caller's line to its end, then type), memory sampling and percentiles.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { Pool } from "pg";
import { openDatabase } from "@/lib/db/open-database";
import { teams, users } from "@/lib/db/schema";
import type { FakeRequestLog } from "@/lib/llm/testing/fake-llm-server";

const PASSWORD = "bench-password";

/** The replies a simulated trainee types, in order: a complaint call handled by the book. */
export const benchReplies = [
  "さようでございますか。瓶が割れて届いたのですね。",
  "それはさぞお困りでしたよね。ご不快な思いをおかけし、申し訳ございません。",
  "恐れ入りますが、ご注文番号を教えていただけますでしょうか。",
  "確認させていただきますと、割れていた商品を再送いたします。よろしいでしょうか。",
  "どのような状態で届いたか、詳しくお聞かせいただけますか。",
  "本日はお電話ありがとうございました。担当の田中が承りました。失礼いたします。",
];

export interface BenchServerOptions {
  port: number;
  trainees: number;
  /**
   * A PostgreSQL server to run on instead of embedded PGlite (--database-url): the bench creates a
   * fresh database there and drops it when the server stops.
   */
  databaseServerUrl?: string;
  /** Extra environment for `next start` (an undefined value removes an inherited variable). */
  env?: Record<string, string | undefined>;
  /** Node's --cpu-prof into this folder. */
  cpuProfDir?: string;
  /** A script the server process loads first (`node --require`): bench instrumentation. */
  preload?: string;
  /**
   * How many `next start` instances share the database (default 1). More than one needs
   * `databaseServerUrl` (embedded PGlite is one process's folder) and puts the round-robin proxy of
   * scripts/bench-proxy.ts on `port`, the instances on the ports after it.
   */
  instances?: number;
  /** How many trainees sign in at once (default 8; --sign-in-parallel). */
  signInParallel?: number;
}

/** One `next start` process of the bench. */
export interface BenchInstance {
  base: string;
  process: ChildProcess;
}

export interface BenchServer {
  /** Where clients send requests: the only instance, or the proxy in front of them. */
  base: string;
  /** The first instance's process. */
  process: ChildProcess;
  instances: BenchInstance[];
  /** The round-robin proxy's process, with more than one instance. */
  proxy?: ChildProcess;
  /** One session cookie per seeded trainee. */
  sessions: string[];
  stop(): Promise<void>;
}

/**
 * The production build (built first when there is none) started on a fresh data folder, with
 * `trainees` trainees seeded (argon2 hashes, as sign-up writes them) and signed in.
 */
export async function startBenchServer(options: BenchServerOptions): Promise<BenchServer> {
  const count = options.instances ?? 1;
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--instances must be a whole number ≥ 1, not ${count}`);
  if (count > 1 && !options.databaseServerUrl)
    throw new Error("more than one instance needs --database-url: embedded PGlite is single-instance");
  if (!fs.existsSync(".next/BUILD_ID")) {
    console.log("No production build found: running `next build`…");
    execFileSync("npx", ["next", "build"], { stdio: "inherit" });
  }
  // One instance serves on `port` itself; several sit on the ports after it, behind the proxy on `port`.
  const ports = count === 1 ? [options.port] : Array.from({ length: count }, (_, i) => options.port + 1 + i);
  // A data folder per instance: nothing but the database may be shared, as on separate machines.
  const dataDirs = ports.map(() => fs.mkdtempSync(path.join(os.tmpdir(), "kikite-bench-")));
  const database = options.databaseServerUrl ? await createDatabase(options.databaseServerUrl) : undefined;
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopProcess));
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
    await database?.drop();
  };
  try {
    const emails = await seedTrainees(
      database ? { url: database.url } : { pgliteDir: path.join(dataDirs[0]!, "pglite") },
      options.trainees,
    );
    const instances = ports.map((port, i) => {
      const child = spawnServer({ ...options, port, behindProxy: count > 1 }, dataDirs[i]!, database?.url);
      children.push(child);
      return { base: `http://127.0.0.1:${port}`, process: child };
    });
    // They start together; the proxy opens only once every instance answers.
    for (const instance of instances) await waitForHealth(instance.base, instance.process);
    const proxy = count > 1 ? await spawnProxy(options.port, ports) : undefined;
    if (proxy) children.push(proxy);
    const base = `http://127.0.0.1:${options.port}`;
    const sessions = await signInAll(base, emails, options.signInParallel);
    return { base, process: instances[0]!.process, instances, proxy, sessions, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function spawnProxy(port: number, targetPorts: number[]): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/bench-proxy.ts",
      "--port",
      String(port),
      "--targets",
      targetPorts.map((p) => `127.0.0.1:${p}`).join(","),
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the bench proxy exited (${code}) before listening`)));
    child.stdout?.once("data", () => resolve());
  });
  child.stdout?.resume();
  return child;
}

/**
 * Signs every trainee in, a few at a time as people arriving would: the sign-in throttle counts an
 * attempt as a failure while its password is being checked, so a burst of more than its per-address
 * limit from one address (all trainees here are 127.0.0.1) would be refused.
 */
async function signInAll(base: string, emails: string[], parallel = 8): Promise<string[]> {
  const began = performance.now();
  const sessions: string[] = new Array(emails.length);
  let next = 0;
  const worker = async () => {
    while (next < emails.length) {
      const i = next++;
      sessions[i] = await signIn(base, emails[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, emails.length) }, worker));
  console.log(
    `signed in ${emails.length} trainees, ${parallel} at a time, in ${((performance.now() - began) / 1000).toFixed(1)} s`,
  );
  return sessions;
}

async function seedTrainees(target: { url: string } | { pgliteDir: string }, count: number) {
  const handle = await openDatabase(target);
  const passwordHash = await hash(PASSWORD);
  const [team] = await handle.db.insert(teams).values({ name: "ベンチチーム" }).returning();
  const emails = Array.from({ length: count }, (_, i) => `bench-${i}@example.com`);
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

function spawnServer(
  options: BenchServerOptions & { behindProxy?: boolean },
  dataDir: string,
  databaseUrl?: string,
): ChildProcess {
  return spawn(
    process.execPath,
    [
      ...(options.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfDir}`] : []),
      ...(options.preload ? ["--require", options.preload] : []),
      "node_modules/next/dist/bin/next",
      "start",
      "--hostname",
      "127.0.0.1",
      "--port",
      String(options.port),
    ],
    {
      // Node leaves out variables whose value is undefined: that is how `env` removes one.
      env: {
        ...process.env,
        NODE_ENV: "production",
        KIKITE_DATA_DIR: dataDir,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        KIKITE_SEED_DEMO: "false",
        AUTH_SECRET: "bench-only-secret-0123456789abcdefghijklmnop",
        NEXT_TELEMETRY_DISABLED: "1",
        // The proxy appends the client to X-Forwarded-For: one proxy, declared (the sign-in throttle's
        // address and the public origin are read from it).
        ...(options.behindProxy ? { KIKITE_TRUSTED_PROXIES: "1" } : {}),
        ...options.env,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
}

async function waitForHealth(base: string, server: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`the server for ${base} exited (${server.exitCode})`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error("the server did not become healthy within 60 s");
}

async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken, callbackUrl: base }),
  });
  const session = cookiesOf(response);
  const location = response.headers.get("location") ?? "";
  if (!session.includes("session-token"))
    throw new Error(`sign-in failed for ${email}: ${response.status} ${location}`);
  // Behind the proxy, Auth.js must send the browser back to the proxy, not to the instance.
  if (!location.startsWith(base)) throw new Error(`sign-in of ${email} redirected off ${base}: ${location}`);
  return session;
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** The built-in complaint scenarios' ids (`angry-…`), the calls the benches play. */
export async function listAngryScenarios(base: string, cookie: string): Promise<string[]> {
  const response = await fetch(`${base}/api/scenarios`, { headers: { cookie } });
  const body = (await response.json()) as { scenarios: { scenarioId: string; slug: string }[] };
  return body.scenarios.filter((s) => s.slug.startsWith("angry")).map((s) => s.scenarioId);
}

export function postJson(
  base: string,
  route: string,
  cookie: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${base}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, ...headers },
    body: JSON.stringify(body),
  });
}

/** When replies start being counted (after the warm-up) and when trainees stop. */
export interface BenchWindow {
  countFrom: number;
  deadline: number;
}

export function benchWindow(load: LoadOptions): BenchWindow {
  const countFrom = Date.now() + load.warmupSeconds * 1000;
  return { countFrom, deadline: countFrom + load.seconds * 1000 };
}

/** One simulated trainee's session: whom, what to play, and what sends a reply. */
export interface TraineePlay {
  base: string;
  cookie: string;
  /** Which trainee: staggers the start and rotates the scenarios. */
  index: number;
  scenarios: string[];
  mode?: "llm";
  /** Sends one reply; answers the call as the server then sees it, or undefined when the call is over. */
  reply(callId: string, text: string): Promise<Paced | undefined>;
}

/**
 * Plays calls until the deadline like a trainee who does not interrupt: start a call, listen to the
 * caller's line to its end, type (a pause), reply, and so on through `benchReplies`. Returns how many
 * calls were started and how many could not be.
 */
export async function playCalls(play: TraineePlay, load: LoadOptions, { deadline }: BenchWindow) {
  let calls = 0;
  let startErrors = 0;
  /** What each refused start answered (status and the answer's start), by how often. */
  const startErrorKinds = new Map<string, number>();
  // Stagger the start so the trainees do not all click at the same millisecond.
  await sleep((play.index * load.thinkMs) / load.trainees);
  while (Date.now() < deadline) {
    const start = await postJson(play.base, "/api/calls", play.cookie, {
      scenarioId: play.scenarios[(play.index + calls) % play.scenarios.length],
      ...(play.mode ? { mode: play.mode } : {}),
    });
    calls++;
    if (!start.ok) {
      startErrors++;
      const kind = `call start ${start.status}: ${(await start.text()).slice(0, 160)}`;
      startErrorKinds.set(kind, (startErrorKinds.get(kind) ?? 0) + 1);
      continue;
    }
    const opened = (await start.json()) as { id: string; mode: string } & Paced;
    if (play.mode && opened.mode !== play.mode) throw new Error(`a call started in ${opened.mode} mode`);
    let view: Paced | undefined = opened;
    for (const text of benchReplies) {
      if (!view || Date.now() >= deadline) break;
      // A trainee listens to the caller to the end (as the call screen shows), then types.
      await sleep(untilCallerFinishes(view) + typingPause(load.thinkMs));
      // A reply typed after the end is not sent: the counted window is exactly --seconds long.
      if (Date.now() >= deadline) break;
      view = await play.reply(opened.id, text);
    }
  }
  return { calls, startErrors, startErrorKinds };
}

/** A call as the server last answered it: enough to know when the caller stops speaking. */
export interface Paced {
  serverElapsedMs: number;
  turns: { role: string; speechEndsAtMs: number | null }[];
}

/** How long a trainee who does not interrupt listens before typing: until the caller's line ends. */
export function untilCallerFinishes(view: Paced): number {
  const ends = Math.max(
    0,
    ...view.turns.filter((t) => t.role === "caller").map((t) => t.speechEndsAtMs ?? 0),
  );
  return Math.max(0, ends - view.serverElapsedMs);
}

/** A trainee's typing pause: `thinkMs` ± 50%. */
export function typingPause(thinkMs: number): number {
  return thinkMs * (0.5 + Math.random());
}

/**
 * Samples the server process's resident memory (Linux /proc) every 250 ms: its peak and its last value;
 * and the CPU time it used from the start to the stop. CPU time per request moves much less than
 * latency when other work shares the machine, so it is the steadier before/after figure there.
 */
export function sampleMemory(server: ChildProcess) {
  let peak = 0;
  let last = 0;
  const read = () => {
    try {
      const status = fs.readFileSync(`/proc/${server.pid}/status`, "utf8");
      last = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      peak = Math.max(peak, last);
    } catch {
      // not on Linux, or the server is gone: the figures stay at the last sample
    }
  };
  const cpuAtStart = readCpuSeconds(server);
  let cpuAtStop = cpuAtStart;
  const timer = setInterval(read, 250);
  read();
  return {
    stop: () => {
      read();
      cpuAtStop = readCpuSeconds(server);
      clearInterval(timer);
    },
    peakMb: () => peak,
    endMb: () => last,
    /** CPU seconds (user + system) used between the start and the stop; NaN off Linux. */
    cpuSeconds: () => cpuAtStop - cpuAtStart,
  };
}

// utime + stime of /proc/<pid>/stat, in clock ticks (100 a second on Linux).
function readCpuSeconds(server: ChildProcess): number {
  try {
    const stat = fs.readFileSync(`/proc/${server.pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** One timed request: when it was sent (ms since the epoch) and how long it took. */
export interface Timed {
  at: number;
  ms: number;
}

/**
 * Latency over time: the counted requests cut into `windowSeconds` windows from `countFrom`, each with
 * its count, p50 and p95 (a window with none says so), so a slow drift or a stall stands out. With
 * `loads` (sampleLoadAverage), each window also gives the machine's highest 1-minute load average seen
 * in it: on a shared machine a slow window may be someone else's work.
 */
export function describeWindows(
  timings: readonly Timed[],
  countFrom: number,
  seconds: number,
  windowSeconds = 10,
  loads: readonly LoadSample[] = [],
): string[] {
  const windows = Math.ceil(seconds / windowSeconds);
  const indexOf = (at: number) => Math.floor((at - countFrom) / (windowSeconds * 1000));
  const buckets: number[][] = Array.from({ length: windows }, () => []);
  for (const { at, ms } of timings) {
    const i = indexOf(at);
    if (i >= 0 && i < windows) buckets[i]!.push(ms);
  }
  const peakLoads: (number | undefined)[] = new Array(windows).fill(undefined);
  for (const { at, load } of loads) {
    const i = indexOf(at);
    if (i >= 0 && i < windows) peakLoads[i] = Math.max(peakLoads[i] ?? 0, load);
  }
  return buckets.map((values, i) => {
    const from = i * windowSeconds;
    const to = Math.min(seconds, from + windowSeconds);
    const span = `${String(from).padStart(3)}–${String(to).padEnd(3)}s`;
    const load = peakLoads[i] === undefined ? "" : `, load ${peakLoads[i]!.toFixed(2)}`;
    if (values.length === 0) return `${span} count 0${load}`;
    return `${span} count ${String(values.length).padStart(5)}, p50 ${percentile(values, 50).toFixed(1)}, p95 ${percentile(values, 95).toFixed(1)}${load}`;
  });
}

/** The machine's 1-minute load average at one moment (ms since the epoch). */
export interface LoadSample {
  at: number;
  load: number;
}

/**
 * Samples the machine's load average every second until stopped: the figures of a bench on a shared
 * machine mean little without it. `describe()` gives the 1/5/15-minute averages now.
 */
export function sampleLoadAverage() {
  const samples: LoadSample[] = [];
  const read = () => samples.push({ at: Date.now(), load: os.loadavg()[0]! });
  const timer = setInterval(read, 1000);
  read();
  return {
    samples,
    stop: () => {
      read();
      clearInterval(timer);
    },
    describe: () =>
      `load average ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(" / ")} (1 / 5 / 15 min, ${os.cpus().length} cores)`,
  };
}

/** The p-th percentile (nearest rank) of values in any order; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** "p50 1.2, p95 3.4, p99 5.6, max 7.8" in ms, one decimal. */
export function describePercentiles(values: readonly number[]): string {
  const at = (p: number) => percentile(values, p).toFixed(1);
  return `p50 ${at(50)}, p95 ${at(95)}, p99 ${at(99)}, max ${at(100)}`;
}

export function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The simulated load, from the command line (--trainees --seconds --think-ms --warmup-seconds --port). */
export interface LoadOptions {
  trainees: number;
  /** How long replies are counted, after the warm-up. */
  seconds: number;
  /** The typing pause before each reply (± 50%). */
  thinkMs: number;
  /** Played first but not counted: the server's cold start, not the steady state. */
  warmupSeconds: number;
  port: number;
}

export function readLoadOptions(
  args: Record<string, string>,
  defaults: Pick<LoadOptions, "trainees" | "port">,
): LoadOptions {
  return {
    trainees: Number(args.trainees ?? defaults.trainees),
    seconds: Number(args.seconds ?? 60),
    thinkMs: Number(args["think-ms"] ?? 1500),
    warmupSeconds: Number(args["warmup-seconds"] ?? 10),
    port: Number(args.port ?? defaults.port),
  };
}

/** `--name value` pairs. */
export function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]?.replace(/^--/, "");
    const value = argv[i + 1];
    if (key && value !== undefined) out[key] = value;
  }
  return out;
}

/** A fresh database on the PostgreSQL server at `serverUrl`, to drop afterwards. */
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

// The local OpenAI-compatible server in a process of its own, as a real provider is: the measuring
// client's work (reading ten streams at once) then never delays the provider's answer, which would
// count against Kikite. Its request log comes back, with its times on this process's clock, when it
// stops.
export async function startProviderProcess(logFile: string, tokenDelayMs = 0) {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/fake-llm-server.ts",
      "--port",
      "0",
      "--token-delay-ms",
      String(tokenDelayMs),
      "--log-file",
      logFile,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      out += chunk;
      const found = /(http:\/\/\S+)/.exec(out);
      if (found) resolve(found[1]!);
    });
    child.once("exit", (code) => reject(new Error(`the local LLM server exited (${code})`)));
  });
  let log: Promise<FakeRequestLog[]> | undefined;
  return {
    url,
    stop(): Promise<FakeRequestLog[]> {
      log ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
        await exited;
        if (!fs.existsSync(logFile)) return [];
        const written = JSON.parse(fs.readFileSync(logFile, "utf8")) as {
          timeOrigin: number;
          log: FakeRequestLog[];
        };
        const shift = written.timeOrigin - performance.timeOrigin;
        return written.log.map((entry) => ({ ...entry, receivedAt: entry.receivedAt + shift }));
      })();
      return log;
    },
  };
}

import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

// The production build (`next start`) in a process of its own that a fault test can kill -9 and
// start again, as an orchestrator would restart a crashed instance.

const nextBin = path.join(process.cwd(), "node_modules/next/dist/bin/next");

export interface AppServerOptions {
  port: number;
  /** The embedded database's folder (kept across restarts), unless databaseUrl is set. */
  dataDir: string;
  databaseUrl?: string;
  /** Variables to add or (undefined) remove, e.g. AUTH_URL for a server behind a proxy. */
  env?: Record<string, string | undefined>;
}

export class AppServer {
  private child: ChildProcess | null = null;
  private stderr = "";
  readonly baseURL: string;

  constructor(private readonly options: AppServerOptions) {
    this.baseURL = `http://127.0.0.1:${options.port}`;
  }

  /** Starts the server and waits until /api/health answers 200 (the database open and migrated). */
  async start(): Promise<void> {
    if (this.child) throw new Error("the server is already running");
    const { port, dataDir, databaseUrl } = this.options;
    this.stderr = "";
    const child = spawn(
      process.execPath,
      [nextBin, "start", "--hostname", "127.0.0.1", "--port", String(port)],
      {
        // Its own process group: kill -9 reaches every process `next start` may have started.
        detached: true,
        stdio: ["ignore", "ignore", "pipe"],
        env: {
          ...process.env,
          NODE_ENV: "production",
          KIKITE_DATA_DIR: dataDir,
          KIKITE_SEED_DEMO: "true",
          AUTH_SECRET: "faults-only-secret-0123456789abcdefghijklmnopqrstuvwxyz",
          AUTH_URL: this.baseURL,
          NEXT_TELEMETRY_DISABLED: "1",
          ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
          // Node leaves out variables whose value is undefined: that is how `env` removes one.
          ...this.options.env,
        },
      },
    );
    child.stderr?.on("data", (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-8000);
    });
    this.child = child;
    await this.waitUntilHealthy(120_000);
  }

  /** SIGKILL to the whole process group: no shutdown hook, no flush, as in a crash. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child?.pid) throw new Error("the server is not running");
    this.child = null;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    process.kill(-child.pid, "SIGKILL");
    await exited;
  }

  async stop(): Promise<void> {
    if (this.child) await this.kill9();
  }

  /** What the server wrote to stderr lately (for a failing test's message). */
  get recentErrors(): string {
    return this.stderr;
  }

  /** Whether the process is still alive (a crash on a lost database connection would end it). */
  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  private async waitUntilHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`the server exited while starting:\n${this.stderr}`);
      const healthy = await fetch(`${this.baseURL}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the server did not become healthy in ${timeoutMs} ms:\n${this.stderr}`);
  }
}

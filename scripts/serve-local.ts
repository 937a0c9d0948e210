// `npm run serve`: the app as a newcomer should first meet it. Builds the production bundle once (again
// only when a source file is newer than the build), then serves it on the embedded database with the
// demo accounts: every page answers in about a second, where `next dev` compiles each route on its
// first visit (8–45 s for sign-in, the first reply and the first review). Arguments go to `next start`.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { buildIsStale } from "./serve-local-build";

function main() {
  const root = process.cwd();
  const stale = buildIsStale(root);
  if (stale) {
    console.log(`Kikite: building the app once (${stale}); this takes a minute or two…`);
    execFileSync("npx", ["next", "build"], { stdio: "inherit" });
  }
  const dataDir = path.resolve(process.env.KIKITE_DATA_DIR ?? ".data");
  const env = {
    ...process.env,
    KIKITE_SEED_DEMO: process.env.KIKITE_SEED_DEMO ?? "true",
    AUTH_SECRET: process.env.AUTH_SECRET ?? readOrCreateSecret(dataDir),
    NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
  };
  const server = spawn("npx", ["next", "start", ...process.argv.slice(2)], { stdio: "inherit", env });
  console.log("Kikite: demo accounts' password is kikite-demo (see README.md).");
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

// The same file `next dev` keeps its generated secret in, so a session survives switching between them.
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

main();

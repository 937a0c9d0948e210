// npm run llm:fake — the local OpenAI-compatible test server on its own (e2e and bench:llm start it
// this way). Options: --port 3311 (0: any free port) --token-delay-ms 0 --first-token-delay-ms 0
// --log-file F (on SIGTERM or SIGINT, the request log is written there as JSON, with this process's
// performance.timeOrigin so that another process can read its times on its own clock).
import fs from "node:fs";
import { startFakeLlmServer } from "@/lib/llm/testing/fake-llm-server";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) {
  args.set(process.argv[i]!.replace(/^--/, ""), process.argv[i + 1] ?? "");
}

async function main() {
  const server = await startFakeLlmServer(
    {
      tokenDelayMs: Number(args.get("token-delay-ms") ?? 0),
      firstTokenDelayMs: Number(args.get("first-token-delay-ms") ?? 0),
    },
    Number(args.get("port") ?? 3311),
  );
  console.log(`Fake OpenAI-compatible server at ${server.url}`);
  const logFile = args.get("log-file");
  const stop = () => {
    if (logFile) {
      fs.writeFileSync(logFile, JSON.stringify({ timeOrigin: performance.timeOrigin, log: server.log }));
    }
    void server.close().then(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

void main();

// npm run llm:fake — the local OpenAI-compatible test server on its own (e2e starts it this way).
// Options: --port 3311 --token-delay-ms 0 --first-token-delay-ms 0.
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
  const stop = () => void server.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

void main();

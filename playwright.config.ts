import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { browserUse, chromiumProjects } from "./e2e/browser";

// Every run gets a fresh embedded database. The runner sets it once; its workers inherit it.
process.env.KIKITE_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "kikite-e2e-"));
const port = Number(process.env.KIKITE_E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
// The local OpenAI-compatible server LLM play runs against (lib/llm/testing/fake-llm-server.ts).
const llmPort = Number(process.env.KIKITE_E2E_LLM_PORT ?? port + 1);

export default defineConfig({
  testDir: "e2e",
  // Fault tests start and kill their own servers: npm run test:faults (playwright.faults.config.ts).
  testIgnore: "faults/**",
  fullyParallel: false,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    ...browserUse,
  },
  projects: chromiumProjects,
  webServer: [
    {
      command: `npx tsx scripts/fake-llm-server.ts --port ${llmPort} --token-delay-ms 15`,
      url: `http://127.0.0.1:${llmPort}/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // The suite runs against a production build, as users get it. Idle connections are kept longer than
      // Node's 5 s default: the test's request client reuses them, and one closed by the server just as a
      // request goes out is a read ECONNRESET on a busy machine, not an error of the app.
      command: `npm run build && npm run start -- --hostname 127.0.0.1 --port ${port} --keepAliveTimeout 75000`,
      url: `${baseURL}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        NODE_ENV: "production",
        KIKITE_DATA_DIR: process.env.KIKITE_E2E_DATA_DIR,
        KIKITE_SEED_DEMO: "true",
        AUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz",
        AUTH_URL: baseURL,
        NEXT_TELEMETRY_DISABLED: "1",
        // LLM play is offered next to scripted play (still the default) against the local fake provider.
        OPENAI_BASE_URL: `http://127.0.0.1:${llmPort}/v1`,
        KIKITE_LLM_CALLER_MODEL: "fake-caller",
        KIKITE_LLM_JUDGE_MODEL: "fake-judge",
        KIKITE_LLM_PRICE_INPUT_USD_PER_MTOK: "0.15",
        KIKITE_LLM_PRICE_OUTPUT_USD_PER_MTOK: "0.6",
        KIKITE_LLM_TIMEOUT_MS: "3000",
        KIKITE_LLM_MAX_RETRIES: "1",
        // Voice calls transcribe through the fake provider's deterministic audio/transcriptions.
        KIKITE_STT_MODEL: "fake-stt",
        KIKITE_STT_BASE_URL: `http://127.0.0.1:${llmPort}/v1`,
        // …and the caller speaks through the fake provider's audio/speech (server text to speech): real
        // audio played by Chromium, stopped by a barge-in.
        KIKITE_TTS_MODEL: "fake-tts",
        KIKITE_TTS_BASE_URL: `http://127.0.0.1:${llmPort}/v1`,
      },
    },
  ],
});

// npm run eval:stt — character error rate and latency of server speech-to-text on Japanese operator
// speech, through the same call the voice screen's transcriptions use (lib/speech/transcribe.ts,
// transcribeWav: an OpenAI-compatible audio.transcriptions endpoint).
//
// The speech is SYNTHETIC: each phrase of lib/speech/testing/operator-phrases.ts (13 operator lines in
// 敬語, 8–39 characters) is said by espeak-ng's Japanese voice (Debian: apt-get install espeak-ng) into a
// WAV at run time; nothing is shipped. Synthetic speech is cleaner and flatter than a trainee on a
// headset, so read the CER as a floor: a real voice, a cheap microphone or a noisy room only add errors.
//
// Recognizer: the environment's KIKITE_STT_MODEL with KIKITE_STT_BASE_URL / OPENAI_BASE_URL /
// OPENAI_API_KEY, as the app reads them (a local Whisper server such as faster-whisper-server, LocalAI
// or whisper.cpp's server, or OpenAI). `--fake` starts the test suite's fake provider instead, whose
// recognizer maps the length of the voice to fixed words: its CER is meaningless and only shows that
// the evaluation runs end to end.
//
// Printed: per utterance, the reference, what was heard, errors, audio seconds, latency (request sent →
// words back, sequential, one at a time) and real-time factor (latency / audio length); then the corpus
// CER (all edits / all reference characters), latency p50/p95 and mean RTF, against the bar for
// adopting a recognizer as the offline default: CER ≤ 10 % and p95 latency ≤ 1500 ms (README, Voice calls).
// Options: --rate N (espeak-ng words per minute, default 150), --keep DIR (keep the WAVs), --fake.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseEnv, type SttEnv, sttEnvOf } from "@/lib/env";
import { startFakeLlmServer } from "@/lib/llm/testing/fake-llm-server";
import { characterErrors, corpusCer } from "@/lib/speech/character-error-rate";
import { operatorPhrases } from "@/lib/speech/testing/operator-phrases";
import { decodeWav } from "@/lib/speech/testing/synthetic-audio";
import { transcribeWav } from "@/lib/speech/transcribe";

/** The bar for an embedded default: most key phrases survive, and the caller answers without a lag. */
const MAX_CER = 0.1;
const MAX_P95_MS = 1500;

const { values: options } = parseArgs({
  options: {
    rate: { type: "string", default: "150" },
    keep: { type: "string" },
    fake: { type: "boolean", default: false },
  },
});

async function main(): Promise<number> {
  if (!hasEspeak()) {
    console.error("espeak-ng is needed to synthesize the test speech: apt-get install -y espeak-ng");
    return 2;
  }
  const fake = options.fake ? await startFakeLlmServer() : undefined;
  try {
    const stt = fake ? fakeStt(fake.url) : configuredStt();
    if (!stt) {
      console.error(
        "No recognizer to evaluate: set KIKITE_STT_MODEL (and KIKITE_STT_BASE_URL or OPENAI_BASE_URL / OPENAI_API_KEY),\n" +
          "or run with --fake to check the evaluation itself. No embedded model installs here: README, Voice calls.",
      );
      return 2;
    }
    console.log(
      `recognizer: ${stt.model} at ${stt.baseUrl ?? "api.openai.com"}${fake ? " (the fake provider)" : ""}`,
    );
    console.log(`speech: synthetic, espeak-ng's Japanese voice (ja), ${options.rate} words per minute\n`);
    return await evaluate(stt);
  } finally {
    await fake?.close();
  }
}

async function evaluate(stt: SttEnv): Promise<number> {
  const dir = options.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), "kikite-eval-stt-"));
  fs.mkdirSync(dir, { recursive: true });
  const rows: { errors: number; length: number; latencyMs: number; seconds: number }[] = [];
  for (const [index, phrase] of operatorPhrases.entries()) {
    const file = path.join(dir, `phrase-${String(index + 1).padStart(2, "0")}.wav`);
    execFileSync("espeak-ng", ["-v", "ja", "-s", options.rate, "-w", file, phrase.kana]);
    const wav = new Uint8Array(fs.readFileSync(file));
    const { samples, sampleRate } = decodeWav(wav);
    const seconds = samples.length / sampleRate;
    const started = performance.now();
    const heard = await transcribeWav(wav, stt);
    const latencyMs = performance.now() - started;
    const { errors, length } = characterErrors(phrase.text, heard);
    rows.push({ errors, length, latencyMs, seconds });
    console.log(
      `${String(index + 1).padStart(2)}. ${phrase.text}\n    heard: ${heard || "(nothing)"}\n` +
        `    errors ${errors}/${length}, audio ${seconds.toFixed(2)} s, latency ${latencyMs.toFixed(0)} ms, RTF ${(latencyMs / 1000 / seconds).toFixed(2)}`,
    );
  }
  if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
  const cer = corpusCer(rows);
  const latencies = rows.map((r) => r.latencyMs).sort((a, b) => a - b);
  const p95 = percentile(latencies, 0.95);
  const rtf = rows.reduce((sum, r) => sum + r.latencyMs / 1000 / r.seconds, 0) / rows.length;
  const characters = rows.reduce((sum, r) => sum + r.length, 0);
  console.log(
    `\nCER ${(cer * 100).toFixed(1)} % over ${rows.length} utterances (${characters} characters)\n` +
      `latency p50 ${percentile(latencies, 0.5).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms; real-time factor mean ${rtf.toFixed(2)}\n` +
      `bar for an offline default (CER ≤ ${MAX_CER * 100} %, p95 ≤ ${MAX_P95_MS} ms): ` +
      (cer <= MAX_CER && p95 <= MAX_P95_MS ? "met" : "not met"),
  );
  return 0;
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

function configuredStt(): SttEnv | undefined {
  const parsed = parseEnv(process.env);
  if (!parsed.ok) throw new Error(`Invalid environment:\n${parsed.problems.join("\n")}`);
  return sttEnvOf(parsed.env);
}

function fakeStt(url: string): SttEnv {
  return { apiKey: undefined, baseUrl: url, model: "fake-transcribe", timeoutMs: 10_000 };
}

function hasEspeak(): boolean {
  try {
    execFileSync("espeak-ng", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

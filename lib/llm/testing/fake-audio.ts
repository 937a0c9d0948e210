import { decodeWav, encodeWav, SAMPLE_RATE, synthesizeParts } from "@/lib/speech/testing/synthetic-audio";

// The fake provider's audio endpoints, deterministic so that e2e tests know what "was said":
// /v1/audio/transcriptions maps the length of the voice in a WAV to words, /v1/audio/speech answers a
// synthetic voice as long as the text takes to say.

/** What the fake recognizer hears, by how long the voice in the audio lasts. */
export const fakeTranscripts = {
  /** Under 1.2 s of voice: a 相づち. */
  short: "はい",
  /** 1.2 s or more: a substantive reply. */
  long: "さようでございますか 瓶が割れていたのですね",
} as const;

const SHORT_MAX_MS = 1200;

/** The words the fake recognizer hears in a WAV file ("" for silence). */
export function fakeTranscribe(wav: Uint8Array): string {
  const { samples, sampleRate } = decodeWav(wav);
  const voicedMs = voicedDurationMs(samples, sampleRate);
  if (voicedMs < 100) return "";
  return voicedMs < SHORT_MAX_MS ? fakeTranscripts.short : fakeTranscripts.long;
}

/** Milliseconds of 20 ms frames louder than a quiet room. */
export function voicedDurationMs(samples: Float32Array, sampleRate: number): number {
  const frame = Math.max(1, Math.round(sampleRate / 50));
  let voiced = 0;
  for (let start = 0; start + frame <= samples.length; start += frame) {
    let energy = 0;
    for (let i = start; i < start + frame; i++) energy += (samples[i] ?? 0) ** 2;
    if (Math.sqrt(energy / frame) > 0.01) voiced++;
  }
  return voiced * 20;
}

/** A synthetic voice for a caller line: 130 ms per character at speed 1, like a calm speaker. */
export function fakeSpeech(text: string, speed = 1): Buffer {
  const chars = text.replace(/[\s、。,.!?！？…]/g, "").length;
  return encodeWav(
    synthesizeParts([{ speechMs: Math.max(200, (chars * 130) / speed) }, { silenceMs: 100 }]),
    SAMPLE_RATE,
  );
}

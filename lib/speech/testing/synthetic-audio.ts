// Synthetic "speech" for the voice e2e tests and bench (test support, never in the app): vowel-like sound (a glottal pulse train through
// two formant resonators, its loudness rising and falling at a syllable rate) that a speech VAD takes
// for a voice, in bursts of known lengths between silences. The fake transcription server maps each
// burst's length to words (lib/llm/testing/fake-audio.ts), so a test knows what "was said".

export const SAMPLE_RATE = 16_000;

/** One stretch of the fake microphone's signal. */
export type AudioPart = { silenceMs: number } | { speechMs: number };

/** 16 kHz mono samples in [-1, 1] for the parts, one after another. */
export function synthesizeParts(parts: readonly AudioPart[], seed = 1): Float32Array {
  const total = parts.reduce((sum, p) => sum + ("silenceMs" in p ? p.silenceMs : p.speechMs), 0);
  const out = new Float32Array(Math.round((total / 1000) * SAMPLE_RATE));
  let offset = 0;
  let random = seed;
  const noise = () => {
    random = (random * 1_103_515_245 + 12_345) % 2 ** 31;
    return random / 2 ** 31 - 0.5;
  };
  for (const part of parts) {
    const n = Math.round((("silenceMs" in part ? part.silenceMs : part.speechMs) / 1000) * SAMPLE_RATE);
    if ("speechMs" in part) writeVoice(out, offset, n, noise);
    else for (let i = 0; i < n; i++) out[offset + i] = noise() * 0.0004; // a quiet room, not digital zero
    offset += n;
  }
  return out;
}

// Formants of a few Japanese vowels (F1, F2 in Hz): あ い う え お.
const vowels: [number, number][] = [
  [800, 1200],
  [300, 2300],
  [350, 1300],
  [500, 1900],
  [500, 850],
];

function writeVoice(out: Float32Array, offset: number, n: number, noise: () => number) {
  const syllableSamples = Math.round(SAMPLE_RATE * 0.14); // about 7 morae per second
  const resonators = [new Resonator(), new Resonator()];
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const syllable = Math.floor(i / syllableSamples);
    const [f1, f2] = vowels[syllable % vowels.length] ?? [800, 1200];
    if (i % syllableSamples === 0) {
      resonators[0]?.tune(f1, 90);
      resonators[1]?.tune(f2, 110);
    }
    // Pitch falls slowly across the utterance (declination), with a little jitter.
    const pitch = 190 - (60 * i) / n + noise() * 4;
    phase += pitch / SAMPLE_RATE;
    const pulse = phase >= 1 ? 1 : 0;
    if (phase >= 1) phase -= 1;
    const excitation = pulse + noise() * 0.02;
    const within = (i % syllableSamples) / syllableSamples;
    const envelope = Math.sin(Math.PI * Math.min(1, within * 1.25)) ** 0.6;
    const edge = Math.min(1, i / 400, (n - i) / 400);
    const sample = (resonators[0]?.step(excitation) ?? 0) + 0.6 * (resonators[1]?.step(excitation) ?? 0);
    out[offset + i] = Math.max(-1, Math.min(1, sample * 0.25 * envelope * edge));
  }
}

/** A two-pole resonator: a formant. */
class Resonator {
  private a1 = 0;
  private a2 = 0;
  private gain = 0;
  private y1 = 0;
  private y2 = 0;
  tune(frequency: number, bandwidth: number) {
    const r = Math.exp((-Math.PI * bandwidth) / SAMPLE_RATE);
    this.a1 = 2 * r * Math.cos((2 * Math.PI * frequency) / SAMPLE_RATE);
    this.a2 = -r * r;
    this.gain = 1 - r;
  }
  step(x: number): number {
    const y = this.gain * x + this.a1 * this.y1 + this.a2 * this.y2;
    this.y2 = this.y1;
    this.y1 = y;
    return y * 8;
  }
}

/** A 16-bit PCM mono WAV file of the samples. */
export function encodeWav(samples: Float32Array, sampleRate = SAMPLE_RATE): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => {
    data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, s)) * 32_767), i * 2);
  });
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8);
  header.write("fmt ", 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** The samples of a 16-bit PCM WAV (mono, or the first channel), and its sample rate. */
export function decodeWav(file: Uint8Array): { samples: Float32Array; sampleRate: number } {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buf.toString("ascii", 0, 4) !== "RIFF" || buf.toString("ascii", 8, 12) !== "WAVE") {
    throw new Error("not a WAV file");
  }
  let pos = 12;
  let channels = 1;
  let sampleRate = SAMPLE_RATE;
  let bits = 16;
  while (pos + 8 <= buf.length) {
    const id = buf.toString("ascii", pos, pos + 4);
    const size = buf.readUInt32LE(pos + 4);
    if (id === "fmt ") {
      channels = buf.readUInt16LE(pos + 10);
      sampleRate = buf.readUInt32LE(pos + 12);
      bits = buf.readUInt16LE(pos + 22);
    } else if (id === "data") {
      if (bits !== 16) throw new Error("only 16-bit PCM WAV is read");
      const frames = Math.floor(Math.min(size, buf.length - pos - 8) / (2 * channels));
      const samples = new Float32Array(frames);
      for (let i = 0; i < frames; i++) samples[i] = buf.readInt16LE(pos + 8 + i * 2 * channels) / 32_768;
      return { samples, sampleRate };
    }
    pos += 8 + size + (size % 2);
  }
  throw new Error("the WAV file has no data");
}

import { z } from "zod";

// A voice reply's audio travels as a base64 WAV inside the JSON body (the same-origin JSON wrapper
// every mutation goes through), cut by the browser's VAD to the trainee's utterance.

/** The longest utterance accepted: 30 s of 16 kHz 16-bit mono is 960 KB. */
export const MAX_WAV_BYTES = 1_000_000;
/** The JSON body around it: base64 adds a third. */
export const MAX_TRANSCRIPTION_BODY_BYTES = Math.ceil((MAX_WAV_BYTES * 4) / 3) + 1024;

export const transcriptionRequestSchema = z.object({
  audio: z
    .string()
    .max(MAX_TRANSCRIPTION_BODY_BYTES)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, "音声データの形式が正しくありません。"),
});

/** The WAV bytes of a request, or a Japanese reason it is not one. */
export function readWavUpload(
  base64: string,
): { ok: true; wav: Uint8Array } | { ok: false; message: string } {
  const wav = Uint8Array.from(Buffer.from(base64, "base64"));
  if (wav.length > MAX_WAV_BYTES)
    return { ok: false, message: "音声が長すぎます（30秒まで）。区切ってお話しください。" };
  const tag = (from: number) => String.fromCharCode(...wav.subarray(from, from + 4));
  if (wav.length < 44 || tag(0) !== "RIFF" || tag(8) !== "WAVE") {
    return { ok: false, message: "音声データの形式が正しくありません（WAV ではありません）。" };
  }
  return { ok: true, wav };
}

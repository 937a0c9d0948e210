import "server-only";
import { and, eq } from "drizzle-orm";
import OpenAI, { toFile } from "openai";
import type { DbExecutor } from "@/lib/db/executor";
import { calls } from "@/lib/db/schema";
import type { SttEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Server speech-to-text: the trainee's utterance goes to an OpenAI-compatible audio.transcriptions
// endpoint. Only for the owner of an active call; the audio is not stored.

const clients = new Map<string, OpenAI>();

function clientFor(stt: SttEnv): OpenAI {
  const key = `${stt.baseUrl ?? ""}\n${stt.apiKey ?? ""}`;
  let client = clients.get(key);
  if (!client) {
    client = new OpenAI({ apiKey: stt.apiKey ?? "not-needed", baseURL: stt.baseUrl, maxRetries: 0 });
    clients.set(key, client);
  }
  return client;
}

/** The words of one utterance of the user's own active call. */
export async function transcribeForCall(
  db: DbExecutor,
  user: { id: string },
  callId: string,
  wav: Uint8Array,
  stt: SttEnv | undefined,
): Promise<{ text: string }> {
  const [call] = await db
    .select({ status: calls.status })
    .from(calls)
    .where(and(eq(calls.id, callId), eq(calls.userId, user.id)))
    .limit(1);
  if (!call) throw new AppError("not_found", "通話が見つかりません。");
  if (call.status !== "active") throw new AppError("conflict", "この通話はすでに終了しています。");
  if (!stt) {
    throw new AppError(
      "unavailable",
      "この環境ではサーバーでの文字起こしは使えません。ブラウザの音声認識をお使いください。",
    );
  }
  try {
    return { text: await transcribeWav(wav, stt) };
  } catch (error) {
    throw new AppError(
      "unavailable",
      "音声を文字にできませんでした。もう一度お話しいただくか、文字での通話をお使いください。",
      { cause: error },
    );
  }
}

/** The words of one Japanese utterance from the configured endpoint (also what `npm run eval:stt` measures). */
export async function transcribeWav(wav: Uint8Array, stt: SttEnv): Promise<string> {
  const result = await clientFor(stt).audio.transcriptions.create(
    {
      file: await toFile(wav, "utterance.wav", { type: "audio/wav" }),
      model: stt.model,
      language: "ja",
      response_format: "json",
    },
    { timeout: stt.timeoutMs },
  );
  return result.text.trim();
}

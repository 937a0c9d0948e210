import "server-only";
import OpenAI from "openai";
import type { SessionUser } from "@/lib/accounts/users";
import { getCallForUser } from "@/lib/calls/call-service";
import type { Db } from "@/lib/db/open-database";
import type { TtsEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { callerVoiceStyle } from "@/lib/voice/caller-style";
import { speechRequestParts } from "@/lib/voice/server-speech";

// Server text-to-speech: a caller line of the user's own call, voiced by an OpenAI-compatible
// audio.speech endpoint at the persona's pace and mood, streamed on as the provider sends it.

const clients = new Map<string, OpenAI>();

function clientFor(tts: TtsEnv): OpenAI {
  const key = `${tts.baseUrl ?? ""}\n${tts.apiKey ?? ""}`;
  let client = clients.get(key);
  if (!client) {
    client = new OpenAI({ apiKey: tts.apiKey ?? "not-needed", baseURL: tts.baseUrl, maxRetries: 0 });
    clients.set(key, client);
  }
  return client;
}

/** The audio of caller line `seq` of the user's own call, as the provider streams it. */
export async function speakCallerLine(
  db: Db,
  user: SessionUser,
  callId: string,
  seq: number,
  tts: TtsEnv | undefined,
): Promise<{ body: ReadableStream<Uint8Array>; contentType: string }> {
  const call = await getCallForUser(db, user, callId);
  const turn = call.turns.find((t) => t.seq === seq && t.role === "caller");
  if (!turn || turn.pending || turn.text === "") {
    throw new AppError("not_found", "読み上げるお客様の発言が見つかりません。");
  }
  if (!tts) {
    throw new AppError("unavailable", "この環境ではサーバーでの読み上げは使えません。");
  }
  const style = callerVoiceStyle({
    speakingRate: call.scenario.speakingRate,
    age: call.scenario.personaAge,
    mood: call.mood,
  });
  const parts = speechRequestParts({
    model: tts.model,
    voices: tts.voices,
    personaName: call.scenario.personaName,
    age: call.scenario.personaAge,
    mood: call.mood,
    style,
  });
  try {
    const response = await clientFor(tts).audio.speech.create(
      {
        model: tts.model,
        input: turn.text,
        voice: parts.voice,
        speed: parts.speed,
        response_format: "mp3",
        ...(parts.instructions ? { instructions: parts.instructions } : {}),
      },
      { timeout: tts.timeoutMs },
    );
    if (!response.body) throw new Error("the speech answer has no body");
    return { body: response.body, contentType: response.headers.get("content-type") ?? "audio/mpeg" };
  } catch (error) {
    throw new AppError("unavailable", "お客様の声を用意できませんでした。字幕でお伝えします。", {
      cause: error,
    });
  }
}

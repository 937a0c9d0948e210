import { z } from "zod";
import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { handleApi, parseId } from "@/lib/http/api-handler";
import { speakCallerLine } from "@/lib/speech/speak";

const seqSchema = z.coerce.number<string>().int().min(0).max(100_000);

/** Voice calls with server text to speech: the audio of one caller line of the user's own call. */
export function GET(_request: Request, { params }: { params: Promise<{ id: string; seq: string }> }) {
  return handleApi(async () => {
    const user = await requireApiUser();
    const { id: rawId, seq: rawSeq } = await params;
    const id = parseId(rawId);
    const seq = seqSchema.safeParse(rawSeq);
    if (!seq.success) throw new AppError("not_found", "読み上げるお客様の発言が見つかりません。");
    const audio = await speakCallerLine(await getDb(), user, id, seq.data, getEnv().tts);
    return new Response(audio.body, {
      headers: { "content-type": audio.contentType, "cache-control": "private, no-store" },
    });
  });
}

import { requireApiUserId } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { handleMutation, json, parseId, readJsonBody } from "@/lib/http/api-handler";
import { transcribeForCall } from "@/lib/speech/transcribe";
import {
  MAX_TRANSCRIPTION_BODY_BYTES,
  readWavUpload,
  transcriptionRequestSchema,
} from "@/lib/speech/wav-upload";

/** Voice calls: { audio: base64 WAV of one utterance } → { text }. Nothing is stored. */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleMutation(request, async () => {
    const user = await requireApiUserId();
    const id = parseId((await params).id);
    const body = await readJsonBody(request, transcriptionRequestSchema, {
      maxBytes: MAX_TRANSCRIPTION_BODY_BYTES,
    });
    const upload = readWavUpload(body.audio);
    if (!upload.ok) throw new AppError("invalid_input", upload.message);
    return json(await transcribeForCall(await getDb(), user, id, upload.wav, getEnv().stt), 200);
  });
}

import { z } from "zod";
import { requireApiUser, requireApiUserId } from "@/lib/auth/session";
import { systemClock } from "@/lib/calls/call-service";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { handleMutation, json, parseId, readJsonBody } from "@/lib/http/api-handler";
import { deleteCallRecordings, storeTurnRecording } from "@/lib/speech/recordings";
import {
  MAX_TRANSCRIPTION_BODY_BYTES,
  readWavUpload,
  transcriptionRequestSchema,
} from "@/lib/speech/wav-upload";

type Params = { params: Promise<{ id: string }> };

const recordingRequestSchema = transcriptionRequestSchema.extend({ replyId: z.uuid() });

/**
 * The trainee's own voice for a reply just sent: { replyId, audio: base64 WAV } → { stored }. Stored only
 * when the call's team keeps audio (201); otherwise nothing is kept (200, stored: false).
 */
export function POST(request: Request, { params }: Params) {
  return handleMutation(request, async () => {
    const user = await requireApiUserId();
    const id = parseId((await params).id);
    const body = await readJsonBody(request, recordingRequestSchema, {
      maxBytes: MAX_TRANSCRIPTION_BODY_BYTES,
    });
    const upload = readWavUpload(body.audio);
    if (!upload.ok) throw new AppError("invalid_input", upload.message);
    const result = await storeTurnRecording(
      await getDb(),
      user,
      id,
      { replyId: body.replyId, wav: upload.wav },
      systemClock,
    );
    return json(result, result.stored ? 201 : 200);
  });
}

/** A trainer of the call's team (or an admin) deletes every recording of the call → { deleted }. */
export function DELETE(request: Request, { params }: Params) {
  return handleMutation(request, async () => {
    const user = await requireApiUser("trainer", "admin");
    const id = parseId((await params).id);
    return json(await deleteCallRecordings(await getDb(), user, id));
  });
}

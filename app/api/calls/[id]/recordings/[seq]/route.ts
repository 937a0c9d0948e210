import { z } from "zod";
import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { handleApi, parseId } from "@/lib/http/api-handler";
import { readTurnRecording } from "@/lib/speech/recordings";

const seqSchema = z.coerce.number().int().min(0).max(100_000);

/** One reply's recording as audio/wav, for the call's owner, the team's trainers and admins. */
export function GET(_request: Request, { params }: { params: Promise<{ id: string; seq: string }> }) {
  return handleApi(async () => {
    const user = await requireApiUser();
    const raw = await params;
    const id = parseId(raw.id);
    const seq = seqSchema.safeParse(raw.seq);
    if (!seq.success) throw new AppError("not_found", "この返答の録音はありません。");
    const wav = await readTurnRecording(await getDb(), user, id, seq.data, new Date());
    return new Response(Buffer.from(wav), {
      headers: {
        "content-type": "audio/wav",
        "content-length": String(wav.byteLength),
        // Personal data: never kept by a shared cache, and gone from the browser's when deleted.
        "cache-control": "private, no-store",
      },
    });
  });
}

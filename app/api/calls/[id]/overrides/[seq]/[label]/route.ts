import { z } from "zod";
import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { handleMutation, json, parseId, readJsonBody } from "@/lib/http/api-handler";
import { removeOverride, setOverride } from "@/lib/review/annotations";
import { overrideRequestSchema } from "@/lib/review/overrides";

type Params = { params: Promise<{ id: string; seq: string; label: string }> };

const seqSchema = z.coerce.number().int().min(0);

async function readTarget(params: Params["params"]) {
  const { id, seq, label } = await params;
  const parsedSeq = seqSchema.safeParse(seq);
  if (!parsedSeq.success) throw new AppError("not_found", "発言が見つかりません。");
  return { callId: parseId(id), seq: parsedSeq.data, label };
}

/** Overrides one label of one reply: { value, reason } → the call's new overall score. */
export function PUT(request: Request, { params }: Params) {
  return handleMutation(request, async () => {
    const user = await requireApiUser("trainer", "admin");
    const target = await readTarget(params);
    const body = await readJsonBody(request, overrideRequestSchema);
    return json(await setOverride(await getDb(), user, { ...target, ...body }));
  });
}

/** Removes the override: the analyzer's label counts again. */
export function DELETE(request: Request, { params }: Params) {
  return handleMutation(request, async () => {
    const user = await requireApiUser("trainer", "admin");
    const target = await readTarget(params);
    return json(await removeOverride(await getDb(), user, target));
  });
}

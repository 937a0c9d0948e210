import { z } from "zod";
import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { handleApi, handleMutation, json, parseId, readJsonBody } from "@/lib/http/api-handler";
import { addComment, listComments } from "@/lib/review/annotations";
import { plainText } from "@/lib/validation/plain-text";

type Params = { params: Promise<{ id: string }> };

/** Comments on the call's turns: for the owner, the team's trainers and admins. */
export function GET(_request: Request, { params }: Params) {
  return handleApi(async () => {
    const user = await requireApiUser();
    const id = parseId((await params).id);
    return json({ comments: await listComments(await getDb(), user, id) });
  });
}

const commentSchema = z.object({ seq: z.number().int().min(0), body: plainText() });

/** A trainer comments on one turn: { seq, body } → 201, the comment. */
export function POST(request: Request, { params }: Params) {
  return handleMutation(request, async () => {
    const user = await requireApiUser("trainer", "admin");
    const id = parseId((await params).id);
    const body = await readJsonBody(request, commentSchema);
    return json(await addComment(await getDb(), user, { callId: id, ...body }), 201);
  });
}

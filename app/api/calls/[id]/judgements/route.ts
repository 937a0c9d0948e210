import { requireApiUser } from "@/lib/auth/session";
import { judgementRequestSchema } from "@/lib/contest/judgement-request";
import { getJudgingSheet, submitJudgement } from "@/lib/contest/judging";
import { getDb } from "@/lib/db/client";
import { handleApi, handleMutation, json, parseId, readJsonBody } from "@/lib/http/api-handler";

type Params = { params: Promise<{ id: string }> };

/** The judging sheet of an ended contest call: the team's trainers and admins (others' marks after one's own). */
export function GET(_request: Request, { params }: Params) {
  return handleApi(async () => {
    const user = await requireApiUser("trainer", "admin");
    const id = parseId((await params).id);
    return json(await getJudgingSheet(await getDb(), user, id));
  });
}

/** A judge submits or revises their sheet: { marks: { <category>: { mark: 1–5, comment } } } → the sheet. */
export function PUT(request: Request, { params }: Params) {
  return handleMutation(request, async () => {
    const user = await requireApiUser("trainer", "admin");
    const id = parseId((await params).id);
    const body = await readJsonBody(request, judgementRequestSchema);
    return json(await submitJudgement(await getDb(), user, id, body.marks));
  });
}

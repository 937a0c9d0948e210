import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { handleApi, json, parseId } from "@/lib/http/api-handler";
import { listOverrides } from "@/lib/review/annotations";

/** The trainers' label overrides on the call: for the owner, the team's trainers and admins. */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleApi(async () => {
    const user = await requireApiUser();
    const id = parseId((await params).id);
    return json({ overrides: await listOverrides(await getDb(), user, id) });
  });
}

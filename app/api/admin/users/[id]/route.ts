import { updateUser, userUpdateSchema } from "@/lib/accounts/admin";
import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { handleMutation, json, parseId, readJsonBody } from "@/lib/http/api-handler";

/** Moves a user to a team (teamId, null for none) and/or changes their role: { teamId?, role? }. */
export function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleMutation(request, async () => {
    const admin = await requireApiUser("admin");
    const userId = parseId((await params).id);
    const change = await readJsonBody(request, userUpdateSchema);
    return json(await updateUser(await getDb(), { actorId: admin.id, userId, change }));
  });
}

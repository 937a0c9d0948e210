import { z } from "zod";
import { renameTeam, teamNameSchema } from "@/lib/accounts/admin";
import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { handleMutation, json, parseId, readJsonBody } from "@/lib/http/api-handler";

/** Renames a team: { name }. */
export function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleMutation(request, async () => {
    await requireApiUser("admin");
    const teamId = parseId((await params).id);
    const { name } = await readJsonBody(request, z.object({ name: teamNameSchema }));
    return json(await renameTeam(await getDb(), { teamId, name }));
  });
}

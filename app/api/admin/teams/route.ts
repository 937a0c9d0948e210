import { z } from "zod";
import { createTeam, teamNameSchema } from "@/lib/accounts/admin";
import { listTeamsWithCounts } from "@/lib/accounts/teams";
import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { handleApi, handleMutation, json, readJsonBody } from "@/lib/http/api-handler";

/** Every team with its member count (admins only). */
export function GET() {
  return handleApi(async () => {
    await requireApiUser("admin");
    return json({ teams: await listTeamsWithCounts(await getDb()) });
  });
}

/** Creates a team: { name } → 201, the team. */
export function POST(request: Request) {
  return handleMutation(request, async () => {
    await requireApiUser("admin");
    const { name } = await readJsonBody(request, z.object({ name: teamNameSchema }));
    return json(await createTeam(await getDb(), name), 201);
  });
}

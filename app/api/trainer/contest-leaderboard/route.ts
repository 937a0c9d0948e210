import { z } from "zod";
import { requireApiUser } from "@/lib/auth/session";
import { setLeaderboardForTrainees } from "@/lib/contest/leaderboard";
import { getDb } from "@/lib/db/client";
import { handleMutation, json, readJsonBody } from "@/lib/http/api-handler";

const requestSchema = z.object({ forTrainees: z.boolean(), team: z.uuid().optional() });

/** Opens the team's contest leaderboard to its trainees, or closes it: { forTrainees, team? } (admins name the team). */
export function PUT(request: Request) {
  return handleMutation(request, async () => {
    const user = await requireApiUser("trainer", "admin");
    const body = await readJsonBody(request, requestSchema);
    return json(
      await setLeaderboardForTrainees(await getDb(), user, {
        teamId: body.team,
        forTrainees: body.forTrainees,
      }),
    );
  });
}

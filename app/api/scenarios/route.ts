import { requireApiUser } from "@/lib/auth/session";
import { listPlayableScenarios } from "@/lib/calls/scenario-store";
import { getDb } from "@/lib/db/client";
import { handleApi, json } from "@/lib/http/api-handler";

/** The scenarios the signed-in user may play (built-ins and their team's published ones). */
export function GET() {
  return handleApi(async () => {
    const user = await requireApiUser();
    const scenarios = await listPlayableScenarios(await getDb(), user);
    return json({
      scenarios: scenarios.map((s) => ({
        scenarioId: s.scenarioId,
        slug: s.id,
        version: s.version,
        title: s.title,
        description: s.description,
        kind: s.kind,
        difficulty: s.difficulty,
        timeLimitSec: s.timeLimitSec ?? null,
        contest: s.contest !== undefined,
        builtIn: s.builtIn,
      })),
    });
  });
}

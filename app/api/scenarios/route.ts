import { requireApiUser } from "@/lib/auth/session";
import { listPlayableScenarios } from "@/lib/calls/scenario-store";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { handleApi, json } from "@/lib/http/api-handler";

/** The scenarios the signed-in user may play (built-ins and their team's published ones). */
export function GET() {
  return handleApi(async () => {
    const user = await requireApiUser();
    const scenarios = await listPlayableScenarios(await getDb(), user);
    const llm = getEnv().llm !== undefined;
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
        // The modes a call of it can be started in (LLM play only when configured; a pin allows one).
        modes: llm ? (s.mode ? [s.mode] : ["scripted", "llm"]) : ["scripted"],
      })),
    });
  });
}

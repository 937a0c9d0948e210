import { requireApiUser } from "@/lib/auth/session";
import { createScenarioRequestSchema } from "@/lib/authoring/authoring-requests";
import { MAX_AUTHORING_BODY_BYTES } from "@/lib/authoring/limits";
import {
  createScenarioDraft,
  duplicateScenario,
  importScenarioYaml,
  listAuthoringScenarios,
} from "@/lib/authoring/scenario-authoring";
import { getDb } from "@/lib/db/client";
import { handleApi, handleMutation, json, readJsonBody } from "@/lib/http/api-handler";

/** The team's scenarios with their status, and the built-ins a trainer may duplicate. */
export function GET() {
  return handleApi(async () => {
    const user = await requireApiUser("trainer", "admin");
    return json(await listAuthoringScenarios(await getDb(), user));
  });
}

/** A new draft: from the starter template, a copy of a scenario, or imported YAML. */
export function POST(request: Request) {
  return handleMutation(request, async () => {
    const user = await requireApiUser("trainer", "admin");
    const body = await readJsonBody(request, createScenarioRequestSchema, {
      maxBytes: MAX_AUTHORING_BODY_BYTES,
    });
    const db = await getDb();
    if (body.from === "template") return json({ ...(await createScenarioDraft(db, user)), issues: [] }, 201);
    if (body.from === "scenario") {
      return json({ ...(await duplicateScenario(db, user, body.scenarioId)), issues: [] }, 201);
    }
    return json(await importScenarioYaml(db, user, body.yaml), 201);
  });
}

import { type CallState, callStateSchema } from "@/lib/caller/call-state";
import type { Scenario } from "@/lib/scenario/schema";

/** A stored call state (e.g. from a jsonb column), checked against its schema and this scenario. */
export function parseCallState(
  scenario: Scenario,
  stored: unknown,
): { ok: true; state: CallState } | { ok: false; issues: string[] } {
  const parsed = callStateSchema.safeParse(stored);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    };
  }
  const state = parsed.data;
  const issues: string[] = [];
  if (state.scenarioId !== scenario.id) issues.push(`state is for scenario "${state.scenarioId}"`);
  if (!scenario.nodes[state.nodeId]) issues.push(`node "${state.nodeId}" is not in the scenario`);
  for (const name of Object.keys(scenario.mood.variables)) {
    if (!(name in state.mood)) issues.push(`mood variable "${name}" is missing`);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, state };
}

import { matchesCondition, type TurnFacts } from "@/lib/caller/match-condition";
import type { Scenario } from "@/lib/scenario/schema";

/**
 * Where the caller goes after a reply: the first matching global transition, then the first matching
 * transition of the current node; null to stay. An interrupted caller only follows global ones
 * (e.g. hanging up), because they never heard the rest of the reply.
 */
export function chooseNextNode(
  scenario: Scenario,
  nodeId: string,
  facts: TurnFacts,
  options: { interrupted: boolean },
): string | null {
  const node = scenario.nodes[nodeId];
  if (!node || node.end) return null;
  const candidates = [
    ...(scenario.globalTransitions ?? []),
    ...(options.interrupted ? [] : (node.transitions ?? [])),
  ];
  const match = candidates.find((transition) => matchesCondition(transition.when, facts));
  return match && match.to !== nodeId ? match.to : null;
}

import type { Scenario } from "@/lib/scenario/schema";

/** The node's model operator reply in polite 敬語, shown as the better phrasing in feedback. */
export function modelReplyFor(scenario: Scenario, nodeId: string): string | undefined {
  return scenario.nodes[nodeId]?.modelReply;
}

import type { PathIssue } from "@/lib/scenario/scenario-issue";
import type { ScenarioFile } from "@/lib/scenario/schema";

/** Graph problems: transitions to missing nodes, unreachable nodes, nodes from which no end is reachable. */
export function checkScenarioGraph(file: ScenarioFile): PathIssue[] {
  const issues: PathIssue[] = [];
  const nodeIds = new Set(Object.keys(file.nodes));

  issues.push(...checkTransitionTargets(file));
  for (const [id, node] of Object.entries(file.nodes)) {
    if (node.end && node.transitions?.length) {
      issues.push({
        path: ["nodes", id, "transitions"],
        message: `end node "${id}" must not have transitions`,
        messageJa: `終了ノード "${id}" には遷移（transitions）を書けません`,
      });
    }
  }
  if (!Object.values(file.nodes).some((node) => node.end === "resolved")) {
    issues.push({
      path: ["nodes"],
      message: "no node ends the call as resolved",
      messageJa: "解決（end: resolved）で通話を終えるノードがありません",
    });
  }

  const edges = buildEdges(file, nodeIds);
  const reachable = reachFrom(
    [file.start].filter((id) => nodeIds.has(id)),
    edges,
  );
  const endIds = Object.entries(file.nodes)
    .filter(([, node]) => node.end)
    .map(([id]) => id);
  const reachesEnd = reachFrom(endIds, reverseEdges(edges));
  for (const id of nodeIds) {
    if (!reachable.has(id)) {
      issues.push({
        path: ["nodes", id],
        atKey: true,
        message: `node "${id}" is unreachable from the start`,
        messageJa: `ノード "${id}" には開始ノードからたどり着けません`,
      });
    }
    if (!reachesEnd.has(id)) {
      issues.push({
        path: ["nodes", id],
        atKey: true,
        message: `no end can be reached from node "${id}"`,
        messageJa: `ノード "${id}" から終了ノードにたどり着けません`,
      });
    }
  }
  return issues;
}

/**
 * The start node and every transition target that names no node. Reads the data leniently, so it also
 * runs on a file that failed the schema: a bad number elsewhere must not hide a bad target.
 */
export function checkTransitionTargets(data: unknown): PathIssue[] {
  const file = asRecord(data);
  const nodes = asRecord(file.nodes);
  const nodeIds = new Set(Object.keys(nodes));
  const issues: PathIssue[] = [];
  if (typeof file.start === "string" && !nodeIds.has(file.start)) {
    issues.push({
      path: ["start"],
      message: `start node "${file.start}" does not exist`,
      messageJa: `開始ノード "${file.start}" がありません`,
    });
  }
  const checkList = (transitions: unknown, path: PropertyKey[]) => {
    if (!Array.isArray(transitions)) return;
    for (const [index, transition] of transitions.entries()) {
      const to = asRecord(transition).to;
      if (typeof to !== "string" || nodeIds.has(to)) continue;
      issues.push({
        path: [...path, index, "to"],
        message: `transition to missing node "${to}"`,
        messageJa: missingTargetJa(to),
      });
    }
  };
  checkList(file.globalTransitions, ["globalTransitions"]);
  for (const [id, node] of Object.entries(nodes))
    checkList(asRecord(node).transitions, ["nodes", id, "transitions"]);
  return issues;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function missingTargetJa(target: string): string {
  return `遷移先のノード "${target}" がありません`;
}

// Global transitions leave every node that is not an end, so they are edges of all of them.
function buildEdges(file: ScenarioFile, nodeIds: Set<string>): Map<string, string[]> {
  const globalTargets = (file.globalTransitions ?? []).map((t) => t.to);
  const edges = new Map<string, string[]>();
  for (const [id, node] of Object.entries(file.nodes)) {
    const targets = node.end ? [] : [...(node.transitions ?? []).map((t) => t.to), ...globalTargets];
    edges.set(
      id,
      targets.filter((to) => nodeIds.has(to)),
    );
  }
  return edges;
}

function reverseEdges(edges: Map<string, string[]>): Map<string, string[]> {
  const reversed = new Map<string, string[]>();
  for (const [from, targets] of edges) {
    for (const to of targets) reversed.set(to, [...(reversed.get(to) ?? []), from]);
  }
  return reversed;
}

function reachFrom(starts: string[], edges: Map<string, string[]>): Set<string> {
  const seen = new Set(starts);
  const queue = [...starts];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const next of edges.get(id) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

import type { PathIssue } from "@/lib/scenario/scenario-issue";
import type { ScenarioFile } from "@/lib/scenario/schema";

/** Graph problems: transitions to missing nodes, unreachable nodes, nodes from which no end is reachable. */
export function checkScenarioGraph(file: ScenarioFile): PathIssue[] {
  const issues: PathIssue[] = [];
  const nodeIds = new Set(Object.keys(file.nodes));

  if (!nodeIds.has(file.start)) {
    issues.push({
      path: ["start"],
      message: `start node "${file.start}" does not exist`,
      messageJa: `開始ノード "${file.start}" がありません`,
    });
  }
  for (const [index, transition] of (file.globalTransitions ?? []).entries()) {
    if (!nodeIds.has(transition.to)) {
      issues.push({
        path: ["globalTransitions", index, "to"],
        message: `transition to missing node "${transition.to}"`,
        messageJa: missingTargetJa(transition.to),
      });
    }
  }
  for (const [id, node] of Object.entries(file.nodes)) {
    for (const [index, transition] of (node.transitions ?? []).entries()) {
      if (!nodeIds.has(transition.to)) {
        issues.push({
          path: ["nodes", id, "transitions", index, "to"],
          message: `transition to missing node "${transition.to}"`,
          messageJa: missingTargetJa(transition.to),
        });
      }
    }
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

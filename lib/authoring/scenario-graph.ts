import { Graph, layout } from "@dagrejs/dagre";
import { parseDocument } from "yaml";

// The script as a diagram: nodes and transitions read leniently from the parsed YAML (so the diagram
// keeps drawing while the trainer fixes a schema error elsewhere), then laid out with dagre. Pure.

export type GraphNodeKind = "start" | "node" | "resolved" | "hung_up" | "global";

export interface ScenarioGraph {
  nodes: { id: string; kind: GraphNodeKind; line: string }[];
  edges: { from: string; to: string; label: string; missing: boolean }[];
}

/** The pseudo-node that global transitions start from. */
export const GLOBAL_NODE_ID = "*global";

/** Nodes and transitions of parsed scenario data; null when it has no `nodes` map. */
export function extractScenarioGraph(data: unknown): ScenarioGraph | null {
  const root = asRecord(data);
  const nodes = asRecord(root?.nodes);
  if (!root || !nodes) return null;
  const ids = new Set(Object.keys(nodes));
  const graph: ScenarioGraph = { nodes: [], edges: [] };
  for (const [id, value] of Object.entries(nodes)) {
    const node = asRecord(value);
    const end = node?.end;
    const kind: GraphNodeKind =
      end === "resolved" || end === "hung_up" ? end : id === root.start ? "start" : "node";
    const lines = Array.isArray(node?.lines) ? node.lines : [];
    graph.nodes.push({ id, kind, line: typeof lines[0] === "string" ? lines[0] : "" });
    for (const transition of asArray(node?.transitions)) addEdge(graph, ids, id, transition);
  }
  const globals = asArray(root.globalTransitions);
  if (globals.length > 0) {
    graph.nodes.push({ id: GLOBAL_NODE_ID, kind: "global", line: "" });
    for (const transition of globals) addEdge(graph, ids, GLOBAL_NODE_ID, transition);
  }
  return graph;
}

function addEdge(graph: ScenarioGraph, ids: Set<string>, from: string, value: unknown) {
  const transition = asRecord(value);
  if (!transition || typeof transition.to !== "string") return;
  graph.edges.push({
    from,
    to: transition.to,
    label: describeCondition(transition.when),
    missing: !ids.has(transition.to),
  });
}

/** A short label for a transition's `when`: its intents, signals and bounds. */
export function describeCondition(when: unknown): string {
  const condition = asRecord(when);
  if (!condition) return "常に";
  return Object.entries(condition)
    .map(([key, value]) => `${key}: ${describeValue(value)}`)
    .join(", ");
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(describeValue).join("|");
  const record = asRecord(value);
  if (!record) return String(value);
  return Object.entries(record)
    .map(([key, inner]) => {
      const bounds = asRecord(inner);
      if (bounds && ("gte" in bounds || "lte" in bounds)) {
        return [
          "gte" in bounds ? `${key}≥${String(bounds.gte)}` : "",
          "lte" in bounds ? `${key}≤${String(bounds.lte)}` : "",
        ]
          .filter(Boolean)
          .join(" ");
      }
      if (key === "gte") return `≥${String(inner)}`;
      if (key === "lte") return `≤${String(inner)}`;
      return `${key}=${describeValue(inner)}`;
    })
    .join(" ");
}

export interface LaidOutGraph {
  width: number;
  height: number;
  nodes: (ScenarioGraph["nodes"][number] & { x: number; y: number; width: number; height: number })[];
  edges: (ScenarioGraph["edges"][number] & {
    points: { x: number; y: number }[];
    labelAt: { x: number; y: number };
  })[];
}

export const NODE_WIDTH = 150;
export const NODE_HEIGHT = 44;

/** Positions for every node and a polyline for every edge (missing targets are drawn as stubs). */
export function layoutScenarioGraph(graph: ScenarioGraph): LaidOutGraph {
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: "TB", nodesep: 30, ranksep: 50, edgesep: 10, marginx: 10, marginy: 10 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  const drawn = graph.edges.filter((edge) => !edge.missing);
  drawn.forEach((edge, index) => {
    g.setEdge(
      edge.from,
      edge.to,
      { width: Math.min(180, edge.label.length * 6), height: 14, labelpos: "c" },
      `e${index}`,
    );
  });
  layout(g);
  const nodes = graph.nodes.map((node) => {
    const placed = g.node(node.id);
    return { ...node, x: placed?.x ?? 0, y: placed?.y ?? 0, width: NODE_WIDTH, height: NODE_HEIGHT };
  });
  const edges = drawn.map((edge, index) => {
    const placed = g.edge({ v: edge.from, w: edge.to, name: `e${index}` });
    const points = placed?.points ?? [];
    const middle = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 };
    return { ...edge, points, labelAt: { x: placed?.x ?? middle.x, y: placed?.y ?? middle.y } };
  });
  const label = g.graph();
  return { width: label.width ?? NODE_WIDTH, height: label.height ?? NODE_HEIGHT, nodes, edges };
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The diagram graph of YAML text, or null while it is not well-formed YAML. */
export function readScenarioGraph(yamlText: string): ScenarioGraph | null {
  const doc = parseDocument(yamlText, { uniqueKeys: false });
  if (doc.errors.length > 0) return null;
  try {
    return extractScenarioGraph(doc.toJS({ maxAliasCount: 100 }));
  } catch {
    // Too many aliases: the validation list reports it; the diagram just waits.
    return null;
  }
}

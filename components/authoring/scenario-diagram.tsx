"use client";

import { useMemo } from "react";
import {
  GLOBAL_NODE_ID,
  type GraphNodeKind,
  layoutScenarioGraph,
  type ScenarioGraph,
} from "@/lib/authoring/scenario-graph";

const nodeStyle: Record<GraphNodeKind, { fill: string; stroke: string; label: string }> = {
  start: { fill: "#eef2ff", stroke: "#4f46e5", label: "開始" },
  node: { fill: "#ffffff", stroke: "#94a3b8", label: "" },
  resolved: { fill: "#ecfdf5", stroke: "#059669", label: "終了（解決）" },
  hung_up: { fill: "#fff1f2", stroke: "#e11d48", label: "終了（電話を切る）" },
  global: { fill: "#f8fafc", stroke: "#cbd5e1", label: "" },
};

/** The script drawn as nodes and transitions; edge labels are the transitions' conditions. */
export function ScenarioDiagram({ graph }: { graph: ScenarioGraph | null }) {
  const laid = useMemo(() => (graph ? layoutScenarioGraph(graph) : null), [graph]);
  if (!laid) return <p className="text-sm text-slate-500">nodes を書くと、ここに流れが表示されます。</p>;
  const missing = graph?.edges.filter((edge) => edge.missing) ?? [];
  return (
    <figure className="space-y-2">
      <div className="max-h-[640px] overflow-auto rounded-lg border border-slate-200 bg-slate-50">
        <svg
          width={laid.width}
          height={laid.height}
          className="mx-auto h-auto max-w-full"
          viewBox={`0 0 ${laid.width} ${laid.height}`}
          role="img"
          aria-label="シナリオの流れ図"
          data-testid="scenario-diagram"
        >
          <defs>
            <marker
              id="arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto"
            >
              <path d="M0,0 L10,5 L0,10 z" fill="#64748b" />
            </marker>
          </defs>
          {laid.edges.map((edge) => (
            <g key={`${edge.from}->${edge.to}:${edge.label}`} data-testid="diagram-edge">
              <polyline
                points={edge.points.map((p) => `${p.x},${p.y}`).join(" ")}
                fill="none"
                stroke="#64748b"
                strokeDasharray={edge.from === GLOBAL_NODE_ID ? "4 3" : undefined}
                markerEnd="url(#arrow)"
              />
              <text x={edge.labelAt.x} y={edge.labelAt.y} fontSize="10" textAnchor="middle" fill="#334155">
                {truncate(edge.label, 30)}
                <title>{edge.label}</title>
              </text>
            </g>
          ))}
          {laid.nodes.map((node) => {
            const style = nodeStyle[node.kind];
            const title = node.kind === "global" ? "どの場面からでも" : node.id;
            return (
              <g key={node.id} data-testid={`diagram-node-${node.id}`} data-kind={node.kind}>
                <rect
                  x={node.x - node.width / 2}
                  y={node.y - node.height / 2}
                  width={node.width}
                  height={node.height}
                  rx={node.kind === "resolved" || node.kind === "hung_up" ? 20 : 6}
                  fill={style.fill}
                  stroke={style.stroke}
                  strokeWidth={node.kind === "start" ? 2.5 : 1.5}
                />
                <text
                  x={node.x}
                  y={node.y - 4}
                  fontSize="12"
                  fontWeight="600"
                  textAnchor="middle"
                  fill="#0f172a"
                >
                  {truncate(title, 18)}
                </text>
                <text x={node.x} y={node.y + 12} fontSize="10" textAnchor="middle" fill="#475569">
                  {style.label || truncate(node.line, 12)}
                </text>
                {node.line && <title>{node.line}</title>}
              </g>
            );
          })}
        </svg>
      </div>
      {missing.length > 0 && (
        <figcaption className="text-xs text-rose-700">
          存在しない場面への遷移: {missing.map((edge) => `${edge.from} → ${edge.to}`).join("、")}
        </figcaption>
      )}
    </figure>
  );
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

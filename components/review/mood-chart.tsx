"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Scorecard } from "@/lib/calls/scorecard";
import { ChartFigure } from "./chart-figure";

const palette = ["#e11d48", "#1f746d", "#2563eb", "#d97706", "#9333ea", "#475569"];

/** The caller's mood variables (0–100) over the call, one line each. */
export function MoodChart({
  timeline,
  variables,
}: {
  timeline: Scorecard["moodTimeline"];
  variables: readonly { id: string; label: string }[];
}) {
  const series = listSeries(timeline, variables);
  const data = labelPoints(timeline);
  return (
    <ChartFigure
      caption="お客様の気持ちの変化"
      heightClass="h-64"
      testId="mood-chart"
      table={{
        columns: ["時点", ...series.map((s) => s.label)],
        rows: data.map((row) => ({
          key: String(row.seq),
          cells: [row.step, ...series.map((s) => formatMood(row.mood[s.id]))],
        })),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis dataKey="step" tick={{ fill: "#64748b", fontSize: 12 }} />
          <YAxis domain={[0, 100]} width={36} tick={{ fill: "#64748b", fontSize: 12 }} />
          <Tooltip />
          <Legend />
          {series.map((s, i) => (
            <Line
              key={s.id}
              type="monotone"
              name={s.label}
              dataKey={(row: (typeof data)[number]) => row.mood[s.id]}
              stroke={palette[i % palette.length]}
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

// Variables the scenario names come first with their labels; any other key in the timeline still shows.
function listSeries(
  timeline: Scorecard["moodTimeline"],
  variables: readonly { id: string; label: string }[],
) {
  const seen = new Set(variables.map((v) => v.id));
  const extra = [...new Set(timeline.flatMap((point) => Object.keys(point.mood)))].filter(
    (id) => !seen.has(id),
  );
  return [...variables, ...extra.map((id) => ({ id, label: id }))];
}

// The scorecard starts the timeline at seq -1 (the mood before the first reply), then one point per reply.
function labelPoints(timeline: Scorecard["moodTimeline"]) {
  let replies = 0;
  return timeline.map((point) => {
    if (point.seq >= 0) replies += 1;
    return { step: point.seq < 0 ? "開始" : `返答${replies}`, seq: point.seq, mood: point.mood };
  });
}

function formatMood(value: number | undefined): string {
  return value === undefined ? "—" : String(Math.round(value));
}

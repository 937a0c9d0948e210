"use client";

import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer } from "recharts";
import { ChartFigure } from "./chart-figure";

export interface RadarStep {
  key: string;
  label: string;
  score: number;
}

/** The five listening steps of one call on a radar (0–100). */
export function ScoreRadar({ steps }: { steps: readonly RadarStep[] }) {
  const data = steps.map((step) => ({ label: step.label, score: Math.round(step.score) }));
  return (
    <ChartFigure
      caption="傾聴の5ステップ"
      heightClass="h-72"
      testId="score-radar"
      table={{
        columns: ["ステップ", "点数"],
        rows: steps.map((s) => ({ key: s.key, cells: [s.label, Math.round(s.score)] })),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <RadarChart data={data} outerRadius="70%" accessibilityLayer={false}>
          <PolarGrid stroke="#cbd5e1" />
          <PolarAngleAxis dataKey="label" tick={{ fill: "#334155", fontSize: 12 }} />
          <PolarRadiusAxis
            domain={[0, 100]}
            tickCount={6}
            angle={90}
            tick={{ fill: "#64748b", fontSize: 10 }}
          />
          <Radar
            dataKey="score"
            name="点数"
            stroke="#1f746d"
            fill="#2a8c84"
            fillOpacity={0.35}
            isAnimationActive={false}
          />
        </RadarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

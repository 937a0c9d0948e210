"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { type StepKey, stepLabels } from "@/components/labels-ja";
import { ChartFigure } from "./chart-figure";
import type { TrendPoint } from "./trend-points";

// Distinct hues plus dash patterns, so the lines stay apart without relying on colour alone.
const stepLooks: Record<StepKey, { color: string; dash?: string }> = {
  backchannel: { color: "#1f746d" },
  parroting: { color: "#2563eb", dash: "6 3" },
  summarizing: { color: "#d97706", dash: "2 3" },
  question: { color: "#9333ea", dash: "8 3 2 3" },
  notInterrupting: { color: "#e11d48", dash: "12 4" },
};

/**
 * Each listening step's score over the trainee's scored attempts, oldest first. With `xAxis="date"` the
 * points are periods (the team dashboard's weeks) labelled by their date.
 */
export function StepTrendChart({
  points,
  caption = "ステップごとの点数の推移",
  xAxis = "attempt",
}: {
  points: readonly TrendPoint[];
  caption?: string;
  xAxis?: "attempt" | "date";
}) {
  const steps = Object.keys(stepLabels) as StepKey[];
  // One point is no trend: drawn as a line chart it is five dots on top of each other.
  const [only] = points;
  if (points.length === 1 && only) return <SinglePointBars point={only} caption={caption} xAxis={xAxis} />;
  const xLabel = (point: TrendPoint) => (xAxis === "date" ? point.date : `${point.attempt}回目`);
  const data = points.map((point) => ({
    attempt: xLabel(point),
    detail: `${point.date}・${point.scenarioTitle}`,
    ...point.steps,
  }));
  return (
    <ChartFigure
      caption={caption}
      heightClass="h-72"
      testId="step-trend-chart"
      table={{
        columns: [
          ...(xAxis === "date" ? ["期間", "内容"] : ["回", "日時", "シナリオ"]),
          ...steps.map((step) => stepLabels[step]),
        ],
        rows: points.map((point) => ({
          key: point.callId,
          cells: [
            ...(xAxis === "date" ? [] : [xLabel(point)]),
            point.date,
            point.scenarioTitle,
            ...steps.map((step) => Math.round(point.steps[step])),
          ],
        })),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis dataKey="attempt" tick={{ fill: "#64748b", fontSize: 12 }} />
          <YAxis domain={[0, 100]} width={36} tick={{ fill: "#64748b", fontSize: 12 }} />
          <Tooltip
            labelFormatter={(label, payload) => {
              const detail = payload?.[0]?.payload?.detail;
              return typeof detail === "string" ? `${label}（${detail}）` : String(label);
            }}
          />
          <Legend />
          {steps.map((step) => (
            <Line
              key={step}
              type="monotone"
              dataKey={step}
              name={stepLabels[step]}
              stroke={stepLooks[step].color}
              strokeDasharray={stepLooks[step].dash}
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

/** The only period's (or attempt's) score per step, as labelled bars, until there is a second one. */
function SinglePointBars({
  point,
  caption,
  xAxis,
}: {
  point: TrendPoint;
  caption: string;
  xAxis: "attempt" | "date";
}) {
  const steps = Object.keys(stepLabels) as StepKey[];
  const when =
    xAxis === "date" ? `${point.date}（${point.scenarioTitle}）` : `${point.date}・${point.scenarioTitle}`;
  const next = xAxis === "date" ? "2週目" : "2回目";
  return (
    <figure className="space-y-2" data-testid="step-trend-chart">
      <figcaption className="text-sm font-semibold text-slate-700">{caption}</figcaption>
      <p className="text-xs text-slate-600">
        {when}の点数です。{next}の記録がそろうと推移をグラフで表示します。
      </p>
      <ul className="space-y-2" data-testid="step-trend-single">
        {steps.map((step) => {
          const score = Math.round(point.steps[step]);
          return (
            <li key={step} className="grid grid-cols-[6.5rem_1fr_2.5rem] items-center gap-3">
              <span className="text-sm text-slate-700">{stepLabels[step]}</span>
              <span aria-hidden="true" className="h-2.5 overflow-hidden rounded-full bg-slate-100">
                <span
                  className="block h-full rounded-full"
                  style={{
                    width: `${Math.min(100, Math.max(0, score))}%`,
                    backgroundColor: stepLooks[step].color,
                  }}
                />
              </span>
              <span className="text-right text-sm font-semibold tabular-nums text-slate-900">
                {score}
                <span className="sr-only">点</span>
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

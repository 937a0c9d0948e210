import { formatDateTime } from "@/components/labels-ja";
import type { CallSummary } from "@/lib/calls/history";
import type { Scorecard } from "@/lib/calls/scorecard";

export interface TrendPoint {
  callId: string;
  /** 1-based attempt number among the scored attempts, oldest first. */
  attempt: number;
  date: string;
  scenarioTitle: string;
  steps: Scorecard["steps"];
}

/** The scored attempts in chronological order, for the per-step trend chart. */
export function buildTrendPoints(calls: readonly CallSummary[]): TrendPoint[] {
  return calls
    .flatMap((call) => (call.status === "ended" && call.steps ? [{ call, steps: call.steps }] : []))
    .sort((a, b) => a.call.startedAt.localeCompare(b.call.startedAt))
    .map(({ call, steps }, i) => ({
      callId: call.id,
      attempt: i + 1,
      date: formatDateTime(call.startedAt),
      scenarioTitle: call.scenarioTitle,
      steps,
    }));
}

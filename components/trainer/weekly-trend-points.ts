import type { TrendPoint } from "@/components/review/trend-points";
import type { WeeklyPoint } from "@/lib/team/summarize";

/** The team's weekly averages in the shape the step trend chart draws, labelled by week. */
export function toWeeklyTrendPoints(weeks: readonly WeeklyPoint[]): TrendPoint[] {
  return weeks.map((week, i) => {
    const [, month, day] = week.weekStart.split("-");
    return {
      callId: week.weekStart,
      attempt: i + 1,
      date: `${Number(month)}/${Number(day)}週`,
      scenarioTitle: `${week.attempts}件の平均`,
      steps: week.steps,
    };
  });
}

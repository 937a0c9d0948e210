import { type Scorecard, stepKeys } from "@/lib/calls/scorecard";

// Pure summaries of a team's scored attempts for the trainer dashboard.

export type StepKey = (typeof stepKeys)[number];
export type StepAverages = Record<StepKey, number>;

export interface ScoredAttempt {
  userId: string;
  startedAt: Date;
  scorecard: Scorecard | null;
}

export interface MemberSummary {
  userId: string;
  attempts: number;
  averageOverall: number | null;
  steps: StepAverages | null;
  /** The step with the lowest average (the first of equals), null before any scored attempt. */
  weakestStep: StepKey | null;
  lastPracticeAt: Date | null;
}

/** Per-member attempts, averages, weakest step and last practice; members without attempts included. */
export function summarizeMembers(
  memberIds: readonly string[],
  attempts: readonly ScoredAttempt[],
): Map<string, MemberSummary> {
  const summaries = new Map<string, MemberSummary>();
  for (const userId of memberIds) {
    const own = attempts.filter((a) => a.userId === userId);
    const scored = own.flatMap((a) => (a.scorecard ? [a.scorecard] : []));
    const steps = averageSteps(scored);
    summaries.set(userId, {
      userId,
      attempts: own.length,
      averageOverall: scored.length === 0 ? null : mean(scored.map((s) => s.overall)),
      steps,
      weakestStep: steps ? weakestStep(steps) : null,
      lastPracticeAt: own.reduce<Date | null>(
        (latest, a) => (!latest || a.startedAt > latest ? a.startedAt : latest),
        null,
      ),
    });
  }
  return summaries;
}

/** Each step's mean over the scorecards, null when there are none. */
export function averageSteps(scorecards: readonly Scorecard[]): StepAverages | null {
  if (scorecards.length === 0) return null;
  return Object.fromEntries(
    stepKeys.map((key) => [key, mean(scorecards.map((s) => s.steps[key]))]),
  ) as StepAverages;
}

export function weakestStep(steps: StepAverages): StepKey {
  return stepKeys.reduce((weakest, key) => (steps[key] < steps[weakest] ? key : weakest), stepKeys[0]);
}

export interface WeeklyPoint {
  /** Monday of the week (Japan time), YYYY-MM-DD. */
  weekStart: string;
  attempts: number;
  steps: StepAverages;
}

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The team's average of each step per week (weeks start on Monday, Japan time), oldest first. */
export function weeklyStepTrend(attempts: readonly ScoredAttempt[]): WeeklyPoint[] {
  const byWeek = new Map<string, Scorecard[]>();
  for (const attempt of attempts) {
    if (!attempt.scorecard) continue;
    const week = weekStartJst(attempt.startedAt);
    byWeek.set(week, [...(byWeek.get(week) ?? []), attempt.scorecard]);
  }
  return [...byWeek.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([weekStart, cards]) => ({ weekStart, attempts: cards.length, steps: averageSteps(cards)! }));
}

/** Monday (YYYY-MM-DD) of the Japan-time week the instant falls in. */
export function weekStartJst(at: Date): string {
  const local = new Date(at.getTime() + JST_OFFSET_MS);
  const daysSinceMonday = (local.getUTCDay() + 6) % 7;
  return new Date(local.getTime() - daysSinceMonday * DAY_MS).toISOString().slice(0, 10);
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

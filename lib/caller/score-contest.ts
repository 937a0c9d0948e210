import type { EndReason } from "@/lib/caller/call-state";
import type { ListeningStep, Scenario } from "@/lib/scenario/schema";

export interface ContestInput {
  goalsReached: readonly string[];
  /** Listening step scores, 0–100 each. */
  steps: Record<ListeningStep, number>;
  ended: null | { reason: EndReason };
}

export interface ContestScore {
  category: string;
  label: string;
  score: number;
}

/**
 * Scores for the contest categories the scenario declares (電話応対コンクール style): each category
 * is the mean of its components — a goal reached counts 100, a listening step its own score, and a
 * resolved ending 100 when the category includes the ending. Empty for non-contest scenarios.
 */
export function scoreContest(scenario: Pick<Scenario, "contest">, input: ContestInput): ContestScore[] {
  return (scenario.contest?.categories ?? []).map((category) => {
    const components = [
      ...category.goals.map((goal) => (input.goalsReached.includes(goal) ? 100 : 0)),
      ...category.steps.map((step) => clamp(input.steps[step])),
      ...(category.includeEnding ? [input.ended?.reason === "resolved" ? 100 : 0] : []),
    ];
    const score =
      components.length === 0 ? 0 : components.reduce((sum, value) => sum + value, 0) / components.length;
    return { category: category.id, label: category.label, score: Math.round(score) };
  });
}

function clamp(value: number): number {
  return Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0;
}

import { hasIntent, type Intent } from "@/lib/caller/detect-intents";
import type { ListeningSignals } from "@/lib/rubric/labels";
import type { Condition } from "@/lib/scenario/schema";

/** What a condition can look at after one reply: the reply itself and the call state it led to. */
export interface TurnFacts {
  signals: ListeningSignals;
  intents: readonly Intent[];
  /** Ids of the scenario phrases the reply contains. */
  said: readonly string[];
  mood: Record<string, number>;
  goalsReached: readonly string[];
  factsRevealed: readonly string[];
  turn: number;
  turnsInNode: number;
  transfers: number;
  elapsedMs: number;
}

type Range = { gte?: number; lte?: number };

/** Whether every field of the condition holds; a missing condition always holds. */
export function matchesCondition(condition: Condition | undefined, facts: TurnFacts): boolean {
  if (!condition) return true;
  const checks: boolean[] = [
    condition.intent === undefined ||
      [condition.intent].flat().some((kind) => hasIntent(facts.intents, kind)),
    condition.askedFact === undefined ||
      [condition.askedFact].flat().some((id) => hasIntent(facts.intents, "askedFact", id)),
    condition.said === undefined || [condition.said].flat().some((id) => facts.said.includes(id)),
    condition.signals === undefined || matchesSignals(condition.signals, facts.signals),
    condition.listening === undefined || listeningOf(facts.signals) === condition.listening,
    Object.entries(condition.mood ?? {}).every(([name, range]) => inRange(facts.mood[name] ?? 0, range)),
    (condition.goals ?? []).every((goal) => facts.goalsReached.includes(goal)),
    (condition.facts ?? []).every((fact) => facts.factsRevealed.includes(fact)),
    inRange(facts.turnsInNode, condition.turnsInNode),
    inRange(facts.turn, condition.turns),
    inRange(facts.transfers, condition.transfers),
    inRange(facts.elapsedMs / 1000, condition.elapsedSec),
  ];
  return checks.every(Boolean);
}

/** good: acknowledged the caller with nothing hostile; poor: a violation or an interruption; else neutral. */
export function listeningOf(signals: ListeningSignals): "good" | "poor" | "neutral" {
  if (signals.violation !== "none" || signals.interruption) return "poor";
  const acknowledged = signals.backchannel || signals.parroting || signals.summarizing || signals.empathy;
  return acknowledged ? "good" : "neutral";
}

function matchesSignals(expected: NonNullable<Condition["signals"]>, actual: ListeningSignals): boolean {
  return Object.entries(expected).every(([key, want]) => {
    const got = actual[key as keyof ListeningSignals];
    return Array.isArray(want) ? (want as unknown[]).includes(got) : want === got;
  });
}

function inRange(value: number, range: Range | undefined): boolean {
  if (!range) return true;
  return (range.gte === undefined || value >= range.gte) && (range.lte === undefined || value <= range.lte);
}

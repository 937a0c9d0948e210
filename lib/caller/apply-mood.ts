import type { Intent } from "@/lib/caller/detect-intents";
import type { ListeningSignals } from "@/lib/rubric/labels";
import type { MoodModel } from "@/lib/scenario/schema";

export type Mood = Record<string, number>;

/** The mood a call starts with: every variable at its start value. */
export function initialMood(model: MoodModel): Mood {
  return Object.fromEntries(
    Object.entries(model.variables).map(([name, variable]) => [name, variable.start]),
  );
}

/**
 * How one reply moves the caller's mood, independent of what the caller says next (the same model
 * will drive LLM-voiced callers). Values stay within 0–100; `delta` is the change after clamping.
 */
export function applyMood(
  model: MoodModel,
  mood: Mood,
  signals: ListeningSignals,
  intents: readonly Intent[],
): { mood: Mood; delta: Mood } {
  const { effects } = model;
  // Polite words around a violation do not redeem it: 「さようでございますか。ですが規定により…」 gets the
  // violation's effect and none of the listening credit its 相づち or apology would earn on their own.
  const credited = signals.violation === "none";
  const deltas = [
    credited && signals.backchannel ? effects.backchannel : undefined,
    credited && signals.parroting ? effects.parroting : undefined,
    credited && signals.summarizing ? effects.summarizing : undefined,
    credited && signals.empathy ? effects.empathy : undefined,
    credited && signals.cushion ? effects.cushion : undefined,
    signals.interruption ? effects.interruption : undefined,
    credited && signals.question !== "none" ? effects.question?.[signals.question] : undefined,
    signals.violation === "none" ? undefined : effects.violation?.[signals.violation],
    credited && signals.apology !== "none" ? effects.apology?.[signals.apology] : undefined,
    ...uniqueKinds(intents).map((kind) => effects.intents?.[kind]),
    effects.perTurn,
  ];

  const next: Mood = { ...mood };
  for (const delta of deltas) {
    for (const [name, change] of Object.entries(delta ?? {})) {
      if (name in model.variables) next[name] = (next[name] ?? model.variables[name]?.start ?? 0) + change;
    }
  }
  const delta: Mood = {};
  for (const name of Object.keys(model.variables)) {
    next[name] = clamp(next[name] ?? 0);
    delta[name] = (next[name] ?? 0) - (mood[name] ?? 0);
  }
  return { mood: next, delta };
}

// Asking for two facts in one reply is one ask as far as the mood is concerned.
function uniqueKinds(intents: readonly Intent[]) {
  return [...new Set(intents.map((intent) => intent.kind))];
}

function clamp(value: number): number {
  return Math.min(100, Math.max(0, value));
}

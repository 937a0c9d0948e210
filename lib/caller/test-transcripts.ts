// Test helpers: hand-built rubric signals and a driver that plays a scripted operator through a call.
import { type AdvanceResult, advanceCall } from "@/lib/caller/advance-call";
import type { CallerLine, CallState } from "@/lib/caller/call-state";
import { startCall } from "@/lib/caller/start-call";
import type { ListeningSignals } from "@/lib/rubric/labels";
import { neutralSignals } from "@/lib/rubric/labels";
import { loadBuiltInScenarios } from "@/lib/scenario/built-ins";
import type { Scenario } from "@/lib/scenario/schema";

/** Signals with everything off, overridden by the given labels. */
export const signals = neutralSignals;

export interface ScriptedTurn {
  reply: string;
  signals: ListeningSignals;
  endedByTrainee?: boolean;
}

export interface PlayedCall {
  opening: CallerLine[];
  results: AdvanceResult[];
  final: CallState;
  /** Mood after the opening, then after each reply. */
  moods: Record<string, number>[];
}

/** Play the turns in order, `secondsPerTurn` apart, stopping when the call ends. */
export function playCall(
  scenario: Scenario,
  turns: ScriptedTurn[],
  options: { seed?: number; secondsPerTurn?: number } = {},
): PlayedCall {
  const started = startCall(scenario, { seed: options.seed ?? 1 });
  let state = started.state;
  const results: AdvanceResult[] = [];
  const moods = [state.mood];
  for (const [index, turn] of turns.entries()) {
    if (state.ended) break;
    const result = advanceCall(scenario, state, {
      ...turn,
      elapsedMs: (index + 1) * (options.secondsPerTurn ?? 20) * 1000,
    });
    results.push(result);
    state = result.state;
    moods.push(state.mood);
  }
  return { opening: started.lines, results, final: state, moods };
}

let builtIns: ReturnType<typeof loadBuiltInScenarios> | undefined;

/** A built-in scenario by id; throws in tests when it is missing or broken. */
export function builtIn(id: string): Scenario {
  builtIns ??= loadBuiltInScenarios();
  for (const { file, result } of builtIns) {
    if (!result.ok)
      throw new Error(`${file} does not load: ${result.issues.map((i) => i.message).join("; ")}`);
    if (result.scenario.id === id) return result.scenario;
  }
  throw new Error(`no built-in scenario "${id}"`);
}

import { initialMood } from "@/lib/caller/apply-mood";
import type { CallerLine, CallState } from "@/lib/caller/call-state";
import { drawContestVariant } from "@/lib/caller/contest-variant";
import { pickLine } from "@/lib/caller/pick-line";
import { seedRandom } from "@/lib/caller/prng";
import type { Scenario } from "@/lib/scenario/schema";

/** A new call: the initial state and the caller's opening line. */
export function startCall(
  scenario: Scenario,
  options: { seed: number },
): { state: CallState; lines: CallerLine[] } {
  const opening = scenario.nodes[scenario.start];
  const first = pickLine(opening?.lines ?? [], `${scenario.start}:lines`, {
    rng: seedRandom(options.seed),
    lastVariant: {},
    said: [],
  });
  const state: CallState = {
    version: 1,
    scenarioId: scenario.id,
    nodeId: scenario.start,
    mood: initialMood(scenario.mood),
    goalsReached: [],
    factsRevealed: [],
    turn: 0,
    turnsInNode: 0,
    elapsedMs: 0,
    transfers: 0,
    seed: Math.trunc(options.seed),
    rng: first.draw.rng,
    lastVariant: first.draw.lastVariant,
    said: first.draw.said ?? [],
    ended: null,
  };
  const variant = drawContestVariant(scenario, options.seed);
  if (variant !== undefined) state.variant = variant;
  return { state, lines: [{ text: first.text, nodeId: scenario.start, kind: "line" }] };
}

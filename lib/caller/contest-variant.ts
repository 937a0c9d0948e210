import type { CallState } from "@/lib/caller/call-state";
import { nextRandom, seedRandom } from "@/lib/caller/prng";
import type { Fact, Scenario } from "@/lib/scenario/schema";

// A contest scenario hides its caller's needs in variants: one is drawn per attempt from the call's
// seed (stored with the call), so a reload resumes the same caller and a new attempt may meet another.

/** Mixed into the seed so the variant draw does not follow the first caller line's draw. */
const VARIANT_SALT = 0x5bd1e995;

/** The variant id a call with this seed plays, or undefined when the scenario has no variants. */
export function drawContestVariant(scenario: Pick<Scenario, "contest">, seed: number): string | undefined {
  const variants = scenario.contest?.variants ?? [];
  if (variants.length === 0) return undefined;
  const { value } = nextRandom(seedRandom((seed ^ VARIANT_SALT) >>> 0));
  return variants[Math.min(variants.length - 1, Math.floor(value * variants.length))]?.id;
}

/** The scenario as one call plays it: the drawn variant's needs become facts, its words phrases. */
export function scenarioForState(scenario: Scenario, state: Pick<CallState, "variant">): Scenario {
  return withContestVariant(scenario, state.variant);
}

/** The scenario with a variant's hidden needs as persona facts and the information to give as phrases. */
export function withContestVariant(scenario: Scenario, variantId: string | undefined): Scenario {
  const contest = scenario.contest;
  if (!contest?.variants?.length) return scenario;
  const variant = contest.variants.find((v) => v.id === variantId) ?? contest.variants[0]!;
  const needs: Record<string, Fact> = {};
  for (const [id, need] of Object.entries(variant.needs)) {
    needs[id] = { ...need, label: need.label ?? contest.needs?.[id]?.label ?? id };
  }
  const information: Record<string, string[]> = {};
  for (const [id, item] of Object.entries(contest.information ?? {})) {
    const words = [...item.words, ...(variant.information?.[id]?.words ?? [])];
    if (words.length > 0) information[id] = words;
  }
  return {
    ...scenario,
    persona: { ...scenario.persona, facts: { ...scenario.persona.facts, ...needs } },
    phrases: { ...scenario.phrases, ...information },
  };
}

/** The variant a call plays, for trainers and judges (label and id). */
export function contestVariantOf(
  scenario: Pick<Scenario, "contest">,
  variantId: string | undefined,
): { id: string; label: string } | null {
  const variants = scenario.contest?.variants ?? [];
  const variant = variants.find((v) => v.id === variantId) ?? variants[0];
  return variant ? { id: variant.id, label: variant.label } : null;
}

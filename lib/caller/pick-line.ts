import { nextRandom } from "@/lib/caller/prng";

export interface LineDraw {
  rng: number;
  lastVariant: Record<string, number>;
}

/**
 * One variant of a line list, drawn from the seeded generator; the variant said last time from the
 * same list is skipped so a caller who repeats themselves still words it differently.
 */
export function pickLine(
  lines: readonly string[],
  key: string,
  draw: LineDraw,
): { text: string; draw: LineDraw } {
  if (lines.length <= 1) return { text: lines[0] ?? "", draw };
  const last = draw.lastVariant[key];
  const choices = lines.map((_, index) => index).filter((index) => index !== last);
  const { value, state } = nextRandom(draw.rng);
  const index = choices[Math.floor(value * choices.length)] ?? 0;
  return {
    text: lines[index] ?? "",
    draw: { rng: state, lastVariant: { ...draw.lastVariant, [key]: index } },
  };
}

import { nextRandom } from "@/lib/caller/prng";

export interface LineDraw {
  rng: number;
  lastVariant: Record<string, number>;
  /** Fingerprints of every line the caller has said in this call. */
  said?: string[];
}

const maxRemembered = 400;

/**
 * One variant of a line list, drawn from the seeded generator. A line the caller has already said in
 * this call is not said again word for word while another variant is left; failing that, the variant
 * said last time from the same list is skipped, so a caller who repeats themselves words it differently.
 */
export function pickLine(
  lines: readonly string[],
  key: string,
  draw: LineDraw,
): { text: string; draw: LineDraw } {
  const said = draw.said ?? [];
  const remember = (text: string) => [...said, fingerprint(text)].slice(-maxRemembered);
  if (lines.length <= 1) {
    const text = lines[0] ?? "";
    return { text, draw: { ...draw, said: remember(text) } };
  }
  const last = draw.lastVariant[key];
  const indexes = lines.map((_, index) => index);
  const fresh = indexes.filter((index) => !said.includes(fingerprint(lines[index] ?? "")));
  const choices = fresh.length > 0 ? fresh : indexes.filter((index) => index !== last);
  const { value, state } = nextRandom(draw.rng);
  const index = choices[Math.floor(value * choices.length)] ?? 0;
  const text = lines[index] ?? "";
  return {
    text,
    draw: { rng: state, lastVariant: { ...draw.lastVariant, [key]: index }, said: remember(text) },
  };
}

/** A short, stable fingerprint of a line (FNV-1a), so the call state stays small. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (const ch of text) hash = Math.imul(hash ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  return hash.toString(36);
}

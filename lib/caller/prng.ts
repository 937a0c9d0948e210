// mulberry32 with its whole state in one uint32, so the generator is a plain number stored in the
// call state and a resumed call draws exactly what it would have drawn without the restart.

/** The generator state a seed starts from. */
export function seedRandom(seed: number): number {
  return seed >>> 0;
}

/** The next draw in [0, 1) and the state after it. */
export function nextRandom(state: number): { value: number; state: number } {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, state: next };
}

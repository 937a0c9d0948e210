// Punctuation is where a speaker breathes, so it adds a pause instead of counting as a character.
const pauses: [RegExp, number][] = [
  [/[、,]/g, 250],
  [/[。!?！？]/g, 450],
  [/(…|‥|\.\.\.)/g, 600],
];

/** How long a caller line takes to say at `charsPerSecond`, for text-mode pacing (and later voice). */
export function speakingDurationMs(text: string, charsPerSecond: number): number {
  const spoken = text.replace(/[\s\u3000、。,.!?！？…‥「」『』（）()]/g, "").length;
  const pause = pauses.reduce((total, [pattern, ms]) => total + (text.match(pattern)?.length ?? 0) * ms, 0);
  const rate = charsPerSecond > 0 ? charsPerSecond : 1;
  return Math.round((spoken / rate) * 1000 + pause);
}

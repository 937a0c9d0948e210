/** The newest attempts (input newest first), always keeping the current one so it can be compared. */
export function pickRecentAttempts<T extends { id: string }>(
  attempts: readonly T[],
  currentId: string,
  max: number,
): T[] {
  const recent = attempts.slice(0, max);
  if (recent.some((a) => a.id === currentId)) return recent;
  const current = attempts.find((a) => a.id === currentId);
  return current ? [...recent.slice(0, Math.max(0, max - 1)), current] : recent;
}

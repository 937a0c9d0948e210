import type { TurnView } from "@/lib/calls/call-view";

// What the text and the voice call screens share in reading the server's answers.

/** The call's turns with the changed and added ones folded in, in order. */
export function mergeTurns(current: TurnView[], incoming: TurnView[]): TurnView[] {
  const bySeq = new Map(current.map((t) => [t.seq, t]));
  for (const turn of incoming) bySeq.set(turn.seq, turn);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The Japanese message of an API error body, if it has one. */
export function readError(body: unknown): string | undefined {
  if (body && typeof body === "object" && "error" in body) {
    const error = (body as { error?: { message?: unknown } }).error;
    if (typeof error?.message === "string") return error.message;
  }
  return undefined;
}

import type { TurnView } from "@/lib/calls/call-view";

export type TranscriptItem =
  | { type: "caller"; turn: TurnView; overlaps: TurnView[] }
  | { type: "operator"; turn: TurnView };

/**
 * Groups the transcript for display: a 相づち the trainee gave while the caller was still speaking
 * (kind "backchannel") belongs inside the caller's line it overlapped, not as a reply of its own.
 */
export function groupTranscript(turns: readonly TurnView[]): TranscriptItem[] {
  const items: TranscriptItem[] = [];
  let lastCaller: Extract<TranscriptItem, { type: "caller" }> | null = null;
  for (const turn of [...turns].sort((a, b) => a.seq - b.seq)) {
    if (turn.role === "caller") {
      lastCaller = { type: "caller", turn, overlaps: [] };
      items.push(lastCaller);
    } else if (isOverlapping(turn) && lastCaller) {
      lastCaller.overlaps.push(turn);
    } else {
      items.push({ type: "operator", turn });
    }
  }
  return items;
}

export function isOverlapping(turn: TurnView): boolean {
  return turn.role === "operator" && (turn.kind === "backchannel" || turn.analysis?.overlapping === true);
}

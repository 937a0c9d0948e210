import { speakingDurationMs } from "@/lib/caller/pacing";
import type { TurnView } from "@/lib/calls/call-view";

export interface SpokenLine {
  /** Not started yet at this moment. */
  pending: boolean;
  /** Still being said. */
  speaking: boolean;
  /** What the trainee has heard so far. */
  text: string;
  /** The trainee cut the caller off before the line was finished. */
  cut: boolean;
}

/** How much of a caller line has been said at `callMs` (ms since the call started). */
export function spokenLine(
  turn: Pick<TurnView, "text" | "atMs" | "speechEndsAtMs">,
  callMs: number,
  charsPerSecond: number,
): SpokenLine {
  const full = Math.max(1, speakingDurationMs(turn.text, charsPerSecond));
  const end = turn.speechEndsAtMs ?? turn.atMs + full;
  const cut = end < turn.atMs + full - 50;
  if (callMs < turn.atMs) return { pending: true, speaking: false, text: "", cut: false };
  const until = Math.min(callMs, end);
  const shown =
    until >= turn.atMs + full
      ? turn.text
      : turn.text.slice(0, Math.round((turn.text.length * (until - turn.atMs)) / full));
  return { pending: false, speaking: callMs < end, text: shown, cut: cut && callMs >= end };
}

/** Whether the caller is talking (or about to) at `callMs`: a reply now would cut in. */
export function isCallerSpeaking(turns: TurnView[], callMs: number): boolean {
  // A line whose LLM words are still coming counts as being said.
  return turns.some(
    (t) => t.role === "caller" && (t.pending === true || callMs < (t.speechEndsAtMs ?? t.atMs)),
  );
}

/** When the reply started relative to the end of the caller's current utterance (ms, same clock). */
export interface ReplyTiming {
  replyStartedMs: number;
  callerSpeechEndsMs: number;
}

/**
 * Measured audio ends are fuzzy and Japanese turn-taking overlaps slightly, so starting within this
 * many milliseconds before the end is not an interruption.
 */
export const overlapGraceMs = 200;

/** Substantive talk before the caller finished; an overlapping 相づち (backchannelOnly) never is. */
export function detectInterruption(timing: ReplyTiming | undefined, backchannelOnly: boolean): boolean {
  if (!timing || backchannelOnly) return false;
  return timing.replyStartedMs < timing.callerSpeechEndsMs - overlapGraceMs;
}

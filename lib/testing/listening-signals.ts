import type { ListeningSignals } from "@/lib/rubric/labels";

/** Test fixture: listening signals with everything off, overridden by the given labels. */
export function neutralSignals(overrides: Partial<ListeningSignals> = {}): ListeningSignals {
  return {
    backchannel: false,
    parroting: false,
    summarizing: false,
    question: "none",
    empathy: false,
    cushion: false,
    violation: "none",
    interruption: false,
    apology: "none",
    ...overrides,
  };
}

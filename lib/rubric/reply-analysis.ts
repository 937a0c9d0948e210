import type { SourceSpan } from "./detect-reflection";
import type { ListeningSignals, RubricLabels } from "./labels";
import type { FeedbackPoint } from "./prioritize-feedback";
import type { Span } from "./text-spans";

/** Where a decision comes from: spans in the reply and, for reflections, in the caller's turns. */
export interface LabelEvidence {
  spans: Span[];
  /** turn = index in the context passed to analyzeReply. */
  sources?: SourceSpan[];
}

export type SignalKey = keyof RubricLabels | "interruption" | "apology" | "register";

export interface ReplyRegister {
  /** ええ / うん toward a customer. */
  casual: boolean;
  /** The 相づち that opened three or more operator turns in a row, else null. */
  repeatedToken: string | null;
}

/** Everything the analyzer decides about one operator reply. */
export interface ReplyAnalysis extends ListeningSignals {
  register: ReplyRegister;
  evidence: Record<SignalKey, LabelEvidence>;
  /** One short Japanese line per signal, shown to the trainee. */
  feedback: Record<SignalKey, string>;
  /** At most three points, the most important first (a violation, then what the call needed, then praise). */
  points: FeedbackPoint[];
  /** A better reply in polite 敬語 built from the caller's own words; "" when the reply needs no change. */
  suggestion: string;
}

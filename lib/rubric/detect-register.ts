import type { Turn } from "./labels";
import type { Span } from "./text-spans";

export interface RegisterResult {
  /** ええ / うん toward a customer. */
  casual: boolean;
  casualSpans: Span[];
  /** The same 相づち opening three or more operator turns in a row (including this reply). */
  repeatedToken: string | null;
}

// はあ and へえ toward a complaining caller sound bored or doubtful; なるほど sounds as if the operator
// were judging what the customer said (trainers have new operators drop it).
const casualTokens = new Set(["ええ", "うん", "はあ", "へえ", "なるほど"]);
const runLength = 3;

/**
 * Register and variety of 相づち. tokensOf gives the normalized backchannel tokens of a text, so
 * earlier operator turns are read the same way as the reply.
 */
export function detectRegister(
  reply: { tokens: string[]; spans: Span[] },
  context: Turn[],
  tokensOf: (text: string) => string[],
): RegisterResult {
  const casualSpans = reply.spans.filter((_, i) => casualTokens.has(reply.tokens[i] ?? ""));
  const current = reply.tokens[0] ?? null;
  let repeatedToken: string | null = null;
  if (current) {
    let run = 1;
    for (let i = context.length - 1; i >= 0 && run < runLength; i -= 1) {
      const turn = context[i];
      if (turn?.role !== "operator") continue;
      if (tokensOf(turn.text)[0] !== current) break;
      run += 1;
    }
    if (run >= runLength) repeatedToken = current;
  }
  return { casual: casualSpans.length > 0, casualSpans, repeatedToken };
}

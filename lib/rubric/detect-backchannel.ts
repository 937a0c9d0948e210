import type { Turn } from "./labels";
import { type Span, splitSentences } from "./text-spans";

export interface BackchannelResult {
  present: boolean;
  spans: Span[];
  /** Normalized tokens in order of appearance (はい, ええ, そうですか, ...), for register and variety. */
  tokens: string[];
  /** The reply is nothing but listener tokens (an overlapping 相づち, never an interruption). */
  only: boolean;
}

// Interjection tokens: only at a sentence/phrase start and followed by a break, so お支払い or ええと
// do not count.
const interjection =
  /(?<=^|[、。,!?！？…\s「])((?:はい){1,3}|(?:ええ){1,3}|(?:うん){1,3}|はあ|へえ|ほう)(?=[、。,!?！？…ー〜\s]|$)/g;
// Phrase tokens: at a phrase start (届きそうですか is not そうですか).
const phrase =
  /(?<=^|[、。,!?！？…\s「]|はい|ええ|うん|あ|ああ|えー|へえ)(さようでございますか|さようでございましたか|左様でございますか|左様でございましたか|さようですか|左様ですか|そうでございますか|そうでございましたか|そうでしたか|そうですか|そうなんですね|そうなんですか|そうだったんですね|そうだったのですね|そうなのですね|そうなんだ|そうだったんですか|そうだったのですか|そうですよね|そうですね|なるほど|かしこまりました|承知(いたし|致し|し)ました|承知です|承りました|了解(いたし|致し|し)ました|ごもっともです|ごもっともでございます|おっしゃる通り|おっしゃるとおり|仰る通り)/g;

/** Finds 相づち that acknowledge the caller (a greeting that only opens the call does not count). */
export function detectBackchannel(reply: string, context: Turn[]): BackchannelResult {
  const found: { span: Span; token: string }[] = [];
  for (const pattern of [interjection, phrase]) {
    for (const match of reply.matchAll(pattern)) {
      found.push({
        span: { start: match.index, end: match.index + match[0].length },
        token: normalizeToken(match[0]),
      });
    }
  }
  found.sort((a, b) => a.span.start - b.span.start);
  const callerSpoke = context.some((turn) => turn.role === "caller" && turn.text.trim() !== "");
  if (!callerSpoke || found.length === 0) return { present: false, spans: [], tokens: [], only: false };
  return {
    present: true,
    spans: found.map((f) => f.span),
    tokens: found.map((f) => f.token),
    only: isOnlyBackchannel(
      reply,
      found.map((f) => f.span),
    ),
  };
}

function normalizeToken(token: string): string {
  if (token.startsWith("さよう") || token.startsWith("左様")) return "さようでございますか";
  // A token said twice or three times in one breath (はいはい, ええええ) is that token.
  const repeated = /^(はい|ええ|うん)\1+$/.exec(token);
  if (repeated?.[1]) return repeated[1];
  return token;
}

function isOnlyBackchannel(reply: string, spans: Span[]): boolean {
  let rest = reply;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) {
    rest = rest.slice(0, span.start) + rest.slice(span.end);
  }
  return splitSentences(rest).length === 0 || /^[\s、。,!?！？…ーあえー]*$/.test(rest);
}

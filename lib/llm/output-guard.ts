import type { CallState } from "@/lib/caller/call-state";
import { scenarioForState } from "@/lib/caller/contest-variant";
import type { Scenario } from "@/lib/scenario/schema";

// Whatever the trainee tries, the caller's words must not carry the prompt, the rubric or a fact the
// engine has not revealed. The guard holds back only the tail of the stream that could still become
// such a word, so a forbidden word never leaves Kikite, not even split across two tokens.

/** Words that only a leaked prompt or rubric would put in a caller's mouth. */
const leakWords = [
  "プロンプト",
  "prompt",
  "ルーブリック",
  "rubric",
  "ロールプレイ",
  "role-play",
  "roleplay",
  "言語モデル",
  "language model",
  "AIアシスタント",
  "人工知能",
  "オウム返し",
  "相づち",
  "相槌",
  "クッション言葉",
  "限定謝罪",
  "台本",
  "採点",
  "評価基準",
  "次に話す内容",
];

/** The forbidden words for one answer: the fixed list plus the values of facts not yet revealed. */
export function forbiddenWordsFor(scenario: Scenario, state: CallState): string[] {
  const hidden = Object.entries(scenarioForState(scenario, state).persona.facts)
    .filter(([id]) => !state.factsRevealed.includes(id))
    .map(([, fact]) => fact.value);
  return [...leakWords, ...hidden].map((word) => word.toLowerCase()).filter((word) => word.length > 0);
}

/** The values of the facts the caller has revealed so far. */
export function revealedFactValues(scenario: Scenario, state: CallState): string[] {
  return Object.entries(scenarioForState(scenario, state).persona.facts)
    .filter(([id]) => state.factsRevealed.includes(id))
    .map(([, fact]) => fact.value);
}

export interface StreamGuard {
  /** Takes the next delta; answers the text safe to send now, or "leak". */
  push(delta: string): string | "leak";
  /** At the end of the stream: the held-back rest, or "leak". */
  flush(): string | "leak";
}

/** A guard over one streamed answer. */
export function createStreamGuard(forbidden: readonly string[]): StreamGuard {
  let text = "";
  let sent = 0;
  const leaked = () => containsForbidden(text, forbidden);
  return {
    push(delta) {
      text += delta;
      if (leaked()) return "leak";
      // Only a tail that could still grow into a forbidden word waits; everything else leaves at once.
      const safeEnd = Math.max(sent, text.length - unfinishedTail(text, forbidden));
      const out = text.slice(sent, safeEnd);
      sent = safeEnd;
      return out;
    },
    flush() {
      if (leaked()) return "leak";
      const out = text.slice(sent);
      sent = text.length;
      return out;
    },
  };
}

// The length of the longest end of `text` that is the beginning of a forbidden word.
function unfinishedTail(text: string, forbidden: readonly string[]): number {
  const lower = text.toLowerCase();
  const longest = Math.max(0, ...forbidden.map((word) => word.length - 1));
  for (let k = Math.min(longest, lower.length); k > 0; k--) {
    const tail = lower.slice(-k);
    if (forbidden.some((word) => word.startsWith(tail))) return k;
  }
  return 0;
}

export function containsForbidden(text: string, forbidden: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return forbidden.some((word) => lower.includes(word));
}

/** The caller's final words: one spoken line, without quotes, stage directions or a name prefix. */
export function cleanCallerLine(text: string, personaName: string): string {
  let line = text.replace(/\s+/g, " ").trim();
  line = line.replace(new RegExp(`^(${escapeRegExp(personaName)}|お客様|客)\\s*[:：]\\s*`), "");
  line = line.replace(/[（(][^）)]*[）)]/g, "").trim();
  const quoted = /^[「『"](.*)[」』"]$/.exec(line);
  return (quoted?.[1] ?? line).trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

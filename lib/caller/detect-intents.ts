import { farewellWords, intentWords, negatableIntents } from "@/lib/caller/intent-words";
import { normalizeText } from "@/lib/caller/normalize-text";
import type { IntentKind, Scenario } from "@/lib/scenario/schema";

export type Intent = { kind: "askedFact"; factId: string } | { kind: Exclude<IntentKind, "askedFact"> };

type Rules = Pick<Scenario, "persona" | "intentWords">;

// A question or a request in the same sentence is what turns 注文番号 from a mention into an ask.
// A bare ください is not enough: お過ごしください mentions お孫さん without asking about them.
const askMarker = /(か[。!?]*$|\?|いただけ|いただきたく|お願い|教えて|お聞かせ|お知らせ|伺|うかが|どうぞ)/;
const refusal =
  /^.{0,12}?(できません|できかねます|いたしかねます|しかねます|できない|いたしません|いたしておりません|は難しい)/;

/** Intents in one trainee reply, from keyword rules over the normalized text (order of first mention not kept). */
export function detectIntents(reply: string, scenario: Rules): Intent[] {
  const sentences = splitSentences(normalizeText(reply));
  const intents: Intent[] = [];

  for (const [factId, fact] of Object.entries(scenario.persona.facts)) {
    const words = fact.askedBy.map(normalizeText);
    const asked = sentences.some((s) => askMarker.test(s) && words.some((word) => s.includes(word)));
    if (asked) intents.push({ kind: "askedFact", factId });
  }

  for (const [kind, baseWords] of Object.entries(intentWords) as [
    keyof typeof intentWords,
    readonly string[],
  ][]) {
    if (kind === "properClosing" || kind === "readBack") continue;
    const words = [...baseWords, ...(scenario.intentWords?.[kind] ?? [])].map(normalizeText);
    if (sentences.some((s) => containsWord(s, words, negatableIntents.includes(kind))))
      intents.push({ kind });
  }

  const text = sentences.join("。");
  const thanked = intentWords.properClosing.some((word) => text.includes(normalizeText(word)));
  if (thanked && farewellWords.some((word) => text.includes(normalizeText(word)))) {
    intents.push({ kind: "properClosing" });
  }
  if (readsBackFact(sentences, scenario)) intents.push({ kind: "readBack" });
  return intents;
}

/** Whether the intents include one of this kind (and, for askedFact, this fact). */
export function hasIntent(intents: readonly Intent[], kind: IntentKind, factId?: string): boolean {
  return intents.some(
    (intent) =>
      intent.kind === kind && (factId === undefined || ("factId" in intent && intent.factId === factId)),
  );
}

function containsWord(sentence: string, words: string[], negatable: boolean): boolean {
  return words.some((word) => {
    for (let at = sentence.indexOf(word); at >= 0; at = sentence.indexOf(word, at + 1)) {
      if (!negatable || !refusal.test(sentence.slice(at + word.length))) return true;
    }
    return false;
  });
}

// Reading back means a confirmation phrase and one of the persona's facts in the same reply.
function readsBackFact(sentences: string[], scenario: Rules): boolean {
  const markers = [...intentWords.readBack, ...(scenario.intentWords?.readBack ?? [])].map(normalizeText);
  const factWords = Object.values(scenario.persona.facts)
    .flatMap((fact) => [fact.value, ...(fact.readBackWords ?? [])])
    .map(normalizeText);
  const marked = sentences.some((s) => markers.some((m) => s.includes(m)));
  return marked && sentences.some((s) => factWords.some((word) => s.includes(word)));
}

function splitSentences(text: string): string[] {
  return text.match(/[^。!?\n]+[。!?]*/g) ?? [];
}

/** Ids of the scenario's own phrases (e.g. explained the steps) that the reply contains. */
export function detectPhrases(reply: string, scenario: Pick<Scenario, "phrases">): string[] {
  const text = normalizeText(reply);
  return Object.entries(scenario.phrases ?? {})
    .filter(([, words]) => words.some((word) => text.includes(normalizeText(word))))
    .map(([id]) => id);
}

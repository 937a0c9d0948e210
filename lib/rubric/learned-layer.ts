import { z } from "zod";
import type { ViolationKind } from "./labels";
import type { CallerTurnReading } from "./read-caller-turn";
import { type Span, splitSentences } from "./text-spans";

// A small learned layer over the rules (docs: shared RUBRIC-DESIGN.md, step 4): logistic regressions whose
// features are the rules' own decisions, what the caller's turn does, how much of the caller the reply
// restates, and the reply's character bigrams and trigrams. Trained by scripts/train-rubric-model.ts on the
// corpus's read part; deterministic; shipped as rubric-model.json.

export const learnedLabels = ["violation", "empathy", "summarizing", "parroting"] as const;
export type LearnedLabel = (typeof learnedLabels)[number];

const labelModelSchema = z.object({
  classes: z.array(z.string()).min(2),
  bias: z.array(z.number()),
  /** feature → one weight per class */
  weights: z.record(z.string(), z.array(z.number())),
  /**
   * The layer overrules the rules only when sure: it adds a label (true, or a violation) the rules missed
   * when the positive side's probability reaches `add`, and drops one the rules found when it falls
   * below `remove`.
   */
  add: z.number(),
  remove: z.number(),
});
export const rubricModelSchema = z.object({
  version: z.literal(1),
  labels: z.partialRecord(z.enum(learnedLabels), labelModelSchema),
});
export type RubricModel = z.infer<typeof rubricModelSchema>;
export type LabelModel = z.infer<typeof labelModelSchema>;

/** What the rules decided and saw, the layer's non-text features. */
export interface RuleView {
  backchannel: boolean;
  parroting: boolean;
  summarizing: boolean;
  question: string;
  empathy: boolean;
  cushion: boolean;
  violation: ViolationKind;
  /** Every violation family the rules found, before precedence picked one. */
  violationsFound: string[];
  apology: string;
  caller: CallerTurnReading;
  /** Distinct caller points the reply restates, and caller words it repeats from the latest turn. */
  summaryPoints: number;
  parrotedUnits: number;
  sentences: number;
  /** Reply clauses carrying caller words, and caller turns they come from. */
  clausesWithCallerWords: number;
  callerTurnsReflected: number;
  /** Clauses of the reflecting sentences, stretches restating caller words, a summary marker. */
  reflectingClauses: number;
  restatedSegments: number;
  summaryMarked: boolean;
}

/** The sparse feature set of one reply (the text is the normalized reply). */
export function extractFeatures(text: string, rules: RuleView): string[] {
  const features = new Set<string>([
    "bias",
    `bc=${rules.backchannel}`,
    `par=${rules.parroting}`,
    `sum=${rules.summarizing}`,
    `q=${rules.question}`,
    `emp=${rules.empathy}`,
    `cush=${rules.cushion}`,
    `vio=${rules.violation}`,
    `apo=${rules.apology}`,
    `points=${Math.min(rules.summaryPoints, 3)}`,
    `units=${Math.min(rules.parrotedUnits, 4)}`,
    `sentences=${Math.min(rules.sentences, 4)}`,
    `clauses=${Math.min(rules.clausesWithCallerWords, 4)}`,
    `turns=${Math.min(rules.callerTurnsReflected, 3)}`,
    `reflecting=${Math.min(rules.reflectingClauses, 5)}`,
    `segments=${Math.min(rules.restatedSegments, 4)}`,
    `marked=${rules.summaryMarked}`,
    `points*clauses=${Math.min(rules.summaryPoints, 3)}x${Math.min(rules.clausesWithCallerWords, 4)}`,
  ]);
  for (const feature of confirmationFeatures(text)) features.add(feature);
  for (const found of rules.violationsFound) features.add(`found=${found}`);
  for (const [key, value] of Object.entries(rules.caller)) if (value) features.add(`caller=${key}`);
  for (const gram of characterGrams(text)) features.add(`g:${gram}`);
  return [...features];
}

// How the reply hands the caller's story back: the confirming endings it uses, and whether a confirming
// sentence joins several things (AとB, AもBも, 〜て…ということですね) — what a summary in the operator's own
// words looks like when none of the caller's words match.
const confirmingEndings: [string, RegExp][] = [
  ["koto", /ということ(です|でございます)ね|とのこと(です|でございます)ね/],
  ["wish", /(という|との)ご(希望|要望|依頼|相談|用件)/],
  ["no", /(の|ん)(です|でございます)ね/],
  ["to", /(、|\s)?と[。]?$/],
  ["desune", /(です|でございます)ね[。]?$/],
];
const joining =
  /と、|と[\s]|も[^。]{1,20}も|そして|それから|あと|両方|まとめて|ご一緒に|に加えて|うえ(で|に)|しかも|さらに|(て|で)[、\s]|たり|ながら/;

function confirmationFeatures(text: string): string[] {
  const out: string[] = [];
  let confirming = 0;
  for (const sentence of splitSentences(text)) {
    const ending = confirmingEndings.find(([, pattern]) => pattern.test(sentence.text));
    if (!ending) continue;
    confirming += 1;
    out.push(`cf=${ending[0]}`);
    if (joining.test(sentence.text)) out.push(`cfjoin=${ending[0]}`);
    out.push(`cflen=${Math.min(Math.floor(sentence.text.length / 15), 4)}`);
  }
  out.push(`confirming=${Math.min(confirming, 3)}`);
  return out;
}

/** Class probabilities for one label. */
export function predictProbabilities(model: LabelModel, features: string[]): number[] {
  const scores = [...model.bias];
  for (const feature of features) {
    const weights = model.weights[feature];
    if (!weights) continue;
    for (let c = 0; c < scores.length; c += 1) scores[c] = (scores[c] ?? 0) + (weights[c] ?? 0);
  }
  return softmax(scores);
}

/** The label after the layer: the rules' value unless the model is sure enough to overrule it. */
export function decideLabel(model: LabelModel, features: string[], ruleValue: string): string {
  const p = predictProbabilities(model, features);
  const none = model.classes.indexOf(model.classes.length === 2 ? "false" : "none");
  const positive = 1 - (p[none] ?? 0);
  const ruleSaysPositive = ruleValue !== model.classes[none];
  if (ruleSaysPositive) return positive < model.remove ? (model.classes[none] ?? ruleValue) : ruleValue;
  if (positive < model.add) return ruleValue;
  // The likeliest positive class (for violations, the likeliest kind).
  let best = ruleValue;
  let bestP = -1;
  p.forEach((value, i) => {
    if (i !== none && value > bestP) {
      best = model.classes[i] ?? ruleValue;
      bestP = value;
    }
  });
  return best;
}

/**
 * The sentence whose words pushed hardest toward `target`: the evidence for a label the layer decided
 * against the rules. Sentences end on morpheme boundaries, so the span quotes whole words.
 */
export function strongestSentence(model: LabelModel, text: string, target: string): Span | null {
  const c = model.classes.indexOf(target);
  if (c < 0) return null;
  let best: Span | null = null;
  let bestScore = 0;
  for (const sentence of splitSentences(text)) {
    let score = 0;
    for (const gram of characterGrams(sentence.text)) {
      const weights = model.weights[`g:${gram}`];
      if (weights) score += (weights[c] ?? 0) - Math.max(...weights.filter((_, i) => i !== c));
    }
    if (best === null || score > bestScore) {
      best = { start: sentence.start, end: sentence.end };
      bestScore = score;
    }
  }
  return best;
}

/** Character bigrams and trigrams of the text, digits folded to 0 and punctuation kept as a boundary. */
export function characterGrams(text: string): string[] {
  const folded = text
    .replace(/[0-9]/g, "0")
    .replace(/[。！？!?]/g, "。")
    .replace(/[、,\s]/g, "、");
  const grams: string[] = [];
  for (let n = 2; n <= 3; n += 1) {
    for (let i = 0; i + n <= folded.length; i += 1) grams.push(folded.slice(i, i + n));
  }
  return grams;
}

function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

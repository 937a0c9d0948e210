import {
  type CallKind,
  callerForKind,
  composeSuggestion,
  condolence,
  gladOrThankful,
  isTokenOnly,
  ourNameIn,
  suggestedLines,
} from "./compose-suggestion";
import { analyzeSelectedSentences, analyzeText, type TextAnalysis } from "./content-units";
import { detectApology } from "./detect-apology";
import { detectBackchannel } from "./detect-backchannel";
import { detectCushion } from "./detect-cushion";
import { detectEmpathy } from "./detect-empathy";
import { detectInterruption, type ReplyTiming } from "./detect-interruption";
import { detectKeigoSlips } from "./detect-keigo";
import { detectQuestion } from "./detect-question";
import {
  announcedReadBack,
  type CallerText,
  countedPoints,
  detectReflection,
  isReflectiveSentence,
} from "./detect-reflection";
import { detectRegister } from "./detect-register";
import { detectViolation, judgesCaller } from "./detect-violation";
import { getFullTokenizer, getJapaneseTokenizer, type JapaneseTokenizer } from "./japanese";
import type { Turn, ViolationKind } from "./labels";
import {
  decideLabel,
  extractFeatures,
  type LearnedLabel,
  type RubricModel,
  type RuleView,
  rubricModelSchema,
  strongestSentence,
} from "./learned-layer";
import { LruCache } from "./lru-cache";
import { asSaid, type NormalizedText, normalizeSpoken, toOriginalSpan } from "./normalize-spoken";
import { prioritizeFeedback } from "./prioritize-feedback";
import { quoteWords } from "./quote-words";
import { readCallerTurn } from "./read-caller-turn";
import { type CallerUnderstanding, understandCaller } from "./reflect-caller";
import type { LabelEvidence, ReplyAnalysis, SignalKey } from "./reply-analysis";
import { respellCallerWords } from "./respell";
import shippedModel from "./rubric-model.json";
import { type Span, splitSentences } from "./text-spans";
import { concern, personalView } from "./violation-families";
import { writeFeedback } from "./write-feedback";

export interface AnalyzeReplyInput {
  /** The call so far, oldest first; the last caller turn is what the reply answers. */
  context: Turn[];
  reply: string;
  /** Text mode passes the simulated speaking end; voice mode measured audio times. */
  timing?: ReplyTiming;
  /** The scenario's persona kind; without it (or "custom") it is read from the caller's turn. */
  kind?: "angry" | "lonely" | "inquiry" | "custom";
  /** The scenario node's model reply, which the better phrasing may borrow its next step from. */
  modelReply?: string;
}

/** Decides every rubric label for one operator reply, with evidence, feedback and a better reply. */
export function analyzeReply(
  input: AnalyzeReplyInput,
  tokenizer: JapaneseTokenizer = getJapaneseTokenizer(),
  fullTokenizer: JapaneseTokenizer = getFullTokenizer(),
  model: RubricModel | null = defaultModel,
): ReplyAnalysis {
  // Every detector reads the normalized text (fillers set aside, sentence ends marked even where speech
  // recognition wrote no punctuation); evidence is mapped back to the words as they were sent.
  const normalized = normalizeInput(input, fullTokenizer, tokenizer);
  const ruled = applyRules(normalized.input, tokenizer);
  const analysis = explain(
    normalized.input,
    model ? applyLearnedLayer(ruled, model, normalized.input.reply) : ruled,
    fullTokenizer,
    fillersOf(input.reply),
    spokenSlip.test(input.reply),
  );
  const evidence = Object.fromEntries(
    Object.entries(analysis.evidence).map(([key, value]) => [
      key,
      mapEvidence(value, normalized.reply, normalized.turns),
    ]),
  ) as Record<SignalKey, LabelEvidence>;
  // A quote shows the trainee's words as they were said (さんぜんえん, not the 3000円 the matcher reads),
  // pauses and つなぎ言葉 included, where that stretch of the reply starts and ends on a word of its own.
  let wordEdges: Set<number> | null = null;
  const edges = () => {
    wordEdges ??= new Set([
      0,
      input.reply.length,
      ...fullTokenizer.tokenize(input.reply).flatMap((m) => [m.start, m.end]),
    ]);
    return wordEdges;
  };
  const points = analysis.points.map((p) => ({
    ...p,
    text: p.text.replace(/『([^』]+)』/g, (whole, quote: string) => {
      const at = normalized.reply.text.indexOf(quote);
      if (at < 0) return whole;
      // (Exactly as said, pauses and つなぎ言葉 included: a trainer quotes the trainee's own words.)
      const from = normalized.reply.origin[at] ?? 0;
      let to = (normalized.reply.origin[at + quote.length - 1] ?? from) + 1;
      // (A drawn-out ending, ですよねえ, is said whole.)
      while (/[ねよな]/.test(input.reply[to - 1] ?? "") && /[えぇー〜]/.test(input.reply[to] ?? "")) to += 1;
      // (A caller's word the recognizer misspelled, 決行 for 欠航, is quoted as the caller's word.)
      if (normalized.reply.respelled?.some((r) => r.start < at + quote.length && r.end > at)) return whole;
      const said = input.reply.slice(from, to);
      const normalizedSaid = asSaid(normalized.reply, input.reply, at, at + quote.length);
      // (Most typed replies lose nothing in normalizing: the words are the same and need no second look.)
      if (said === normalizedSaid) return `『${said}』`;
      return said.trim() === "" ||
        said !== said.trim() ||
        /^[えあ][…、]/.test(said) ||
        !edges().has(from) ||
        !edges().has(to)
        ? `『${normalizedSaid}』`
        : `『${said}』`;
    }),
  }));
  return { ...analysis, points, evidence };
}

/** The normalized reply and what the rules decided: the learned layer's input, for its trainer. */
export function viewRules(
  input: AnalyzeReplyInput,
  tokenizer: JapaneseTokenizer = getJapaneseTokenizer(),
  fullTokenizer: JapaneseTokenizer = getFullTokenizer(),
): { text: string; rules: RuleView } {
  const normalized = normalizeInput(input, fullTokenizer, tokenizer);
  return { text: normalized.input.reply, rules: applyRules(normalized.input, tokenizer).view };
}

function normalizeInput(
  input: AnalyzeReplyInput,
  fullTokenizer: JapaneseTokenizer,
  tokenizer: JapaneseTokenizer,
) {
  const turns = input.context.map((turn) => normalizeTurn(turn.text, fullTokenizer));
  // (The caller's words said back with a recognizer's homophone, 決行 for 欠航, are read as the caller's.)
  // (Read with the content tokenizer, whose cached words of the reply the rules then reuse.)
  const reply = respellCallerWords(
    normalizeSpoken(input.reply, fullTokenizer),
    turns.filter((_, i) => input.context[i]?.role === "caller").map((t) => t.text),
    tokenizer,
    // (A recognizer writes no punctuation: its slips are homophones.)
    { homophones: !/[。、,.!?！？]/.test(input.reply.trim().slice(0, -1)) },
  );
  return {
    reply,
    turns,
    input: {
      ...input,
      reply: reply.text,
      context: input.context.map((turn, i) => ({ ...turn, text: turns[i]?.text ?? turn.text })),
    },
  };
}

// A no anywhere in the reply (いたしかねます, できません): feeling understood before it only concedes.
const refusalAnywhere =
  /いたしかね|できかね|致しかね|承りかね|(でき|いたし)ません|お受けでき|対象外|ですが、|ただ、|しかし、/;

/** The shipped learned layer (scripts/train-rubric-model.ts writes it). */
export const defaultModel: RubricModel = rubricModelSchema.parse(shippedModel);

const turnCache = new LruCache<string, NormalizedText>(512);

// Caller turns are re-read on every reply of a call, so their normalization is kept.
function normalizeTurn(text: string, fullTokenizer: JapaneseTokenizer): NormalizedText {
  const hit = turnCache.get(text);
  if (hit) return hit;
  const spoken = normalizeSpoken(text, fullTokenizer);
  // わかんない / 仕事になんなくて: the caller's contracted ら, spelled out (one letter for one, so offsets hold),
  // so that お仕事にならない said back matches.
  const normalized = {
    ...spoken,
    text: spoken.text.replace(/(?<=[わかつまないた])ん(?=な[いくかけ])/g, "ら"),
  };
  turnCache.set(text, normalized);
  return normalized;
}

function mapEvidence(evidence: LabelEvidence, reply: NormalizedText, turns: NormalizedText[]): LabelEvidence {
  const spans = evidence.spans.map((span) => toOriginalSpan(reply, span));
  if (!evidence.sources) return { spans };
  return {
    spans,
    sources: evidence.sources.map((source) => {
      const turn = turns[source.turn];
      return turn ? { turn: source.turn, ...toOriginalSpan(turn, source) } : source;
    }),
  };
}

/** Every rule's decision on the normalized reply, with evidence, and the view the learned layer reads. */
interface RuledReply {
  latestCaller: TextAnalysis | undefined;
  backchannel: ReturnType<typeof detectBackchannel>;
  reflection: ReturnType<typeof detectReflection>;
  question: ReturnType<typeof detectQuestion>;
  empathy: ReturnType<typeof detectEmpathy>;
  cushion: ReturnType<typeof detectCushion>;
  apology: ReturnType<typeof detectApology>;
  violation: ReturnType<typeof detectViolation>;
  view: RuleView;
}

function applyRules(input: AnalyzeReplyInput, tokenizer: JapaneseTokenizer): RuledReply {
  const { context, reply } = input;
  const callers: CallerText[] = context.flatMap((turn, index) =>
    turn.role === "caller" && turn.text.trim() !== ""
      ? [{ turn: index, analysis: analyzeText(turn.text, tokenizer) }]
      : [],
  );
  const callerTexts = callers.map((c) => c.analysis.text);
  // (A sentence after an announced read-back is a read-back too.)
  const replyText = analyzeSelectedSentences(
    reply,
    tokenizer,
    (s, previous) =>
      announcedReadBack.test(previous?.text ?? "") || isReflectiveSentence(s.text, callerTexts),
  );
  const latestCaller: TextAnalysis | undefined = callers[callers.length - 1]?.analysis;

  const backchannel = detectBackchannel(reply, context);
  const reflection = detectReflection(replyText, callers);
  const question = detectQuestion(reply);
  const empathy = detectEmpathy(reply);
  const cushion = detectCushion(reply);
  const apology = detectApology(reply);
  const acknowledgements = [...backchannel.spans, ...empathy.spans, ...reflection.parroting.spans];
  const caller = latestCaller
    ? readCallerTurn(latestCaller.text)
    : { complaining: false, emotional: false, voicedFeeling: false, asks: false, asksAdvice: false };
  const acknowledgedBeyondTokens =
    empathy.present ||
    apology.kind !== "none" ||
    reflection.parroting.present ||
    reflection.summarizing.present;
  const violation = detectViolation(reply, {
    firstAcknowledgement:
      acknowledgements.length > 0 ? Math.min(...acknowledgements.map((s) => s.start)) : null,
    hasCushion: cushion.present,
    callerSaidSomething: (latestCaller?.units.length ?? 0) > 0,
    callerInquiring: caller.asks && !caller.complaining && !caller.emotional,
    callerAskedAdvice: caller.asksAdvice,
    callerAskedAboutOffers: /料金|プラン|割引|安く|お得|キャンペーン|値段|価格|セール|セット/.test(
      latestCaller?.text ?? "",
    ),
    // (入院したので、書類を送ってほしい: a reason given for a plain request is no upset to meet first.)
    callerUpset: caller.complaining || (caller.emotional && (!caller.asks || caller.voicedFeeling)),
    callerHurried: /早く|急いで|急ぎ|さっさと|すぐ(に)?(して|お願い)/.test(latestCaller?.text ?? ""),
    callerSharedFeeling: !caller.asks && caller.emotional,
    acknowledged: acknowledgedBeyondTokens,
    operatorSpokeBefore: context.some((turn) => turn.role === "operator"),
    tokenOnlyAcknowledgementEnd: acknowledgedBeyondTokens ? null : leadingTokensEnd(reply, backchannel.spans),
  });
  const view: RuleView = {
    backchannel: backchannel.present,
    parroting: reflection.parroting.present,
    summarizing: reflection.summarizing.present,
    question: question.kind,
    empathy: empathy.present,
    cushion: cushion.present,
    violation: violation.kind,
    violationsFound: violation.found,
    apology: apology.kind,
    caller,
    summaryPoints: reflection.summarizing.points,
    parrotedUnits: reflection.parroting.spans.length,
    sentences: replyText.sentences.length,
    clausesWithCallerWords: reflection.summarizing.clausesWithCallerWords,
    callerTurnsReflected: reflection.summarizing.callerTurnsReflected,
    reflectingClauses: reflection.summarizing.reflectingClauses,
    restatedSegments: reflection.summarizing.restatedSegments,
    summaryMarked: reflection.summarizing.marked,
  };
  return { latestCaller, backchannel, reflection, question, empathy, cushion, apology, violation, view };
}

// The layer decides four labels with the rules' decisions among its features. Where it overrules them,
// a label it adds points at the sentence that weighed most, and a label it removes loses its evidence.
function applyLearnedLayer(ruled: RuledReply, model: RubricModel, text: string): RuledReply {
  const features = extractFeatures(text, ruled.view);
  const decide = (label: LearnedLabel, ruleValue: string): string | null => {
    const labelModel = model.labels[label];
    return labelModel ? decideLabel(labelModel, features, ruleValue) : null;
  };
  const evidenceFor = (label: LearnedLabel, target: string): Span[] => {
    const labelModel = model.labels[label];
    const span = labelModel ? strongestSentence(labelModel, text, target) : null;
    if (!span) return [];
    // A lone 相づち breaks no rule: a violation's evidence is the sentence it opened.
    if (
      label === "violation" &&
      /^[\s、。…]*((あ|え|えー|あの)[\s、。…]*)?((はい|ええ|うん|はあ|はぁ|ああ|なるほど|そうですか|そうでしたか|そうなんですね|さようでございますか)[\s、。…]*)+$/.test(
        text.slice(span.start, span.end),
      )
    ) {
      const next = splitSentences(text).find((s) => s.start >= span.end && /[^\s、。]/.test(s.text));
      return next ? [{ start: next.start, end: next.end }] : [];
    }
    return [span];
  };
  const binary = <T extends { present: boolean; spans: Span[] }>(label: LearnedLabel, rule: T): T => {
    const decision = decide(label, String(rule.present));
    if (decision === null || (decision === "true") === rule.present) return rule;
    return decision === "true"
      ? { ...rule, present: true, spans: rule.spans.length > 0 ? rule.spans : evidenceFor(label, "true") }
      : { ...rule, present: false, spans: [] };
  };
  const { reflection } = ruled;
  const decided = decide("violation", ruled.violation.kind) as ViolationKind | null;
  // Asking after the caller's safety (お怪我はございませんでしたか) is care: the layer adds no blame to it.
  const violationKind =
    decided === "criticize" &&
    ruled.violation.kind === "none" &&
    splitSentences(text).some((s) => concern.test(s.text) && /か[。?？]?$/.test(s.text))
      ? "none"
      : decided;
  // The operator's view said as such (個人的には…と思う) is an opinion by its form: the layer, which never saw
  // that form, does not take it away.
  const keepOpinion = ruled.violation.kind === "opinion" && personalView.test(text);
  // …nor feeling understood said as such with no "but" after it (…というお気持ち、よくわかります。): the
  // layer learned that form mostly before a refusal.
  const keepEmpathy =
    ruled.empathy.present &&
    !refusalAnywhere.test(text) &&
    splitSentences(text).some((s) =>
      /(お気持ち|ご心配|ご不安)[^。]{0,6}(よく|とても|本当に|十分)?(わかります|分かります|お察しします|お察しいたします)[。！]?$/.test(
        s.text,
      ),
    );
  const violation =
    violationKind === null || violationKind === ruled.violation.kind || keepOpinion
      ? ruled.violation
      : {
          ...ruled.violation,
          kind: violationKind,
          spans:
            violationKind === "none"
              ? []
              : ruled.violation.found.includes(violationKind)
                ? ruled.violation.spans
                : evidenceFor("violation", violationKind),
        };
  return {
    ...ruled,
    empathy: keepEmpathy ? ruled.empathy : binary("empathy", ruled.empathy),
    violation,
    reflection: {
      parroting: binary("parroting", reflection.parroting),
      // A restatement that counts its own points (…と…、この二つですね) is a summary by its very form: the
      // layer, which never saw that form, does not take it away.
      summarizing:
        reflection.summarizing.present &&
        countedPoints.test(text) &&
        splitSentences(text).some((s) => countedPoints.test(s.text))
          ? reflection.summarizing
          : binary("summarizing", reflection.summarizing),
    },
  };
}

// The つなぎ言葉 a trainer hears in a spoken reply (えー, えっと, あのー): set aside before matching, named in
// the feedback.
const filler =
  /(?<=^|[、。,\s])((えーっと|えっと|ええと|えーと)ー*|あのー*|そのー*|あー+)(?=[、。,\s…]|$)|(?<=^|[、。,\s])えー+(?![とっ])/g;

// Speech an operator's written model answer leaves out: one filler, or a contraction (積もってる, 降ってない).
const spokenSlip =
  /(?<=^|[、。,\s])(えっと|ええと|えーと|あのー+|そのー+)(?=[、。,\s…]|$)|(?<=[っいしんれけめべせえ])て(る|た|ない|ます)(?=[、。,\s…のんとね]|$)|(?<=[っ])ちゃ(う|った|いま)/;

// Every つなぎ言葉 is named: trainers (and contest judges) did not let even one えー pass unmentioned.
function fillersOf(reply: string): string[] {
  return [...new Set([...reply.matchAll(filler)].map((m) => m[0].replace(/ー+$/, "ー")))];
}

function explain(
  input: AnalyzeReplyInput,
  ruled: RuledReply,
  fullTokenizer: JapaneseTokenizer,
  fillers: string[] = [],
  spoken = false,
): ReplyAnalysis {
  const { context, reply } = input;
  const { latestCaller, backchannel, reflection, question, empathy, cushion, apology, violation } = ruled;
  const detected = detectRegister(backchannel, context, (text) => detectBackchannel(text, context).tokens);
  // はい answering the caller's yes/no question is an answer, not a 相づち said once too often.
  const register = {
    ...detected,
    repeatedToken:
      detected.repeatedToken === "はい" && ruled.view.caller.asks ? null : detected.repeatedToken,
  };
  const interruption = detectInterruption(input.timing, backchannel.only);
  const reading = ruled.view.caller;
  const kind: CallKind =
    input.kind && input.kind !== "custom"
      ? input.kind
      : reading.complaining
        ? "angry"
        : reading.emotional && !reading.asks
          ? "lonely"
          : "inquiry";
  // ええ、ええ is warm with a lonely regular: only with other callers is はい the more formal 相づち.
  if (
    kind === "lonely" &&
    register.casualSpans.every((span) => reply.slice(span.start, span.end) === "ええ")
  ) {
    register.casual = false;
    register.casualSpans = [];
  }
  const caller = callerForKind(
    latestCaller
      ? understandTurn(latestCaller.text, fullTokenizer, reading.complaining || kind === "angry")
      : null,
    kind,
  );
  // The final labels, once: what the mood, the scorecard, the points and the phrasing all read.
  const labels = {
    backchannel: backchannel.present,
    parroting: reflection.parroting.present,
    summarizing: reflection.summarizing.present,
    question: question.kind,
    empathy: empathy.present,
    cushion: cushion.present,
    violation: violation.kind,
    interruption,
    apology: apology.kind,
  };
  const quote = (spans: Span[], wholeSentence = false) => {
    const span = spans[0];
    return span ? quoteWords(reply, span, fullTokenizer, { wholeSentence }) : null;
  };
  // A stretch over two sentences is quoted sentence by sentence (『…倍になっていたのですね。エアコンも…』):
  // the quote shows every point it praises.
  const quoteAcross = (spans: Span[]) => {
    const span = spans[0];
    if (!span) return null;
    const sentences = splitSentences(reply).filter((s) => s.start < span.end && s.end > span.start);
    const first = sentences[0];
    const last = sentences.at(-1);
    if (!first || !last || first === last) return quote(spans, true);
    const opening = quoteWords(reply, first, fullTokenizer, { wholeSentence: true });
    const closing = quoteWords(reply, last, fullTokenizer, { wholeSentence: true });
    if (!opening || !closing) return quote(spans, true);
    const from = reply.indexOf(opening, first.start);
    const to = reply.indexOf(closing, last.start) + closing.length;
    return from >= 0 && to > from && to - from <= 80 ? reply.slice(from, to) : null;
  };
  const quotes = {
    parroting: foldedQuote(quote(reflection.parroting.spans, true)),
    // A summary is quoted from its first point to its last (『ミケちゃんが…涙が出てしまうんですね』), not by
    // its first word.
    // (A restatement that counts its points, …の二点ですね, is the summary whatever else matched.)
    summarizing: quoteAcross(
      countedSummary(reply, reflection.summarizing.present) ??
        summaryStretch(reply, reflection.summarizing.spans),
    ),
    empathy: quote(empathy.spans, true),
    // A cushion is a set phrase: quoted as it stands (恐れ入りますが), not with the words after it.
    cushion:
      setPhrase(cushion.spans[0] ? reply.slice(cushion.spans[0].start, cushion.spans[0].end) : "") ??
      quote(cushion.spans),
    // The words that broke the rule, not the apology or the concession said before them
    // (お待たせして申し訳ございません。ただ、…ごく普通なんです).
    violation: quote(faultSpans(reply, violation.spans), true),
    apology: quote(apology.spans),
    // (A question that is itself the fault, ご確認されませんでしたか, earns no praise as a question.)
    question: quote(
      question.spans.filter(
        (q) =>
          violation.kind === "none" ||
          !splitSentences(reply).some(
            (s) =>
              s.start <= q.start &&
              q.start < s.end &&
              (judgesCaller(s.text) ||
                (violation.kind === "criticize" &&
                  /ませんでしたか|のでは|ないでしょうか|ということは(ござい|あり)ませんか/.test(s.text)) ||
                violation.spans.some((v) => v.start < s.end && v.end > s.start)),
          ),
      ),
    ),
    backchannel: backchannel.spans[0]
      ? reply.slice(backchannel.spans[0].start, backchannel.spans[0].end).replace(/[、。\s]+$/, "") || null
      : null,
  };
  const keigo = detectKeigoSlips(reply);
  // Thanks for the inquiry acknowledges an ordinary caller; to an angry one it is no answer.
  // …and a caller sorry for the long call is answered by putting them at ease (いえ、楽しかったです).
  const thanked =
    (kind !== "angry" && thanksOpening.test(reply)) ||
    (caller?.apologized === true && /^(いえ|いいえ|とんでもな)/.test(reply)) ||
    // A question about the operator met with thanks for the interest (気にかけてくださってありがとうございます).
    (caller?.personal === true &&
      /^((はい|ふふ)[、。]?)?[^。]{0,24}(ありがとうございます|嬉しい|うれしい)/.test(reply)) ||
    /^((はい|ふふ)[、。]?)?[^。]{0,12}(気にかけて|お気遣い|お気にかけ)[^。]{0,12}(ありがとうございます|嬉しい|うれしい)/.test(
      reply,
    );
  const suggestion = composeSuggestion({
    kind,
    caller,
    reply,
    ourName: ourNameIn(context.map((turn) => turn.text)),
    labels: {
      ...labels,
      casual: register.casual,
      keigo: keigo.length > 0,
      repeatedToken: register.repeatedToken !== null,
      // (One えー in an otherwise good reply is named as a tip, but the reply stands: in a blind comparison
      // trainers preferred 「このままで十分」 to a rewrite that only drops it.)
      // (…but えー said again and again is a habit to name and to write out.)
      fillers:
        fillers.length > 1 ||
        (fillers.length === 1 && !/^えー/.test(fillers[0] ?? "")) ||
        (reply.match(/(?<=^|[、。,\s])えー+(?=[、。,\s…])/g) ?? []).length >= 3,
      spoken,
      thanked,
    },
    spans: {
      violation: violation.spans,
      parroting: reflection.parroting.spans,
      summarizing: reflection.summarizing.spans,
      empathy: empathy.spans,
      apology: apology.spans,
      question: question.spans,
    },
    modelReply: input.modelReply,
    previousOperator: input.context.findLast((turn) => turn.role === "operator")?.text,
  });
  const points = prioritizeFeedback({
    ...labels,
    thanked,
    kind,
    caller,
    keep: suggestion.keep,
    registerOnly: suggestion.registerOnly === true,
    tokenOnly: isTokenOnly(reply.replace(/\s+/g, "、")),
    unconfirmed: suggestion.unconfirmed,
    nextStep: suggestion.nextStep,
    apologizedBefore: input.context.some(
      (turn) => turn.role === "operator" && /申し訳(ござ|あり)|お詫び|ご迷惑をおかけ/.test(turn.text),
    ),
    summaryPoints: reflection.summarizing.points,
    apologyScoped: apology.scoped,
    casual: register.casual,
    casualTokens: [...new Set(register.casualSpans.map((span) => reply.slice(span.start, span.end)))],
    keigo: keigo[0] ?? null,
    condoled: condolence.test(reply),
    congratulated: /おめでと|お祝い/.test(reply),
    gladOrThankful: gladOrThankful.test(reply),
    repeatedToken: register.repeatedToken,
    fillers,
    quotes: Object.fromEntries(Object.entries(quotes).filter(([, v]) => v !== null)) as Record<
      string,
      string
    >,
    suggested: suggestedLines(kind, caller, reply),
  });
  const feedback = writeFeedback({
    ...labels,
    parrotedPhrase: quotes.parroting,
    summaryPoints: reflection.summarizing.points,
    empathyPhrase: quotes.empathy,
    cushionPhrase: quotes.cushion,
    violationPhrase: quotes.violation,
    apologyScoped: apology.scoped,
    register: { casual: register.casual, repeatedToken: register.repeatedToken },
    callerPhrase: caller?.reflection?.replace(/(なのですね|のですね|とのことですね)$/, "") ?? null,
  });

  return {
    ...labels,
    register: { casual: register.casual, repeatedToken: register.repeatedToken },
    evidence: {
      backchannel: { spans: backchannel.spans },
      parroting: { spans: reflection.parroting.spans, sources: reflection.parroting.sources },
      summarizing: { spans: reflection.summarizing.spans, sources: reflection.summarizing.sources },
      question: { spans: question.spans },
      empathy: { spans: empathy.spans },
      cushion: { spans: cushion.spans },
      violation: { spans: violation.spans },
      interruption: { spans: interruption ? [{ start: 0, end: reply.length }] : [] },
      apology: { spans: apology.spans },
      register: { spans: register.casualSpans },
    },
    feedback,
    points,
    suggestion: suggestion.text,
  };
}

function countedSummary(reply: string, present: boolean): Span[] | null {
  if (!present) return null;
  const sentence = splitSentences(reply).find((s) => countedPoints.test(s.text));
  return sentence ? [{ start: sentence.start, end: sentence.end }] : null;
}

// A cushion's own words when they make a whole phrase (恐れ入りますが, 差し支えなければ, あいにく).
function setPhrase(words: string): string | null {
  const phrase = words.replace(/[、,\s]+$/, "");
  return /(が|ければ|でしたら|ながら|あいにく|生憎|よろしかったら|けど|けれど|ません)$/.test(phrase)
    ? phrase
    : null;
}

// A read-back folded into a proposal (スーツケースが4つとのことですので、…おすすめでございます) is praised
// for the read-back, not for the proposal after it.
function foldedQuote(quoted: string | null): string | null {
  const fold = quoted
    ? /^(.{3,}?(とのこと|ということ))(ですので|ですから|でしたら|なので|で)[、,]/.exec(quoted)
    : null;
  return fold?.[1] ?? quoted;
}

// The stretch of a summary's points, when it is short enough to quote; else its first point.
function summaryStretch(reply: string, spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  const first = Math.min(...spans.map((s) => s.start));
  // …from the start of its first phrase (一番安いプラン, not 安いプラン), when that is near.
  const phrase = /(?:^|[、。！？!?\s])([^、。！？!?\s]{0,12})$/.exec(
    reply.slice(Math.max(0, first - 13), first),
  );
  const start = phrase ? first - (phrase[1]?.length ?? 0) : first;
  let end = Math.max(...spans.map((s) => s.end));
  // …to the confirmation that closes it (〜と思うと夜中に涙が出てしまうんですね).
  const close =
    /(のですね|んですね|ということ(です|でございます)ね|とのことですね|でございますね|ですね)/.exec(
      reply.slice(end, end + 24),
    );
  if (close) end += close.index + close[0].length;
  return end - start <= 80 ? [{ start, end }] : spans;
}

/** The violation's spans cut at sentence ends, without the sentences that only apologize or concede. */
function faultSpans(reply: string, spans: Span[]): Span[] {
  const pieces = spans.flatMap((span) =>
    splitSentences(reply)
      .filter((s) => s.start < span.end && s.end > span.start)
      .map((s) => ({ start: Math.max(s.start, span.start), end: Math.min(s.end, span.end) })),
  );
  // (Said hesitantly, えー、お気持ちは、あの、大変よくわかります is the same courtesy.)
  const faults = pieces.filter(
    (p) =>
      !courtesyOnly.test(
        reply
          .slice(p.start, p.end)
          .replace(/(えー+|えっと|ええと|あのー*|そのー*)(?=[、…\s])/g, "")
          .replace(/[、…‥\s]/g, "")
          .trim(),
      ),
  );
  // ただ、ですね、…: a hedge cut off as a sentence of its own runs on into the words it opened.
  const sentences = splitSentences(reply);
  const widened = faults.map((fault) => {
    // (…配達員が、おります、時に……一度、ご確認されませんでしたか: a sentence that trailed off into the fault
    // is part of it.)
    const before = sentences.findLast((s) => s.end <= fault.start && /[^\s、。…‥]/.test(s.text));
    const p =
      before &&
      /[…‥]$/.test(reply.slice(before.start, fault.start).trimEnd()) &&
      fault.start - before.start <= 60
        ? { start: before.start, end: fault.end }
        : fault;
    if (reply.slice(p.start, p.end).replace(/[、。…‥\s]/g, "").length > 6) return p;
    const next = sentences.find((s) => s.start >= p.end && /[^\s、。]/.test(s.text));
    return next ? { start: p.start, end: next.end } : p;
  });
  if (widened.length > 0) return widened;
  // Evidence on the courtesy alone: the fault is the sentence it opened (…申し訳ございません。ただ、…).
  const last = spans[spans.length - 1];
  const next = last
    ? splitSentences(reply).find((s) => s.start >= last.end && /[^\s、。]/.test(s.text))
    : undefined;
  return next ? [{ start: next.start, end: next.end }] : spans;
}

// A sentence that only apologizes or concedes: never the words a violation is quoted by.
const courtesyOnly =
  /^((はい|ええ)[、。]?)?((大変|誠に|本当に)?(お待たせして|ご迷惑をおかけして|ご不便をおかけして)?(大変|誠に)?申し訳(ござい|あり)ません(でした)?|お気持ちは(よく|十分|大変|本当に)*(わか|分か)ります|ごもっともです|(さよう|左様)でございま(す|した)か)[。、]?$/;

const thanksOpening =
  /^(はい[、。]?)?(いつも)?((ご予約|ご注文|ご購入|ご契約)の)?(お問い合わせ|お電話|ご連絡|ご相談|ご予約|ご依頼|ご注文|ご利用)?(を)?(いただき(まして)?)?[、]?(まことに|誠に|どうも)?ありがとうございます/;

// The end of the 相づち that open the reply (はい、はい。), or null when it does not open with one.
function leadingTokensEnd(reply: string, spans: Span[]): number | null {
  let end = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (!/^[、。,.!?！？\s]*$/.test(reply.slice(end, span.start))) break;
    end = span.end;
  }
  return end > 0 ? end : null;
}

const understandingCache = new LruCache<string, CallerUnderstanding>(512);

// The caller's latest turn is read once per call turn, whatever number of replies answer it.
function understandTurn(
  text: string,
  fullTokenizer: JapaneseTokenizer,
  complaining: boolean,
): CallerUnderstanding {
  const key = `${complaining ? 1 : 0}${text}`;
  const hit = understandingCache.get(key);
  if (hit) return hit;
  const understood = understandCaller(text, fullTokenizer, complaining);
  understandingCache.set(key, understood);
  return understood;
}

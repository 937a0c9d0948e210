import { analyzeSelectedSentences, analyzeText, type TextAnalysis } from "./content-units";
import { detectApology } from "./detect-apology";
import { detectBackchannel } from "./detect-backchannel";
import { detectCushion } from "./detect-cushion";
import { detectEmpathy } from "./detect-empathy";
import { detectInterruption, type ReplyTiming } from "./detect-interruption";
import { detectQuestion } from "./detect-question";
import { type CallerText, detectReflection, isReflectiveSentence } from "./detect-reflection";
import { detectRegister } from "./detect-register";
import { detectViolation } from "./detect-violation";
import { getFullTokenizer, getJapaneseTokenizer, type JapaneseTokenizer } from "./japanese";
import type { Turn } from "./labels";
import { LruCache } from "./lru-cache";
import { type NormalizedText, normalizeSpoken, toOriginalSpan } from "./normalize-spoken";
import { readCallerTurn } from "./read-caller-turn";
import type { LabelEvidence, ReplyAnalysis, SignalKey } from "./reply-analysis";
import { pickReflection, suggestReply } from "./suggest-reply";
import type { Span } from "./text-spans";
import { writeFeedback } from "./write-feedback";

export interface AnalyzeReplyInput {
  /** The call so far, oldest first; the last caller turn is what the reply answers. */
  context: Turn[];
  reply: string;
  /** Text mode passes the simulated speaking end; voice mode measured audio times. */
  timing?: ReplyTiming;
}

/** Decides every rubric label for one operator reply, with evidence, feedback and a better reply. */
export function analyzeReply(
  input: AnalyzeReplyInput,
  tokenizer: JapaneseTokenizer = getJapaneseTokenizer(),
  fullTokenizer: JapaneseTokenizer = getFullTokenizer(),
): ReplyAnalysis {
  // Every detector reads the normalized text (fillers set aside, sentence ends marked even where speech
  // recognition wrote no punctuation); evidence is mapped back to the words as they were sent.
  const normalizedReply = normalizeSpoken(input.reply, fullTokenizer);
  const normalizedTurns = input.context.map((turn) => normalizeTurn(turn.text, fullTokenizer));
  const analysis = analyzeNormalized(
    {
      ...input,
      reply: normalizedReply.text,
      context: input.context.map((turn, i) => ({ ...turn, text: normalizedTurns[i]?.text ?? turn.text })),
    },
    tokenizer,
  );
  const evidence = Object.fromEntries(
    Object.entries(analysis.evidence).map(([key, value]) => [
      key,
      mapEvidence(value, normalizedReply, normalizedTurns),
    ]),
  ) as Record<SignalKey, LabelEvidence>;
  return { ...analysis, evidence };
}

const turnCache = new LruCache<string, NormalizedText>(512);

// Caller turns are re-read on every reply of a call, so their normalization is kept.
function normalizeTurn(text: string, fullTokenizer: JapaneseTokenizer): NormalizedText {
  const hit = turnCache.get(text);
  if (hit) return hit;
  const normalized = normalizeSpoken(text, fullTokenizer);
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

function analyzeNormalized(input: AnalyzeReplyInput, tokenizer: JapaneseTokenizer): ReplyAnalysis {
  const { context, reply } = input;
  const callers: CallerText[] = context.flatMap((turn, index) =>
    turn.role === "caller" && turn.text.trim() !== ""
      ? [{ turn: index, analysis: analyzeText(turn.text, tokenizer) }]
      : [],
  );
  const callerTexts = callers.map((c) => c.analysis.text);
  const replyText = analyzeSelectedSentences(reply, tokenizer, (s) =>
    isReflectiveSentence(s.text, callerTexts),
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
    : { complaining: false, emotional: false, asks: false, asksAdvice: false };
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
    callerUpset: caller.complaining || caller.emotional,
    callerSharedFeeling: !caller.asks && caller.emotional,
    acknowledged: acknowledgedBeyondTokens,
    tokenOnlyAcknowledgementEnd: acknowledgedBeyondTokens ? null : leadingTokensEnd(reply, backchannel.spans),
  });
  const register = detectRegister(backchannel, context, (text) => detectBackchannel(text, context).tokens);
  const interruption = detectInterruption(input.timing, backchannel.only);

  const feedback = writeFeedback({
    backchannel: backchannel.present,
    parroting: reflection.parroting.present,
    parrotedPhrase: reflection.parroting.phrase,
    summarizing: reflection.summarizing.present,
    summaryPoints: reflection.summarizing.points,
    question: question.kind,
    empathy: empathy.present,
    empathyPhrase: firstText(reply, empathy.spans),
    cushion: cushion.present,
    cushionPhrase: firstText(reply, cushion.spans),
    violation: violation.kind,
    violationPhrase: firstText(reply, violation.spans),
    interruption,
    apology: apology.kind,
    apologyScoped: apology.scoped,
    register: { casual: register.casual, repeatedToken: register.repeatedToken },
    callerPhrase: latestCaller ? pickReflection(latestCaller) : null,
  });

  return {
    backchannel: backchannel.present,
    parroting: reflection.parroting.present,
    summarizing: reflection.summarizing.present,
    question: question.kind,
    empathy: empathy.present,
    cushion: cushion.present,
    violation: violation.kind,
    interruption,
    apology: apology.kind,
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
    suggestion: suggestReply(latestCaller),
  };
}

// The end of the 相づち that open the reply (はい、はい。), or null when it does not open with one.
function leadingTokensEnd(reply: string, spans: Span[]): number | null {
  let end = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (!/^[、。,.!?！？\s]*$/.test(reply.slice(end, span.start))) break;
    end = span.end;
  }
  return end > 0 ? end : null;
}

function firstText(text: string, spans: Span[]): string | null {
  const span = spans[0];
  return span ? text.slice(span.start, span.end) : null;
}

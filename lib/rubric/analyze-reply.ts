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
import { getJapaneseTokenizer, type JapaneseTokenizer } from "./japanese";
import type { Turn } from "./labels";
import type { ReplyAnalysis } from "./reply-analysis";
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
): ReplyAnalysis {
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
  const violation = detectViolation(reply, {
    firstAcknowledgement:
      acknowledgements.length > 0 ? Math.min(...acknowledgements.map((s) => s.start)) : null,
    hasCushion: cushion.present,
    callerSaidSomething: (latestCaller?.units.length ?? 0) > 0,
    callerInquiring: latestCaller ? !complaintCue.test(latestCaller.text) : false,
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

// Signs that the caller is complaining or upset rather than only asking (exclamations, のに, blame).
const complaintCue =
  /[!！]|のに|どういうこと|どうなって|どうして(くれ|なの)|なんで|ひど|最悪|ふざけ|いい加減|信じられ|困(る|っ)|じゃない(の|です)?[か?？!！。]|言って(る|ます)(んです)?けど|壊|謝|責任|おかしい|許せ|腹が立|頭にく|ありえな|埒|せい/;

function firstText(text: string, spans: Span[]): string | null {
  const span = spans[0];
  return span ? text.slice(span.start, span.end) : null;
}

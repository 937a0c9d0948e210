import { correctKeigo } from "./detect-keigo";
import { judgesCaller } from "./detect-violation";
import type { ApologyKind, QuestionKind, ViolationKind } from "./labels";
import type { CallerUnderstanding, TroubleCause } from "./reflect-caller";
import { type Sentence, type Span, splitSentences } from "./text-spans";

/** The kind of call a reply is in: the scenario's persona kind, or read from the caller's turn. */
export type CallKind = "angry" | "lonely" | "inquiry";

/** What the better phrasing is built from: the caller as understood and the reply as labelled. */
export interface SuggestionInput {
  kind: CallKind;
  caller: CallerUnderstanding | null;
  /** The trainee's reply, normalized (fillers set aside, sentence ends marked). */
  reply: string;
  labels: {
    backchannel: boolean;
    parroting: boolean;
    summarizing: boolean;
    empathy: boolean;
    cushion: boolean;
    question: QuestionKind;
    violation: ViolationKind;
    apology: ApologyKind;
    casual: boolean;
    /** A 敬語 slip (〜様でございますね, 担当に伝えておきます). */
    keigo: boolean;
    /** The same 相づち opened this reply and the two before it. */
    repeatedToken: boolean;
    /** The spoken reply has つなぎ言葉 (えー, あのー). */
    fillers?: boolean;
    /** The original reply had speech a model answer leaves out: one filler, a contraction (降ってない). */
    spoken?: boolean;
    /** The reply opens by thanking the caller for the inquiry (お問い合わせありがとうございます). */
    thanked: boolean;
  };
  spans: {
    violation: Span[];
    parroting: Span[];
    summarizing: Span[];
    empathy: Span[];
    apology: Span[];
    question: Span[];
  };
  /** The scenario node's model reply, when the call has one. */
  modelReply?: string;
  /** The operator's turn before the caller's last one: its 相づち is not said again at once. */
  previousOperator?: string;
  /** How the operator names their own side: 弊社, or 当院 / 当館 / 当店 where the call shows a clinic, a hotel, a shop. */
  ourName?: string;
}

export interface Suggestion {
  /** The better phrasing; "" when the reply has nothing to fix. */
  text: string;
  /** The reply is already good: say so instead of rewriting it. */
  keep: boolean;
  /** Only its 相づち or 敬語 needed fixing: the phrasing is the reply with those words changed. */
  registerOnly?: boolean;
  /** The caller's request, taken with only a token, that the phrasing reads back (プランの変更をご希望なのですね). */
  unconfirmed?: string;
  /** The next step the phrasing adds to a reply that left the caller without one. */
  nextStep?: string;
}

/**
 * Composes the better phrasing for one reply: the trainee's good sentences kept, the flagged ones left
 * out, and what the call needs added in polite operator Japanese — a 相づち, the caller's own words handed
 * back, empathy fitted to what the caller feels, a limited apology for a complaint, and a next step that
 * fits the caller's last turn (an answer to their question, a read-back of what they gave, a gentle
 * boundary, a closing). Variants are chosen from the reply's own words, so two different replies rarely
 * get the same phrasing.
 */
export function composeSuggestion(input: SuggestionInput): Suggestion {
  const { labels, kind, caller } = input;
  // A hesitation left alone between sentences (え…, あ。) is no sentence of the reply's.
  // …and neither is a word held with ですね while thinking (すぐにですね、).
  const sentences = splitSentences(input.reply).filter(
    (s) =>
      !hesitation.test(s.text) &&
      !/^[^、。]{1,5}[にとで]ですね[、。]?$/.test(s.text) &&
      // A phrase left hanging on の (はい、田中さんの。) is no sentence.
      !/^((はい|ええ)、)?[^、。]{1,8}の[。…]*$/.test(s.text),
  );
  const inViolation = (s: Sentence) => input.spans.violation.some((v) => v.start < s.end && v.end > s.start);
  // The question that carries a change of topic on (…雪が降っているんですよ。そちらはいかがですか) goes with it.
  const flagged = (s: Sentence) => {
    if (inViolation(s)) return true;
    const before = sentences[sentences.indexOf(s) - 1];
    return (
      labels.violation === "derail" &&
      before !== undefined &&
      inViolation(before) &&
      /(か|かね)[。？?]?$/.test(s.text) &&
      !input.spans.parroting.some((p) => p.start < s.end && p.end > s.start)
    );
  };
  // Telling the caller not to feel or say so (そんなことおっしゃらないでください) is never kept; nor, after a
  // criticism, a guess at the caller's doing (入れられたのではないかと思います).
  const good = sentences.filter(
    (s, i) =>
      !flagged(s) &&
      // (…nor the head of a sentence the flag begins inside: 取扱説明書にございます『…』という注意書きは.)
      !(
        !/[。！？!?…]$/.test(s.text) &&
        sentences[i + 1] !== undefined &&
        flagged(sentences[i + 1] as Sentence)
      ) &&
      !(
        labels.violation === "criticize" &&
        /のでは(ないか)?と(思|存じ)|ではないでしょうか|ませんでしたか|たのでは|ということは(ございません|ありません)か|(ご確認|お確かめ|お読み)(は)?(され|いただけ)(ました|ませんでした)か/.test(
          s.text,
        )
      ) &&
      !(
        labels.violation === "criticize" &&
        /(ご確認|お確かめ|お読み|ご覧)(され|に(なり|なられ)|いただけ|いただき)?(ました|ませんでした)?[?？]/.test(
          s.text.replace(/[、\s]/g, ""),
        )
      ) &&
      !/(おっしゃらないで|(そんなこと|そんな風に|そんなふうに)(言わ|思わ)ないで|考えないで|お考えにならないで|思わないで|落ち込まないで|気になさらないで|考えちゃ|だめですよ|(お考えに|お気に|ご心配に)?(なら|なさら)なくても(よろしい|いい|大丈夫))/.test(
        s.text,
      ) &&
      // A blanket admission of fault (すべて弊社の責任でございます) is replaced by the limited apology.
      !(
        labels.apology === "blanket" && input.spans.apology.some((a) => a.start < s.end && a.end > s.start)
      ) &&
      // (…and the agreement that went with it, おっしゃる通りでございます.)
      !(labels.apology === "blanket" && /^おっしゃる(通り|とおり)(でございます|です)[。！]?$/.test(s.text)) &&
      // After a don't, a feeling talked away (87歳なんて、まだまだお若いですよ) goes with it.
      !(
        labels.violation !== "none" &&
        /お若い(です|でいらっしゃい)|まだまだ(お元気|お若い|これから)|(大丈夫|心配いりません|気にすることはありません)(です)?よ[。]?$/.test(
          s.text,
        )
      ) &&
      // After a don't, none of the reply's other sentences that also blame, rebut, advise or judge stays
      // (最近の若い方はみなさんそんなものですよ next to the flagged …べきだと思います).
      !(labels.violation !== "none" && judgesCaller(s.text)) &&
      // …nor the rebuttal's opening left on its own (ですが、ドライバーの記録では、ですね).
      !(
        ["argue", "opinion", "criticize"].includes(labels.violation) &&
        /^((はい|ええ)[、…]*)?(ですが|ただ|でも|しかし|ただし|とはいえ)[、…\s]/.test(s.text)
      ),
  );
  const upset =
    kind === "angry" || (caller !== null && caller.feeling !== "neutral" && caller.feeling !== "happy");
  const acknowledged =
    labels.backchannel ||
    labels.parroting ||
    labels.summarizing ||
    labels.empathy ||
    labels.thanked ||
    thanksForKindWords(input) ||
    // A caller who only said はい while waiting has nothing to be acknowledged.
    caller?.bare === true ||
    // Good news congratulated is good news heard.
    /おめでと/.test(input.reply) ||
    // What they asked for, confirmed in the trainee's own words (別の日へのご変更ですね), is heard too.
    good.some((s) => readBack.test(s.text) && !isTokenOnly(s.text));
  const needsCare = kind === "angry" || upset;
  // A lonely caller's story handed back is care enough, unless they named a feeling that asks for words.
  const cared =
    labels.empathy ||
    labels.apology === "limited" ||
    (kind === "lonely" && labels.parroting && !namedFeeling(caller));
  // Something of ours went wrong: empathy alone leaves out the apology the complaint is owed.
  const owedApology = apologyOwed(kind, caller) && labels.apology === "none";
  // A death told is answered with condolence, not only with the facts handed back.
  // (A regular who lives with her loss is met with warmth, not a formal condolence: the feeling line.)
  const owedCondolence = caller?.feeling === "loss" && !condolence.test(input.reply);
  // A birth, a wedding, an exam passed: the news is congratulated.
  const owedCongratulation =
    caller?.feeling === "happy" && caller.celebrating && !/おめでと|お祝い/.test(input.reply);
  // Good news met with neither empathy, its words handed back, thanks nor a congratulation.
  const goodNewsUnheard =
    caller?.feeling === "happy" &&
    !labels.empathy &&
    !labels.parroting &&
    !thanksForKindWords(input) &&
    !/おめでと/.test(input.reply);
  // A lone 相づち answers a story with nothing of it: the phrasing hands the caller's words back.
  // …and a lone 相づち to a question (ええ。) leaves it unanswered.
  // (A caller still giving data, 1234の…, is rightly met with a lone はい.)
  const tokensOnly =
    // (…and a choice made, Bプランでお願いします, is read back: Bプランでございますね.)
    (kind !== "inquiry"
      ? // (…and a question about the operator, あなた、いくつなの？, left with a lone はい.)
        caller?.reflection != null || caller?.personal === true
      : caller?.asked === true ||
        /でございますね$/.test(caller?.reflection ?? "") ||
        // (…and a request, 来月から木曜日にしてください / 電気を止める手続きをしたい, taken with only 承知いたしました.)
        (caller?.requested === true &&
          caller.reflection !== null &&
          caller.busy !== true &&
          (caller.explicitRequest || caller.data.length > 0))) &&
    isTokenOnly(input.reply.replace(/\s+/g, "、"));
  // A story or a complaint met without a word of it handed back (眠れない夜は長く感じますよね alone): the
  // caller's main point is what the phrasing gives back first.
  // …and so is a fault an ordinary caller reports (昨日から氷が出てこない) met with only はい and a check.
  const unreflected =
    (kind === "lonely" || (kind === "inquiry" && caller?.defect === true && !labels.empathy)) &&
    caller?.reflection != null &&
    caller.personal !== true &&
    // (A regular asking for 田中さん is answered about 田中, not handed their words back.)
    !(caller.asksForStaff && labels.thanked) &&
    !thanksForKindWords(input) &&
    !labels.parroting &&
    !labels.summarizing &&
    // (そうなんですね confirms nothing of the caller's: it is a 相づち.)
    !good.some((s) => confirmingEnd.test(s.text) && !isTokenOnly(s.text));
  // A lonely caller's small talk about the operator's side (そちらは雪降ってる？) passed over in silence: a
  // trainer wants it met with a word of thanks.
  const smallTalkIgnored =
    kind === "lonely" &&
    caller?.smallTalk === true &&
    caller.personal !== true &&
    labels.violation === "none" &&
    !/こちら|当方|私|わたし|わたくし|申し訳|お答え|決まり|ありがと|お気遣い|嬉し|うれし/.test(input.reply);
  // A lonely caller's question (田中さんいないの？) answered with business (本日のご注文は…) was not heard.
  const questionIgnored =
    kind === "lonely" &&
    caller?.asked === true &&
    !labels.parroting &&
    !labels.summarizing &&
    business.test(input.reply);
  // A request taken with only a token and a question (かしこまりました。診察券の番号を…) is not heard back:
  // the caller's wish is read back before the call moves on (a question about facts may be answered
  // straight away).
  const unconfirmed =
    kind === "inquiry" &&
    caller?.reflection != null &&
    (caller.requested || /ご変更なさりたい/.test(caller.reflection)) &&
    !caller.bare &&
    // (A caller still looking for their papers, ちょっと待ってください, is rightly met with a lone はい.)
    !/待って/.test(caller.reflection) &&
    good.some((s) => !isTokenOnly(s.text)) &&
    !labels.parroting &&
    !labels.summarizing &&
    !labels.empathy &&
    labels.violation === "none" &&
    good.length > 0 &&
    good.every(
      (s) =>
        isTokenOnly(s.text) ||
        (input.spans.question.some((q) => q.start < s.end && q.end > s.start) &&
          /番号|お名前|ご住所|ご連絡先|生年月日|お日にち|ご希望|いつ/.test(s.text)) ||
        /^((はい|かしこまりました|承知(いた)?しました)、)?(ただいま|すぐに)?(お調べ|確認)いたし(ます|ますので)。?$/.test(
          s.text,
        ),
    );
  // A trouble or a question met with words and no next step (サインインができなくなってしまったのですね。
  // お困りですよね。): the caller is left not knowing what happens now.
  const noNextStep =
    (kind === "inquiry" || kind === "angry") &&
    caller !== null &&
    !caller.bare &&
    !caller.closing &&
    (caller.asked || caller.requested || caller.defect || kind === "angry") &&
    !(kind === "inquiry" && labels.summarizing) &&
    labels.violation === "none" &&
    labels.question === "none" &&
    // (A lone はい to a caller still talking, or still looking for their papers, is rightly only that.)
    good.some((s) => !isTokenOnly(s.text)) &&
    // (A name or a number the caller gave, read back, is the whole answer: 山田花子様でいらっしゃいますね.)
    !good.some(
      (s) => readBack.test(s.text) && !/(の|ん)ですね。?$/.test(s.text) && /様|さま|[0-9０-９]/.test(s.text),
    ) &&
    !good.some((s) => movesOnPattern.test(s.text) || statesSomething(s.text));
  // Kind words about the operator met without a word of thanks.
  const unthanked =
    kind === "lonely" && caller?.praisedOperator === true && !gladOrThankful.test(input.reply);
  const needsFix =
    unthanked ||
    noNextStep ||
    unconfirmed ||
    questionIgnored ||
    smallTalkIgnored ||
    labels.violation !== "none" ||
    labels.casual ||
    labels.keigo ||
    labels.repeatedToken ||
    labels.fillers === true ||
    labels.spoken === true ||
    labels.apology === "blanket" ||
    !acknowledged ||
    (needsCare && !cared) ||
    owedApology ||
    owedCondolence ||
    owedCongratulation ||
    goodNewsUnheard ||
    tokensOnly ||
    unreflected;
  // A caller broken off mid-sentence (隣にも迷惑かけてるし、) is let go on: a 相づち is the whole reply.
  const letGoOn =
    caller?.stillTalking === true &&
    labels.violation === "none" &&
    !labels.casual &&
    !labels.repeatedToken &&
    sentences.length > 0 &&
    sentences.every((s) => isTokenOnly(s.text));
  if (!needsFix || letGoOn || waitAccepted(input)) return { text: "", keep: true };
  const onlyRegister =
    !unthanked &&
    !noNextStep &&
    !unconfirmed &&
    !questionIgnored &&
    !smallTalkIgnored &&
    labels.violation === "none" &&
    labels.apology !== "blanket" &&
    acknowledged &&
    (!needsCare || cared) &&
    !owedApology &&
    !owedCondolence &&
    !owedCongratulation &&
    !goodNewsUnheard &&
    !tokensOnly &&
    !unreflected;
  if (onlyRegister)
    return {
      text: correctKeigo(
        varyTokens(
          input.reply,
          kind,
          labels.repeatedToken,
          caller?.requested === true || caller?.asked === true,
        ),
      ),
      keep: false,
      registerOnly: true,
    };

  const seed = input.reply;
  const halting = isHalting(input.reply);
  const has = (spans: Span[]) => good.find((s) => spans.some((x) => x.start < s.end && x.end > s.start));
  const used = new Set<Sentence>();
  const take = (s: Sentence | undefined) => {
    if (!s || used.has(s)) return null;
    used.add(s);
    // A kept sentence after the opening loses its own 相づち (はい、お調べいたします → お調べいたします);
    // a read-back left on と (あっためもできないと) is finished (できないのですね).
    // (Also when the phrasing already opened with words of its own.)
    const text = (used.size > 1 || parts.length > 0 ? (stripToken(s.text) ?? s.text) : s.text)
      .replace(/(ない|た|いる|ている)と[。]?$/, "$1のですね。")
      .replace(/たい、?と[。…‥]*$/, "たいとのことですね。")
      // (玄関に段差があると。: a read-back left on と after a plain verb is an understanding confirmed.)
      .replace(/(?<=[るうくすつむぶぬぐ])と[。]?$/, "ということですね。")
      // A sentence left on its まして (改定になりまして。) is finished; a state (なっておりまして) stays one.
      .replace(/(おり|ござい|あり)まして[。]?$/, "$1ます。")
      .replace(/まして[。]?$/, "ました。")
      // A thought left hanging (ございまして…あとですね) ends where it was whole.
      .replace(
        /(まして|ですが|けど)?…+[、\s]*(あ、)?(あと|それと|それから|で|えっと)(ですね)?[。]?$/,
        (_, te?: string) => (te === "まして" ? "ます。" : "。"),
      );
    return halting ? fewerCommas(unpause(politeTokens(text)), true) : politeTokens(text);
  };

  const parts: string[] = [];
  let nextStepAdded: string | null = null;
  // かしこまりました accepts a request; to a complaint it sounds as if nothing were wrong.
  const acceptsComplaint =
    kind === "angry" &&
    !caller?.explicitRequest &&
    /^(かしこまりました|承知(いたし|し)ました)/.test(good[0]?.text ?? "");
  const firstGood = acceptsComplaint ? undefined : good[0];
  // Their opening 相づち stays unless it is a run of tokens (はい、はい。).
  const opensWithToken =
    !unthanked &&
    firstGood &&
    firstGood === sentences[0] &&
    isTokenOnly(firstGood.text) &&
    !labels.repeatedToken &&
    !/(はい|ええ|うん)[、\s…]*(はい|ええ|うん)/.test(firstGood.text);
  // A first sentence that is a 相づち and a bit more (はい、ごもっともです) opens without its token.
  const opensWithAck =
    !unthanked &&
    firstGood &&
    firstGood === sentences[0] &&
    !opensWithToken &&
    isTokenOnly(stripToken(firstGood.text) ?? "");
  // An answer to the caller's apology or thanks (いえいえ、とんでもないです) comes first, as it was said.
  const opensWithReassurance =
    firstGood !== undefined &&
    firstGood === sentences[0] &&
    /^(いえいえ|いいえ|とんでもな|こちらこそ)/.test(firstGood.text);
  // An inquiry answered straight after the token (はい、キッズチェアは2脚ご用意がございます) opens with it;
  // a token and a next step (はい、お調べいたします) hand the caller's words back first.
  const opensWithAnswer =
    kind === "inquiry" &&
    firstGood === sentences[0] &&
    firstGood !== undefined &&
    /^(はい|ええ|かしこまりました|承知(いたし|し)ました)[、。]/.test(firstGood.text) &&
    !isTokenOnly(firstGood.text) &&
    !movesOnPattern.test(firstGood.text) &&
    !has([...input.spans.parroting, ...input.spans.summarizing, ...input.spans.question]);
  // An inquiry answered with no word on what was asked: the question named first (はい、手数料でございますね).
  // (A word that would sound like an admission, 障害でございますね, is not named back.)
  const answeredBare =
    kind === "inquiry" &&
    caller?.asked === true &&
    caller.askedAbout !== null &&
    !admissionWord.test(caller.askedAbout) &&
    !acknowledged &&
    labels.violation === "none";
  parts.push(
    take(opensWithToken || opensWithAnswer || opensWithReassurance ? firstGood : undefined) ??
      (opensWithAck ? stripToken(take(firstGood)) : null) ??
      (answeredBare ? `はい、${honorPrefix(caller?.askedAbout ?? "")}でございますね。` : null) ??
      freshOpening(
        openings(kind, caller, labels.violation, (input.previousOperator ?? "") !== ""),
        seed,
        input.previousOperator ?? "",
      ),
  );

  // Their own read-back in other words (離れて暮らしているので…見られていないのですね) is their reflection too.
  const paraphrased =
    input.spans.parroting.length === 0 && input.spans.summarizing.length === 0
      ? good.find(
          (s) =>
            !(s === good[0] && isTokenOnly(s.text)) && confirmingEnd.test(s.text) && !/[?？]/.test(s.text),
        )
      : undefined;
  // A refusal that repeats the caller's word (明日は無理ですね) hands nothing back.
  // …nor does an answer or a remedy that names the caller's words (ロックの解除はこちらで承ります): it
  // stays where the trainee said it.
  const reflectionSentence =
    [has([...input.spans.parroting, ...input.spans.summarizing])].find(
      (s) =>
        s !== undefined &&
        !refusing.test(s.text) &&
        !(statesSomething(s.text) && !confirmingEnd.test(s.text)) &&
        // (A read-back left hanging, 焦げ臭い、においが…… / 三回も……はい, is finished by ours.)
        !hanging(s.text),
    ) ?? paraphrased;
  // A summary said in two sentences (…ご説明いただいている。そのうえ…ということですね) stays whole and in order.
  const leadSentence = reflectionSentence ? good[good.indexOf(reflectionSentence) - 1] : undefined;
  const lead =
    leadSentence &&
    leadSentence === sentences[sentences.indexOf(reflectionSentence as Sentence) - 1] &&
    !isTokenOnly(leadSentence.text) &&
    /(いる|いた|ない|なくて|た)。$/.test(leadSentence.text) &&
    !/(です|ます|ございます|ません|でした|ました|か)。$/.test(leadSentence.text)
      ? stripToken(take(leadSentence))
      : null;
  // (A read-back said as a bare clause, …戻られたと。, is finished as one: …戻られたのですね。)
  const theirs = finishReadBack(stripToken(take(reflectionSentence)));
  const theirReflection = theirs && lead ? `${lead.replace(/。$/, "、")}${theirs}` : theirs;
  const reflectionIsTheirs = theirReflection !== null;
  // The caller's words are not handed back again where a sentence of theirs already says them
  // (もうちょっとお話ししたいって思ってくださって、ありがとうございます).
  // (…nor where the reply already names the figure the caller's words turn on: 二万八千円というご請求では.)
  const figures =
    caller?.reflection?.match(
      /[0-9０-９一二三四五六七八九十百千万]+(円|日|時|分|回|件|個|枚|名|人|年|か月|ヶ月|週間|時間|キロ|センチ|倍)/g,
    ) ?? [];
  const ours =
    caller?.reflection &&
    !good.some(
      (s) =>
        /ありがと|嬉し|うれし|のですね|んですね/.test(s.text) &&
        sharedRun(s.text, caller.reflection ?? "") >= 6,
    ) &&
    !good.some((s) => !hanging(s.text) && figures.some((f) => s.text.includes(f)))
      ? `${ownStaffPlain(caller.reflection, input.reply)}。`
      : null;
  const reflection = theirReflection ?? ours;
  // A death is answered with condolence before anything of it is handed back.
  // (A regular's loss, met with warmth, is handed back first: その方を亡くされたのですね。お寂しいですね。)
  const condolenceFirst = owedCondolence && !reflectionIsTheirs && kind !== "lonely";
  const condolences = kind === "lonely" ? warmCondolences : formalCondolences;
  if (condolenceFirst) parts.push(pick(condolences, seed, "empathy"));
  // Good news is congratulated before it is handed back.
  const congratulationFirst = owedCongratulation && caller !== null && !condolenceFirst;
  if (congratulationFirst) parts.push(empathyLine(caller, seed, kind) ?? "おめでとうございます。");
  // An inquiry answered straight away needs no echo of the question after its answer.
  if (reflection && !(opensWithAnswer && !reflectionIsTheirs)) parts.push(reflection);

  const empathySentence = has(input.spans.empathy);
  // Their empathy already said inside the sentence kept as the reflection needs no second line.
  const empathySaid = empathySentence !== undefined && used.has(empathySentence);
  // Their words for a feeling the caller did not voice (お寂しいですよね to a caller whose knees hurt) give way to
  // words for the one they did.
  const misread =
    empathySentence !== undefined &&
    /寂し|さみし|さびし|心細|孤独/.test(empathySentence.text) &&
    // (Only a line that is nothing but the feeling: one that also hands the story back stays.)
    empathySentence.text.replace(/[、。\s]/g, "").length <= 20 &&
    caller !== null &&
    (caller.feeling === "hurting" || caller.feeling === "worried") &&
    !caller.alone;
  if (misread && empathySentence) used.add(empathySentence);
  const theirEmpathy = misread ? null : stripToken(take(empathySentence));
  const empathy =
    condolenceFirst || congratulationFirst
      ? // (Their own words for the moment, さぞお慌てのことと存じます, stay after the condolence.)
        condolenceFirst && theirEmpathy && !condolence.test(theirEmpathy)
        ? theirEmpathy
        : null
      : owedCondolence && !(theirEmpathy && condolence.test(theirEmpathy))
        ? pick(condolences, seed, "empathy")
        : owedCongratulation && caller
          ? empathyLine(caller, seed, kind)
          : empathySaid || /(ご心配|ご不安|お寂し|おつら|お辛)[^。]{0,4}のですね。?$/.test(reflection ?? "")
            ? null
            : (theirEmpathy ??
              (caller && !(caller.answeredDatum && input.previousOperator)
                ? empathyLine(caller, seed, kind, reflection ?? "")
                : null));
  // (The trainee's own words for the feeling stay, in an inquiry too.)
  if (empathy && (kind !== "inquiry" || upset || empathy === theirEmpathy)) parts.push(empathy);

  // (The caller's お詫びのひと言もなく handed back is no apology of ours.)
  const apologized = () => parts.some((p) => /申し訳|お詫び(申し上げ|いたし)|おかけし/.test(p));
  // Where the apology we added stands: their own words for the caller's feeling go before it.
  let apologyAt = -1;
  // (An apology the operator already made a turn ago is not made again at once.)
  // (Only where the reply already met the feeling: the apology is then not made again at once.)
  const apologizedJustBefore =
    labels.empathy && /申し訳(ござ|あり)|お詫び/.test(input.previousOperator ?? "");
  // (A datum given mid-call, after the trouble was heard, needs no new apology.)
  if (
    apologyOwed(kind, caller) &&
    !apologizedJustBefore &&
    !(caller?.answeredDatum && input.previousOperator)
  ) {
    const theirs = labels.apology === "limited" ? take(has(input.spans.apology)) : null;
    if (theirs) parts.push(theirs);
    else if (!apologized()) {
      apologyAt = parts.length;
      parts.push(apologyLine(caller, seed, parts.join("")));
    }
  }

  // Their other good sentences (a remedy offered, an answer given) stay, in their order; after a
  // violation only the sentences that did something the rubric asks for do (the rest may carry it on).
  const questionSentence = questionIgnored ? undefined : has(input.spans.question);
  // …すぐでしょうか。それともしばらくたってからでしょうか: the question's second half stays with it.
  const alternative = questionSentence
    ? sentences.find((s, i) => sentences[i - 1] === questionSentence && /^それとも/.test(s.text))
    : undefined;
  // After a violation, what the reply said before it (an answer given) stays; what follows may carry it on.
  const firstFlag = Math.min(...input.spans.violation.map((v) => v.start));
  for (const s of labels.violation === "none" ? good : good.filter((g) => g.end <= firstFlag)) {
    if (used.has(s) || s === questionSentence || s === alternative || isTokenOnly(s.text)) continue;
    // A thought broken off (はい…ただ、ですね。 / で、まだ半年なのに。) is no sentence to keep.
    if (/^[^。]{0,12}、ですね。?$|(なのに|のに|(?<!ます|です)ので|けど|けれど|ですが)[。…]*$/.test(s.text))
      continue;
    // After a remark that belittled the loss, its neighbour that does the same (ゴミの日くらい誰でも忘れます)
    // goes with it.
    if (
      (labels.violation === "opinion" || labels.violation === "argue") &&
      /(くらい|ぐらい)[、]?(で|は|なら|、)?[^。]{0,10}(誰でも|よく|みんな|皆さん)|誰でも[^。]{0,8}(ます|ですよ)|大したこと|たかが|よくあること/.test(
        s.text,
      )
    )
      continue;
    // …nor a transcript's plain-form fragment (傷が増えて、いて…そのままだった。/ お待たせした、うえで…).
    if (
      reflection &&
      !/(ます|です|ました|でした|ません|ございます|ござい|ください|ませ)/.test(s.text) &&
      /(た|だった|ない|いて|うえで|ので|て)[…‥、]*。?$/.test(s.text)
    )
      continue;
    // …or left on its particle (午前中のご指定だったのに、夕方の5時に。): no predicate to stand on.
    if (/((?<!よう)に|[がを])[。…]*$/.test(s.text)) continue;
    // …or a read-back left hanging (二時間も……。) once the caller's words were handed back.
    if (reflection && hanging(s.text)) continue;
    // …or a 相づち held on its own after the words began (はい……。 / 三回も……はい。).
    if (/^((はい|ええ|うん|はあ|ああ)[、…‥\s]*)+。?$|[…‥]+(はい|ええ|うん)[。…]*$/.test(s.text)) continue;
    // …and a phrase left on a noun (今日が、ご主人様の七回忌。) once the caller's words were handed back.
    if (reflection && /^[^。]{2,20}[\p{Script=Han}ァ-ヶ]。?$/u.test(s.text) && !/[0-9０-９]/.test(s.text))
      continue;
    if (questionIgnored && business.test(s.text)) continue;
    // A short read-back of their own (はい、定期便の停止ですね) says again what the reflection just said.
    if (
      reflection &&
      !reflectionIsTheirs &&
      /^[^、。]{2,20}(です|でございます)ね。?$/.test(stripToken(s.text) ?? "")
    )
      continue;
    if (input.spans.apology.some((a) => a.start < s.end && a.end > s.start) && kind === "angry") continue;
    // (A bare 申し訳ございません! of theirs after the apology already made says it twice.)
    if (
      apologized() &&
      /^((はい|ええ)、?)?((大変|誠に|本当に)、?)*申し訳(ござい|あり)ません(でした)?[!！。…]*$/.test(s.text)
    )
      continue;
    // The concession a refusal leaned on (ご事情はお察しいたします。ですが…) goes with the refusal.
    const next = sentences[sentences.indexOf(s) + 1];
    if (labels.violation === "argue" && concessionBefore.test(s.text) && next && flagged(next)) continue;
    // …and so does the premise a tip leaned on (ただ、日帰りですと慌ただしいかと存じます。1泊されたほうが…).
    if (
      (labels.violation === "advise" || labels.violation === "opinion") &&
      next &&
      flagged(next) &&
      /^(ただ(?!いま|今)|でも|ですが|しかし|ただし)[、\s]?/.test(stripToken(s.text) ?? s.text)
    )
      continue;
    const kept = take(s);
    if (!kept) continue;
    // Their words for the caller's feeling (胸が痛むお気持ちだったことと思います) come before the apology we
    // added; what they will do comes after it.
    if (
      apologyAt >= 0 &&
      feelingWords.test(kept) &&
      !movesOnPattern.test(kept) &&
      !/[か？?]。?$/.test(kept)
    ) {
      parts.splice(apologyAt, 0, kept);
      apologyAt += 1;
    } else parts.push(kept);
  }
  // A datum asked too soon (で、ご予算は？) is the right question at the wrong moment: once the caller has
  // been heard it is asked, softened.
  const askedTooSoon =
    labels.violation === "derail" && !questionSentence && (kind !== "lonely" || caller?.requested)
      ? sentences.find(
          (s) =>
            flagged(s) &&
            (input.spans.question.some((q) => q.start < s.end && q.end > s.start) ||
              /を(どうぞ|お願いします|お願いいたします)[。]?$/.test(s.text)) &&
            !/それより|その話|ところで|結論から|関係|いいので|けっこうです|結構です|その前に|ちなみに/.test(
              s.text,
            ) &&
            // Only a datum the matter needs is asked again; a new business (本日のご注文は…) is not.
            /番号|お名前|ご住所|ご連絡先|生年月日|日時|お日にち|ご予算|人数|型番|機種|ご希望の|お届け先|いつ/.test(
              s.text,
            ),
        )
      : undefined;
  const askedLate = askedTooSoon
    ? (stripToken(askedTooSoon.text) ?? askedTooSoon.text).replace(
        /^((はい|ええ|かしこまりました|承知(いた)?しました|わかりました|分かりました|それでは|それで|では|じゃあ|えっと|まず|で(?![しすき]))[、。\s]*)+/,
        "",
      )
    : null;
  const asked = questionSentence
    ? cushioned(`${take(questionSentence) ?? ""}${take(alternative) ?? ""}`, labels.cushion)
    : askedLate && askedLate.length > 3
      ? cushioned(politeTokens(askForDatum(askedLate)), false, true)
      : null;
  // An answer given before the advice in one sentence (入国時点で有効であれば大丈夫とされていますが、今後は…)
  // stays without the advice.
  if (labels.violation === "advise" || labels.violation === "opinion") {
    for (const s of sentences.filter(flagged)) {
      const split = /^(.{6,}?(ます|です|ございます|ません))(が|けど|けれど)[、\s]?(.{4,})$/.exec(s.text);
      // (再発行のお手続きはご案内いたしますが、…: without the advice, the contrast's は is を.)
      const answer = split?.[1]?.replace(/^(.{2,20}?)は(ご案内|ご説明|お手伝い)(いたします)$/, "$1を$2$3");
      const advice = split?.[4];
      if (
        answer &&
        advice &&
        /今後|これから|次回|次から|おすすめ|ほうが|方が|いかが|と思|ですよ/.test(advice) &&
        !/今後|これから|次回|おすすめ|ほうが|方が|いかが|思い|べき/.test(answer)
      )
        parts.push(politeTokens(stripToken(answer) ?? answer));
    }
  }
  // The remedy or answer said after 結論から申し上げますと stays, once the caller has been heard.
  let keptRemedy = false;
  if (labels.violation === "derail") {
    for (const s of sentences.filter(flagged)) {
      const rest = s.text.replace(coldOpening, "");
      // After ところで / それより only an answer to the caller's question stays (a coupon offered to a
      // complaint is the switch itself).
      // (A question of our own after それより, もうダウンロードされましたか, answers nothing.)
      const answers =
        /^結論から/.test(s.text) ||
        (kind === "inquiry" && caller?.asked === true && !/(か|ですか|ますか)[。？?]?$/.test(rest));
      if (rest !== s.text && rest.length > 4 && answers && !/番号|お名前|ご住所/.test(rest)) {
        parts.push(politeTokens(rest));
        keptRemedy = true;
      }
    }
  }
  // Refusing what the caller asked (an argue) is softened by an apology for not meeting the wish.
  // A rebuttal to a complaint (表示に誤りはございません) is replaced by the apology the complaint is owed.
  // (An ordinary inquiry refused is a wish not met, not a wrong to apologize for.)
  // (A concern told without a request, インクの減りが早い気がする, has no wish to refuse.)
  // (The no itself, said without the rulebook, stays once the caller has been heard: アプリを削除されても
  // ご解約にはなりませんので、ご返金はいたしかねます. Left out, the caller is never told the answer.)
  const plainNo =
    labels.violation === "argue" && kind === "inquiry" && !caller?.defect
      ? sentences
          .filter(flagged)
          .map((s) => withoutRulebook(halting ? fewerCommas(unpause(s.text), true) : s.text))
          .find((no) => no !== null && !judgesCaller(no))
      : undefined;
  if (
    labels.violation === "argue" &&
    kind === "inquiry" &&
    !apologized() &&
    (caller?.defect || caller?.requested || caller?.asked)
  ) {
    // (A question rebutted, レシピ変わったんですか → いえ、一度もございません, is no wish to apologize for
    // not meeting: it is looked into.)
    const line = caller?.defect
      ? apologyLine(caller, seed)
      : plainNo
        ? `大変申し訳ございませんが、${plainNo}`
        : caller?.requested
          ? "ご希望に添えず、申し訳ございません。"
          : null;
    if (line) parts.push(line);
  }
  const said = parts.slice(opensWithAnswer ? 0 : 1);
  // A kept sentence that already moves the call on (ご案内いたします, お調べします) needs no other next step.
  // (Nor does the no said plainly: a search for a way after it promises what was just refused.)
  const movesOn =
    keptRemedy ||
    said.some((p) => movesOnPattern.test(p)) ||
    (plainNo != null && said.some((p) => p.endsWith(plainNo)));
  // So does an answer to the caller's question (15時からでございます, 1時間から2時間ほどになります).
  const answered =
    (caller?.asked &&
      said.some(
        (p) =>
          /ございます|となっております|でき(ます|ません)|可能です|不要です|になります|(円|時|分|日|件)(です|からです)/.test(
            p,
          ) && !/ですね。$|でございますね。$/.test(p),
      )) ||
    // …or any statement of fact the trainee gave in reply (利率が下がります).
    // A no behind its cushion (申し訳ございませんが、一部のみのキャンセルは承っておりません) answers too.
    // (…and so does an inquiry's explanation kept once the tip after it is gone: 等級が三つ下がっております.)
    ((caller?.asked ||
      (kind === "inquiry" && (labels.violation === "advise" || labels.violation === "opinion"))) &&
      said
        .map((p) => p.replace(/^(大変)?(申し訳ございませんが|恐れ入りますが|あいにく)、?/, ""))
        .some(
          (p) =>
            /(ます|です|ません)。$/.test(p) &&
            // (Words for the caller's feeling, さぞお困りのことと存じます, answer nothing.)
            !/ですね。$|申し訳|ありがと|恐れ入|お待ち|存じます|と思います|お察し|ですよね|ごもっとも/.test(p),
        ));
  // (A bare yes to a request, はい、承れます, leaves the caller waiting for what comes next.)
  const acceptance = (p: string) =>
    /^(はい、)?(承れます|承ります|可能です|できます|大丈夫です|かしこまりました)。$/.test(p);
  const acceptedOnly =
    caller?.requested === true &&
    said.some(acceptance) &&
    !said.some((p) => !acceptance(p) && statesSomething(p));
  // (The caller's question about the operator is met before the reply's own question.)
  if (smallTalkIgnored)
    parts.push(caller?.personal ? nextStep(input, seed) : "お気遣いありがとうございます。");
  if (asked) parts.push(asked);
  else if (!movesOn && (!answered || acceptedOnly)) {
    // An inquiry's question is answered first; a lonely caller is listened to, not processed.
    const repaired =
      situationStep(caller, kind) !== null ||
      (kind === "inquiry" && caller?.asked && labels.violation !== "argue") ||
      (kind === "lonely" && labels.violation !== "derail")
        ? null
        : repairedStep(input, sentences, flagged);
    const step = repaired ?? nextStep(input, seed);
    parts.push(step);
    if (noNextStep) nextStepAdded = step;
  }
  // Their kept sentence opens with its own 相づち (そうでしたか……三回目なのですね): no second one before it.
  const tokenOpening = /^(そうでしたか|そうですか|さようでございま|左様でございま|まあ、そうでしたか)/;
  if (tokenOpening.test(parts[0] ?? "") && tokenOpening.test(parts[1] ?? "")) parts.shift();
  return {
    text: correctKeigo(
      dedupe(parts.map((part) => (input.ourName ? part.replace(/弊社/g, input.ourName) : part)))
        // A pause alone (……) is no sentence of the phrasing.
        .filter((part) => !/^[…・、。\s]*$/.test(part))
        .map((part) => fewerCommas(part))
        .map(breathe)
        .join("")
        // Our apology right before their cushioned no (申し訳ございません。申し訳ございませんが…): あいにく.
        // (…but a request after it, …お送りいただけますでしょうか, is cushioned with 恐れ入りますが.)
        .replace(/申し訳ございません。申し訳ございませんが、?(?=([^。]*)。?)/g, (_m: string, rest: string) =>
          /(いただけ|いただいて|願え|ください|お願い)[^。]*(でしょうか|ますか|ます|ません)$/.test(rest)
            ? "申し訳ございません。恐れ入りますが、"
            : "申し訳ございません。あいにく、",
        )
        // (キャンセルになさいますか。それとも…: the alternative stays in the question it completes.)
        .replace(/か。(?=それとも)/g, "か、")
        .replace(/か[?？](?=$|[^」』])/g, "か。")
        .replace(/ごご[、,\s]?(?=[0-9０-９一二三四五六七八九十])/g, "午後")
        .replace(/ごぜん[、,\s]?(?=[0-9０-９一二三四五六七八九十])/g, "午前"),
    ),
    keep: false,
    ...(unconfirmed && caller?.reflection ? { unconfirmed: caller.reflection } : {}),
    ...(nextStepAdded ? { nextStep: nextStepAdded } : {}),
  };
}

// A caller who stepped away for a moment (ちょっと待っててね、火を止めてくるわね) met with はい、お待ちしております:
// nothing to add.
function waitAccepted(input: SuggestionInput): boolean {
  return (
    input.kind !== "angry" &&
    input.caller?.busy === true &&
    input.labels.violation === "none" &&
    !input.labels.casual &&
    /^((はい|ええ)[、。\s]*)*((お待ち|おまち)(しております|しています)|ごゆっくりどうぞ|どうぞごゆっくり|かしこまりました)[。！!]?$/.test(
      input.reply.replace(/\s+/g, ""),
    )
  );
}

// A sentence that answers, acts or informs (土曜日は午前中のみ診療しております / 7時半に変更いたしました), not one
// that only hands back, feels or apologizes.
function statesSomething(text: string): boolean {
  return (
    /(ます|です|ません|ました|ございます|おります|ください|ですよ|ますよ)[。！!]?$/.test(text) &&
    !/(ですね|でございますね|ませんね|ましたね|ますね)[。]?$/.test(text) &&
    !/申し訳|ありがと|恐れ入|お待ち|存じます|と思います|お察し|ですよね|ますよね|ごもっとも|お気持ち|おかけしました|おかけしております/.test(
      text,
    )
  );
}

// Words for the caller's feeling in a sentence of the trainee's (…ことと思います, ごもっともです).
const feelingWords =
  /思います|存じます|ですよね|でしょう|当然|ごもっとも|無理もな|お察し|お気持ち|おつら|お辛|心細|ご心配|胸が痛|ご不安|ご不快/;

// A sentence that hands the caller's matter back as the operator's understanding.
const confirmingEnd = /(のですね|んですね|ということ(です|でございます)ね|とのことですね)[。]?$/;
const refusing = /無理|できません|いたしかね|お受けできな|致しかね/;
const concessionBefore = /お察し|お気持ちは[^。]{0,8}(わか|分か)|ごもっともです/;

// A short confirmation of what the caller wants, in the operator's words: 別の日へのご変更ですね.
const readBack = /^(はい、)?[^、。？?]{3,30}(です|でございます)ね[。]?$/;

/** A complaint about something of ours gone wrong is owed a limited apology (not a loss: condolence). */
export function apologyOwed(kind: CallKind, caller: CallerUnderstanding | null): boolean {
  // Something of ours gone wrong (the wrong name on the cake) is apologized for however calmly it is told.
  // (Anger at someone else, 事故の相手の保険会社の担当, is met with empathy: nothing of ours to apologize for.)
  return (
    ((kind === "angry" && caller?.othersFault !== true) || caller?.defect === true) &&
    caller?.feeling !== "loss"
  );
}

// Feelings the caller put into words (寂しい, 心配, 情けない): a lonely caller's story told back does not
// answer them.
function namedFeeling(caller: CallerUnderstanding | null): boolean {
  return (
    caller !== null &&
    ["lonely", "down", "hurting", "unfair", "worried", "scared", "loss"].includes(caller.feeling)
  );
}

/** Words of condolence or of sharing a loss. */
export const condolence =
  /お悔やみ|ご愁傷|心中お察し|お辛|おつら|お寂しい|お淋しい|悲し|胸が痛|ご冥福|心細|心残り/;
const formalCondolences = ["心よりお悔やみ申し上げます。", "それはおつらいですね。心中お察しいたします。"];
// A regular who lives with her loss is met with warmth, not a formal condolence.
const warmCondolences = ["それはお寂しいですね。", "お寂しいお気持ち、お察しいたします。"];

/** The lines the feedback tips point at: the opening and the empathy line the phrasing would use. */
export function suggestedLines(
  kind: CallKind,
  caller: CallerUnderstanding | null,
  seed: string,
): { opening: string; empathy: string | null; apology: string } {
  return {
    opening: pick(openings(kind, caller, "none"), seed, "open"),
    empathy: caller ? empathyLine(caller, seed, kind) : null,
    // The same apology the phrasing offers: one that does not repeat its empathy line's words.
    // (…nor the reply's own words: the seed is the reply.)
    apology: apologyLine(caller, seed, `${seed}${(caller && empathyLine(caller, seed, kind)) ?? ""}`),
  };
}

/**
 * The caller as the explain step should treat them in this kind of call: an inquiry is answered, not
 * consoled, so its small frustrations (届かない, 間に合うか) count as no feeling unless something of ours broke.
 */
export function callerForKind(
  caller: CallerUnderstanding | null,
  kind: CallKind,
): CallerUnderstanding | null {
  if (!caller || kind === "angry") return caller;
  // An ordinary caller's own machine that broke (古いパソコンが起動しない) is no fault of ours to apologize for.
  const ours = caller.defect && !caller.ours ? { ...caller, defect: false, cause: null } : caller;
  if (kind !== "inquiry" || ours.feeling !== "trouble" || ours.defect) return ours;
  return { ...ours, feeling: "neutral" };
}

// さようでございますか said by the operator a turn ago is not said again: another opening, or none (the
// reflection then opens the reply).
function freshOpening(options: string[], seed: string, previous: string): string {
  const stem = (o: string) =>
    o
      .replace(/[。、]/g, "")
      .replace(/左様/g, "さよう")
      .replace(/^(まあ|はい)/, "")
      .replace(/(でございま|です)(す|した)か$/, "");
  const said = previous.replace(/左様/g, "さよう");
  const fresh = options.filter((o) => !said.includes(stem(o)) || stem(o).length < 2);
  return fresh.length > 0 ? pick(fresh, seed, "open") : "";
}

function openings(
  kind: CallKind,
  caller: CallerUnderstanding | null,
  violation: ViolationKind,
  midCall = false,
): string[] {
  // Kind words about the operator (あなたの声を聞くとほっとする, あなた優しいわねえ) are thanked for,
  // with or without a question about them.
  if (caller?.praisedOperator && !caller.apologized && kind === "lonely")
    return [
      "ありがとうございます。そうおっしゃっていただけて、嬉しいです。",
      "そう言っていただけて、とても嬉しいです。",
    ];
  // A question about the operator (あなた、いくつ？) is met with thanks for the interest, not そうでしたか.
  if (caller?.personal && kind === "lonely")
    return ["ありがとうございます。", "お気にかけていただき、ありがとうございます。"];
  // A regular sorry for calling again (ごめんなさいねえ、また電話しちゃって) is put at ease first.
  if (caller?.apologized && kind === "lonely")
    return caller.praisedOperator
      ? ["いえいえ、とんでもないです。そう言っていただけて、嬉しいです。"]
      : ["いえいえ、とんでもないです。", "いいえ、とんでもないです。お電話ありがとうございます。"];
  // A datum given as asked (緑町3丁目の12番の集積所よ) is thanked for, not met with surprise.
  if (caller?.answeredDatum && midCall) return ["ありがとうございます。", "恐れ入ります。"];
  if (caller?.feeling === "happy") return ["まあ、そうでしたか。", "そうでしたか。"];
  if (caller?.feeling === "loss") return ["そうでしたか。", "さようでございましたか。"];
  if (kind === "lonely") return ["そうでしたか。", "まあ、そうでしたか。"];
  if (kind === "angry") return ["さようでございますか。", "さようでございましたか。", "左様でございますか。"];
  // A caller pressing a refused request (〜でもダメなんですか) is not thanked for an inquiry.
  if (caller?.asked && violation === "argue") return ["はい。"];
  // A caller who apologizes while asking (すっぽかしちゃって、すみません) is thanked for calling.
  if (caller?.asked && caller.apologized)
    return ["ご連絡ありがとうございます。", "ご丁寧にありがとうございます。"];
  // A request put as a question (別の日に変えてもらえますか) is accepted, not thanked for as a question
  // (a question about what can be done, 間に合いますか / できますか, is thanked for as an inquiry).
  if (caller?.asked && caller.explicitRequest) return ["かしこまりました。", "承知いたしました。"];
  // A bare はい before an answer that may be no sounds like yes: the question is acknowledged instead.
  // (Mid-call, a question is no new inquiry to thank for: it is acknowledged.)
  if (caller?.asked)
    return midCall
      ? ["さようでございますか。"]
      : ["ご質問ありがとうございます。", "お問い合わせありがとうございます。"];
  // かしこまりました to a request about to be refused sounds like a yes.
  if (caller?.requested && violation === "argue") return ["さようでございますか。"];
  if (caller?.requested) return ["かしこまりました。", "はい、承知いたしました。", "承知いたしました。"];
  return ["さようでございますか。", "はい。"];
}

// Feeling words a line and the reflection before it should not both say (心配なのですね。ご心配ですよね).
const feelingStems = [
  "心配",
  "楽しみ",
  "寂し",
  "不安",
  "困",
  "残念",
  "がっかり",
  "驚",
  "辛",
  "つら",
  "怖",
  "大変",
  "恥",
  "嬉し",
  "うれし",
  "懐かし",
  "思い出",
];

function empathyLine(caller: CallerUnderstanding, seed: string, kind: CallKind, said = ""): string | null {
  const lines: Record<CallerUnderstanding["feeling"], string[]> = {
    loss: kind === "lonely" ? warmCondolences : formalCondolences,
    scared:
      kind === "angry"
        ? [
            "さぞ怖い思いをされたことと存じます。",
            "それは驚かれましたよね。さぞ怖い思いをされたことと存じます。",
          ]
        : ["それはひやっとされましたよね。", "それは驚かれましたよね。お体は大丈夫でいらっしゃいますか。"],
    unfair:
      kind === "angry"
        ? [
            "ご納得がいかないのも、もっともでございます。",
            "ご納得がいかないお気持ち、ごもっともでございます。",
          ]
        : ["それは納得がいかないお気持ちになりますよね。", "ご納得がいかないのも、もっともでございます。"],
    fedUp: [
      "たびたびのこととなれば、ご不快に思われるのも当然でございます。",
      "同じことが続いては、さぞご不快だったことと存じます。",
    ],
    ashamed: ["さぞお恥ずかしい思いをされたことと存じます。", "さぞきまりの悪い思いをされたことと存じます。"],
    lonely: caller.alone
      ? ["お一人だとお寂しいですよね。", "お一人ですと心細いですよね。"]
      : ["それはお寂しいですよね。", "お寂しいお気持ち、お察しいたします。"],
    disappointed: caller.justBought
      ? [
          "お買い求めになったばかりなのに、さぞがっかりされたことと存じます。",
          "お求めになったばかりでは、がっかりされますよね。",
        ]
      : caller.lookedForward
        ? [
            "楽しみにされていたのに、さぞがっかりされたことと存じます。",
            "楽しみにされていたのに、がっかりされましたよね。",
          ]
        : ["それは残念でしたね。", "さぞがっかりされたことと存じます。"],
    worried: ["ご心配ですよね。", "ご不安なお気持ち、お察しいたします。"],
    // (そう感じてしまうと answers a feeling handed back, 情けないと思われるのですね; a fact needs its own words.)
    down: /思われ|感じ|と思|滅入|落ち込|情けな|気が/.test(said)
      ? ["そう感じてしまうと、おつらいですよね。", "お気持ち、お察しいたします。"]
      : ["それはおつらいですよね。", "お気持ち、お察しいたします。"],
    hurting:
      kind === "angry"
        ? ["さぞおつらい思いをされたことと存じます。", "それはさぞおつらかったことと存じます。"]
        : ["それはおつらいですよね。", "それはおつらいですね。"],
    trouble: troubleEmpathy(caller.cause, kind),
    happy: caller.celebrating
      ? ["それはおめでとうございます。", "このたびはおめでとうございます。"]
      : ["それは嬉しいですね。", "それは本当によかったですね。"],
    memory: ["大切な思い出がおありなのですね。", "懐かしく思い出されるのですね。"],
    neutral: [],
  };
  // Found cold by the caller (あなたはなんだか冷たいわね): sorry for how it came across, before anything else.
  const all =
    caller.slighted === "cold"
      ? ["冷たく感じさせてしまい、申し訳ございません。", "そのように感じさせてしまい、申し訳ございません。"]
      : caller.slighted === "rude"
        ? [
            "ご不快な思いをさせてしまい、申し訳ございません。",
            "失礼いたしました。ご不快な思いをさせてしまい、申し訳ございません。",
          ]
        : lines[caller.feeling];
  if (all.length === 0) return null;
  const fresh = all.filter((o) => !feelingStems.some((stem) => o.includes(stem) && said.includes(stem)));
  // A day that mattered spoiled (子どもの誕生日だったのに) is named: 大切な日に、さぞ…
  const spoiled =
    caller.occasion !== null &&
    kind === "angry" &&
    ["disappointed", "trouble", "fedUp", "hurting"].includes(caller.feeling) &&
    !said.includes(caller.occasion);
  const options = fresh.length > 0 ? fresh : all;
  const deep = options.filter((o) => o.startsWith("さぞ"));
  const line = spoiled
    ? `${caller.occasion}、${pick(deep.length > 0 ? deep : options, seed, "empathy").replace(/^それは/, "")}`
    : pick(options, seed, "empathy");
  // Time the caller already lost (待たされた, 来なかった, 眠れなかった) is felt in the past; a result still
  // with them (ロックされた, 割れていた, 請求が増えた) in the present.
  return /待|来なかった|られなかった|間に合わなかった|行けなかった|帰された/.test(said) &&
    /(た|だった|なかった)(のです|ん(です|でございます))ね。?$/.test(said)
    ? line
        .replace("お困りのことと存じます", "お困りだったことと存じます")
        .replace("それはお困りですよね", "それはお困りでしたよね")
    : line;
}

// Empathy for a complaint, fitted to what went wrong: surprise at a bill, worry over a wait, letdown at
// the wrong thing, displeasure at our manner, trouble with a fault.
const troubleLines: Record<TroubleCause, string[]> = {
  charge: ["それは驚かれましたよね。", "思いがけないご請求で、さぞ驚かれたことと存じます。"],
  wait: ["お時間を取られて、さぞご不快に思われたことと存じます。", "それはさぞお困りのことと存じます。"],
  // Still missing (a parcel) or already costly (a missed connection): お困り fits both, ご心配 only the first.
  delay: ["さぞお困りのことと存じます。", "それはさぞお困りのことと存じます。"],
  wrong: ["それはがっかりされましたよね。", "思っていらしたものと違っていては、がっかりされますよね。"],
  staff: ["そのような対応では、お気を悪くされて当然です。", "さぞ嫌な思いをされたことと存じます。"],
  defect: ["さぞお困りのことと存じます。", "それはさぞお困りのことと存じます。"],
  foreign: ["さぞ驚かれたことと存じます。", "それはさぞ驚かれたことと存じます。"],
};

function troubleEmpathy(cause: TroubleCause | null, kind: CallKind): string[] {
  // (A regular's trouble is shared warmly: ご不便 is a word for a service that failed.)
  if (kind === "lonely") return ["それはお困りですよね。", "それは大変ですね。"];
  if (kind !== "angry") return ["それはお困りですよね。", "それはご不便ですよね。"];
  return troubleLines[cause ?? "defect"];
}

// A limited apology scoped to what went wrong: the wait, the fault, the manner, the worry, the mistake; a
// fright or a trouble that keeps coming back is apologized for as such.
const apologyLines: Record<
  TroubleCause | "scared" | "fedUp" | "ashamed" | "hurting" | "unfair" | "other",
  string[]
> = {
  wait: [
    "長らくお待たせしてしまい、申し訳ございません。",
    "長い時間お待たせしてしまい、申し訳ございません。",
  ],
  ashamed: ["ご迷惑をおかけし、誠に申し訳ございません。", "大変ご迷惑をおかけし、申し訳ございません。"],
  // Something late or missing (a parcel, a mail, a visit promised for the morning): the trouble and the wait
  // (a trainer heard ご心配 as beside the point for a no-show).
  delay: ["ご迷惑をおかけしており、申し訳ございません。", "お待たせしてしまい、申し訳ございません。"],
  defect: [
    "ご不便をおかけし、申し訳ございません。",
    "ご不便をおかけしており、申し訳ございません。",
    "ご迷惑をおかけしており、申し訳ございません。",
  ],
  foreign: [
    "ご不快な思いをおかけし、誠に申し訳ございません。",
    "大変ご不快な思いをおかけし、申し訳ございません。",
  ],
  staff: [
    "ご不快な思いをおかけし、大変申し訳ございません。",
    "不快な思いをさせてしまい、申し訳ございません。",
  ],
  charge: ["ご不快な思いをおかけし、申し訳ございません。", "ご不安な思いをおかけし、申し訳ございません。"],
  wrong: ["ご期待に添えず、申し訳ございません。", "ご迷惑をおかけし、申し訳ございません。"],
  scared: ["ご心配をおかけし、大変申し訳ございません。", "怖い思いをさせてしまい、申し訳ございません。"],
  fedUp: ["たびたびご迷惑をおかけし、申し訳ございません。", "何度もお手数をおかけし、申し訳ございません。"],
  hurting: ["おつらい思いをおかけし、大変申し訳ございません。", "ご迷惑をおかけし、大変申し訳ございません。"],
  unfair: [
    "ご不快な思いをおかけし、申し訳ございません。",
    "ご不快な思いをさせてしまい、申し訳ございません。",
  ],
  // (ご不快な思い is for rudeness or dirt: a trainer heard it as beside the point for a fridge that stopped.)
  other: [
    "ご不便をおかけし、申し訳ございません。",
    "ご迷惑をおかけしており、申し訳ございません。",
    "大変ご迷惑をおかけし、申し訳ございません。",
  ],
};

/** The limited apology the phrasing offers this caller (the feedback tip names the same one). */
export function apologyLine(caller: CallerUnderstanding | null, seed: string, said = ""): string {
  const options = apologyOptions(caller);
  // Not the words the empathy line just used (さぞ怖い思いをされた… / 怖い思いをさせてしまい).
  const fresh = options.filter(
    (o) =>
      !said.includes(o.replace(/(をおかけし|をさせてしまい).*$/, "")) &&
      !["おつら", "不快", "不安", "心配", "怖", "不便"].some(
        (stem) => o.includes(stem) && said.includes(stem),
      ),
  );
  return pick(fresh.length > 0 ? fresh : options, seed, "apology");
}

function apologyOptions(caller: CallerUnderstanding | null): string[] {
  // An order late (a pizza cold, a parcel not come): the trouble it caused, and the lateness itself.
  if (caller?.cause === "delay" && caller.lookup === "ご注文番号" && caller.feeling !== "disappointed")
    return ["ご迷惑をおかけし、申し訳ございません。", "お届けが遅くなり、大変申し訳ございません。"];
  // Goods that arrived broken (届いたお皿が割れていた): the delivery is what is apologized for.
  if (caller?.cause === "defect" && caller.lookup === "ご注文番号")
    return [
      "このような状態でお届けしてしまい、大変申し訳ございません。",
      "お品物に不備があり、大変申し訳ございません。",
    ];
  // A child or a parent hurt by what happened (先生に言われて泣いて帰ってきた): the hurt, not an inconvenience.
  if (caller?.feeling === "worried" && caller.cause === null)
    return ["ご心配をおかけし、大変申し訳ございません。", "おつらい思いをさせてしまい、申し訳ございません。"];
  // A gift late for the birthday, the wrong thing for the day: the expectation is what was let down.
  if (caller?.feeling === "disappointed" && (caller.cause === "delay" || caller.cause === "wrong"))
    return ["ご期待に添えず、申し訳ございません。", "ご迷惑をおかけし、申し訳ございません。"];
  const feeling =
    caller?.feeling === "scared" ||
    caller?.feeling === "fedUp" ||
    caller?.feeling === "ashamed" ||
    caller?.feeling === "hurting" ||
    caller?.feeling === "unfair"
      ? caller.feeling
      : null;
  return apologyLines[feeling ?? caller?.cause ?? "other"];
}

// The next step fits the caller's last turn: a closing, a boundary, a read-back, an answer, or a question.
function nextStep(input: SuggestionInput, seed: string): string {
  const { caller, kind } = input;
  if (caller?.closing) {
    return kind === "lonely"
      ? "お電話ありがとうございました。またいつでもお声を聞かせてくださいね。"
      : pick(["お電話ありがとうございました。", "本日はお電話ありがとうございました。"], seed, "next");
  }
  if (caller?.wantsVisit && kind === "lonely") {
    return "お誘いいただきありがとうございます。申し訳ございませんが、お客様のお宅に伺うことはできないのです。お電話でしたら、いつでもお話を伺いますね。";
  }
  if (caller?.personal) {
    // (Kind words were thanked for first: the boundary follows without a second thanks.)
    if (caller.praisedOperator && kind === "lonely")
      return "申し訳ございませんが、私自身のことはお答えできない決まりになっております。";
    return pick(
      [
        "お気遣いありがとうございます。あいにく私自身のことはお話しできない決まりなのですが、お声を聞けて嬉しいです。",
        // (Not そう言っていただけて: a caller asking after the operator has not always praised them.)
        "気にかけていただき、ありがとうございます。申し訳ございませんが、私のことはお答えできない決まりになっております。",
      ],
      seed,
      "next",
    );
  }
  const special = situationStep(caller, kind);
  if (special) return special;
  // Two questions named back (上限額と手数料の2点ですね) are answered in turn.
  if (kind === "inquiry" && /(2|二|ふた)(点|つ)|両方/.test(input.reply))
    return pick(["それでは、順にご案内いたします。", "それぞれ、順にご案内いたします。"], seed, "next");
  if (caller?.asked && kind !== "lonely") {
    // (A free slot asked for, 土曜の午前って空いてます？, is looked up: the time already read back is not said again.)
    const slot = /^(.+)の空き状況$/.exec(caller.askedAbout ?? "");
    if (slot?.[1] && kind === "inquiry")
      return `${input.reply.includes(slot[1]) ? "" : `${slot[1]}の`}空き状況をただいまお調べいたしますので、少々お待ちいただけますでしょうか。`;
    if (caller.askedAbout && kind === "inquiry") {
      return pick(
        [
          `${caller.askedAbout}について、ただいまお調べいたしますので、少々お待ちいただけますでしょうか。`,
          `${caller.askedAbout}について、確認のうえご案内いたしますので、少々お待ちいただけますでしょうか。`,
        ],
        seed,
        "next",
      );
    }
    return "ただいまお調べいたしますので、少々お待ちいただけますでしょうか。";
  }
  const data = caller?.data.filter((d) => !(caller.reflection ?? "").includes(d)) ?? [];
  // Read back what identifies the matter (an order number, a booking's date or time), not any number said.
  // (In a complaint only a code identifies the matter: 夜中の2時まで is part of the story, not a key.)
  const readable = data.filter((d) =>
    kind === "angry" ? /[A-Za-z]|[0-9]{4,}/.test(d) : /[A-Za-z]|[0-9]{4,}|[0-9]+月[0-9]+日|[0-9]+時/.test(d),
  );
  if (readable.length > 0 && kind !== "lonely")
    return `${readable.join("、")}でございますね。ただいま確認いたします。`;
  const model = input.modelReply ? lastAsk(input.modelReply) : null;
  if (model) return model;
  const step = kind === "angry" ? troubleStep(caller, seed) : null;
  if (step) return step;
  // A caller torn between choices (カタログギフトか名入れの食器か迷っている) is helped to decide, not put on hold.
  if (kind === "inquiry" && /迷われ|迷って|決められ|決めかね|悩んで|悩まれ/.test(caller?.reflection ?? ""))
    return pick(
      [
        "よろしければ、ご予算やご希望をお聞かせいただけますか。",
        "差し支えなければ、どのような点で迷われているか、お聞かせいただけますか。",
      ],
      seed,
      "next",
    );
  // A machine of ours acting up, asked about calmly (カタカタ音がする): looked up by its model.
  if (
    kind === "inquiry" &&
    productWords.test(caller?.reflection ?? "") &&
    /音|動かな|つかな|故障|壊れ|エラー|冷えな|映らな|止ま|点滅|漏れ/.test(caller?.reflection ?? "")
  )
    return pick(
      [
        "状況を確認いたしますので、恐れ入りますが、製品の型番をお教えいただけますでしょうか。",
        "詳しくお調べいたしますので、恐れ入りますが、お使いの製品の型番を伺ってもよろしいでしょうか。",
      ],
      seed,
      "next",
    );
  const byKind: Record<CallKind, string[]> = {
    // A complaint about a charge or a number is looked up; a story is asked about.
    angry:
      (caller?.data.length ?? 0) > 0 || /請求|料金|金額|代金|明細|引き落と/.test(caller?.reflection ?? "")
        ? [
            `恐れ入りますが、すぐにお調べいたしますので、${caller?.lookup ?? "お名前"}を伺ってもよろしいでしょうか。`,
            `すぐに確認いたしますので、恐れ入りますが、${caller?.lookup ?? "お名前"}を伺ってもよろしいでしょうか。`,
            `ただいまお調べいたしますので、恐れ入りますが、${caller?.lookup ?? "お名前"}を伺えますでしょうか。`,
            "内容を確認いたしますので、少々お時間をいただけますでしょうか。",
          ]
        : [
            `恐れ入りますが、すぐにお調べいたしますので、${caller?.lookup ?? "お名前"}を伺ってもよろしいでしょうか。`,
            // A caller who already told the whole story is not asked to tell it again.
            caller?.detailed
              ? "すぐに確認いたしますので、少々お時間をいただけますでしょうか。"
              : "差し支えなければ、その時の状況をもう少し詳しくお聞かせいただけますか。",
            `すぐに確認いたしますので、恐れ入りますが、${caller?.lookup ?? "お名前"}を伺ってもよろしいでしょうか。`,
          ],
    // A story told plainly invites its sequel; a grief or a worry is only listened to.
    lonely:
      caller?.feeling === "neutral" || caller?.feeling === "happy"
        ? [
            "よろしければ、もう少しお話をお聞かせいただけますか。",
            "よろしければ、もう少しお聞かせいただけますか。",
          ]
        : [
            "よろしければ、もう少しお話をお聞かせいただけますか。",
            "ゆっくりで大丈夫ですので、お話を聞かせてくださいね。",
          ],
    // (A wish already read back in full is not asked about again.)
    inquiry:
      caller?.requested && !input.labels.summarizing && !input.labels.parroting
        ? [
            "確認いたしますので、少々お待ちいただけますでしょうか。",
            "恐れ入りますが、ご希望を詳しく伺ってもよろしいでしょうか。",
            "ただいまご案内いたします。",
          ]
        : ["確認いたしますので、少々お待ちいただけますでしょうか。", "ただいまご案内いたします。"],
  };
  return pick(byKind[kind], seed, "next");
}

// A next step some situations call for whatever the reply did: after a loss, the procedures in order;
// a booking asked for, the date it is wanted for.
function situationStep(caller: CallerUnderstanding | null, kind: CallKind): string | null {
  if (!caller || kind === "lonely") return null;
  const matter = caller.reflection ?? "";
  if (caller.feeling === "loss" && /手続き|何から|名義|どうしたら|どうすれば|届け出|届出|解約/.test(matter))
    return "必要なお手続きを順番にご案内いたしますので、ご安心ください。";
  if (
    kind === "inquiry" &&
    caller.requested &&
    /予約(を|し|され|が|でき)|ご予約/.test(matter) &&
    !caller.asked
  )
    // (A caller who already named the day and the hour, 金曜の夜7時に4人で, is not asked for them again.)
    return /[0-9０-９一二三四五六七八九十]+時|[月火水木金土日]曜|明日|あさって|明後日|来週|[0-9０-９]+日/.test(
      matter,
    )
      ? "ただいまお調べいたしますので、少々お待ちいただけますでしょうか。"
      : "ご希望の日にちと時間帯をお聞かせいただけますでしょうか。";
  return null;
}

// What the flagged sentence was after, done the right way round: the number asked for after listening,
// the situation asked about instead of the caller's mistake, a check offered instead of a policy.
function repairedStep(
  input: SuggestionInput,
  sentences: Sentence[],
  flagged: (s: Sentence) => boolean,
): string | null {
  const bad = sentences
    .filter(flagged)
    .map((s) => s.text)
    .join("");
  // A lonely caller is listened to, not offered a trouble desk's next step.
  if (input.kind === "lonely" && input.labels.violation !== "derail") return null;
  // A complaint whose cause is known moves on to what fixes it (an exchange, a lookup of the order).
  const step = input.kind === "angry" ? troubleStep(input.caller, input.reply) : null;
  if (step && input.labels.violation !== "derail") return step;
  switch (input.labels.violation) {
    case "derail": {
      const datum =
        /(ご注文番号|注文番号|お客様番号|会員番号|証券番号|伝票番号|お名前|ご住所|お電話番号|生年月日|暗証番号|ご契約内容|型番)/.exec(
          bad,
        )?.[1];
      return datum
        ? `恐れ入りますが、お調べいたしますので、${datum.replace(/^(注文番号)$/, "ご$1")}を教えていただけますでしょうか。`
        : null;
    }
    case "criticize":
      // A caller who already told what happened is not asked to tell it again: the matter is looked up.
      if (input.caller?.detailed && input.kind !== "lonely")
        return `すぐにお調べいたしますので、恐れ入りますが、${input.caller.lookup ?? "お名前"}を伺えますでしょうか。`;
      return pick(
        [
          "差し支えなければ、そのときの状況を詳しくお聞かせいただけますか。",
          "恐れ入りますが、どのような状況だったか、お聞かせいただけますでしょうか。",
        ],
        input.reply,
        "repair",
      );
    case "argue":
    case "advise":
      // What the caller asked about (参加費って返ってこないんですか) is what the check is promised for.
      if (input.caller?.askedAbout && input.caller.askedAbout.length <= 12)
        return `${honorPrefix(input.caller.askedAbout)}について、すぐに確認してご案内いたします。`;
      if (input.labels.violation === "advise")
        return pick(
          [
            "こちらでできることを確認して、ご案内いたします。",
            "こちらでお手伝いできることを、すぐにお調べいたします。",
          ],
          input.reply,
          "repair",
        );
      return pick(
        [
          "どのような対応ができるか、すぐに確認いたします。",
          "ほかにご案内できる方法がないか、確認いたします。",
          "お力になれる方法がないか、すぐにお調べいたします。",
        ],
        input.reply,
        "repair",
      );
    default:
      return null;
  }
}

// The concrete next step for a complaint, by what went wrong: the order looked up, an exchange arranged, the
// bill checked, the day's wait looked into.
function troubleStep(caller: CallerUnderstanding | null, seed: string): string | null {
  if (!caller?.cause) return null;
  const text = `${caller.reflection ?? ""}`;
  const booking = /予約|部屋|ホテル|宿|旅館|席|ツアー|便/.test(text);
  // (A meal delivered late, 宅配ピザ, is no parcel: it is looked up by the order, not a tracking number.)
  const meal = /ピザ|出前|料理|弁当|寿司|すし|ランチ|デリバリー|ケータリング|オードブル/.test(text);
  const parcel = !meal && /荷物|注文|配達|宅配|通販|お歳暮|お中元|商品|品物/.test(text);
  const product = productWords.test(text);
  // What the matter is looked up by, where the caller named it (ご予約のお名前, ご注文番号).
  const key = caller.lookup ?? "お名前";
  const steps: Record<TroubleCause, string[]> = {
    wait: [
      `当日の状況をすぐに確認いたしますので、恐れ入りますが、${key}を伺ってもよろしいでしょうか。`,
      `すぐに確認いたしますので、恐れ入りますが、${caller.lookup ?? "お名前とご利用の日時"}を伺ってもよろしいでしょうか。`,
    ],
    delay: /保険金|給付金|補償金|還付金|請求|申請/.test(text)
      ? [
          "ご請求の状況をすぐにお調べいたしますので、恐れ入りますが、ご契約者様のお名前を伺ってもよろしいでしょうか。",
          "お手続きの状況をすぐに確認いたしますので、恐れ入りますが、証券番号かご契約者様のお名前を伺えますでしょうか。",
        ]
      : meal
        ? [
            "すぐにご注文の状況を確認いたしますので、恐れ入りますが、ご注文時のお名前とお電話番号を伺えますでしょうか。",
          ]
        : parcel
          ? [
              "ただいまお届けの状況をお調べいたしますので、恐れ入りますが、ご注文番号を伺ってもよろしいでしょうか。",
              "すぐにお荷物の状況をお調べいたしますので、恐れ入りますが、伝票番号かご注文番号を伺えますでしょうか。",
            ]
          : [
              `すぐに状況を確認いたしますので、恐れ入りますが、${key}を伺ってもよろしいでしょうか。`,
              "ただいまお調べいたしますので、恐れ入りますが、お名前を伺えますでしょうか。",
            ],
    defect: product
      ? [
          "すぐにお調べいたしますので、恐れ入りますが、製品の型番とご購入日を伺えますでしょうか。",
          "交換や修理についてご案内いたしますので、恐れ入りますが、ご購入日と型番を伺ってもよろしいでしょうか。",
        ]
      : [
          `すぐに状況をお調べいたしますので、恐れ入りますが、${key}を伺ってもよろしいでしょうか。`,
          `ただいま確認いたしますので、恐れ入りますが、${key}を伺えますでしょうか。`,
        ],
    wrong: booking
      ? ["すぐに確認いたしますので、恐れ入りますが、ご予約のお名前とご利用日を伺ってもよろしいでしょうか。"]
      : [
          "至急お取り替えの手配をいたしますので、恐れ入りますが、ご注文番号を伺えますでしょうか。",
          "すぐに正しいお品物をご用意いたしますので、恐れ入りますが、ご注文番号を伺ってもよろしいでしょうか。",
        ],
    charge: /請求|明細|引き落と|料金|代金|利用料|手数料/.test(text)
      ? [
          "ご請求の内容をすぐにお調べいたしますので、恐れ入りますが、ご契約者様のお名前を伺ってもよろしいでしょうか。",
          "明細を確認いたしますので、恐れ入りますが、お名前を伺えますでしょうか。",
        ]
      : [
          "お支払いの状況をすぐにお調べいたしますので、恐れ入りますが、お名前を伺えますでしょうか。",
          `すぐに確認いたしますので、恐れ入りますが、${key}を伺ってもよろしいでしょうか。`,
        ],
    // (Eaten already: the caller's health comes before any number.)
    foreign: /食べ|飲ん|口に|召し上が/.test(text)
      ? ["お体の具合はいかがでしょうか。", "その後、お体にお変わりはございませんか。"]
      : [
          "すぐに原因をお調べいたしますので、恐れ入りますが、商品に記載の製造番号を伺えますでしょうか。",
          "至急確認いたしますので、恐れ入りますが、お買い求めの店舗と商品に記載の製造番号を伺ってもよろしいでしょうか。",
        ],
    staff: [
      "担当の者に事実を確認いたしますので、恐れ入りますが、お名前と、いつ頃のことか伺ってもよろしいでしょうか。",
      "当時の状況を確認いたしますので、恐れ入りますが、お名前を伺ってもよろしいでしょうか。",
    ],
  };
  return pick(steps[caller.cause], seed, "step");
}

// Things bought from us that a fault is looked up by (their model number and purchase date).
const productWords =
  /買|購入|商品|製品|品物|本体|機械|家電|掃除機|冷蔵庫|洗濯機|レンジ|テレビ|エアコン|冷房|暖房|給湯器|炊飯器|イヤホン|パソコン|スマホ|プリンター|ドライヤー/;

// The model reply's last question or offer, when it has one.
function lastAsk(modelReply: string): string | null {
  const sentences = splitSentences(modelReply);
  const ask = [...sentences].reverse().find((s) => /(か|ください|ませ)[。？?]?$/.test(s.text));
  return ask?.text ?? null;
}

// The sentences that move the call on themselves: no other next step is needed after them.
const movesOnPattern =
  /お話(を|、)?(お)?伺い(ます|しますね|ますね)|次のお電話|また(、)?いつでも|お電話くださいね|お待ちしております|ごゆっくり|ご説明し|そろそろ|このへんで|このあたりで|あと[0-9０-９一二三四五六七八九十]+分|ご案内(?!した)|お調べ|確認いたし|手配|お送りいたし|ご用意いたし|お取り替えいたし|交換いたし|お届けいたし|お伺いいたし|お待ちください|お待ちいただけ|決まり|お答えでき|お伝えでき|控えさせ|私は|私も|折り返し|差し上げ|ご連絡いたし|ご連絡します|お電話いたし/;
// What opens a reply that skips the caller's point (結論から申し上げますと, ところで).
const coldOpening =
  /^(結論から[、,]?(言いますと|申し上げますと|お伝えしますと)|ところで|それより(も)?)[、,]?/;

// 田中さんじゃないと話が通じない: a colleague the trainee named plainly (田中は本日お休み) is named plainly in
// the operator's mouth too.
function ownStaffPlain(reflection: string, reply: string): string {
  return reflection.replace(/([\p{Script=Han}]{1,4}|[ァ-ヶー]{2,6})さん/gu, (m: string, name: string) =>
    new RegExp(`${name}(?!さん)(は|が|も|に|の|を|より|から)`, "u").test(reply) ? name : m,
  );
}

/** How the operator names their own side in this call (当院 at a clinic, 当館 at a hotel), or 弊社. */
export function ourNameIn(texts: string[]): string {
  const said = texts.join("\n");
  if (/病院|医院|クリニック|診療所|歯科|予防接種|診察|受診|外来|入院/.test(said)) return "当院";
  if (/ホテル|旅館|ご宿泊|宿泊|チェックイン|客室|フロント/.test(said)) return "当館";
  return "弊社";
}

/** Words that thank the caller or say the operator is glad (ありがとう, 嬉しい): what kind words are owed. */
export const gladOrThankful = /ありがと|嬉し|うれし/;

// The caller complimented the operator (あなたの声を聞くと元気が出る) and the reply thanked them: thanks is
// the answer a kind word needs, not a reflection of it.
function thanksForKindWords(input: SuggestionInput): boolean {
  return (
    (input.caller?.personal === true ||
      input.caller?.praisedOperator === true ||
      // An invitation (今度うちにお茶でも) is answered with thanks before the boundary.
      input.caller?.wantsVisit === true ||
      /私(の|と|に|を)/.test(input.caller?.reflection ?? "")) &&
    gladOrThankful.test(input.reply)
  );
}

const tokenOnly =
  /^(はい|ええ|うん|なるほど|おっしゃる(通り|とおり)です|そうですか|そうでしたか|そうなんですね|そうなんですか|そうだったんですか|そうだったのですか|そうですね|さようでございますか|さようでございましたか|左様でございますか|左様でございましたか|さようでしたか|さようですか|そうでございましたか|かしこまりました|承知(いたし|し)ました|ごもっともです)[、。!！\s…‥]*$/;

export function isTokenOnly(raw: string): boolean {
  // (なるほど、そうでしたか is one 相づち said twice over; あら、そうなんですね one said with surprise.)
  const text = raw
    .replace(/^(あら|まあ|へえ|あー|ああ|おや|はあ|わあ)[、。…\s]*(?=.)/, "")
    .replace(/^なるほど[、。…\s]*(?=そうでしたか|そうですか|さようでございま|そうなんですね)/, "");
  return (
    tokenOnly.test(text.replace(/[、\s…‥]/g, "").replace(/(はい|ええ|うん)+/, "$1")) || tokenOnly.test(text)
  );
}

// ええ / うん toward a customer become はい.
// Business a lonely caller did not raise (本日のご注文は…): not carried past their question.
const business = /ご注文|ご用件|お手続き|ご契約|お支払い/;

// A sentence that only hesitates (え…, あ、はい……その、ですね): nothing of it is kept.
const hesitation =
  /^[えあーっ…、。\s]*$|^[…、。\s]*((はい|ええ)[…、。\s]*)?((その|あの|えー|えっと|まあ|ただ|でも|それで)[、\s]*)+(ですね)?[…、。\s]*$/;

// Spoken shortcuts an operator does not say: 点いてますか → 点いていますか, ランプって → ランプは.
function spokenToWritten(text: string): string {
  return (
    text
      // A recognizer's homophones in the trainee's own words (2時間異常, 交感いたします, 保障の対象外).
      .replace(
        /(?<=[0-9０-９一二三四五六七八九十](時間|分|日|回|円|名|人|件|個|か月|ヶ月|年|週間))異常/g,
        "以上",
      )
      .replace(/交感(?=(いたし|します|させて|の手配|を|に))/g, "交換")
      .replace(/保障(?=(の)?(対象|期間|書|内容|範囲))/g, "保証")
      .replace(/てま(す|した|せん)/g, "ていま$1")
      // 待ってたんですね → 待っていたのですね (only after a sound change: 捨てた, 建てた are whole verbs).
      // 伸びてたん: a kana stem before the て makes it a te-form too (伸び-て-た, 落ち-て-た).
      .replace(/(?<=[っいしんびみりきぎちにけげせべめれえじ])([てで])たん(?=です)/g, "$1いたの")
      // 積もってる → 積もっている, 降ってない → 降っていない, 溶けてた → 溶けていた.
      .replace(
        /(?<=[っいしんびみりきぎちにけげせべめれえじ])て(る|た|ない)(?=[、。,\s…のとねんか\p{Script=Han}]|でしょ|$)/gu,
        "てい$1",
      )
      .replace(/(?<=[ん])で(る|た|ない)(?=[、。,\s…のとねん\p{Script=Han}]|$)/gu, "でい$1")
      // A word restarted (お足、あ、お足元 / お、お届け / な、中身): only the finished one is written.
      // (A kanji or katakana in the restarted word: ええ、ええ and はい、いつ are not restarts.)
      .replace(
        /((?=[^、。]{0,3}[ァ-ヶ\p{Script=Han}])[ぁ-んァ-ヶー\p{Script=Han}]{1,4})、(あ、|いや、)?(?=\1[^、。])/gu,
        "",
      )
      .replace(/(?<=^|[、。])(?![とでにがをはもやへねよかえの])[ぁ-ん]、(?=[^、。])/g, "")
      // 包装、あ、掛け紙も: the word a speaker corrects with あ goes with the あ.
      .replace(/(?<=^|[、。])[\p{Script=Han}ァ-ヶー]{1,6}、(あ|あっ)、(?=[\p{Script=Han}ァ-ヶー])/gu, "")
      // 選んでしまわれて、で、見知らぬ: the で a speaker carries a story on with is not written.
      .replace(/(?<=[てで])、で、/g, "、")
      // 徒歩で、戻られた、と。: a read-back said as a bare clause is finished as one.
      .replace(/(?<=(られ|され|なさっ|いらし)た|(てい|て)(る|た)|なかった|ない)、?と(?=。|$)/g, "のですね")
      // 申請書をですね、: a ですね held after a particle while thinking is not written.
      .replace(/(?<=[をにがはと])ですね、/g, "")
      // 右上に、あ、右下だ、右下に / ホームページから、失礼しました、ホームページか: the slip before a
      // correction goes with the correction's marker.
      .replace(/[^、。]{1,10}、([^、。]{1,10})(だ|です|でした|でございます)、(?=\1)/g, "")
      .replace(/[^、。]{1,14}、(失礼しました|失礼いたしました|すみません|いや|間違えました|あ、いえ)、/g, "")
      // 窓口ですと、3万、いえ、一万、1万1000円: a figure taken back goes with its いえ, and the figure restarted
      // in kanji before its digits is said once.
      .replace(
        /[0-9０-９一二三四五六七八九十百千万]+[円]?、(あ、)?いえ、(?=[0-9０-９一二三四五六七八九十])/g,
        "",
      )
      .replace(/(?<=^|[、。])[一二三四五六七八九十百千万]+、?(?=[0-9０-９]+万)/g, "")
      .replace(/(?<=[^。])、(あ、)?いえ、(?=[0-9０-９一二三四五六七八九十])/g, "、")
      // ご迷惑を、いえ、お困りに: a word taken back with いえ after its particle.
      .replace(/[^、。\s]{1,10}[をがに]、いえ、/g, "")
      // 10月5日の……失礼しました。10月6日の: the slip and its 失礼しました go when the next words restate it.
      .replace(
        /(?<=^|[。、])([^、。…]{1,20})[…‥、]*(失礼しました|失礼いたしました|失礼致しました)。(?=([^、。]))/g,
        (m: string, slip: string, _marker: string, next: string) =>
          slip[0] === next || (/[0-9０-９]/.test(slip[0] ?? "") && /[0-9０-９]/.test(next)) ? "" : m,
      )
      .replace(/申し訳ないんですけど(も)?、?/g, "申し訳ございませんが、")
      // …玄関に段差があると。以上でよろしいでしょうか: the read-back and the question are one sentence.
      .replace(/(?<=[るうくすつむぶぬぐいた])、?と[。…‥\s]+(?=以上で|これで|こちらで)/g, "ということで、")
      // …できないことになっておりまして。: a state left on its まして is finished as one.
      .replace(/(おり|ござい|あり)まして(?=。|$)/g, "$1ます")
      // じゃあ、… / …入れたい、と。……で、よろしいでしょうか: the operator says では, and a read-back asked
      // about is one sentence (…ということで、よろしいでしょうか).
      .replace(/(^|[、。])じゃあ[、\s]*/g, "$1では、")
      .replace(/(?<![こい])と[。…‥\s]+で[、\s]*(よろしい|お間違い)/g, "ということで$1")
      // 出張での、お引き取り、できます: the pause where the が was dropped.
      .replace(/(?<=(^|[、。\s])(お|ご)[^、。\s]{1,8})、(?=でき(ます|ません))/g, "")
      // 返品、お受け、できます: the object's を dropped before a humble verb is written.
      .replace(
        /(?<=[\p{Script=Han}]{2})、(?=(お受け|お送り|お調べ|お預かり|お届け|ご用意|ご案内)[^、。]{0,4}(でき|いたし|します))/gu,
        "を",
      )
      .replace(/(?<=[うくすつぬむるいた])んですけど(も)?(?=、|$)/g, "のですが")
      .replace(/(?<=[っいしんれけめべせえ])てまして/g, "ておりまして")
      .replace(/ご心配(を)?おかけしてます/g, "ご心配をおかけしております")
      // 残すって、おっしゃってて: the quoting って before a verb of saying is と; a run-on てて is ていて.
      .replace(/って(?=、?(おっしゃ|言われ|伺っ|お聞きし))/g, "と")
      .replace(/(?<=[っいしんれけめせえ])てて(?=、)/g, "ていて")
      // 何色に、あ、何色で: a word restarted with another particle keeps only the second.
      .replace(/([\p{Script=Han}ァ-ヶー]{1,6})[にでをがはのと]、(?=\1[にでをがはのと])/gu, "")
      // 申し訳ございません、それでは…: an apology closes its sentence.
      .replace(
        /(申し訳ございません|失礼いたしました)、(?=(それでは|すぐに|ただいま|今|では|こちら))/g,
        "$1。",
      )
      .replace(/(?<=[ァ-ヶー])って(?=[、\s])/g, "は")
      // A stutter (のに、に、にじかん) keeps its repair; a drawn-out ねえ、 is a ね.
      .replace(/、([ぁ-ん]{1,2})、(?=\1)/g, "、")
      .replace(/ね。え+。/g, "ね。")
      .replace(/ね。え+、?/g, "ね、")
      // わかっちゃいます → わかってしまいます; a laugh (ふふ) is not written.
      .replace(/(?<=[っ])ちゃいま/g, "てしまいま")
      .replace(
        /(?<=[\p{Script=Han}っいしきりみびちにれけえせてめべげ])ちゃ(った|って|う)(?=[、。のん]|$)/gu,
        "てしま$1",
      )
      .replace(/(?<![おひ])孫さん/g, "お孫さん")
      // 出てしまったん、ですね: no pause inside んです (its warmth stays); an あらー of surprise is speech.
      .replace(/(?<=[たるいな])ん、です(?=ね|か|が)/g, "んです")
      .replace(/(^|[、。])あらー+[、]?/g, "$1")
      // 承れますよ / ご用意ください: the operator states and asks, without ますよ or a bare command.
      .replace(/(ます|ません)よ(?=[。！!]|$)/g, "$1")
      // (…but an invitation, お気軽にお声がけください / いつでもご連絡ください, stays one.)
      .replace(
        /(?<=^|[、。])(お|ご)([^、。]{1,10})ください(?=[。]|$)/g,
        (m: string, o: string, verb: string, at: number, all: string) =>
          /(お気軽に|ご遠慮なく|どうぞ|いつでも|何なりと)$/.test(all.slice(Math.max(0, at - 6), at)) ||
          // (お大事になさってください is a wish for the caller, not a request.)
          /^(気軽に|遠慮なく|大事に|安心)/.test(verb)
            ? m
            : `${o}${verb}いただけますでしょうか`,
      )
      .replace(/(^|[、。])(うふふ|ふふふ|ふふ|あはは|はは)([、。！!]|$)/g, "$1")
      // A sentence left on its reason (…お話を伺えますので) ends where it was whole.
      .replace(/(ます|です|ございます|ません)(ので|から)[…]*(?=。?$)/, "$1")
  );
}

function politeTokens(text: string): string {
  const out = spokenToWritten(text)
    .replace(/(^|[、。])(ええ|うん|はあ|へえ)(?=[、。…]|$)/g, "$1はい")
    // (なるほど、そうでしたか: the 相づち after it stays, alone.)
    .replace(/(^|[、。])なるほど[、。…]*(?=そうでしたか|そうですか|さようでございま|そうなんですね)/g, "$1")
    .replace(/(^|[、。])なるほど(?=[、。…]|$)/g, "$1さようでございますか")
    .replace(/はい[、。]はい(?=[、。])/g, "はい")
    .replace(/^そうなんですか(?=[、。]|$)/, "そうでしたか")
    // (そうですか is the trainee's plain 相づち; an operator says さようでございますか.)
    .replace(/^そうですか(?=[、。]|$)/, "さようでございますか")
    .replace(/^(え|あ)[…、。]+/, "")
    .replace(/わたし(?=[はもがのを、])/g, "私")
    // 割れていた、んですね / 届いてしまったんですね: the operator writes のですね.
    .replace(/(?<=[たいるえけしなく])(?<!そうな)、?んですね/g, "のですね")
    .replace(/じゃなくて|じゃなく(?=[、『「\p{Script=Han}ァ-ヶ])/gu, "ではなく")

    // 承れます: the operator takes a request with 承ります.
    .replace(/承れます/g, "承ります")
    // 交換の手配、させていただきます: the object's を dropped in speech is written.
    // (証券番号を、確認、させて: the を is there already.)
    .replace(
      /(?<=(手配|確認|交換|返品|返金|手続き|準備|修理|対応))、(?=(させて|いたし|します))/g,
      (_m: string, noun: string, _v: string, at: number, all: string) =>
        /を[、\s]?$/.test(all.slice(0, at - noun.length)) ? "" : "を",
    );
  return /[。！？!?]$/.test(out) ? out : `${out}。`;
}

// A reply whose only fault is its 相づち keeps its words: ええ/うん become はい, a third はい in a row varies.
// (かしこまりました accepts a request: a caller who only told how things are is met with さようでございますか.)
function varyTokens(reply: string, kind: CallKind, repeated: boolean, requested = true): string {
  const varied = repeated
    ? kind === "inquiry" && requested
      ? "かしこまりました"
      : "さようでございますか"
    : "はい";
  const halting = isHalting(reply);
  const out = spokenToWritten(reply)
    .replace(/^(あー+|あ)[…、。]+(?=.)/, "")
    // (ええ、ええ is warm with a lonely regular: it stays.)
    .replace(
      kind === "lonely" && !repeated ? /^((はい|うん)[、。\s]*)+(?!ええ)/ : /^((はい|ええ|うん)[、。\s]*)+/,
      varied === "はい" ? "はい、" : `${varied}。`,
    )
    .replace(
      kind === "lonely"
        ? /(^|[、。])(うん|はあ|へえ)(?=[、。…]|$)/g
        : /(^|[、。])(ええ|うん|はあ|へえ)(?=[、。…]|$)/g,
      "$1はい",
    )
    .replace(/(^|[、。])なるほど(?=[、。…]|$)/g, "$1さようでございますか")
    .replace(/わたし(?=[はもがのを、])/g, "私")
    // A drawn-out ending (お辛いですよねえ) and a filler between pauses (だと、その、退屈) are speech.
    .replace(/(?<=[よわ]?ね)え+(?=[。、！？!?]|$)/g, "")
    .replace(/(?<=、)(その|あの|あのー|まあ|それで)、/g, "")
    .replace(/(?<=[\p{Script=Han}ぁ-ん])(?<!す)くって(?=[、。]|[^、。]{2})/gu, "くて")
    .replace(/、+(?=。|$)/g, "")
    // ごご2時 / ごぜん10時: a time said in kana is written 午後 / 午前.
    .replace(/ごご[、,\s]?(?=[0-9０-９一二三四五六七八九十])/g, "午後")
    .replace(/ごぜん[、,\s]?(?=[0-9０-９一二三四五六七八九十])/g, "午前")
    // A read-back left hanging (焦げ臭い、においが……) is finished: においがするのですね.
    .replace(/(におい|匂い|臭い|音|味|感じ)が[…‥]+。?/g, "$1がするのですね。");
  return (
    splitSentences(out)
      // A phrase left hanging on の after the token (はい、田中さんの。) leaves the token.
      .map((s) => ({
        ...s,
        text: s.text.replace(/^(はい|かしこまりました|さようでございますか)、[^、。]{1,8}の[。…]*$/, "$1。"),
      }))
      // (ええ、ええ is a 相づち, not a hesitation: it stays with a lonely regular.)
      .filter(
        (s) =>
          (!hesitation.test(s.text) || (kind === "lonely" && /^ええ([、。]|$)/.test(s.text))) &&
          !/^[^、。]{1,8}の[。…]*$/.test(s.text),
      )
      // A 相づち held on a pause (はい、……。) is the 相づち; a wish read back on と (お礼が言いたい、と……) is confirmed.
      .map((s) => ({
        ...s,
        text: s.text
          .replace(/^(はい|ええ)、[…‥]+。?$/, "$1。")
          .replace(/たい、?と[。…‥]*$/, "たいとのことですね。"),
      }))
      // A read-back left on its て (前のパソコンが、もう動かなくなって) is finished as one.
      .map((s) =>
        /ます|です|ござい|まし/.test(s.text)
          ? s.text
          : s.text.replace(
              /(?<=[っいえけれめねせきじ]|(?<!で)し)て。?$|(?<=ん)で。?$/,
              (m) => `${m[0] === "で" ? "だ" : "た"}のですね。`,
            ),
      )
      .map((s) => (halting ? fewerCommas(unpause(s), true) : breathe(fewerCommas(s))))
      .map((s) => (/[。！？!?]$/.test(s) ? s : `${s}。`))
      .join("")
      .replace(/か。(?=それとも)/g, "か、")
      // (…暮らしてらしたんですか? : a question is written with か。)
      .replace(/か[?？](?=$|[^」』])/g, "か。")
      // (ええ、ええ said twice keeps its pause, and so does the 相づち before the words.)
      .replace(/(ええ|はい)(?=\1)/g, "$1、")
      .replace(/^((ええ、)?ええ)(?=[^、。])/, "$1、")
  );
}

// A read-back left hanging (焦げ臭い、においが…… / 三回も……はい): no predicate to stand on.
function hanging(text: string): boolean {
  return /((?<!ということ|とのこと)[がをにはもで]|[…‥]+(はい|ええ|うん))[…‥]*。?$/.test(
    text.replace(/[…‥]+。?$/, "…"),
  );
}

// A transcript's pauses (夜道が、暗いと、娘さんも、) are not a written sentence's commas: where they come
// every few characters, only those after a clause stay.
// A long sentence a recognizer wrote without a pause (…お電話くださったのにあいにく本日は…いただいて
// おりまして私井上が…) is written with the commas a reader breathes at: after its linking words, and between
// 私 and the name that follows it.
function breathe(sentence: string): string {
  if (/[、,]/.test(sentence) || sentence.length <= 28) return sentence;
  return (
    sentence
      .replace(
        /(のに|ので|まして|ますが|ですが|ましたが|けれども|けれど|ため|なくても)(?=[^、。]{8,})/g,
        "$1、",
      )
      .replace(/(?<=^|、)私(?=[\p{Script=Han}]{1,4}(が|で|と))/gu, "私、")
      // 月あたり1480円月額プランが2180円: items listed with their figures are parted.
      .replace(/(?<=[0-9０-９](円|件|名|個|本|枚|台|回))(?=[\p{Script=Han}ァ-ヶー]{2,}(が|は))/gu, "、")
  );
}

// A transcript that pauses after nearly every word (お母さまの、ご自宅の、玄関と、お風呂…に): the kept
// sentences are written without the pauses, whatever their length.
function isHalting(reply: string): boolean {
  const chunks = reply.split(/[、。…‥？?！!\s]+/).filter((c) => c !== "");
  return chunks.length >= 6 && reply.replace(/[、。…‥？?！!\s]/g, "").length / chunks.length <= 6;
}

// A refusal with its rulebook taken out (規約にございます通り、…いたしかねます → …いたしかねます), or null when
// the sentence refuses nothing.
function withoutRulebook(sentence: string): string | null {
  const no = stripToken(sentence)
    // (…and the concession it leaned on: お気持ちはよくわかるんですが、)
    ?.replace(
      /^(((誠に|大変)?(恐れ入りますが|申し訳ございませんが|申し訳ありませんが)|あいにく|ですから|ですので|なので|ですが)[、\s]*|(お気持ち|ご事情|ご不満)[^。]{0,16}(が|けど|けれど|けれども)[、\s]+)+/,
      "",
    )
    .replace(
      /(利用)?(規約|規定|約款|規則|決まり|ルール)(に|で)?(ございます|あります|定められている|記載の|書いてある)?(通り|とおり)[、,\s]*/g,
      "",
    )
    // (規則でございますので、: the rulebook and its copula go together.)
    .replace(
      /(利用)?(規約|規定|約款|規則|決まり)(により|によって|上|に基づき|で(ございます|す)?(ので|から)?)[、,\s]*/g,
      "",
    )
    .replace(/\s+/g, "、");
  if (!no || no.length < 8 || !/いたしかね|承りかね|お受けいたしかね|でき(ません|かね)|お受けでき/.test(no))
    return null;
  return /[。]$/.test(no) ? no : `${no}。`;
}

// A pause held inside a sentence (お風呂…に手すりを / 承りますので…不在票の): gone before a particle, a
// comma elsewhere.
function unpause(sentence: string): string {
  return (
    sentence
      // 悔しい……そうですよね: the words handed back, then agreed with, are one confirmation (悔しいのですね);
      // after any other pause a 相づち begins a sentence of its own.
      .replace(/(?<=[いたる])[…‥]+(そうですよね|そうですね)[、。]?/g, "のですね。")
      .replace(
        /(?<=[^。、…‥\s])[…‥]+(?=(そうですよね|そうですね|そうでしたか|そうなんですね|なるほど)[、。]?)/g,
        "。",
      )
      // きょう…いえ、本日の: the word taken back goes with its いえ.
      .replace(/[^、。…‥]{1,8}[…‥]+[、\s]*(あ、)?(いえ|いや)、/g, "")
      .replace(/[…‥]+(?=[にをがはでとものへや][^、。…‥])/g, "")
      .replace(/(?<=[^。、…‥])(?<!(よね|ます|です|ません|ました|でした))[…‥]+(?=[^。、…‥])/g, "、")
  );
}

function fewerCommas(sentence: string, halting = false): string {
  // A word taken back (さぞご心配…あ、いえ、お困り) leaves only the word meant; a 相づち left on a pause
  // (はい、…夕方が) leaves the pause.
  sentence = sentence
    // 午後7時、以降 / 3000円、以上: a pause between a figure and the word that bounds it.
    .replace(
      /(?<=[0-9０-９一二三四五六七八九十](時|分|日|円|名|人|回|件))[、,]\s*(?=(以降|以上|以下|以内|まで|から|頃|ごろ|ほど|くらい))/g,
      "",
    )
    // 命の恩人ですもんね、ありがたいお気持ちですよね: two sentences said in one breath.
    .replace(/(?<=(です|ます)(もん|もの)ね)、(?=[^。]{4})/g, "。")
    .replace(/[\p{Script=Han}ぁ-んァ-ヶー]{1,8}[…‥]+[、\s]*(あ、)?(いえ|いや)、/gu, "")
    .replace(/^(はい|ええ|そうでしたか)、[…‥]+(?=[^。…‥\s])/, "$1、");
  // A word said twice while thinking (どんな、どんな景色) is written once; a pause after a short adverb
  // (それは、本当に、がっかり) is speech, not writing.
  sentence = sentence
    // A filler between pauses (明日は朝から、その、ご出張で) is speech; so is a pause before 存じます.
    .replace(/(?<=、)(その|あの|あのー|まあ)、/g, "")
    .replace(/(?<=と)、(?=(存じ|思い|思って|お考え|お思い|おっしゃ|言われ|言って|伺))/g, "")
    // 楽しみに、していた: a pause between an object and the verb it goes with.
    .replace(/(?<=[にをが])、(?=(して|しま|され|なさ|いた|いる|お[^、。]{1,4}にな))/g, "")
    // 出ちゃったん、ですね: a pause before the copula that closes the sentence.
    .replace(/(?<=[んの])、(?=(です|でしょう|でございます))/g, "")
    .replace(/(?<=[\p{Script=Han}])、(?=(です|でした|でございま)[^、。]{0,4}[。]?$)/gu, "")
    // 必要に、なります / 対象と、なります: a pause before the verb that completes the phrase.
    .replace(/(?<=[にと])、(?=(なり|なって|なる|ござい|いたし|おり))/g, "")
    // いろいろな、お手続き / お母さまの、基礎年金番号: a pause between a modifier and its noun.
    .replace(
      /(?<=[\p{Script=Han}ぁ-んー][なの])、(?=[\p{Script=Han}ァ-ヶ]|お[\p{Script=Han}]|ご[\p{Script=Han}])/gu,
      "",
    )
    // A pointing word said alone before the matter (あれ、色が) is a speaker's search for words.
    .replace(/^(あれ|これ|それ)、/, "")
    // A thought trailing off after its reason (使いますので……) ends where it was whole.
    .replace(/(ます|です)(ので|から|けど|が)…+。?$/, "$1。")
    // 改定、になります / 響きます、よね: a pause before the particle or the ね that belongs to the word.
    .replace(/(?<=[\p{Script=Han}ァ-ヶー])、(?=[にをがへ](?![、。]))/gu, "")
    .replace(/(?<=(ます|です|ました|でした|ません))、(?=(よね|ね|よ)([。…！]|$))/g, "")
    // 響きますよね…申し訳ございません: a pause after a finished sentence ends it.
    .replace(/(?<=(よね|ます|です|ません|ました|でした))[…‥]+(?=[^。…‥、])/g, "。")
    // 今月1万8000円……で、何も: the pause before the で that carries the story on is not written.
    .replace(/[…‥]+(?=で、)/g, "")
    // お話し、できて: a pause inside one verb.
    .replace(/(?<=[\p{Script=Han}]し)、(?=(でき|させ|いたし))/gu, "")
    // 受け付けて、おります: a pause inside one verb.
    .replace(
      /(?<=[てで])、(?=(おり|おる|いただ|ください|いる|いま|いな|いた|しま|くださ|いらっしゃ|いらし|らし|らっしゃ|ござい))/g,
      "",
    )
    .replace(/(?<=^|、)([^、。]{2,6})、\1(?=[^、。])/g, "$1")
    .replace(/。…+。?/g, "。")
    .replace(/^…+。?/, "");
  sentence = sentence.replace(
    /(?<=^|、)(それは|さぞ|本当に|ほんとうに|とても|大変|少し|ちょっと|なるべく|まだ|もう)、(?=.)/g,
    "$1",
  );
  const commas = (sentence.match(/、/g) ?? []).length;
  // Two pauses in a short sentence (バスが、遅延、したんですね) are as much speech as many in a long one.
  // (…and so are three pauses with two chunks of a word or two between them: 元から、あった、と、)
  const shortChunks = sentence.split("、").filter((chunk) => chunk.length <= 4).length;
  const spoken =
    halting ||
    (commas >= 3
      ? sentence.length / commas <= 12 || shortChunks >= 2
      : commas === 2 &&
        ((sentence.length / commas <= 8 && /(^|、)[^、。]{1,2}、/.test(sentence)) ||
          // (ご不便を、おかけして、申し訳ございません: a pause after the object and after the て of its verb.)
          /[をがに]、[^、。]{1,10}[てで]、/.test(sentence)));
  if (!spoken) return sentence;
  // A transcript's pause after a longer phrase with no particle to bind it on (旅行のお話の続き、私も /
  // お孫さん、どんな) is where a writer puts a comma too.
  const bound = halting
    ? sentence.replace(
        /([^、。]*)、(?=[\p{Script=Han}ァ-ヶ]|[おご][\p{Script=Han}]|どん|どの|どち|なに|何|いつ)/gu,
        (m: string, chunk: string) =>
          chunk.length >= 4 && /[\p{Script=Han}ァ-ヶーさ]$/u.test(chunk) && !/[のをにがとへもや]$/.test(chunk)
            ? `${chunk}\uff64`
            : m,
      )
    : sentence;
  // A transcript's pauses: only those after a clause that leads on (ので、 / ますが、 / a long て-clause) stay.
  // (The run since the last pause kept decides: a long て-clause earns its comma.)
  if (halting) {
    let out = "";
    let run = "";
    let listing = false;
    const pieces = bound.split("、");
    pieces.forEach((piece, k) => {
      run += piece;
      out += piece;
      if (k === pieces.length - 1) return;
      const next = pieces[k + 1] ?? "";
      const keep =
        /(ので|のに|けど|けれど|ますが|ですが|ましたが|でしたが|ございますが|まして|ため|(?<!とん)ても|(?<!とん)でも|たら|れば|ながら|うえで|ますと|ですと|となると|ということで|ですね|ますね|ですよね|ました|ません|でした)$/.test(
          run,
        ) ||
        /^(しかも|そのうえ|その上|さらに|それに|ただ|でも|それで|また|それは)/.test(next) ||
        (run.length >= 8 && /(?<!こ|っ|ん)と$/.test(run) && !/^(いう|言う|おっしゃ|思|存じ)/.test(next)) ||
        // (ご主人様と、お客様と、息子さん: the items of a list keep their pauses, short or long.)
        (listing && /[\p{Script=Han}ァ-ヶー様さん]と$/u.test(piece)) ||
        // (見直しをご希望で、運転されるのは: an honored noun's で leads on to the next clause.)
        /(ご希望|ご予定|ご利用|ご在宅|ご不在|ご検討|お急ぎ|お持ち|お使い)で$/.test(run) ||
        /(です|ます)し$/.test(run) ||
        /^(はい|(ええ)+|では|ただ|まず|それでは|いえ|いいえ|恐れ入りますが|お手数ですが)$/.test(run) ||
        (run.length >= 12 &&
          /(て|で|し|から|ば)$/.test(run) &&
          !/(あさって|しあさって|かつて|すべて|全て|初めて|改めて|決して|として|について|において|によって|にとって|に対して|に関して)$/.test(
            run,
          ));
      if (keep) {
        out += "、";
        listing = /[\p{Script=Han}ァ-ヶー様さん]と$/u.test(run);
        run = "";
      }
    });
    return out.replace(/\uff64/g, "、").replace(/、(?=[!！?？。])/g, "");
  }
  // が joining clauses (ございますが、) keeps its comma; the subject's が (バスが、遅延) does not.
  return bound
    .replace(
      // (から and で join clauses after a verb, 来たから / 読んで; after a noun they are particles, 元から / その場で.)
      /(?<!て|(?<![\p{Script=Han}ァ-ヶー])で|(す|た|だ|ない|ん|の)が|と|ので|(?<![\p{Script=Han}ァ-ヶー])から|けど|ら|ば|し|か|ません|ます|です|ました|でした|^はい|^ええ|^いえ|^いいえ|^ただ|^では|^まず)、(?!そのうえ|その上|さらに|しかも)/gu,
      "",
    )
    .replace(/\uff64/g, "、");
}

// A kept sentence that opened with a token (はい、取っ手が…) loses it when it is not the opening.
function stripToken(sentence: string | null): string | null {
  if (sentence === null) return null;
  // (…and so does a 相づち held on a pause before the words, そうですか…ぐっすり休めないのは.)
  const stripped = sentence
    .replace(/^((はい|ええ|うん|いえ|いいえ)[、\s]*)+/, "")
    .replace(
      /^(そうですか|そうでしたか|そうなんですね|なるほど|さようでございま(す|した)か)[…‥、\s]+(?=[^。…‥、\s]{2})/,
      "",
    );
  return stripped.length > 1 ? stripped : null;
}

// A datum asked for in a word (ご注文番号は？ / お客様番号、お願いします) asked for in full.
function askForDatum(question: string): string {
  const bare = /^([^、。？?]{2,14})は(何番ですか|なん番ですか|何ですか)?[？?]?$/.exec(
    question.replace(/。$/, ""),
  );
  if (bare) return `${bare[1]}を伺ってもよろしいでしょうか。`;
  // (機種名をどうぞ: a datum asked for in two words is asked for in full.)
  const offered = /^([^、。？?]{2,14})をどうぞ。?$/.exec(question);
  if (offered) return `${offered[1]}を伺ってもよろしいでしょうか。`;
  return question
    .replace(/(番号|お名前|ご住所|ご連絡先|お日にち|ご予算)、?(お願い|教え)/, "$1を$2")
    .replace(/をお願いします(?=。|$)/, "をお願いいたします");
}

function finishReadBack(sentence: string | null): string | null {
  // (…先生にお礼が言いたい、と……: a wish read back and left on と is confirmed: …言いたいとのことですね.)
  if (sentence && /たい、?と[。…‥]*$/.test(sentence))
    return sentence.replace(/、?と[。…‥]*$/, "とのことですね。");
  if (!sentence || !/(られ|され|なさ|いらし|お[^\s、。]{1,6}にな|ご[^\s、。]{1,6}にな)/.test(sentence))
    return sentence;
  return sentence.replace(/(?<=[たっ]て?(しまっ)?た|[れさ]た)と?[。…‥]*$/, "のですね。");
}

function cushioned(question: string, hasCushion: boolean, always = false): string | null {
  if (question === "") return null;
  // (はい、では番号を: the では that led from the token does not follow a cushion.)
  if (!hasCushion) question = question.replace(/^(それでは|では|じゃあ|で)、?(?=\p{Script=Han}|お|ご)/u, "");
  if (hasCushion || /^(恐れ入り|恐縮|お手数|差し支え|失礼|よろしければ)/.test(question)) return question;
  if (
    !always &&
    !/(ください|いただけますか|いただけますでしょうか|願えますか|お願いします|お願いいたします)[。？?]?$/.test(
      question,
    )
  )
    return question;
  return `恐れ入りますが、${question}`;
}

// The longest run of characters two texts share (お話ししたい in both).
function sharedRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i += 1)
    for (let j = 0; j < b.length; j += 1) {
      let k = 0;
      while (a[i + k] !== undefined && a[i + k] === b[j + k]) k += 1;
      if (k > best) best = k;
    }
  return best;
}

function dedupe(parts: string[]): string[] {
  return parts.filter((part, i) => part !== "" && parts.indexOf(part) === i);
}

function pick(options: readonly string[], seed: string, slot: string): string {
  let hash = 2166136261;
  for (const ch of `${slot}:${seed}`) hash = Math.imul(hash ^ (ch.codePointAt(0) ?? 0), 16777619);
  return options[Math.abs(hash) % options.length] ?? options[0] ?? "";
}

// The polite prefix of a noun an operator says of the caller's matter (荷物 → お荷物, 予約 → ご予約).
/** A word that, named back (障害でございますね), would sound like an admission of a fault. */
export const admissionWord = /障害|故障|不具合|トラブル|事故|ミス|間違い/;

export function honorPrefix(noun: string): string {
  if (/^[おご御]/.test(noun)) return noun;
  if (
    /^(荷物|名前|支払い|届け|時間|部屋|電話|手続き|申し込み|品物|写真|日にち|返事)|^(店|体|車|薬)$/.test(noun)
  )
    return `お${noun}`;
  if (
    /^(予約|住所|連絡|注文|利用|契約|請求|案内|購入|返品|返金|来店|入会|退会|解約|相談|家族|本人|希望|依頼|要望|意見|自宅|実家|自身|主人|兄弟|両親)/.test(
      noun,
    )
  )
    return `ご${noun}`;
  return noun;
}

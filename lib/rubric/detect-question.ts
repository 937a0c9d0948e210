import { rhetoricalVerdict } from "./detect-violation";
import type { QuestionKind } from "./labels";
import { type Sentence, type Span, splitSentences, stripSentenceEnd } from "./text-spans";

/** How one sentence of a reply works as a question or request. */
export interface SentenceKind {
  question: QuestionKind;
  /** Asks the caller to do or give something (教えてください, 番号をお願いします, お送りください). */
  request: boolean;
  /** A yes/no check of the operator's understanding (〜でよろしいでしょうか, 〜ということでしょうか). */
  confirmation: boolean;
}

export interface QuestionResult {
  kind: QuestionKind;
  spans: Span[];
}

/** Labels the reply's question (guideline: open beats closed; a tag 〜ですね is not a question). */
export function detectQuestion(reply: string): QuestionResult {
  let kind: QuestionKind = "none";
  const spans: Span[] = [];
  for (const sentence of splitSentences(reply)) {
    const sentenceKind = classifySentence(sentence.text);
    if (sentenceKind.question === "none") continue;
    spans.push({ start: sentence.start, end: sentence.end });
    if (sentenceKind.question === "open") kind = "open";
    else if (kind === "none") kind = "closed";
  }
  return { kind, spans };
}

// Acknowledgements that end in か but ask nothing.
const backchannelEnding =
  /(そう|さよう|左様|そうなん|そうだったん|なるほど)(でございます|でございました|です|でした|だった|なんです)?か$/;
// Verbs of telling in a request form: 教えていただけますか, お聞かせください, 言ってもらえます?
const tellRequest =
  /(教え|お聞かせ|聞かせ|お知らせ|伺(わせ|い|え)|お伺い|確認させ|言って|おっしゃって|お話し(いただけ|願え)|ご記入|お答え(いただけ|ください))[^。]{0,8}(ください|下さい|いただけ(ます|ません)?(か|でしょうか)?|頂け(ます|ません)?(か|でしょうか)?|もらえ(ます|ません)?か?|くれ(ます|ません)?か?|願え(ます|ません)?か?|できますか|できますでしょうか)(ね|ませ)?$/;
// A datum asked for by name: ご住所をお願いします, 番号をどうぞ, お名前を…
const datumRequest =
  /(名前|番号|住所|生年月日|連絡先|型番|日付|日時|アドレス|年齢|ID|ＩＤ|郵便|口座|金額|ご用件|ご要件|人数|日にち|お時間|ご希望)[^。]{0,12}(を|は|、)?(もう一度|改めて|念のため)?[、]?(お願い(します|いたします|致します|できますか|できますでしょうか)|おねがい|どうぞ)|(番号|名前|住所)(を|は)[?？]?$|^[^。、]{1,14}(年齢|種類|人数|日時|機種|車種|年式|ご予算)は[?？]?$/;
const otherRequest =
  /(ください|下さい|くださいませ|いただけますか|いただけますでしょうか|もらえますか|願えますか)$/;
const openCue =
  /どのよう|どのように|どういう|どういった|どんな|どう(?![ぞもかせりやしてい]|ぞ)|どうして|なぜ|何故|何が|何を|なにが|なにを|何があ|どこまで|いかが(?!いたし|なさ)|詳しく|具体的|ご用件(?![^。]{0,4}(ござい|あり)ます|[^。]*よろし)|ご要件/;
// A proposal asks for a yes/no: 〜はいかがでしょうか, 〜できますが、いかがでしょうか, 〜してみたらどうですか.
const openCueAfterProposal =
  /(で|は|に|も)いかがでしょうか|(て|で)(は|みては|みられては)いかが|(が|けど|けれど|ので)、?いかが(でしょうか|ですか)|(たら|ては|れば)(いかが|どう)(でしょう|です)?か/;
const datumNoun =
  /(名前|番号|住所|生年月日|連絡先|型番|日付|日時|アドレス|年齢|ID|ＩＤ|郵便|口座|金額|何名|いつ|何時|何日|何歳|おいくつ|人数)/;
// Not asked of the caller: a closing pleasantry (また声を聞かせてくださいね) or a rhetorical
// ありがたいことじゃないですか.
// (と言いますか is a hedge while searching for words, not a question; お待ちいただくしか… trails off on しか.)
// …nor a verdict that expects no answer (立派な息子さんじゃありませんか).
const rhetorical = new RegExp(rhetoricalVerdict.source);
const notAQuestion = /しか$|お声を(お)?聞かせ|(こと|もの)(じゃ|では)ないですか$|と[、\s]*(いい|言い)ますか$/;
// Asking leave to do something (確認させていただいてもよろしいでしょうか) is a yes/no question, whatever
// it will look into.
const permission = /(させて|して)(いただいて|いただいても|もらって|も)[^。]{0,4}よろしい(でしょう|です)か$/;
const confirmationEnding =
  /((で|と|に)[、,]?(よろしい|お?(間違い|まちがい)(ない|ありません|ございません)|相違(ない|ありません|ございません)|合って(い)?ます)(でしょう|です|ですか)?|ということ(でしょう|です|でございます)|(の|ん)(でしょう|です))か$/;

/** Classifies one sentence (a question ending, a request for a datum or an account, or none). */
export function classifySentence(text: string): SentenceKind {
  const body = stripSentenceEnd(text);
  const questionMark = /[?？]\s*[」』]?$/.test(text.trim());
  // (…いかがいたしましょう asks the caller to choose, spoken without its か.)
  const endsInKa =
    (/(か|かね|かな|かしら)$/.test(body) ||
      /(いかが|どちら(に|で|を)?|どれ(に|で|を)?|何時(に|で)?|いつ(に|で)?)(いたし|致し|し)ましょう$/.test(
        body,
      )) &&
    !backchannelEnding.test(body);
  const asksToTell = tellRequest.test(body);
  const asksForDatum = datumRequest.test(body) && !/よろしく(お願い|おねがい)/.test(body);
  const request = asksToTell || asksForDatum || otherRequest.test(body);
  const isQuestion =
    (questionMark && !backchannelEnding.test(body)) || endsInKa || asksToTell || asksForDatum;
  if (!isQuestion || notAQuestion.test(body) || rhetorical.test(body))
    return { question: "none", request, confirmation: false };
  const confirmation = confirmationEnding.test(body);
  const proposal =
    openCueAfterProposal.test(body) && !/どのよう|どう|詳しく/.test(body.replace(openCueAfterProposal, ""));
  // お聞かせください invites an account, unless what is to be told is one datum (お名前をお聞かせ…).
  const invitesAccount =
    /(お聞かせ|聞かせて|お話し(いただ|願え|して)|ご説明(いただ|願え))/.test(body) && !datumNoun.test(body);
  const open = ((openCue.test(body) && !proposal) || invitesAccount) && !permission.test(body);
  return { question: open ? "open" : "closed", request, confirmation };
}

export type { Sentence };

import type { ViolationKind } from "./labels";
import { LruCache } from "./lru-cache";
import { findSpans, type Span, splitSentences } from "./text-spans";
import {
  curtDatumQuestion,
  feelingDirective,
  findViolationFamilies,
  isBareDatumRequest,
  sentenceFamilies,
} from "./violation-families";

export interface ViolationResult {
  kind: ViolationKind;
  spans: Span[];
  /** Every category found, before precedence picks one. */
  found: Exclude<ViolationKind, "none">[];
}

export interface ViolationContext {
  /** Where the reply first acknowledges the caller (相づち, 共感, 復唱); null when it never does. */
  firstAcknowledgement: number | null;
  hasCushion: boolean;
  /** The caller's latest turn says something substantive (not just もしもし). */
  callerSaidSomething: boolean;
  /**
   * The caller's latest turn only asks for information or a procedure, with no complaint or feeling:
   * then pointing to the web form or another desk answers it rather than deflecting.
   */
  callerInquiring?: boolean;
  /** The caller asked what they should do: a recommendation then answers them. */
  callerAskedAdvice?: boolean;
  /** The caller complains or shares a feeling (a neutral report or request is neither). */
  callerUpset?: boolean;
  /** The caller shared a feeling or a piece of their life and asked nothing. */
  callerSharedFeeling?: boolean;
  /** The caller asked to hurry (早くして): a cushioned datum request gets on with it. */
  callerHurried?: boolean;
  /** The caller's latest turn is about prices, plans or offers: an offer then answers them. */
  callerAskedAboutOffers?: boolean;
  /** The reply acknowledged the caller with more than a token (共感, 謝罪, 復唱, 要約). */
  acknowledged?: boolean;
  /** An operator turn came before this reply: the caller may already have been heard. */
  operatorSpokeBefore?: boolean;
  /** Where the reply's opening 相づち end when they are its only acknowledgement (no 共感, 謝罪, 復唱). */
  tokenOnlyAcknowledgementEnd?: number | null;
}

type Category = Exclude<ViolationKind, "none">;

/** A value judgement asked as a question that expects no answer (立派な息子さんじゃありませんか). */
export const rhetoricalVerdict =
  /(立派|いい|良い|よい|素敵|すてき|すごい|幸せ|十分|じゅうぶん|何より|ありがたい|優しい|親孝行|贅沢|ぜいたく|結構|大丈夫|平気|お元気|元気)[なだ]?[^。、？?]{0,8}(じゃ|では)(ない|ありません|ございません)(です)?か(?=[。!！?？…」』\s]|$)/g;

// Guideline precedence: criticize > argue > advise > opinion > derail.
const precedence: Category[] = ["criticize", "argue", "advise", "opinion", "derail"];

const patterns: Record<Category, RegExp[]> = {
  // Blaming or judging the caller.
  criticize: [
    /(いただいて|されて|して|なさって|おいて|ておいて)(いれ|おけ)ば[^。]*(なかった|防げ|済ん|避けられ)/g,
    /(ていたら|ておけば|ていれば|てくだされば)[^。]*(なかった|防げ|済んだ)/g,
    /困ります(?!よね|ね)/g,
    /(され|なさら|いただか|し|見|読ま|確かめ|確認し)なかった(の|ん)(です|でしょう)?か/g,
    /お客様(の|が|ご自身|側)[^。]{0,15}(せい|責任|ミス|不注意|落ち度|使い方|扱い方?|誤解|勘違い|思い込み|確認不足|管理)/g,
    /(ちゃんと|きちんと|しっかり|よく)[^。]{0,12}(確認|把握|読|見|管理)[^。]{0,10}(されていますか|されましたか|されてますか|いただかないと|しないと|されないと|ください)/g,
    /使い方が(悪|間違|おかし)|不注意|自業自得|常識(的に|で考え)/g,
    // What the caller could have done (お伝えいただければよかったのですが) wished for after the fact.
    /(いただ|頂)(ければ|けたら|けていれば|いていれば)[^。]{0,8}(よかった|良かった|助かった|幸い(だった|でした))/g,
    // Asked whether they spoke up at the time (その時にお申し出はございませんでしたでしょうか).
    /(お申し出|お申し付け|ご申告|ご指摘|ご連絡|ご相談)(は|が|など)?(ござい|あり)ませんでした(でしょう)?か/g,
    /(読まれて|読んで|ご覧になって|確認されて|確かめられて|見て|されて|なさって)(い)?(ない|なかった)(から|のでは|ため|せい)/g,
    /(ておけば|ていれば|ていたら|ておかれれば|なければ|なきゃ)[^。]*(なかった|よかった|済んだ)/g,
    /普通(は|なら|の方は)[^。]*(しません|しない|ません|でしょう)/g,
    // Guessing at the caller's fault: 〜されていたのでは / 〜なかったのではないですか.
    /(され|なさっ|なさら|いただか|おられ|てい|なかっ)[^。、]{0,6}(の|ん)(では|じゃ)(ない|ありません|ございません)?(です|でしょう)?か?(?=[。!！?？…」』\s]|$)/g,
    // Guessing at what the caller did wrong: 洗濯物を偏って入れられたりはしていないでしょうか.
    /(たり|など|なんか)(は|を)?(して|され|なさって)(い|おられ)?(ない|ません)(でしょう|です)?か/g,
    // A demand left hanging: 覚えていただかないと / ご確認いただかないと困ります.
    /(いただか|され|なさら|もらわ)ないと(困り(ます)?|いけません|ダメ|だめ)?(ね|よ)?(?=[。!！?？…」』\s]|$)/g,
  ],
  // Contradicting or rebutting the caller.
  argue: [
    /(^|[。!！?？]\s*)(ですから|だから)、?/g,
    /(先ほど|さっき|何度|前回)(から|も)?[^。]{0,8}(申し上げ|言って|お伝えし|ご説明し)/g,
    /(そんな|そのような)(こと|はず)(は|が)(ござい|あり|な)|ありえません|あり得ません/g,
    /(はず|筈)(は|が)(ない|ありません|ございません)|(はず|筈)です(が|ので|から|けど)/g,
    /(と|とは)(は)?(申し上げて|言って|お伝えして|ご案内して)(おりません|いません|いない|おらず)/g,
    // (でも、ご返却はいつでも大丈夫ですので…ご安心ください: a reassurance after empathy rebuts nothing.)
    /(^|[。!！?？]\s*)(でも|ですが|しかし|とはいえ|そうは言っても|そうおっしゃ(られ)?(いまし)?ても)、?(?![^。]*(大丈夫です|ご安心|問題(ございません|ありません)|かかりません))[^。]*(規約|記載|決まり|ので|から|ため)/g,
    /(記載|明記)(が|は)?(ございます|しております|されております|してあります)(ので|から)|規約(上|に(より|基づき|書いて))/g,
    /(ご案内|ご説明|お知らせ)は(して|いたして|差し上げて)おります|(同意|チェック)[^。]{0,12}(いただいて|されて)(おります|います|いる)(ので|から)/g,
    /(故障|不良|間違い|誤り|不具合|欠陥|異常)(では|じゃ)(ござい|あり)ません/g,
    /(こちら|弊社|当社|当方|システム|機械|本体|製品|設備|機器)(側)?(に|には|は|の)?(落ち度|問題|不具合|異常|誤り|ミス)(は|が)?(ござい|あり)ません/g,
  ],
  // Unsolicited advice about what the caller should do or should have done.
  advise: [
    /(た|だ)(ほう|方)が(いい|よい|良い|よろしい)/g,
    /と(いい|よい|良い|よろしい)(ですよ|と思います|かと思います|かと存じます)/g,
    /(も|が)(ひとつ|一つ|１つ|1つ)の(方法|手)/g,
    /(次回|次|今後|これから)(から|以降|は)[^。]*(ください|といい|ほうが|方が|ようにして|ようにお願い|ましょう)/g,
    /べき(です|でした|だと|では)|べきかと/g,
    /(てみて|でみて|てみられて)(は|ては)(いかが|どう)/g,
    // Suggesting what the caller could do: 〜されてはいかがですか / 〜したらどうですか.
    /(たら|ては|れば)(いかが|どう)(でしょう|です)?か/g,
    // A tip sold by its benefit: 昼間にお散歩をされると、夜もぐっすり眠れるようになりますよ.
    /(され|なさ|し|いただ|おけ)(ると|れば|たら)[^。]{0,30}(ようになります|よくなります|楽になります|眠れます|治ります|改善します|防げます)(よ|ね)/g,
  ],
  // The operator's personal opinion or value judgement.
  opinion: [
    /個人的(に|には|な意見)/g,
    /(私|わたし|わたくし|自分)(?!ども|共)(は|も|、|なんか|的には|としては)?[^。]{0,40}?(?<!たい|[おこごそぞとどのほぼぽもよろ]う|させて)(と思い|と思う|って[、,]?思|大好き|好き|嫌い|とは?感じ)/g,
    /どうかと思/g,
    // Rating the matter against something else: 比べてもまだ安いほうですよ.
    /(まだ|むしろ|比べ(て|ても|れば|たら)|なんて|くらい|ぐらい)[^。]{0,20}(い|な)(ほう|方)(です|だと|だ|でございます)/g,
    // Rating a person or thing with a hedge: 腕はいいんですけどね.
    /(いい|良い|悪い|上手|下手|優秀|丁寧|親切|まし)(ん|の)ですけど(ね)?(?=[。!！?？…」』\s]|$)/g,
    /気にする(こと|必要)(は|も)?(ない|ありません|ございません)/g,
    /(考え|言い|気にし|心配し|神経質)(すぎ|過ぎ)(です|だと|ですよ|では|じゃ|かと)/g,
    // A judgement (〜だと思います, 〜ないと思います), not an intention (調べたいと思います).
    /(だ|ない|(?<!た)い)と思(います|うんです|いますけど|いますよ)(?!が)/g,
    /むしろ(?![^。]*(ということ|とのこと|のですね|んですね)[^。]{0,4}(。|$))|だけですよ|きっと[^。]*(ですよ|だけ)|くらい(なら|で)[^。]*(問題|大丈夫)|(全然|ぜんぜん)(問題|大丈夫|ダメじゃ|だめじゃ|平気)/g,
    /一番ですよね|大したこと(は)?(ない|ありません|ございません)|気にしなくて(いい|大丈夫)|気にすることは/g,
    // A verdict put as a rhetorical question (立派な息子さんじゃありませんか, 十分じゃないですか).
    rhetoricalVerdict,
    // The caller's lot made common (最近の若い方はみなさんそんなものですよ).
    /(みなさん|皆さん|みんな|誰でも|どなたでも|どこの(家|お宅)も)[^。]{0,10}(そんなもの|そういうもの|同じ)(です|でございます|だ)(よ|ね)/g,
  ],
  // Cutting the caller's topic off before acknowledging it.
  derail: [
    /(^|[。、!！?？]\s*)(それより(も)?|(その|そちらの|その辺の)(話|件|こと)は(いい|結構|もう|置いて|後で|あとで))/g,
    /それはさておき|それはそうと|話は変わりますが|さておき/g,
  ],
};

// Only a violation when nothing acknowledged the caller first.
const coldTopicSwitch =
  /結論から[、,]?(言|申し上げ|お伝え)|ところで|そういえば|ちなみに|それはそうと|話は変わ(ります|りますが)|話を戻し|本題に|(?<=^|[。、\s]|はい|ええ)その前に/g;
// Sending the caller elsewhere (a web form, a chat, another number or desk) instead of listening.
const coldDeflection =
  /(ホームページ|ウェブ|ウエブ|Web|WEB|web|サイト|フォーム|メール|チャット|アプリ|マイページ|LINE|専用(の)?(ダイヤル|窓口|番号|フォーム|ページ)|フリーダイヤル|別の?(窓口|部署|番号)|担当(の)?部署|カウンター|サービスセンター|サポートセンター|コールセンター)[^。]{0,25}(から|で|にて|に|へ)[^。]{0,20}(ください|願います|お願いいたします|お願い致します|お願いします|お願いして(おり|い)ます|受け付けて(おり|い)ます|承って(おり|い)ます|いただけます|いただけますので|できます|可能です|(形|こと)(に|と)なって(おり|い)ます)/g;
const coldRefusal =
  /(お答え|お受け|ご対応|対応|お取り次ぎ|お取次ぎ)(は|が)?(でき|いたし|いたしかね|致しかね)(ません|かねます)/g;
// 「それは仕様です」 answers a complaint by declaring the behaviour intended (to a plain question it is
// just the answer).
const specDefense = /仕様(です|でございます|となって|になって|になります|ですので)/g;
// The operator's own life told in place of the caller's story (うちも猫を飼ってるんですけどね…): a derail when
// nothing acknowledged the caller first (guideline: talking about oneself abandons their topic).
const ownStory =
  /(?<=^|[。、!！?？\s]|ね|か)(うち|私|わたし|わたくし|僕|自分)(も|の(家|うち|ところ|実家|母|父|祖母|祖父|子|娘|息子|犬|猫|主人|夫|妻)(も|は|が)?)[^。]{0,30}(てる|ている|ています|てます|てまして|ました|んです|んですけど|んですよ)/g;
// An offer the caller did not ask about, in place of their topic.
const salesPitch =
  /(セット割|キャンペーン|早割|[0-9０-９]+[%％]オフ|お得になって|お安くな|[0-9０-９一二三四五]割引き?|割引き?(が|に)(なり|なって|ござい))/g;
// Closing the caller's topic while they are still upset.
const anythingElse = /(ほか|他)に(ご用件|ご用|お問い合わせ)(は|が)?(ござい|あり)/g;
const businessOnly = /ご用件(を|は)(どうぞ|何|お願い)/g;
// The caller's story set aside as not for this line (お話は、ちょっとこちらでは…), or business asked for
// straight after it (で、ご用件のほうは): the topic is cut off.
const storySetAside =
  /(その|この)?(お)?話は[、\s]*(ちょっと|こちらでは|ここでは|いいので|結構ですので)|(?<=^|[。、…\s])で[、\s]*ご用件(のほう|の方)?は/g;

/**
 * The sentence blames, rebuts, advises or gives an opinion: whatever caller words it reuses, it does
 * not hand them back as the operator's understanding (キャンセル保険に入っておくべきでしたね).
 */
export function judgesCaller(sentence: string): boolean {
  const known = judged.get(sentence);
  if (known !== undefined) return known;
  const judges =
    (["criticize", "argue", "advise", "opinion"] as const).some((category) =>
      patterns[category].some((pattern) => findSpans(sentence, pattern).length > 0),
    ) || sentenceFamilies(sentence, { callerInquiring: false, callerAskedAdvice: false }).length > 0;
  judged.set(sentence, judges);
  return judges;
}

// A reply's sentences are judged by the reflection and the violation detectors alike.
const judged = new LruCache<string, boolean>(1024);

/** Picks the most serious listening violation in the reply, by the guideline's precedence. */
export function detectViolation(reply: string, context: ViolationContext): ViolationResult {
  const spansByCategory = new Map<Category, Span[]>();
  for (const category of precedence) {
    const spans = patterns[category].flatMap((p) => findSpans(reply, p)).map((s) => trimLead(reply, s));
    if (spans.length > 0) spansByCategory.set(category, spans);
  }
  const families = findViolationFamilies(reply, {
    callerInquiring: context.callerInquiring ?? false,
    callerAskedAdvice: context.callerAskedAdvice ?? false,
  });
  for (const { category, span } of families)
    spansByCategory.set(category, [...(spansByCategory.get(category) ?? []), span]);
  if (!context.callerInquiring) {
    const spec = findSpans(reply, specDefense);
    if (spec.length > 0) spansByCategory.set("argue", [...(spansByCategory.get("argue") ?? []), ...spec]);
  }
  const derail = findColdDerail(reply, context);
  if (derail.length > 0) spansByCategory.set("derail", [...(spansByCategory.get("derail") ?? []), ...derail]);
  dropExemptSentences(reply, spansByCategory);
  // でも…お元気なんですから大丈夫ですよ talks the caller out of a feeling: an opinion, not a rebuttal.
  const argued = spansByCategory.get("argue");
  if (argued && spansByCategory.has("opinion")) {
    const sentences = splitSentences(reply);
    const kept = argued.filter((span) => {
      const sentence = sentences.find((s) => span.start >= s.start && span.start < s.end);
      if (!sentence) return true;
      const flat = sentence.text.replace(/[、,]/g, "");
      // (ですが…十分長生きしたほうですから、大往生だったと思いますよ: the operator's view of the loss, no
      // rule or refusal in it, is an opinion.)
      const ownView =
        /(と((私|わたし|わたくし)(は|も)?)?(思います|思いますよ|思いますね|思うんです)|かと思います)[。！!…]*$/.test(
          flat,
        ) && !/規約|規定|規則|決まり|かね|でき(ません|ない)|お受けし|対応いたし/.test(flat);
      return !feelingDirective.test(flat) && !ownView;
    });
    if (kept.length > 0) spansByCategory.set("argue", kept);
    else spansByCategory.delete("argue");
  }
  const found = precedence.filter((c) => spansByCategory.has(c));
  const kind = found[0];
  if (!kind) return { kind: "none", spans: [], found: [] };
  return { kind, spans: spansByCategory.get(kind) ?? [], found };
}

function findColdDerail(reply: string, context: ViolationContext): Span[] {
  const before = (span: Span) =>
    context.firstAcknowledgement === null || span.start < context.firstAcknowledgement;
  // A new topic opened after a mere token (そうですか。そういえば…) still leaves the caller's behind.
  const spans = findSpans(reply, coldTopicSwitch).filter(
    (span) =>
      before(span) ||
      (!context.acknowledged && !/^結論/.test(reply.slice(span.start).replace(/^[。、\s]+/, ""))),
  );
  spans.push(
    ...findSpans(reply, ownStory).filter((s) => before(s) || context.tokenOnlyAcknowledgementEnd != null),
  );
  if (!context.callerAskedAboutOffers)
    spans.push(...findSpans(reply, salesPitch).filter((s) => before(s) || !context.acknowledged));
  if (context.callerUpset) spans.push(...findSpans(reply, anythingElse));
  const tokenEnd = context.tokenOnlyAcknowledgementEnd;
  const from = (start: number) => start + (/^[、。,.!?！？\s]*/.exec(reply.slice(start))?.[0].length ?? 0);
  const curt =
    tokenEnd != null &&
    curtDatumQuestion.test(
      reply
        .slice(tokenEnd)
        .replace(/^[、。,.!?！？\s]+/, "")
        .trim(),
    );
  if (tokenEnd != null && (curt || (context.callerUpset && isBareDatumRequest(reply, tokenEnd))))
    spans.push({ start: from(tokenEnd), end: reply.length });
  // An upset caller answered with nothing but a datum request (ご依頼主様のお名前を、フルネームでお願いします).
  // (A cushioned request to a caller who asked to hurry — 早くして — gets on with it: not here.)
  else if (
    context.callerUpset &&
    (!context.hasCushion || !context.callerHurried) &&
    !context.operatorSpokeBefore &&
    context.firstAcknowledgement === null &&
    !context.acknowledged
  ) {
    if (isBareDatumRequest(reply, 0)) spans.push({ start: from(0), end: reply.length });
  }
  // A caller who shared a loss or a worry and is answered with business: 「死亡届は提出済みでしょうか」.
  else if (context.callerSharedFeeling && !context.acknowledged && isBareDatumRequest(reply, tokenEnd ?? 0))
    spans.push({ start: from(tokenEnd ?? 0), end: reply.length });
  // A cushion softens a request, not a brush-off: an upset caller sent to the web form is still sent away.
  if (!context.hasCushion || context.callerUpset || context.callerSharedFeeling) {
    // (…even when they asked something: 解約したいって何回言っても…もういい加減にして.)
    if (!context.callerInquiring || context.callerUpset)
      spans.push(...findSpans(reply, coldDeflection).filter(before));
  }
  if (!context.hasCushion) spans.push(...findSpans(reply, coldRefusal).filter(before));
  if (
    context.callerSaidSomething &&
    context.firstAcknowledgement === null &&
    splitSentences(reply).length <= 3
  ) {
    spans.push(...findSpans(reply, businessOnly));
  }
  if (context.callerSaidSomething && !context.acknowledged) spans.push(...findSpans(reply, storySetAside));
  return spans;
}

// Sentences that side with the caller whatever words they share with a judgement: a feeling called
// natural (ご不安になるのも当然です), the operator's shared pleasure (私も楽しみにしております), time given
// (ゆっくりでいいですからね), a lonely caller's request declined with thanks (お宅に伺うことはできない決まりで).
const exemptSentence =
  /(不安|怒|驚|心配|納得|立腹|腹が立|がっかり|怖|戸惑|悲し|寂し|さびし|つら|辛|不快|焦|困|疑|不信|不満|気持ち|思われ|感じられ)[^。]{0,10}(のも|のは|のが)[、,]?(当然|無理も[、,]?な|もっとも|当たり前)|(私|わたし|わたくし)も[^。]{0,12}(楽しみ|嬉し|うれし)|(ゆっくり|急がなくて|慌てなくて)[^。]{0,6}(いい|結構|大丈夫)|((お宅|ご自宅)に[^。]{0,4}(伺|行|お邪魔)|お会い|個人(的|宛)|お品物|贈り物|(私|わたし|わたくし)(自身)?の(こと|話)|個人的な(こと|ご質問)|プライベート|連絡先)[^。]{0,20}(でき|いたしかね|控え)/;

// A sentence that names the caller's feeling and sides with it (〜のは、やはり心残りですよね).
const feelingTag =
  /(心残り|残念|無念|悔し|名残惜し|お辛|おつら|お寂し|お淋し|ご心配|ご不安|お困り)[^。]{0,6}(ですよね|でしたよね|でしょうね|ですね|でしたね|ことと存じます|ことでしょう)[。！!]?$/;

function dropExemptSentences(reply: string, spansByCategory: Map<Category, Span[]>): void {
  const exempt = splitSentences(reply).filter((s) => exemptSentence.test(s.text) || feelingTag.test(s.text));
  if (exempt.length === 0) return;
  for (const [category, spans] of spansByCategory) {
    const kept = spans.filter((span) => !exempt.some((s) => span.start >= s.start && span.start < s.end));
    if (kept.length > 0) spansByCategory.set(category, kept);
    else spansByCategory.delete(category);
  }
}

// Patterns anchored on a sentence start include the previous 。; evidence should not.
function trimLead(text: string, span: Span): Span {
  let start = span.start;
  while (start < span.end && /[。!！?？\s]/.test(text[start] ?? "")) start += 1;
  return { start, end: span.end };
}

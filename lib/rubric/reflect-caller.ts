import type { JapaneseTokenizer, Morpheme } from "./japanese";
import { splitSentences } from "./text-spans";

/** What the better phrasing needs to know about the caller's latest turn. */
export interface CallerUnderstanding {
  /** The caller's main statement handed back in the operator's polite words, e.g. 瓶が割れていたのですね. */
  reflection: string | null;
  /** What the caller asked about, as a noun phrase (駐車場の予約), when the turn asks something. */
  askedAbout: string | null;
  /** The caller asked something (a question, not a request). */
  asked: boolean;
  feeling: CallerFeeling;
  /** Specific data the caller gave (numbers, codes), for a read-back. */
  data: string[];
  /** The caller asked about the operator (name, age, family, a visit): a gentle boundary answers it. */
  personal: boolean;
  /** The caller asks the operator to visit, or holds them to a visit (今度うちに遊びに来てくれるって). */
  wantsVisit: boolean;
  /** The caller asks for something to be done (〜たい, 〜てください, お願い). */
  requested: boolean;
  /** The request is said as one (〜てもらえますか, 〜てください, お願いします), not as a question of what can be. */
  explicitRequest: boolean;
  /** The caller reports something of ours gone wrong (a wrong name, a broken part, nothing delivered). */
  defect: boolean;
  /** The turn is only a token (はい, お願いします) said while the operator works: nothing to acknowledge. */
  bare: boolean;
  /** The turn names something of ours (おたく, 注文, 商品, 配達, 請求…), not only the caller's own things. */
  ours: boolean;
  /** The caller is still looking something up or giving it (ちょっと待ってください、いま申込書を探してて). */
  busy?: boolean;
  /** The caller is winding up (以上です, それだけ, ありがとう). */
  closing: boolean;
  /** The caller named being alone (一人, 誰とも). */
  alone: boolean;
  /** The caller said they had been looking forward to it (楽しみ). */
  lookedForward: boolean;
  /** The caller found the operator cold or rude (あなたはなんだか冷たいわね), or null. */
  slighted: "cold" | "rude" | null;
  /** The caller's news is a milestone to congratulate (a birth, a wedding, an exam passed). */
  celebrating: boolean;
  /** What went wrong, when the caller complains: it scopes the apology and the empathy. */
  cause: TroubleCause | null;
  /** The caller told the story in detail (several clauses): asking again how it happened asks twice. */
  detailed: boolean;
  /** The caller had only just bought it (買ったばっかりなのに): the letdown is named as such. */
  justBought: boolean;
  /** What the matter is looked up by (ご予約のお名前, ご注文番号), when the turn names it. */
  lookup: string | null;
  /** The caller asks for an operator by name (田中さん、お願いできる？ / 佐藤さんいないの？). */
  asksForStaff: boolean;
  /** A day that mattered (a birthday, an anniversary, a trip) spoiled: how the empathy names it. */
  occasion: string | null;
  /** The caller said something kind of the operator (あんたと話せてよかった, あなたの声を聞くと元気が出る). */
  praisedOperator: boolean;
  /** The grievance is with someone who is not us (事故の相手の保険会社): nothing of ours to apologize for. */
  othersFault: boolean;
  /** The turn only gives a datum asked for (緑町3丁目の12番の集積所よ): thanked for and read back. */
  answeredDatum: boolean;
  /** The caller broke off mid-sentence (隣にも迷惑かけてるし、): a 相づち lets them go on. */
  stillTalking: boolean;
  /** Small talk about the operator's side (あなたのところは雪降ってる？): asked, and to be met. */
  smallTalk: boolean;
  /** The caller apologized for their own doing (すっぽかしちゃって、すみません), not to get attention. */
  apologized: boolean;
}

/** What a complaint is about: a wait, a fault, our staff's manner, a charge, or the wrong thing sent. */
export type TroubleCause = "wait" | "delay" | "defect" | "staff" | "charge" | "wrong" | "foreign";

export type CallerFeeling =
  | "loss"
  | "scared"
  | "fedUp"
  | "ashamed"
  | "lonely"
  | "disappointed"
  | "down"
  | "hurting"
  | "unfair"
  | "worried"
  | "trouble"
  | "happy"
  | "memory"
  | "neutral";

/**
 * Reads the caller's latest turn (normalized text and its full morphemes): the statement to reflect,
 * turned into correct polite Japanese from the morphology (割れてた → 割れていた, 届きません → 届かない,
 * 探してください → 探してほしいとのこと), what they asked, what they feel and what data they gave.
 */
export function understandCaller(
  original: string,
  tokenizer: JapaneseTokenizer,
  complaining: boolean,
): CallerUnderstanding {
  // 漏れてんの / 待ってんだ: IPADIC reads the contracted ている as て + ん (the の of のだ).
  // 待ってたんです: IPADIC reads たん as a noun (痰); spelled out, it reads て + いた + ん.
  let text = original
    .replace(/(?<=[っいんしれけせてえ寝見出来着])([てで])ん(?=の|だ|です|じゃ)/g, "$1いる")
    .replace(/(?<=[っいんしれけせえ][てで])たん(?=です|だ|でしょ|じゃ)/g, "いたん")
    // 踏んでいったんです: IPADIC reads いったん as 一旦.
    .replace(/(?<=[てで])いったん(?=です|だ|でしょ|じゃ)/g, "いったの")
    // ちゃんとやってるのかなって思って: IPADIC reads かなっ as 叶う; the quoting って before 思う is と.
    .replace(/(かな|かしら)って(?=思)/g, "$1と")
    // 用事ってほどでもないんだけど、: the caller's modesty about calling, before the matter.
    .replace(
      /(いや(ね)?、?)?(用事|用)(って|という)?(ほど|わけ)(で|じゃ|では)(も|は)?ない(ん(だ|です))?(けど|けれど|が)、?/g,
      "",
    )
    // 下向いて: IPADIC reads 下向 (げこう) + いる; the direction faced is said with を.
    .replace(/(?<=^|[^\p{Script=Han}])([上下前横後])向い/gu, "$1を向い")
    // 紙詰まりばかりして、困ってまして。: a polite まして left hanging is the caller's state.
    .replace(/(?<=[っいしんれけせえ])てまして(?=[。、！!…]|$)/g, "ているんです")
    // 水やりが大変かなって。: a thought left on its って is a かなと思って.
    .replace(/(かな|かしら)って(?=[。、…\s]|$)/g, "$1と思って")
    // 早くしてよ 注文確認の…: a demand said before a pause stands on its own.
    .replace(/(?<=[てで])よ[、\s]+(?=[^\s、。])/g, "よ。")
    // 出たんやで / 届いてへん: a Kansai caller's endings, in standard forms the reflection can inflect.
    .replace(/んや(で|ねん|わ|ん)?(?=[。！!？?、\s]|$)/g, "んです")
    .replace(/(?<=[てらかまさわがなばえ])へん(?=[。、っ\s]|で|$)/g, "ない")
    // そういえば opens a new thought; it is not part of the matter (IPADIC reads そう|いえ|ば).
    .replace(/[…、]*そういえば[、,]?/g, "。")
    // Speech-to-text folding gave ASCII marks (来たの!こういう): they end sentences all the same.
    .replace(/!/g, "！")
    .replace(/\?/g, "？")
    // 病院はね、: a pause particle after は/が (IPADIC reads はね as the verb はねる).
    .replace(
      /(?<=[\p{Script=Han}ァ-ヶーぁ-ん])(は|(?<!め)が|も)(ね|さ)(?=[、\s\p{Script=Han}ァ-ヶ]|この|その|あの|うち)/gu,
      "$1",
    )
    // あの人 said of someone the caller knows is あの方 in the operator's mouth (not the filler あの).
    .replace(/あの人(?=[がはもにとの])/g, "あの方")
    // …その前にちょっと聞いてちょうだいよ: the business waits; what follows is what the caller wants heard.
    .replace(
      /[…、\s]*その前に[、]?(ちょっと)?(聞いて|話を聞いて)(ちょうだい|ください|くれる|くれない|もらえる)?(よ|ね|かしら)?[？?]?[。！!]?/g,
      "。",
    )
    // ちょっと聞いてよ、: the caller's call for attention, not the matter.
    .replace(/(?<=^|[。！!？?])(ちょっと|ねえ)?、?聞いて(よ|ください|くださいよ)、?/g, "")
    // …あのねえ、聞いてくれる？: asked for attention, not a question to answer.
    .replace(
      /(?<=^|[。！!？?、])(あのね(え)?、?)?(ちょっと)?聞いて(くれる|くれない|くださる|ちょうだい)(よ|かしら)?[？?]/g,
      "",
    )
    // 解約したって言ってるでしょ: the insistence around the matter is not handed back, the matter is.
    .replace(/(?<=^|[。、！!？?])(だから|ですから)[、]?/g, "")
    .replace(
      /って(言って|いって)(る|いる|ます|ん)(でしょ(う)?|じゃない(ですか)?|のよ|の|だろ|んです|んだけど|ですけど)?(?=[。！!？?、]|$)/g,
      "",
    )
    // 保険金がおりないって、どういうことよ: the matter told, and the question about it on its own (a
    // complaining caller's is rhetorical, never handed back as どういうことなのですね).
    .replace(
      /(?<=(ない|なかった|た|だ|る|い))って[、,]?(?=(一体|いったい)?[、,]?(どういうこと|どうなって|何なの|なんなの|なんで|どうして))/g,
      "。",
    )
    // 改定って、そんなの聞いてない: the matter is what was not heard of, without the scorn.
    .replace(/って[、]?そんな(の|こと)(?=[\p{Script=Han}ぁ-ん])/gu, "は")
    // 個室なんて頼んでない: scorn for a thing before its verb is said as なんか (handed back with は).
    // (…but 1万円なんて聞いてない is とは: what was never heard of.)
    .replace(/(?<=[\p{Script=Han}ァ-ヶー0-9]{2})なんて(?=聞|知|言|思|書)/gu, "とは")
    .replace(/(?<=[\p{Script=Han}ァ-ヶー]{2})なんて(?=[\p{Script=Han}ぁ-ん])/gu, "なんか")
    // A laugh (あはは, ふふ) tells nothing.
    .replace(/[、\s]*(あはは|はは|ふふふ|ふふ|うふふ)[はふっ]*(?=[。！!、]|$)/g, "");
  // 高くなってるじゃないですか: a complaining caller's じゃないですか asserts; the matter is handed back.
  if (complaining) text = text.replace(/(?<=[るたいだ])(じゃ|では)ない(ですか|の|か)?(?=[。！!？?]|$)/g, "");
  const unquoted = text.replace(/「[^」]*」/g, "「」");
  const sentences = splitMorphemes(text, tokenizer.tokenize(text));
  const statements = sentences.filter((s) => !isQuestion(s));
  const questions = sentences.filter(
    (q) => isQuestion(q) && !(complaining ? rhetorical : askingWhy).test(surfaceOf(q)),
  );
  // A change asked for (別の日に変えてもらえますか) is the matter, whatever reason came before it.
  // …and so is a worry voiced to oneself (何か悪いことしたのかしら), whatever story led up to it.
  const reflection =
    changeAsked(questions[questions.length - 1]?.text ?? "") ??
    selfDoubt(sentences[sentences.length - 1]?.text ?? "") ??
    rankStatements(statements).reduce<string | null>(
      (found, s) =>
        found ??
        (exasperation.test(s.text) ||
        tookNote.test(s.text) ||
        // (あなた結婚してるの, unpunctuated: a question about the operator, never handed back.)
        (/あなた|あんた/.test(text) && personalQuestion.test(s.text))
          ? null
          : // 私なんか、もう誰の役にも立たないのよ: a low opinion of oneself is handed back as a feeling, never
            // confirmed as a fact.
            selfDeprecating.test(s.text)
            ? (reflect(s)
                // (…同じなのかしらと思われてしまったのですね: the thought is what they feel, said once.)
                ?.replace(/^(私|わたし|あたし)(なんか|なんて)、?/, "ご自分なんて")
                .replace(/(なの)?かしら(と|って)/, "なのではないか$2")
                .replace(/と思われ(てしまった|た|ていらっしゃる)?のですね$/, "と感じていらっしゃるのですね")
                .replace(/(?<=[いた])のですね$/, "と感じていらっしゃるのですね")
                .replace(/ご自分(なんて|なんか)、?(?=[^、。]{0,8}(いなく|いない|いても))/, "ご自分が") ??
              null)
            : reflect(s)),
      null,
    ) ??
    // お知らせが届いてなかったんですが、日程が変わったんですか: the matter told before the question.
    // (…and before a complaining caller's rhetorical one: 来ないんですけど、どうなってますか.)
    sentences.filter(isQuestion).reduce<string | null>((found, q) => found ?? reflectLead(q), null);
  return {
    // (A call to the caller's own family, 息子に電話しても, was not made to us.)
    reflection:
      reflection !== null &&
      /息子|娘|孫|嫁|家族|夫婦|友達|友人|親戚|兄|姉|弟|妹/.test(text) &&
      !/そちら|おたく|お宅|御社|窓口|センター/.test(text)
        ? reflection.replace(/お電話いただい/g, "お電話なさっ")
        : reflection,
    busy: /待って|探して|お待ち|調べて(る|い)/.test(text),
    askedAbout: askedMatter(questions[questions.length - 1]?.ms),
    asked: questions.length > 0,
    feeling: feelingOf(text, complaining),
    data: dataOf(text),
    // あら、またあなた？ greets the operator; it asks nothing about them.
    personal: questions.some(
      (q) =>
        personalQuestion.test(q.text) &&
        !/^[^、。]{0,4}、?(また)?あなた(なの|なのね|ね|か)?[？?]?$/.test(q.text.trim()),
    ),
    // (親戚がみんな来てくれて: a visit told, not an invitation.)
    wantsVisit: /遊びに(来|き)|会いに(来|き)|来てくれ(?!て|た)|うちに(来|寄)|お茶(でも)?飲みに/.test(text),
    explicitRequest: /ください|お願い|てほしい|てもらえ|ていただけ/.test(text),
    requested:
      /たい(ん|の|です|けど|が|[。、]|$)|たく(て|って)[。、]?$|(なり|でき)ませんか|ください|お願い|てほしい|てもらえ|ていただけ|てもらう(こと|の)|(こと|の)(って|は)?(でき|可能)/.test(
        text,
      ),
    // (What someone said, 「こんな問題もできないの」, is no fault of a thing of ours.)
    defect: ourDefect(unquoted),
    // (A repair or an exchange asked for, 修理の予約をしたい, names our service, not our fault.)
    ours: ourSide.test(
      text.replace(/(修理|交換|点検)(の)?(予約|依頼|申し込み|受付|を(お願い|頼み|したい))/g, ""),
    ),
    bare: /^[\s、。]*(はい|ええ|うん|はあ|お願いします|お願いいたします|よろしくお願いします|わかりました|どうも)?[\s、。！!]*$/.test(
      text,
    ),
    closing:
      /以上です|それだけ(です|なの|よ)|もう(大丈夫|いい(です|わ))|ありがとう(ござい|ね|ございました)?[。！!]?$|失礼します/.test(
        text,
      ),
    // The caller alone, not a grandchild who will live alone (孫が春から一人暮らし).
    // (A count, 大人二人と子ども一人 / 子ども一人, is a party, not a caller alone.)
    alone:
      /一人|ひとり|誰とも|話し相手|誰も(いない|来ない)/.test(
        text.replace(
          /(大人|子ども|子供|小人|幼児|[0-9０-９一二三四五六七八九十]+歳の子)[^。、]{0,4}(一人|ひとり)|(一人|ひとり)暮らし(を)?(始め|する予定|することに)/g,
          "",
        ),
      ) && !/(孫|息子|娘|母|父|子|弟|妹|兄|姉|主人|(?<!丈)夫)[^。]{0,16}(一人暮らし|ひとり暮らし)/.test(text),
    lookedForward: /楽しみ/.test(text),
    slighted: verdictOnOperator.test(text)
      ? /(冷た|つめた|そっけな)/.test(verdictOnOperator.exec(text)?.[0] ?? "")
        ? "cold"
        : "rude"
      : null,
    // A milestone reached (生まれた, 受かった), not a question about one (結婚してるの？), nor a baby's age
    // given in a complaint (生まれて二か月の赤ちゃんがいるから沐浴もできなくて).
    celebrating:
      !complaining &&
      /(?<!どこの|何処の)生まれ(?!て[^。]{0,6}(年|十|百|か月|ヶ月|カ月|週間|日目)|た(村|町|家|所|土地|故郷|国|場所|ところ|島|街)|は|って)|誕生|合格|受かっ|結婚|入学|卒業|就職|還暦|古希|喜寿|米寿|白寿|金婚|銀婚|婚約|おめでた|周年/.test(
        text,
      ) &&
      !/結婚(して(る|いる|います|ます)|されて)[^。]{0,4}[?？]|結婚(は|って)[^。]{0,6}[?？]/.test(text),
    cause: (complaining && !aboutTheirOwn(text)) || ourDefect(unquoted) ? causeOf(unquoted) : null,
    detailed: sentences.length >= 2 || text.length >= 40,
    // (…ちゃって、すみません, or ごめんなさいねえ、また電話しちゃって: sorry for calling, sorry for the time.)
    apologized:
      /(て|で|って)[、\s]*(すみません|すいません|申し訳)/.test(text) ||
      /(?<=^|[。！？!?、\s])(ごめんなさい|ごめんね|ごめん|すみません|すいません)(ねえ|ね)?[、\s]*[^。]{0,16}(電話|長話|長く|何度も|また|お忙しい|お仕事中)/.test(
        text,
      ),
    // 事故の相手の保険会社 / 他社: the grievance is with someone who is not us (unless we are named too).
    othersFault:
      /(事故|ぶつけ|追突)[^。]{0,8}の?相手|相手(方|側)|相手の(保険会社|会社|運転手|人|方)|他社|よその会社/.test(
        text,
      ) &&
      !/おたく|お宅|御社|貴社|そちら|そっち|管理会社|(弊社|窓口|担当)[^。]{0,8}(対応|何もしてくれ)/.test(
        text,
      ),
    praisedOperator: praiseOfOperator.test(text),
    stillTalking: /[、,]\s*$/.test(original),
    answeredDatum:
      dataOf(text).length > 0 &&
      text.replace(/[、。！!？?\s]/g, "").length <= 32 &&
      !problemWord.test(text) &&
      !defectWord.test(text) &&
      !sentences.some(isQuestion) &&
      // (Only the datum: no verb or adjective telling anything else, 2週間分も入ってる / 60年も前に見た.)
      !sentences.some((s) => s.ms.some((m) => m.pos === "動詞" || m.pos === "形容詞")),
    smallTalk:
      /(あなた|そちら|そっち)(の|ん)?(ところ|とこ|方|ほう)?(は|も)?[^。？?]{0,8}(雪|雨|天気|降|寒|暑|晴|風)[^。？?]{0,6}[?？]/.test(
        text,
      ),
    justBought: /買ったばかり|買ったばっかり|新品なのに|買ったばっか/.test(text),
    asksForStaff:
      /(さん|さま|様)(って(子|人|方))?[、,\s]*(を)?(お願い(でき|します|したい)|いる[？?の]|いない[？?の]|いますか|いらっしゃ|に代わ|と(話|代わ)|出して)/.test(
        text,
      ),
    // (A caller who says the number is lost, 注文番号がわからない, is looked up by name and phone.)
    lookup:
      /(番号|控え|伝票|レシート)[^。]{0,8}(わから|分から|覚えて(い)?な|なくし|無くし|見当たら|捨て)/.test(
        text,
      )
        ? "お名前とお電話番号"
        : /(振り?込|送金)[^。]{0,20}(届|着|反映)/.test(text)
          ? "お振込みの日時と金額"
          : /予約/.test(text)
            ? "ご予約のお名前"
            : /保険|証券/.test(text)
              ? "証券番号"
              : /注文|頼んだ|配達|荷物|出前|ピザ|商品|品物|届(?!出|け出)/.test(text) &&
                  !/郵便物|書類|通知|手紙|はがき|ハガキ|納付書|督促|お知らせ|案内|請求書|明細|検針票/.test(
                    text,
                  )
                ? "ご注文番号"
                : null,
    occasion: /誕生日|記念日|お祝い|法事|結婚式|入学式|卒業式|発表会|運動会|還暦|お正月|クリスマス/.test(text)
      ? "大切な日に"
      : /旅行/.test(text)
        ? "せっかくのご旅行で"
        : null,
  };
}

function causeOf(text: string): TroubleCause | null {
  // Damage done by our own worker (設置の人が床に傷をつけていった): our staff's doing.
  if (
    /(設置|工事|作業|配送|配達|修理|点検|引っ越し|引越し)(の)?(人|方|業者|スタッフ)[^。]{0,24}(傷|割|壊|汚|へこ|凹|折|曲げ)/.test(
      text,
    )
  )
    return "staff";
  // 傷をつけられた / 壊された: damage someone of ours did, said in the passive.
  if (/(傷|キズ)(を)?(つけ|付け)られ|壊され|割られ|汚され|へこまされ/.test(text)) return "staff";
  if (
    /態度|言い方|口調|謝り(も)?しな|舌打ち|ため息|溜息|睨|にらま|失礼|横柄|無愛想|怒鳴|馬鹿に(?!された気分)|バカに(?!された気分)|ばかに(?!された気分)|しつこ|押し売り|強引|粘っ|居座|たらい回し|説明がな|対応が(悪|ひど)/.test(
      text,
    )
  )
    return "staff";
  // A payout the caller claimed and still waits for (保険金を請求したのに連絡もない): a delay, not a bill.
  if (
    /保険金|給付金|補償金|還付金/.test(text) &&
    /連絡|振り込|振込|入金|届か|まだ|来な|たっても|経っても|もう[0-9０-９一二三四五六七八九十]+|か月|ヶ月|週間/.test(
      text,
    )
  )
    return "delay";
  // A bill or a charge, not a payout the caller claimed (保険金を請求した: a delay).
  // (毎月三万円も払ってるのに、先生方は…: what is paid for is the grievance, not the bill.)
  if (
    !(
      /払って(い)?る(のに|んだから|んですよ)|払ってきた/.test(text) &&
      !/請求|引き落と|二重|返金|払い戻|明細/.test(text)
    ) &&
    /請求(?!し|をし|の(手続|仕方|方法))|料金|代金|引き落と|明細|[0-9０-９]+円|万円|二重|倍|返金|払い戻/.test(
      text,
    )
  )
    return "charge";
  // A line or a service down (ネットが3日も繋がらない) is a fault, whatever the support line did.
  if (
    /(ネット|回線|インターネット|Wi-?Fi|WiFi|wifi|電波|テレビ|電気|ガス|水道)[^。]{0,8}(つながらな|繋がらな|使えな|止ま|映らな|出な)/.test(
      text,
    )
  )
    return "defect";
  // A wait the caller sat through (四十分も待たされた, 電話がつながらない): our time taken, not a parcel late.
  if (
    /待たされ|立たされ|待って(る|い|た)|(電話|窓口)[^。]{0,8}(つながらな|繋がらな)|混み合/.test(text) &&
    !/届かな|届いてな|届いていな|来な(い|かった)|まだ(来|届)/.test(text)
  )
    return "wait";
  if (
    /届かな|届いてな|来な(い|かった)|まだ(来|届|連絡)|遅れ|遅い|待たされ|待って(る|い)|連絡(が)?(な|来)|折り返し|[0-9０-９一二三四五六七八九十]+(時間|分)(半)?も(かかっ|遅れ)/.test(
      text,
    )
  )
    return "delay";
  // 住民票の名前の漢字が間違っていた: a clerk's mistake on a document, not the wrong goods.
  if (
    /役所|役場|住民票|証明書|戸籍|保険証|通知書|登録/.test(text) &&
    /(名前|漢字|字|住所|生年月日|表記)[^。]{0,12}(間違|違)/.test(text)
  )
    return "staff";
  if (
    /(色|サイズ|商品|品物|中身|届いた|写真|注文した|頼んだ|名前|プレート|宛名)[^。]{0,14}(違|別の)|(頼んだ|注文した|選んだ|買った)のに[^。]{0,12}(が|の)(届い|来た|入って)|間違(った|えた|えて)[^。]{0,8}(商品|もの|品|届|送)/.test(
      text,
    )
  )
    return "wrong";
  // Something found in food (お弁当に虫が入っていた): disgust and, if eaten, the caller's health.
  if (
    /(虫|髪の毛|毛|異物|ガラス|金属|破片|カビ|かび|プラスチック|ビニール)[^。]{0,10}(入って|入ってい|混ざ|混入|付いて|ついて|生えて|浮いて)/.test(
      text,
    ) &&
    // (Only in what was eaten or bought: a hair in a hot spring is the inn's care, not a product's.)
    /弁当|食べ|料理|商品|パン|菓子|飲み物|食品|パック|袋|容器|惣菜|サラダ|ご飯|麺|スープ|缶|瓶|ペットボトル|お茶|ジュース|牛乳|ヨーグルト|おにぎり|サンドイッチ|ピザ|ケーキ/.test(
      text,
    )
  )
    return "foreign";
  if (
    /壊れ|割れ|漏れ|欠け|傷|汚れ|不良|故障|見えにく|聞こえにく|つながらな|繋がらな|取れ(て|た)|外れ|剥が|はがれ|ひび|ヒビ|穴が|へこ|凹|曲が|折れ|破れ|ほつれ|カビ|かび|異物|動かな|つかな|出ない|音が|変な音|異音|不具合|エラー|止まっ|使えな|できな|おかしい/.test(
      text,
    )
  )
    return "defect";
  return null;
}

// Questions a complaining caller does not want answered: どういうことなんですか, どうしてくれるんですか.
const rhetorical =
  /どういうこと|どうして|なんで(?!す)|何なん|なんなん|どうなって|どうする|どうしてくれ|じゃない|でしょう|でしょ[?？]?$|ませんか|いいんですか|(?<!(もらえる|いただける|できる|くれる)(ん|の))ですよね|よすぎ|ひどくない/;

interface Sentence {
  text: string;
  ms: Morpheme[];
}

// Sentences by punctuation where there is some, and in casual speech also after a sentence-final
// particle that closes a predicate (食べられなかったのよ|食欲なくてね…): a ね after a noun (お弁当ね、) only
// marks a pause.
function splitMorphemes(text: string, morphemes: Morpheme[]): Sentence[] {
  const out: Sentence[] = [];
  for (const sentence of splitSentences(text)) {
    let current: Morpheme[] = [];
    let from = sentence.start;
    const inside = morphemes.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    inside.forEach((m, i) => {
      current.push(m);
      const next = inside[i + 1];
      const before = inside[i - 1];
      const predicateBefore =
        before !== undefined &&
        (["動詞", "助動詞", "形容詞"].includes(before.pos) ||
          /^(の|ん)$/.test(before.surface) ||
          (before.pos === "助詞" && before.posDetail.includes("終助詞")));
      const afterComma = next?.surface === "、" ? inside[i + 2] : next;
      const contentNext = afterComma !== undefined && !["助詞", "助動詞", "記号"].includes(afterComma.pos);
      // IPADIC sometimes reads a final よ as the adjective よい (出たのよ以上…): after の it is the particle.
      const finalParticle =
        (m.pos === "助詞" && m.posDetail.includes("終助詞") && m.surface !== "か") ||
        (/^(よ|わ)$/.test(m.surface) && /^(の|ん)$/.test(before?.surface ?? ""));
      // A tag question left in a run-on (異常でしょ、これ…) closes its sentence as well.
      const tag = m.pos === "助動詞" && /^(でしょ|だろ)$/.test(m.surface) && next?.pos !== "助動詞";
      const closes =
        contentNext &&
        (tag ||
          (predicateBefore && finalParticle) ||
          // 倍以上よ何かの…: よ / わ / さ after a noun close its sentence too (ね there is only a pause).
          (finalParticle && before?.pos === "名詞" && /^(よ|わ|さ)$/.test(m.surface)) ||
          (predicateBefore &&
            m.surface === "の" &&
            before?.pos !== "名詞" &&
            next?.surface !== "か" &&
            !/^(よ|わ|ね)$/.test(next?.surface ?? "") &&
            // (来たの午後二時よ: "when they came was two", one sentence.)
            !(
              before?.surface === "た" &&
              /^(午前|午後|朝|夜|昼|夕方|夕|今日|昨日|翌日|次の日|[0-9０-９一二三四五六七八九十何]+)/.test(
                afterComma?.surface ?? "",
              )
            )));
      if (closes && afterComma) {
        out.push({ text: text.slice(from, m.end), ms: current });
        current = [];
        from = afterComma.start;
      }
    });
    if (current.length > 0) out.push({ text: text.slice(from, sentence.end), ms: current });
  }
  return out.filter((s) => s.ms.some((m) => m.pos !== "記号"));
}

function surfaceOf(sentence: Sentence): string {
  return sentence.text;
}

const personalQuestion =
  /(あなた|あんた)(?!たち|達|方|がた|(ん|の)(とこ|ところ|会社|店|お店)|か[、。！!？?]|$|も?そう思)(?!(の|ん)(ところ|とこ|方|ほう)(は|も)?[^。？?]{0,6}(雪|雨|天気|降|寒|暑|晴|風))|(?<!の)お姉さん|(?<!の)お兄さん|下の名前|お名前は|結婚|彼氏|彼女(は|い)|恋人|独身|お休みの日|休みの日|休日は|趣味|お子さん|おいくつ|何歳|出身|どこに住|お家|おうち|家はどこ|遊びに|会いに|来てくれ/;

const defectWord =
  /見えにく|聞こえにく|間違|違う|違って|違いま|(?<!中)になって[てた]|届かな|届いてな(い|かっ|く)|壊れ|割れ|漏れ|遅れ|欠け|傷|汚れ|不良|故障|動かな|つかな|出ない|来ない|来なかった|足りな|変な音|異音|不具合|エラー|反応しな|(が|も)できな|(画面|電源|表示|明かり|ランプ)が?(急に|突然|勝手に)?(消え|落ち|真っ暗|固ま)|フリーズ|映らな|起動しな/;

// A family member who never comes or calls is the caller's sorrow, not our fault to apologize for.
const callersPeople = /嫁|息子|娘|孫|主人|旦那|(?<!丈)夫|妻|友達|友人|近所|兄|姉|弟|妹|親戚|先生|ヘルパー/;
const ourSide =
  /おたく|お宅|そちら|御社|貴社|注文|商品|品物|配達|荷物|定期便|サービス|請求|料金|工事|修理|製品|部品|担当|アプリ|サイト|回線|届/;

const family = /嫁|息子|娘|孫|主人|旦那|(?<!丈)夫|妻|兄|姉|弟|妹|親戚/;
const brushedOff = /相手にしてくれ|相手にされ|無視|口(を|も)?きいてくれ|話(を|も)?聞いてくれな|耳を貸さな/;
const familyAway = new RegExp(
  `(${callersPeople.source})[^。]{0,20}(来ない|来なく|来なかった|寄り付|よこさ|連絡(も|が)?(ない|くれ|来ない)|電話(も|を)?(くれ|して(くれ|こ))|顔(も|を)?見せ|いらないのかしら)` +
    // 嫁が相手にしてくれない: brushed off by one's own family.
    `|(${family.source})(が|に|から|は)[^。]{0,40}(${brushedOff.source})`,
);

// The caller's grievance is their own people staying away, nothing of ours.
function aboutTheirOwn(text: string): boolean {
  return familyAway.test(text) && !ourSide.test(text);
}

function ourDefect(text: string): boolean {
  // (Two quotes compared, 2社で比べたら3万円も違った, differ: nothing of ours went wrong.)
  if (/比べ|比較|他社|[0-9０-９一二三]社/.test(text) && !defectWord.test(text.replace(/違[うっいわ]/g, "")))
    return false;
  // (How two plans differ, 無料版とどう違うのか, is a question, not a wrong item.)
  const asked = text
    .replace(/(どう|何が|なにが|どこが|どの(くらい|程度|ように|へん|辺)が?)違[うっいわ]/g, "")
    // (あさってには届いてないと困る: a worry about what must not happen, nothing gone wrong yet.)
    .replace(/(届いてない|届かない|間に合わない|来ない)と(困|だめ|ダメ|いけな|まず)/g, "");
  return defectWord.test(asked) && !aboutTheirOwn(text);
}

// もういい加減にしてほしい / 勘弁してよ: exasperation is met with an apology, never handed back as a wish.
const exasperation =
  /ったらない|ったらありゃしない|(の|ん)?せいなんだから|いい加減にし|勘弁し|ふざけ(ない|るな|て)|なめて(る|ん)|バカにし|馬鹿にし|しっかりしてよ|ちゃんとしてよ/;

const selfDeprecating =
  /(私|わたし|あたし|わし|俺|僕)(なんか|なんて)[^。]{0,20}(相手にされ|役に立た|いてもいなくても|誰も困らな|邪魔|迷惑(ばかり|かけ)|だめ|ダメ|何もでき|必要とされ|いらない|いない(方|ほう)が)/;

// 口座の件はわかりました: the caller taking note of what the operator said is no matter of theirs.
const tookNote = /(わかり|分かり|了解し|承知し)ました[。！!…‥\s]*$|(わかった|分かった)(わ|よ)?[。！!…‥\s]*$/;

const askingWhy = /どういうこと|なんで(?!す)|何なん|なんなん/;

// An interrogative asks, unless も makes it "every/none" (何日も, いつも, 誰も).
const interrogative =
  /(どこ|何(?!か)|なに(?!か)|なん(て|で|の)|いつ|誰|だれ|どう(?!せ|ぞ)|どれ|どちら|いくら|いくつ)(?![^、。]{0,3}も)/;

function isQuestion(sentence: Sentence): boolean {
  const s = sentence.text.replace(/[。！!…\s」』]+$/, "");
  // 「どうせ聞こえてないでしょ」って相手にしてくれない: what someone else said is reported, not asked.
  const told = s.replace(/[『「][^』」]*[』」](って|と)/g, "");
  // 年金のこととか、保険証のこととか: a list left open, not a question.
  if (/とか$/.test(s)) return false;
  return (
    /[?？]$/.test(s) ||
    /(か|かね|かな|って何|でしょうか|ますか|ですか|ません[かの]|でしょう|でしょ|じゃない|じゃないの|だろう|だろ)$/.test(
      s,
    ) ||
    (interrogative.test(told) && /(の|なの|のよ|のさ|んだ|んだよ|んだ？|のか)$/.test(s)) ||
    // どういうことよ / なんでよ: asked with a bare よ.
    /(どういうこと|どうなって(る|いる)の?|何なの|なんなの|どうして|なんで)(よ|なのよ|だよ|よね)?$/.test(s) ||
    // 交換してもらえるんですよね: what the caller counts on, asked to be confirmed.
    /(もらえる|もらえます|いただける|いただけます|できる|できます|くれる|くれます)(ん|の)?(です)?(よね|ね)$/.test(
      s,
    )
  );
}

const contentPos = new Set(["名詞", "動詞", "形容詞"]);
const problemWord =
  /わから|分から|聞こえ|見えな|見られな|読めな|使えな|開けな|開かな|聞けな|行けな|出られな|動けな|歩けな|できな|いなくな|悪くな|つまず|話す(人|相手)|眠れな|寝られな|効かな|つら|辛|痛|悲し|壊|割れ|漏れ|届か|届いてな|来な|遅れ|遅く|遅い|入ってな|入っていな|足りな|間違|違う|違っ|止ま|動かな|つながらな|痛|汚|臭|欠け|傷|寂し|さみし|さびし|亡くな|一人|ひとり|心配|不安|嬉し|うれし|楽しみ|困/;

const longAgoDeath = /亡くなって(もう)?[0-9０-９一二三四五六七八九十何]+年/;

const ownFeeling =
  /滅入|落ち込|気が抜け|張り合い|元気が出な|申し訳な|情けな|悔し|心細|寂し|さみし|さびし|不安|心配|怖|こわ/;

// A death told as the reason for a call about what to do now (何から手をつけていいのか, 名義の変更): the
// condolence answers the loss, and the reflection hands back the worry about what to do.
const afterALoss = /手続き|名義|解約|届け出|届出|相続|どうしたら|どうすれば|何から/;

function rankStatements(statements: Sentence[]): Sentence[] {
  const scored: { sentence: Sentence; score: number }[] = [];
  const practical = afterALoss.test(statements.map((s) => s.text).join(""));
  for (const sentence of statements) {
    const content = sentence.ms.filter(
      (m) => contentPos.has(m.pos) && !/^(する|いる|ある|なる|こと|の|ん|それ|これ)$/.test(m.baseForm),
    ).length;
    if (content === 0) continue;
    // About the caller's own matter, not about the operator (あなたは…).
    const predicate = sentence.ms.some((m) => m.pos === "動詞" || m.pos === "形容詞") ? 2 : 0;
    const text = surfaceOf(sentence);
    const score =
      content +
      predicate +
      // (A death years ago, 亡くなって五年, is the background of a memory, not the news.)
      (problemWord.test(text.replace(longAgoDeath, "")) ? 3 : 0) +
      (/亡くな|亡くし|死んじゃ|死んだ|死んで/.test(text) && !longAgoDeath.test(text) && !practical ? 6 : 0) +
      // News that matters more than its details (ひ孫が生まれた / 玄関で転んで起き上がれなかった).
      // (Not a birth given as the reason for an inquiry: 子どもが生まれたので、学資保険を…)
      (/生まれ|誕生|合格|結婚|転ん|転倒|倒れ|起き上がれ|救急車/.test(text) && !/ので|から[、,]/.test(text)
        ? 4
        : 0) +
      // What the caller feels (気が滅入って, 主人に申し訳なくて) is the heart of a story told around it.
      (ownFeeling.test(text) && !problemWord.test(text) ? 3 : 0) +
      // 私なんかいなくなっても、誰も困らない: a low opinion of oneself is the heart of a lonely call.
      (selfDeprecating.test(text) ? 5 : 0) -
      // …忘れてたんだけどね: a sentence left on its けど is the background to another.
      (/(けど|けれど)(ね|さ|ねえ)?[。！!]*$/.test(text) ? 2 : 0) +
      // それなのに…言われて: the turn of the story is the grievance, what came before its setting.
      (/^(それなのに|なのに|それでも|しかも)/.test(text) ? 3 : 0) -
      // 前は…だったのにね / この前なんか…: how it used to be, or one example, sets up the matter.
      (/^(前|昔|以前)(は|なら)[^。]*のに/.test(text) ? 3 : 0) -
      (/^(この前|こないだ|この間)(なんか|なんて)/.test(text) ? 3 : 0) -
      (/あなた|あんた/.test(text) ? 3 : 0) -
      // 死にそう / 修理は来週なんて: hyperbole and scorn are not handed back word for word.
      (/死にそう|死んじゃう|死ぬわ|死ぬよ|なんて/.test(text) ? 5 : 0) -
      // それを信じて頼んだのに: a pointing word stands for what another sentence said.
      (/^(それ|あれ|これ)(を|が|は|で)/.test(text) ? 4 : 0) -
      // Anger named (腹立つ, むかつく) is not handed back word for word: what happened is.
      (anger.test(text) ? 6 : 0);
    // A complaint states its matter first: on a near tie the opening sentence is the matter.
    scored.push({ sentence, score: score + (scored.length === 0 ? 1 : 0) });
  }
  // Best first; on a tie the earlier sentence (a complaint states its matter first).
  return scored.sort((a, b) => b.score - a.score).map((s) => s.sentence);
}

// ---- Reflection ----------------------------------------------------------------------------------

const maxReflection = 34;

// The statement a question opens with (…届いてなかったんですが、…ですか), reflected on its own.
function reflectLead(question: Sentence): string | null {
  const cut = question.ms.findIndex(
    (m, i) =>
      m.pos === "助詞" &&
      /^(が|けど|けれど|けれども)$/.test(m.surface) &&
      m.posDetail.includes("接続助詞") &&
      question.ms[i + 1]?.surface === "、",
  );
  if (cut < 3) return null;
  const ms = question.ms.slice(0, cut);
  const lead = { text: ms.map((m) => m.surface).join(""), ms };
  // (Only a trouble: 解約したいんですが、手数料は… is a question's preamble, answered with the question.)
  // (…and a discrepancy noticed, 前は卵不使用って書いてあったのに、今は…, is the matter of the question.)
  // (…and so is what the caller was told or read, 今日中に届くって書いてあったと思うんですけど、…)
  return /[?？か]$/.test(lead.text) ||
    (causeOf(lead.text) === null &&
      !/(た|だった)のに、/.test(lead.text) &&
      !/(って|と)(書いて(あっ|あり)|言われ|聞い)/.test(lead.text))
    ? null
    : reflect(lead);
}

// あなたはなんだか冷たい / あんた感じ悪い: the caller's verdict on the operator is not handed back (it would
// come out as 私は冷たいのですね).
const verdictOnOperator =
  /(あなた|あんた)(?!の|んと|んち)(は|って|が|、)?[^。]{0,8}(冷た|つめた|感じ(が)?悪|失礼|ひど|下手|へた|頼りな|不親切|そっけな|無愛想|わかってな|分かってな)/;

const praiseOfOperator =
  /(あなた|あんた)(?!の(とこ|ところ|会社|店)|んと|んち)(と|に|の声|の話|が出て|さん|って|は|、)?[^。？?]{0,12}(よかった|嬉し|うれし|元気|楽し|ほっと|安心|優し|やさし|親切|いい人|素敵|すてき|上手)/;

function reflect(sentence: Sentence): string | null {
  if (verdictOnOperator.test(sentence.text)) return null;
  // あなたもお仕事あるのにねえ: the operator's own life is not handed back (私もお仕事あるのですね).
  if (/(あなた|あんた)も/.test(sentence.text)) return null;
  // あなたと話すと元気が出る: kind words about the operator are thanked for, not handed back (私と…).
  if (praiseOfOperator.test(sentence.text)) return null;
  // ごめんなさいね、また長話しちゃって: sorry for calling is answered (とんでもないです), not handed back.
  if (
    /ごめん|すみません|すいません|申し訳/.test(sentence.text) &&
    /長話|長電話|電話(し|を)|お忙しい|お仕事中|何度も|また/.test(sentence.text)
  )
    return null;
  // A ね/さ after a noun or particle only marks a pause (この前ね、): dropped.
  let ms = trimHead(
    sentence.ms
      // 嫌な感じで……今回また: a trailing-off inside the sentence is a pause between its clauses.
      .map((m, i) =>
        /^…+$/.test(m.surface) &&
        !/^…*$/.test(sentence.ms[i + 1]?.surface ?? "") &&
        sentence.ms.slice(i + 1).some((n) => contentPos.has(n.pos))
          ? { ...m, surface: "、", posDetail: "読点" }
          : m,
      )
      .filter(
        (m, i) =>
          (m.pos !== "記号" || !/^[。！？!?…・]+$/.test(m.surface)) &&
          !(
            m.pos === "助詞" &&
            /^(ね|さ|ねえ|よ|わ)$/.test(m.surface) &&
            i < sentence.ms.length - 1 &&
            ["名詞", "助詞"].includes(sentence.ms[i - 1]?.pos ?? "")
          ),
      ),
  );
  const said = sentence.text.replace(/[\s、。！!…]+$/, "");
  // 期限過ぎちゃったらどうなるのかなと思って: a question the caller is turning over is handed back as such.
  const wondering =
    /^(?:もう)?(.{3,36}?)(のかな|のかしら|のかなあ|かな)(と|って)(思って|思いまして|思っ)$/.exec(said);
  const wonderAt = ms.findIndex(
    (m, i) =>
      /^(かな|かしら|かなあ)$/.test(m.surface) ||
      (m.surface === "か" && /^(な|なあ|しら)$/.test(ms[i + 1]?.surface ?? "")) ||
      // (IPADIC reads のかなって as の + かなっ (叶う) + て.)
      (m.surface === "かなっ" && ms[i - 1]?.surface === "の"),
  );
  if (wondering && wonderAt > 1) {
    const asked = ms.slice(0, ms[wonderAt - 1]?.surface === "の" ? wonderAt - 1 : wonderAt);
    const whole = tidy(render(trimHead(asked), false)).replace(/[、。\s]+$/, "");
    // (母は花が好きなんですけど、…大変かなって: the wonder is what follows the けど.)
    const after = whole.replace(/^.*(けど|けれど|ですが)[、\s]*/, "");
    const body = after.length >= 6 ? after : whole;
    // (大変かな → 大変なのか: a noun or a な-adjective takes な before のか.)
    const copula = /[\p{Script=Han}ァ-ヶー]$/u.test(body) ? "な" : "";
    if (body.length >= 3) return tidy(`${body}${copula}のか、気にかかっていらっしゃるのですね`);
  }
  // まだ切らないでよ: a plea not to do something is no matter to hand back (what the caller wants is).
  if (/(ないで|んといて|んとって)(よ|ね|ちょうだい|ってば|ください)?$/.test(said)) return null;
  // もうちょっとお話ししましょうよ: an invitation is handed back as the caller's wish (お話ししたいのですね).
  const invited =
    /^(ねえ|ねぇ|あのね|ほら|じゃあ)?[、\s]*(.{2,24}?)(しましょう|しましょ|しよう)(よ|ね|か)?$/.exec(said);
  if (invited?.[2] && !/[、。]/.test(invited[2])) return tidy(`${invited[2]}したいのですね`);
  // 会費くらい返してよ: a bare て-form with よ after it asks for something, it tells nothing past.
  const demand = /[てで](よ|ちょうだい|ってば)[。！!]*$/.test(sentence.text.replace(/[\s、]+$/, ""));
  ms = trimTail(ms);
  if (demand && /^[てで]$/.test(ms[ms.length - 1]?.surface ?? "") && ms[ms.length - 2]?.pos === "動詞") {
    const asked = tidy(`${render(ms.slice(0, -1), false)}${ms[ms.length - 1]?.surface}ほしいとのことですね`);
    return asked.length >= 5 && asked.length <= maxReflection + 12 ? asked : null;
  }
  // 返金は後日ってなんなの / 24センチって何これ: the matter is what comes before the indignant って.
  const indignant = ms.findIndex(
    (m, i) =>
      (m.surface === "って" && /^(何|なん|なに|どういう)/.test(ms[i + 1]?.surface ?? "")) ||
      (m.surface === "ってな" && ms[i + 1]?.surface === "ん"),
  );
  if (indignant > 0) ms = trimTail(ms.slice(0, indignant));
  // 楽しみだったのにね、月に一回でもおしゃべりできて: a lament closed by its particle is the matter; what
  // follows the pause explains it.
  const lament = sentence.ms.findIndex(
    (m, i) => m.surface === "のに" && /^(ね|ねえ|よ|さ)$/.test(sentence.ms[i + 1]?.surface ?? ""),
  );
  const lamentAt = lament >= 0 ? ms.indexOf(sentence.ms[lament] as Morpheme) : -1;
  if (
    lamentAt > 2 &&
    !/ない|なかった|ません|なく/.test(
      sentence.ms
        .slice(lament + 1)
        .map((m) => m.surface)
        .join(""),
    )
  )
    ms = trimTail(ms.slice(0, lamentAt + 1));
  ms = dropSceneSetting(keepLastClauses(dropVerdicts(ms)));
  ms = trimHead(trimTail(ms));
  if (ms.length === 0) return null;
  const ending = politeEnding(ms);
  if (!ending) return null;
  const tidied = tidy(`${ending.body}${ending.tail}`);
  // 本日の受付は終了しました』と言われた: a quote whose opening was trimmed away is opened again.
  const phrase =
    (tidied.match(/』/g) ?? []).length > (tidied.match(/『/g) ?? []).length
      ? `『${tidied}`
      : (tidied.match(/」/g) ?? []).length > (tidied.match(/「/g) ?? []).length
        ? `「${tidied}`
        : tidied;
  // A generalization (昔は嫁ってのは…もんだ) is the caller's opinion, not their matter; so is a verdict
  // thrown in (あれじゃ割れるわ).
  if (/^(あれじゃ|これじゃ|それじゃ|そりゃ|あんなの|こんなの|あんなん|こんなん)/.test(phrase)) return null;
  // 品川区からです: a place said with its particle is handed back as a noun phrase (品川区からなのですね).
  if (/(から|まで|より)のですね$/.test(phrase)) return phrase.replace(/のですね$/, "なのですね");
  // (身に覚えの)ない海外サイト: a phrase left without the words its ない negates is cut mid-phrase.
  if (/^(ない|なかった|なく|なし)/.test(phrase)) return null;
  // 届いた分はお金払わないからね: a threat is not handed back as the caller's matter.
  if (/ないから(ね|な|よ)?$/.test(said)) return null;
  // 聞いてほしいことがあって電話したの / 暇だから電話しちゃった: a preamble, not yet the matter.
  if (/(聞いてほしい|聞いてもらいたい|話したい|相談したい)ことがあ|お話があ/.test(phrase)) return null;
  // 先週そちらを退院した村井です: the caller naming themselves is no matter to hand back.
  const words = sentence.ms.filter((m) => m.pos !== "記号");
  const nameAt = words.findLastIndex((m) => m.posDetail.includes("人名"));
  if (
    nameAt >= 0 &&
    /^(です|でございます|と申します|だ|だけど|ですけど|ですが|と言います|といいます)$/.test(
      words
        .slice(nameAt + 1)
        .map((m) => m.surface)
        .join(""),
    )
  )
    return null;
  // 用事ってほどでもないんだけど: the caller's modesty about calling is no matter either.
  if (
    /用事(って|という|と言う)?(ほど|わけ)(で|じゃ|では)(も|は)?ない|用はない|大した(こと|用)じゃ/.test(phrase)
  )
    return null;
  if (/電話(を)?(し|いただい|かけ)(て)?(しまった|ちゃった|みた)|暇だから/.test(phrase)) return null;
  // 寺からの帰りに、ここに電話しとるの: where the caller is calling from tells nothing of the matter.
  if (
    /(ここ|こちら|そちら|お宅|おたく)に(お)?電話(を)?(して(いる|る|おる)|しとる|かけて(いる|る)|いただいて(いる|おり))/.test(
      phrase,
    )
  )
    return null;
  // じゃあ、それで予約をお願いしたい: going ahead with what was offered hands nothing back.
  if (
    /^(では|じゃあ|それでは)?、?(それ|これ|そちら|こちら)で[^。]{0,12}(お願いし|頼みたい|申し込みたい|予約したい)/.test(
      said,
    )
  )
    return null;
  // それでお願いします: a yes to what the operator offered hands nothing back.
  if (/^(では|じゃあ|それで|これで|それでは)?お願い(する|いたす|します)?のですね$/.test(phrase)) return null;
  // じゃあ、そのBプランでお願いします: the choice is read back (Bプランでございますね).
  const chosen = /^(では|じゃあ|それでは)?、?(その|この)?(.{2,20}?)でお願い(する|いたす)のですね$/.exec(
    phrase,
  );
  if (chosen?.[3]) return `${chosen[3].replace(/^(自宅|実家)/, "ご$1")}でございますね`;
  // 今と同じプランで続けたいので、それでお願いします: the wish is the reason given, not それで.
  const agreed = /^(.{4,}?)(ので|から)、?(それで|これで|そちらで|そのまま)お願い(する|いたす)のですね$/.exec(
    phrase,
  );
  if (agreed?.[1]) return `${agreed[1]}のですね`;
  // 三セットお願いします: what the caller asks for is their wish (三セットをご希望なのですね).
  if (/お願い(する|いたす)のですね$/.test(phrase))
    return phrase.replace(/(を)?お願い(する|いたす)のですね$/, "をご希望なのですね");
  // 主人が生きていたら、一緒に干し柿にしたのに: a wish about what cannot be is not handed back as fact.
  if (
    /(生きて(い)?たら|いれば|いたら|だったら|であれば|くれれば|してれば)[^。]{0,24}(のに|だろう|でしょう|かしら|かな)/.test(
      sentence.text,
    )
  )
    return null;
  // また、わたし: a pronoun alone is no matter to hand back.
  if (
    /^(また、?)?(私|わたし|あたし|わたくし|あなた|これ|それ|あれ|ここ|そこ)(なのですね|のですね)$/.test(
      phrase,
    )
  )
    return null;
  // (…もいだもんだけど: a habit recalled with もんだ has no polite form that keeps its nostalgia.)
  if (
    phrase.length < 5 ||
    phrase.length > maxReflection + 12 ||
    /[?？か]$|もんだ$|ものだ$/.test(ending.body) ||
    /(もん|もの)な?のですね$/.test(phrase)
  )
    return null;
  return phrase;
}

const headWords =
  /^(もしもし|あのね|あの|ねえ|いやね|いや|だいたい|大体|そもそも|えーと|ええと|えっと|ちょっと|だからね|だから|それがね|それが|でね|で|あと|あら|まあ|ほら|実は|なんか|しかも|でも|それで|そしたら|やっぱり|やっぱ|結局|そうそう|そう|ほんと|本当|もう|じゃあ|じゃ|うん|はい|ええ|ああ|あっ|あ)$/;

// 時間を午前から午後に変えられますか: a change asked for as a question is handed back as the wish it is.
function changeAsked(question: string): string | null {
  const asked =
    /([^、。]{2,24}?)(に|へ)(変えられ|変更でき|変えてもらえ|変更してもらえ|変えていただけ|変更していただけ)(ます|ません)?か/.exec(
      question.replace(/^.*(けど|けれど|が、|ので、)/, ""),
    );
  return asked?.[1]
    ? tidy(`${asked[1].replace(/^時間を/, "お時間を")}${asked[2]}ご変更なさりたいのですね`)
    : null;
}

// 嫌われちゃったのかしら: a worry voiced as a question to oneself is handed back as the worry.
function selfDoubt(question: string): string | null {
  const doubt = /([^、。]{3,20}?)(のかしら|かしら|のかな)(ね|ねえ)?[。？?]*$/.exec(
    question.split("、").at(-1) ?? "",
  );
  // (迷惑だったかしら is answered with とんでもない, not handed back.)
  if (!doubt?.[1] || !/嫌われ|避け|怒って|忘れられ|見捨て|悪いこと/.test(doubt[1])) return null;
  const worry = doubt[1].replace(/^(私|わたし|あたし)(は|が|、)?/, "").replace(/ことした/, "ことをした");
  return tidy(`${worry}のではと、ご心配なのですね`);
}

function trimHead(ms: Morpheme[]): Morpheme[] {
  let i = 0;
  while (i < ms.length) {
    const m = ms[i];
    if (!m) break;
    const next = ms[i + 1];
    const functionHead = m.pos === "助詞" || m.pos === "記号";
    const discourse = m.pos === "フィラー" || m.pos === "感動詞" || m.pos === "接続詞";
    if (functionHead || discourse || (m.pos === "副詞" && headWords.test(m.surface))) {
      i += 1;
      continue;
    }
    // あと、 / やっぱり、: a word that carries the caller on to the next thing, before a pause.
    if (headWords.test(m.surface) && isPause(next)) {
      i += 2;
      continue;
    }
    // それがね、こないだ…: the story's opening, not a subject.
    if (
      /^(それ|これ)$/.test(m.surface) &&
      next?.surface === "が" &&
      (ms[i + 2]?.surface === "ね" || ms[i + 2]?.surface === "さ" || isPause(ms[i + 2]))
    ) {
      i += 2;
      continue;
    }
    // The caller's 私は / あたしが: the operator does not repeat them.
    if (
      /^(私|わたし|あたし|わたくし|俺|僕|うち)$/.test(m.surface) &&
      next &&
      /^(は|が|も|ね|、)$/.test(next.surface)
    ) {
      i += 2;
      continue;
    }
    // これ怖くて / それ困るのよ: a pointing word said for emphasis, not the matter.
    if (/^(これ|それ|あれ)$/.test(m.surface) && next && next.pos !== "助詞") {
      i += 1;
      continue;
    }
    // 本当よ、 / そうなの、: an answer to the operator, not part of the matter.
    if (
      /^(本当|ほんと|そう)$/.test(m.surface) &&
      next &&
      next.pos === "助詞" &&
      next.posDetail.includes("終助詞")
    ) {
      i += 2;
      continue;
    }
    break;
  }
  return ms.slice(i);
}

function trimTail(ms: Morpheme[]): Morpheme[] {
  const out = [...ms];
  for (let guard = 0; guard < 8; guard += 1) {
    const last = out[out.length - 1];
    const prev = out[out.length - 2];
    if (!last) break;
    if (last.surface === "、" || last.pos === "記号") {
      out.pop();
      continue;
    }
    // Sentence-final particles and the explanatory のだ/んです: よ, ね, わ, の, さ, けど, のに, じゃない, でしょ.
    if (
      last.pos === "助詞" &&
      /終助詞|接続助詞|副助詞／並立助詞／終助詞/.test(last.posDetail) &&
      /^(よ|ね|わ|の|さ|な|ぞ|ぜ|け|けど|けれど|けれども|のに|から|し|が|って|もん|かな|ねえ|よね)$/.test(
        last.surface,
      )
    ) {
      out.pop();
      continue;
    }
    if (
      last.pos === "助動詞" &&
      /^(だ|です|でしょ|でしょう|じゃ|だろ|だろう)$/.test(last.surface) &&
      prev &&
      /^(ん|の)$/.test(prev.surface)
    ) {
      out.splice(out.length - 2, 2);
      continue;
    }
    if (last.pos === "助動詞" && /^(でしょ|でしょう|だろ|だろう)$/.test(last.surface)) {
      out.pop();
      continue;
    }
    if (/^(ない|ん)$/.test(last.surface) && prev && /^(じゃ|では)$/.test(prev.surface)) {
      out.splice(out.length - 2, 2); // 〜じゃない (a tag, not a negation)
      continue;
    }
    if (/^(ん|の)$/.test(last.surface) && last.pos === "名詞") {
      out.pop();
      continue;
    }
    if (last.pos === "助動詞" && last.surface === "う" && prev?.surface === "でしょ") {
      out.splice(out.length - 2, 2);
      continue;
    }
    break;
  }
  return out;
}

// A long sentence keeps the clause that carries the matter (a problem or a feeling word), else its last
// clauses: the main point comes last in Japanese.
function keepLastClauses(ms: Morpheme[]): Morpheme[] {
  const length = (part: Morpheme[]) => part.reduce((n, m) => n + m.surface.length, 0);
  if (length(ms) <= maxReflection) return ms;
  const clauses: Morpheme[][] = [[]];
  let prev: Morpheme | undefined;
  for (const m of ms) {
    clauses[clauses.length - 1]?.push(m);
    const boundary =
      (m.surface === "、" && !pauseInClause(prev)) ||
      (m.pos === "助詞" &&
        m.posDetail.includes("接続助詞") &&
        /^(けど|けれど|が|ので|から|し)$/.test(m.surface));
    if (boundary) clauses.push([]);
    prev = m;
  }
  const whole = ms.map((m) => m.surface).join("");
  const matter = clauses.findIndex((c) => {
    const text = c.map((m) => m.surface).join("");
    // (After a loss, the matter is what to do now: the death itself is answered with condolence.)
    return problemWord.test(afterALoss.test(whole) ? text.replace(/亡くな|亡くし/g, "") : text);
  });
  if (matter >= 0 && matter < clauses.length - 1) {
    // The clause with the matter, and the ones after it while they fit.
    let kept = clauses[matter] ?? [];
    for (const next of clauses.slice(matter + 1)) {
      if (length(kept) + length(next) > maxReflection) break;
      kept = [...kept, ...next];
    }
    return kept;
  }
  for (let i = 1; i < clauses.length; i += 1) {
    const rest = clauses.slice(i).flat();
    if (length(rest) <= maxReflection && rest.some((r) => contentPos.has(r.pos))) return rest;
  }
  return ms;
}

// A verdict thrown in between pauses (新品なのにこんなの信じられない、十五万もしたのよ) is the caller's
// outcry, not their matter: the operator hands back what happened, not the outcry.
const anger = /腹(が)?立|頭にく|頭に来|むかつ|ムカつ|イライラ|いらいら|許せな/;
const verdict = new RegExp(
  `こんなの|あんなの|こんなん|あんなん|信じられな|ありえな|あり得な|冗談じゃな|ふざけ|どうかして|いい加減|最悪|${anger.source}`,
);
const pointing = /^(こういう|ああいう|そういう|こんな|あんな|そんな|ほんと|本当|ほんとに|本当に|もう)、?$/;

function dropVerdicts(ms: Morpheme[]): Morpheme[] {
  const clauses: Morpheme[][] = [[]];
  for (const m of ms) {
    clauses[clauses.length - 1]?.push(m);
    if (m.surface === "、" || /^[！!。]$/.test(m.surface)) clauses.push([]);
  }
  const text = (c: Morpheme[]) => c.map((m) => m.surface).join("");
  const first = clauses.findIndex((c) => verdict.test(text(c)));
  if (first < 0) return ms;
  // What happened, told before the outcry, is the matter (違う色が来たの！こういう、いい加減なの…); after an
  // outcry said first, what follows is (こんなの信じられない、十五万もしたのよ).
  const before = clauses.slice(0, first).flat();
  while (
    before.length > 0 &&
    (pointing.test(before.at(-1)?.surface ?? "") || before.at(-1)?.surface === "、")
  )
    before.pop();
  const told = (part: Morpheme[][]) =>
    part.some((c) => c.some((m) => m.pos === "動詞" || m.pos === "形容詞") && !pointing.test(text(c)));
  if (told([before])) return before;
  const after = clauses.slice(first + 1).filter((c) => !verdict.test(text(c)) && !pointing.test(text(c)));
  return told(after) ? after.flat() : ms;
}

// 「〜なんですけど、」 sets the scene for what follows (洗濯機なんですけど、脱水のたびに…): keep what follows.
// After a predicate (消えてたんですけど、1万円ですよ) it closes the matter itself: keep what comes before.
function dropSceneSetting(ms: Morpheme[]): Morpheme[] {
  for (let i = ms.length - 2; i >= 2; i -= 1) {
    const particle = ms[i];
    if (particle?.pos !== "助詞" || !/^(けど|けれど|けれども|が)$/.test(particle.surface)) continue;
    if (!/^(です|だ)$/.test(ms[i - 1]?.surface ?? "") || !/^(ん|の)$/.test(ms[i - 2]?.surface ?? ""))
      continue;
    // 〜なんですけど sets the scene; 口座のことじゃないんだけど puts a matter aside: what follows is the point.
    const aside = ms[i - 3]?.surface === "ない" && /^(じゃ|では|で)$/.test(ms[i - 4]?.surface ?? "");
    if (ms[i - 3]?.surface === "な" || aside) {
      const rest = ms.slice(ms[i + 1]?.surface === "、" ? i + 2 : i + 1);
      if (rest.filter((m) => contentPos.has(m.pos)).length >= 2) return rest;
    } else {
      // 不在票が入ってたんだけど、私ずっと家にいたのよ: what follows is the grievance when it contradicts.
      const after = ms.slice(ms[i + 1]?.surface === "、" ? i + 2 : i + 1);
      const before = ms.slice(0, i - 2);
      const afterText = after.map((m) => m.surface).join("");
      if (
        after.some((m) => m.pos === "動詞" || m.pos === "形容詞") &&
        (/ずっと|一度も|一回も|全然|まったく|なかった|ないのに/.test(afterText) ||
          // 写真を送ったって言うんだけど、私のは…見られないの: the trouble comes after what set it up.
          (problemWord.test(afterText) &&
            (!problemWord.test(before.map((m) => m.surface).join("")) || afterALoss.test(afterText))))
      )
        return after;
      if (before.some((m) => m.pos === "動詞" || m.pos === "形容詞")) return before;
    }
  }
  return ms;
}

interface Ending {
  body: string;
  tail: string;
}

// The reflection's last predicate in plain form, then のですね / なのですね / とのことですね.
function politeEnding(ms: Morpheme[]): Ending | null {
  const text = render;
  const last = ms[ms.length - 1];
  const prev = ms[ms.length - 2];
  if (!last) return null;
  // Requests: 交換してください / 来てほしい → 〜てほしいとのことですね.
  if (
    (last.baseForm === "くださる" || last.baseForm === "ほしい" || last.baseForm === "欲しい") &&
    prev &&
    /^(て|で)$/.test(prev.surface)
  ) {
    // What the caller asks us to do is ours, not theirs: no respectful verb (探してほしい).
    return { body: `${render(ms.slice(0, -1), false)}ほしい`, tail: "とのことですね" };
  }
  if (last.baseForm === "くださる" || last.baseForm === "ちょうだい") return null;
  // A wish left open (元気になってもらえたらなって / 〜たらなと思って): 〜たらと思っていらっしゃるのですね.
  // (出ていけって: an imperative IPADIC may read as 仮定形 is no wish.)
  const wish = ms.findLastIndex(
    (m) => (m.inflectionForm?.startsWith("仮定") && /(ら|れ|ば)$/.test(m.surface)) || m.surface === "ば",
  );
  if (
    wish > 0 &&
    wish < ms.length - 1 &&
    ms.slice(wish + 1).every((m) => /^(な|なっ|って|と|思っ|思い|て|ね|なあ|なー)$/.test(m.surface))
  )
    return { body: `${text(ms.slice(0, wish + 1))}と思っていらっしゃる`, tail: "のですね" };
  // Polite forms back to plain: 届きません → 届かない, 困りました → 困った, 困っています → 困っている.
  const polite = fromPolite(ms);
  if (polite) return { body: polite.body, tail: polite.noun ? "なのですね" : "のですね" };
  if (last.pos === "助詞" && /^(て|で)$/.test(last.surface) && prev) {
    // 思いまして → 思った.
    if (prev.baseForm === "ます") {
      const past = fromPolite([
        ...ms.slice(0, -1).slice(0, -1),
        { ...prev, surface: "まし" },
        { ...last, surface: "た", pos: "助動詞", baseForm: "た" },
      ]);
      return past ? { body: past.body, tail: "のですね" } : null;
    }
    if (prev.surface === "ない" && last.surface === "で")
      return { body: `${text(ms.slice(0, -2))}なかった`, tail: "のですね" };
    // 足りなくて → 足りない, 渡したくて → 渡したい, 痛くて → 痛い.
    if (prev.pos === "形容詞" || (prev.pos === "助動詞" && prev.inflectionForm?.includes("連用テ接続"))) {
      // (聞いてほしくて: what the caller wants done for them takes no respect of its own.)
      const wish = /^(ほしい|欲しい)$/.test(prev.baseForm);
      // (使いたくて → お使いになりたい: the verb is honored before the たい it now ends on.)
      if (prev.pos === "助動詞")
        return {
          body: render([...ms.slice(0, -2), { ...prev, surface: prev.baseForm }], !wish),
          tail: "のですね",
        };
      return { body: `${render(ms.slice(0, -2), !wish)}${prev.baseForm}`, tail: "のですね" };
    }
    // A sentence left on て tells what happened (悪くなってしまって → 悪くなってしまった); after the
    // ている auxiliary it tells a state (ぐらぐらしてて → ぐらぐらしている).
    if (prev.baseForm === "てる" || prev.baseForm === "いる")
      return { body: `${text(ms.slice(0, -1))}る`, tail: "のですね" };
    // (部活が毎日午前中にあって / 仕事が夜まであって: a state, not an event, stays in the present.)
    // (金利0.5って書いてあって: a verb's てある state honors no one — 書いてある, not お書きになってある.)
    if (prev.pos === "動詞" && prev.baseForm === "ある" && last.surface === "て")
      return {
        body: `${render(ms.slice(0, -2), !/^[てで]$/.test(ms[ms.length - 3]?.surface ?? ""))}ある`,
        tail: "のですね",
      };
    if (prev.pos === "動詞" || prev.pos === "助動詞") {
      const body = text(ms.slice(0, -1));
      // 読んで → 読んだ, but お読みになって → お読みになった.
      return {
        body: `${body}${last.surface === "で" && !body.endsWith("っ") ? "だ" : "た"}`,
        tail: "のですね",
      };
    }
    return null;
  }
  if (last.pos === "助動詞" && last.surface === "で" && prev?.pos === "名詞")
    return { body: text(ms.slice(0, -1)), tail: "なのですね" };
  if (last.pos === "助詞" && /^(だけ|ばかり|ばっかり|くらい|ぐらい|ほど|まで)$/.test(last.surface))
    return { body: text(ms), tail: "なのですね" };
  if (last.pos === "名詞" || (last.pos === "助動詞" && last.surface === "な")) {
    return { body: text(last.surface === "な" ? ms.slice(0, -1) : ms), tail: "なのですね" };
  }
  if (last.pos === "形容詞" && last.inflectionForm?.startsWith("基本形"))
    return { body: text(ms), tail: "のですね" };
  if (last.pos === "動詞" && last.inflectionForm?.startsWith("基本形"))
    return { body: text(ms), tail: "のですね" };
  // 千円足りなかったと思うんです: what the caller believes is handed back as their account (とのことですね).
  if (last.baseForm === "思う" && last.inflectionForm?.startsWith("基本形") && prev?.surface === "と")
    return { body: text(ms.slice(0, -2)), tail: "とのことですね" };
  // 疑問だ → 疑問なのですね (the copula gives way to な).
  if (last.pos === "助動詞" && last.surface === "だ" && prev?.pos === "名詞")
    return { body: text(ms.slice(0, -1)), tail: "なのですね" };
  if (
    last.pos === "助動詞" &&
    /^(た|だ|ない|たい|ぬ|らしい|れる|られる|せる|させる)$/.test(last.baseForm) &&
    last.inflectionForm?.startsWith("基本形")
  ) {
    return { body: text(ms), tail: "のですね" };
  }
  return null;
}

function fromPolite(ms: Morpheme[]): { body: string; noun: boolean } | null {
  const text = render;
  const surfaces = ms.map((m) => m.surface);
  const n = ms.length;
  const at = (k: number) => ms[n - k];
  // です / でした after a noun, an adjective or a past form.
  if (at(1)?.baseForm === "です" && at(1)?.surface === "です") {
    const before = at(2);
    if (!before) return null;
    if (before.pos === "名詞" || (before.pos === "助詞" && before.posDetail.includes("副助詞"))) {
      return { body: text(ms.slice(0, -1)), noun: true };
    }
    return { body: text(ms.slice(0, -1)), noun: false };
  }
  // (ませんでした is read below: 入れませんでした → 入れなかった.)
  if (at(2)?.surface === "でし" && at(1)?.surface === "た" && at(3)?.surface !== "ん") {
    const before = at(3);
    if (!before) return null;
    return before.pos === "名詞"
      ? { body: `${text(ms.slice(0, -2))}だった`, noun: false }
      : { body: text(ms.slice(0, -2)), noun: false };
  }
  const verbAt = (k: number) => {
    const v = at(k);
    return v && (v.pos === "動詞" || (v.pos === "助動詞" && /^(れる|られる|せる|させる)$/.test(v.baseForm)))
      ? v
      : null;
  };
  // 〜ます
  if (surfaces[n - 1] === "ます" && verbAt(2)) {
    const verb = verbAt(2) as Morpheme;
    return { body: `${text(ms.slice(0, -2))}${verb.baseForm}`, noun: false };
  }
  // 〜ました
  if (surfaces[n - 2] === "まし" && surfaces[n - 1] === "た" && verbAt(3)) {
    const verb = verbAt(3) as Morpheme;
    const past = pastOf(verb);
    return past ? { body: `${text(ms.slice(0, -3))}${past}`, noun: false } : null;
  }
  // 〜ません / 〜ませんでした
  if (surfaces[n - 2] === "ませ" && surfaces[n - 1] === "ん" && verbAt(3)) {
    const negative = negativeOf(verbAt(3) as Morpheme);
    return negative ? { body: `${text(ms.slice(0, -3))}${negative}ない`, noun: false } : null;
  }
  if (surfaces[n - 4] === "ませ" && surfaces[n - 3] === "ん" && surfaces[n - 2] === "でし" && verbAt(5)) {
    const negative = negativeOf(verbAt(5) as Morpheme);
    return negative ? { body: `${text(ms.slice(0, -5))}${negative}なかった`, noun: false } : null;
  }
  return null;
}

// Spoken contractions spelled out from the morphology: 割れてた → 割れていた, 付いてて → 付いていて,
// 取られちゃった → 取られてしまった, 置いといた → 置いておいた.
function render(part: Morpheme[], honor = true): string {
  // One respectful verb is enough: the last (鍵を忘れてお出かけになった), as operators say it.
  const honored = part.map((m, i) =>
    honor && m.pos === "動詞" && !m.posDetail.includes("非自立") ? honorific(part, i) : null,
  );
  const lastHonored = honored.findLastIndex((h) => h !== null);
  honored.forEach((_, i) => {
    if (i !== lastHonored) honored[i] = null;
  });
  return part
    .map((m, i) => {
      const own = honored[i];
      // スマホ使ってた: speech drops the object's を, an operator's read-back says it.
      const object = droppedParticle(part, i);
      // …and the pause that stood for it goes.
      if (isPause(m) && droppedParticle(part, i + 1) !== "" && isPause(part[i])) return "";
      // 今回また、お願いするか、迷って: a pause after an adverb or an embedded question is not written.
      if (
        isPause(m) &&
        (adverbBeforePause(part[i - 1]) ||
          (part[i - 1]?.surface === "か" && part[i - 1]?.posDetail.includes("副助詞")))
      )
        return "";
      // ミーちゃんって、いう / 改定、に: a pause before the particle, or between a quote and its verb.
      if (
        isPause(m) &&
        (["助詞", "助動詞"].includes(part[i + 1]?.pos ?? "") ||
          (/^(って|と)$/.test(part[i - 1]?.surface ?? "") &&
            /^(言う|いう|思う)$/.test(part[i + 1]?.baseForm ?? "")))
      )
        return "";
      if (own) return `${object}${own}`;
      if (object) return `${object}${m.surface}`;
      // 読んだ → お読みになった: the voiced だ/で of the plain verb follows なっ unvoiced.
      if (/[っれ]$/.test(honored[i - 1] ?? "") && /^[だで]/.test(m.surface))
        return `${m.surface[0] === "だ" ? "た" : "て"}${m.surface.slice(1)}`;
      if (m.pos !== "動詞" || !m.posDetail.includes("非自立")) return m.surface;
      const afterTe = /^[てで]$/.test(part[i - 1]?.surface ?? "") && part[i - 1]?.pos === "助詞";
      switch (m.baseForm) {
        case "てる":
        case "でる":
          return afterTe ? `い${m.surface}` : `${m.surface[0]}い${m.surface.slice(1)}`;
        case "ちゃう":
          // 褒められちゃって: good news said with ちゃう is no mishap (褒められて, not 褒められてしまって).
          if (
            m.surface === "ちゃっ" &&
            goodTurn.test(
              part
                .slice(Math.max(0, i - 3), i)
                .map((x) => x.surface)
                .join(""),
            )
          )
            return "";
          return `てしま${m.surface.slice(2)}`;
        case "じゃう":
          return `でしま${m.surface.slice(2)}`;
        // (読んどいた: after a verb; 雨どい, a gutter, is no contraction.)
        case "とく":
          return part[i - 1]?.pos === "動詞" ? `てお${m.surface.slice(1)}` : m.surface;
        case "どく":
          return part[i - 1]?.pos === "動詞" ? `でお${m.surface.slice(1)}` : m.surface;
        default:
          return m.surface;
      }
    })
    .join("");
}

// What a caller is glad of, said with ちゃう out of modesty (褒められちゃって, 当たっちゃった).
const goodTurn = /(褒め|ほめ)られ$|喜ばれ$|(当た|受か|もら|気に入|入賞し|当選し|合格し|選ばれ)(っ)?$/;

// Verbs whose object is marked by を: a plain noun right before one lost its particle in speech.
const takesObject =
  /^(敷く|置く|入れる|捨てる|割る|こぼす|汚す|使う|買う|読む|書く|持つ|探す|送る|忘れる|決める|選ぶ|調べる|申し込む|考える|飲む|作る|受け取る|頼む|聞く|待つ|食べる|見る|払う|支払う|壊す|出す|取る|止める|やめる|押す|開ける|閉める|落とす|なくす|無くす|やる|休む|育てる)$/;

// Verbs whose subject is marked by が: a plain noun right before one lost its particle in speech (虫入ってた).
const takesSubject =
  /^(入る|付く|つく|割れる|壊れる|届く|鳴る|止まる|切れる|落ちる|かかる|掛かる|混ざる|溶ける|漏れる|映る|点く|消える|欠ける|剥がれる|はがれる|汚れる|濡れる|腐る|傷む|曲がる|へこむ|凹む|折れる|外れる|破れる|詰まる|光る|揺れる|聞こえる|見える)$/;

// The particle speech dropped before the verb at i (スマホ使って → を, 虫入って → が, 旅行行けなく → に).
function droppedParticle(part: Morpheme[], i: number): string {
  // 5万円も請求来てる: a bill or a message that comes is the subject, not a place gone to.
  if (
    /^(来る|届く)$/.test(part[i]?.baseForm ?? "") &&
    sentThing.test(bareNounBefore(part, i, true)?.surface ?? "")
  )
    return "が";
  if (goesTo(part[i - 1], part[i]) || (isPause(part[i - 1]) && goesTo(part[i - 2], part[i]))) return "に";
  if (droppedObject(part, i)) return "を";
  return droppedSubject(part, i) ? "が" : "";
}

const sentThing =
  /^(請求|ご請求|連絡|電話|返事|返信|メール|通知|案内|督促|手紙|はがき|ハガキ|請求書|明細|書類|荷物|品物|商品)$/;

// 旅行行けなくなった / 買い物、行って: an outing said before a verb of going lost its に.
function goesTo(before: Morpheme | undefined, verb: Morpheme | undefined): boolean {
  return (
    before?.pos === "名詞" &&
    (before.posDetail.startsWith("サ変接続") ||
      /^(買い物|散歩|病院|会社|学校|遊び|墓参り|お参り|温泉|銀行|役所|郵便局|スーパー|図書館|美容院)$/.test(
        before.surface,
      )) &&
    (/^(行く|行ける|来る|来れる)$/.test(verb?.baseForm ?? "") ||
      (verb?.baseForm === "行う" && /^行[っかきけこ]/.test(verb.surface)))
  );
}

function droppedSubject(part: Morpheme[], i: number): boolean {
  const before = bareNounBefore(part, i, false);
  return (
    before !== undefined &&
    takesSubject.test(part[i]?.baseForm ?? "") &&
    /^(一般|サ変接続|固有名詞|英数)/.test(before.posDetail)
  );
}

// Roles a person holds (先生してた, 医者してる): the noun is what they do, with を.
const roleNoun =
  /^(先生|教師|医者|看護師|看護婦|保母|保育士|主婦|店長|社長|役員|会長|委員|民生委員|世話役|大工|農家|事務|運転手|ヘルパー|仕事|商売|美容師|駅員|警察官|消防士|公務員|銀行員|会社員|社員|パート|アルバイト|バイト)$/;

function droppedObject(part: Morpheme[], i: number): boolean {
  const before = bareNounBefore(part, i, true);
  if (before && part[i]?.baseForm === "する" && roleNoun.test(before.surface)) return true;
  return (
    before !== undefined &&
    takesObject.test(part[i]?.baseForm ?? "") &&
    /^(一般|サ変接続|固有名詞|英数|接尾,一般)/.test(before.posDetail) &&
    !/人名|地域/.test(before.posDetail)
  );
}

// The noun said right before the verb at i with no particle between them (a speaker's pause may stand where the
// particle was, 定期便、止めたくて, where `paused` allows it).
function bareNounBefore(part: Morpheme[], i: number, paused: boolean): Morpheme | undefined {
  const pause = paused && isPause(part[i - 1]) && part[i - 2]?.end === part[i - 1]?.start;
  const before = pause ? part[i - 2] : part[i - 1];
  // ガタガタ揺れて / ゴロゴロ鳴って: a sound word said twice is how, not who.
  if (/^(.{2})\1$/u.test(before?.surface ?? "")) return undefined;
  const verbStart = pause ? part[i - 1]?.start : part[i]?.start;
  return before?.pos === "名詞" &&
    before.end === verbStart &&
    // お茶飲み友達: a verb stem inside a compound noun takes no particle; nor does 水やりが, a stem used as
    // the noun.
    !(
      part[i]?.inflectionForm?.startsWith("連用") &&
      (part[i + 1]?.pos === "名詞" || /^(が|は|も|の|を)$/.test(part[i + 1]?.surface ?? ""))
    )
    ? before
    : undefined;
}

// スタッフの対応が、 / 今回また、 / お願いするか、: a speaker's pause after a case particle, an adverb or an
// embedded question, inside one clause (not after a predicate or a conjunctive particle, which end one).
function pauseInClause(before: Morpheme | undefined): boolean {
  if (!before) return false;
  if (adverbBeforePause(before)) return true;
  if (before.pos !== "助詞") return false;
  return (
    (/格助詞|係助詞/.test(before.posDetail) && /^(が|を|に|は|も|と|へ)$/.test(before.surface)) ||
    (before.surface === "か" && before.posDetail.includes("副助詞"))
  );
}

// 今回また、 / ちょっと、: an adverb the speaker paused after (a discourse word, それで、 / なんか、, is
// another matter: it goes with its pause).
function adverbBeforePause(before: Morpheme | undefined): boolean {
  return (
    (before?.pos === "副詞" || before?.surface === "また") &&
    !headWords.test(before.surface) &&
    !/^(なんか|まあ|ほら|もう)$/.test(before.surface)
  );
}

function isPause(m: Morpheme | undefined): boolean {
  return m?.surface === "、" || m?.surface === ",";
}

// ---- Who acts: the caller's own doings in 尊敬語, our staff's in 謙譲語 -------------------------------

// Verbs handed back in a respectful form whose stem conjugates like a ラ行五段 verb (いらっしゃ|っ|り|ら|る).
const respectfulStem: Record<string, string> = {
  言う: "おっしゃ",
  行く: "いらっしゃ",
  来る: "いらっしゃ", // only with the caller's side named as its subject: 荷物が来ない is a thing's
  いる: "いらっしゃ", // likewise: 私ずっと家にいた, not 犬がいた
  食べる: "召し上が",
  見る: "ご覧にな",
  払う: "お支払いにな",
  支払う: "お支払いにな",
};
// Verbs handed back in the られる form, conjugating like an 一段 verb (亡くされ|た|て|ない|る).
const rareruStem: Record<string, string> = {
  亡くす: "亡くされ",
  過ごす: "過ごされ",
  思う: "思われ",
  通う: "通われ",
  頼む: "頼まれ",
  働く: "働かれ",
  暮らす: "暮らされ",
  育てる: "育てられ",
  習う: "習われ",
  敷く: "敷かれ",
  置く: "置かれ",
  なくす: "なくされ",
  無くす: "無くされ",
  失くす: "失くされ",
  落とす: "落とされ",
  捨てる: "捨てられ",
  迷う: "迷われ",
  悩む: "悩まれ",
  開ける: "開けられ",
  入れる: "入れられ", // (not before ない: お風呂に入れない is 入る's potential, not 入れる)
  押す: "押され",
  洗う: "洗われ",
};
// Verbs handed back as お〜になる (使いたい → お使いになりたい).
const oNiNaru = new Set([
  "使う",
  "待つ",
  "買う",
  "読む",
  "書く",
  "持つ",
  "探す",
  "送る",
  "帰る",
  "忘れる",
  "決める",
  "選ぶ",
  "調べる",
  "申し込む",
  "考える",
  "飲む",
  "泊まる",
  "乗る",
  "住む",
  "出かける",
  "聞く",
  "作る",
  "受け取る",
  "話す",
  "会う",
  "歩く",
  "出す",
  "取り消す",
]);
const staffWord = /^(担当|受付|係|窓口|営業|配達|店員|スタッフ|社員|従業員|ドライバー|オペレーター|弊社|者)$/;
const callerSide =
  /^(私|わたし|あたし|わたくし|俺|僕|自分|こっち|母|父|母親|父親|主人|夫|妻|家内|旦那|息子|娘|孫|子ども|子供|子|家族|友達|友人|祖母|祖父|嫁|姉|兄|妹|弟)$/;

// The verb at i in its respectful (or, done by our staff, humble) form, or null to keep it as said: a
// verb the caller did not do (荷物が来た, 言われた, 見てもらった) is kept.
function honorific(part: Morpheme[], i: number): string | null {
  const m = part[i];
  if (!m) return null;
  // 金利0.5って書いてあった: a state left by someone's doing (〜てある) honors no one.
  if (/^[てで]$/.test(part[i + 1]?.surface ?? "") && part[i + 2]?.baseForm === "ある") return null;
  // A verb that ends the part takes the ending politeEnding writes after it: た after the 連用形,
  // なかった after the 未然形, のですね after the 基本形.
  const form = m.inflectionForm ?? "";
  const next: Morpheme | undefined =
    part[i + 1] ??
    (/^連用/.test(form)
      ? { ...m, surface: "た", baseForm: "た", pos: "助動詞", posDetail: "" }
      : /^未然/.test(form)
        ? { ...m, surface: "な", baseForm: "ない", pos: "助動詞", posDetail: "" }
        : /^基本形/.test(form)
          ? { ...m, surface: "の", baseForm: "の", pos: "助詞", posDetail: "" }
          : undefined);
  if (!next) return null;
  const base = m.baseForm === "行う" && /^行[っかきけこ]$/.test(m.surface) ? "行く" : m.baseForm;
  // 説明している / 入院した: a verbal noun the caller did takes される (説明されている, 入院された); the ones
  // done toward us are received with いただく in tidy (ご注文いただいた).
  const before = part[i - 1];
  const sahen =
    base === "する" &&
    before?.pos === "名詞" &&
    before.posDetail.startsWith("サ変接続") &&
    !/^(注文|予約|連絡|電話|解約|契約|申し込み|問い合わせ|振込|入金|購入|返品|心配|我慢|失礼|願い|停電|故障|発生|到着|完了|配達|入荷|発送|出荷|断水|渋滞|混雑|遅延|延期|中止|終了|開始|破損|点灯|点滅|反応|作動|起動|充電|浸水|漏電|値上がり|値下がり|増加|減少|変化|劣化|変色|結露|落下|転倒|炎上|沸騰|凍結)$/.test(
      before.surface,
    );
  // 小学校の先生してた: a role the caller held (先生をされていた); its を is restored in droppedParticle.
  const role = base === "する" && before?.pos === "名詞" && roleNoun.test(before.surface);
  if (!respectfulStem[base] && !oNiNaru.has(base) && !rareruStem[base] && !sahen && !role) return null;
  // 熱出した / 声出して: what a body or a thing gives off is nobody's doing to honor.
  if (
    base === "出す" &&
    /^(熱|声|音|煙|火|血|汗|涙|元気|芽|花|実|結果|答え|結論|スピード|咳|鼻水)$/.test(
      (/^[をが]$/.test(part[i - 1]?.surface ?? "") ? part[i - 2] : part[i - 1])?.surface ?? "",
    )
  )
    return null;
  if (/^(れる|られる|せる|させる|す)$/.test(next.baseForm)) return null;
  if (base === "入れる" && next.baseForm === "ない") return null;
  if (
    part
      .slice(i + 1, i + 6)
      .some((x) => /^(もらう|くれる|くださる|あげる|いただく|ほしい|欲しい|ちょうだい)$/.test(x.baseForm))
  )
    return null;
  // 帰ってきて / 持っていく: the verb of motion after it carries the respect, if anything does.
  // 書いてある: a state of a thing, nobody's doing.
  if (/^[てで]$/.test(next.surface) && part[i + 2]?.baseForm === "ある") return null;
  if (
    /^[てで]$/.test(next.surface) &&
    /^(くる|来る|いく|行く)$/.test(part[i + 2]?.baseForm ?? "") &&
    /^(帰る|戻る|出る|入る|持つ|連れる|乗る|出かける|行く|来る|歩く|走る|探す|買う)$/.test(base)
  )
    return null;
  // 置いてかれて / 持っていった: a verb carried on by another after its て (いく, くる, もらう…) is left as said.
  if (
    /^[てで]$/.test(next.surface) &&
    part[i + 2]?.pos === "動詞" &&
    !/^(いる|おる|てる|でる|しまう|ちゃう)$/.test(part[i + 2]?.baseForm ?? "")
  )
    return null;
  // 飲み忘れて: the second verb of a compound takes no お〜になる of its own (飲みお忘れになって).
  if (part[i - 1]?.pos === "動詞" && part[i - 1]?.end === m.start) return null;
  // 書いてなかった / 載ってない: a notice's state (nothing written there), nobody's doing.
  if (
    /^(書く|載る|載せる|貼る|記載|表示)$/.test(base) &&
    /^[てで]$/.test(next.surface) &&
    /^(ない|なかっ|ねえ|ません)/.test(part[i + 2]?.surface ?? "")
  )
    return null;
  const actor = actorOf(part, i);
  if (actor === "staff") {
    if (base !== "言う") return null;
    return next.baseForm === "ない" || /^[たてだで]/.test(next.surface) || /^(たい|ます)$/.test(next.baseForm)
      ? "申し上げ"
      : "申し上げる";
  }
  // (空港のカウンターまで来ている: come as far as a place, with nobody else named, is the caller.)
  const cameThisFar =
    base === "来る" &&
    part[i - 1]?.surface === "まで" &&
    !/^(うち|家|自宅|ここ|そこ)$/.test(part[i - 2]?.surface ?? "");
  if (actor === "other" || (actor === "default" && (base === "来る" || base === "いる") && !cameThisFar))
    return null;
  const rareru = rareruStem[base] ?? (sahen || role ? "され" : undefined);
  // やっとつながったと思ったら: a thought at a turn of events, not the caller's considered view.
  if (base === "思う" && /^たら/.test(part[i + 1]?.surface ?? "")) return null;
  if (rareru) {
    if (/^(ない|ぬ|ん|た|て|たい|ます|ちゃう|てる)$/.test(next.baseForm) || /^[たてだで]/.test(next.surface))
      return rareru;
    if (next.surface === "ば") return `${rareru}れ`;
    return /^(の|ん|こと|とき)$/.test(next.surface) || next.pos === "助詞" ? `${rareru}る` : null;
  }
  const ichidan = m.inflectionType?.startsWith("一段") ?? false;
  const renyou = ichidan ? base.slice(0, -1) : `${base.slice(0, -1)}${iRow[base.slice(-1)] ?? ""}`;
  const row = respectfulStem[base] ?? `お${renyou}にな`;
  // 聞きに来た: the 連用形 before a purpose に stays 連用形 (お聞きになりに).
  if (/^(たい|ます|ながら|そう)$/.test(next.baseForm) || (next.surface === "に" && /^連用形/.test(form)))
    return `${row}り`;
  if (/^[たてだで]/.test(next.surface) || /^(てる|でる|ちゃう|じゃう)$/.test(next.baseForm))
    return `${row}っ`;
  if (/^(ない|ぬ|ん)$/.test(next.baseForm) && next.pos === "助動詞") return `${row}ら`;
  if (next.surface === "ば") return `${row}れ`;
  if (/^(の|ん|こと|とき|時|前|ところ|予定|つもり)$/.test(next.surface) || next.pos === "助詞")
    return `${row}る`;
  return null;
}

const iRow: Record<string, string> = {
  う: "い",
  く: "き",
  ぐ: "ぎ",
  す: "し",
  つ: "ち",
  ぬ: "に",
  ぶ: "び",
  む: "み",
  る: "り",
};

// Who does the verb at i: the subject marked by が/は in its clause, when there is one.
function actorOf(part: Morpheme[], i: number): "caller" | "default" | "staff" | "other" {
  for (let j = i - 1; j >= 1; j -= 1) {
    const m = part[j];
    if (!m) break;
    // A pause after the subject (男の人が、折り返しますって) does not end its clause.
    if (m.surface === "、" && !/^(が|は)$/.test(part[j - 1]?.surface ?? "")) break;
    if (m.pos === "助詞" && m.posDetail.includes("接続助詞")) break;
    if (m.pos === "助詞" && /^(が|は)$/.test(m.surface)) {
      const noun = part[j - 1];
      // 妹のところには: は after a case particle sets a topic, not the doer; so does a time (若いころは).
      if (noun?.pos === "助詞") continue;
      if (noun?.posDetail.includes("副詞可能") || /^(ころ|頃|時|とき|昔|今|最近)$/.test(noun?.surface ?? ""))
        continue;
      if (noun?.pos !== "名詞") return "other";
      if (
        staffWord.test(noun.surface) ||
        (noun.surface === "人" &&
          /^(担当|受付|係|窓口|営業|配達|電話|店|店頭|販売店)$/.test(part[j - 3]?.surface ?? ""))
      )
        return "staff";
      return callerSide.test(noun.surface) ? "caller" : "other";
    }
  }
  return "default";
}

const aRow: Record<string, string> = {
  う: "わ",
  く: "か",
  ぐ: "が",
  す: "さ",
  つ: "た",
  ぬ: "な",
  ぶ: "ば",
  む: "ま",
  る: "ら",
};

function negativeOf(verb: Morpheme): string | null {
  const base = verb.baseForm;
  const type = verb.inflectionType ?? "";
  if (base === "ある") return "";
  if (type.startsWith("一段") || /られる$|れる$|せる$/.test(base)) return base.slice(0, -1);
  if (type.startsWith("サ変")) return `${base.slice(0, -2)}し`;
  if (type.startsWith("カ変")) return base === "来る" ? "来" : "こ";
  if (type.startsWith("五段")) {
    const tail = aRow[base.slice(-1)];
    return tail ? `${base.slice(0, -1)}${tail}` : null;
  }
  return null;
}

function pastOf(verb: Morpheme): string | null {
  const base = verb.baseForm;
  const type = verb.inflectionType ?? "";
  if (type.startsWith("一段") || /られる$|れる$|せる$/.test(base)) return `${base.slice(0, -1)}た`;
  if (type.startsWith("サ変")) return `${base.slice(0, -2)}した`;
  if (type.startsWith("カ変")) return base === "来る" ? "来た" : "きた";
  if (!type.startsWith("五段")) return null;
  const stem = base.slice(0, -1);
  if (base === "行く" || base === "いく") return `${stem}った`;
  switch (base.slice(-1)) {
    case "う":
    case "つ":
    case "る":
      return `${stem}った`;
    case "む":
    case "ぶ":
    case "ぬ":
      return `${stem}んだ`;
    case "く":
      return `${stem}いた`;
    case "ぐ":
      return `${stem}いだ`;
    case "す":
      return `${stem}した`;
    default:
      return null;
  }
}

// Casual contractions made standard, the caller's side named politely, the company named as 弊社.
// A person of the caller's story named as the doer of what follows (お隣さんが, 息子は).
const othersDoing =
  /(さん|(?<!お客)様|ちゃん|くん|君|の方|の人|息子|娘|主人|(?<!丈)夫|妻|母|父|孫|嫁|友達|友人|近所|隣)(が|は|も)[^、。]*$/;

function tidy(phrase: string): string {
  return (
    phrase
      // A death told plainly (死んじゃって) is handed back as 亡くなって.
      .replace(
        /死ん(じゃ|でしま|で|だ)/g,
        (_, rest: string) =>
          `亡くなっ${rest === "じゃ" ? "ちゃ" : rest.replace(/^で/, "て").replace(/^だ/, "た")}`,
      )
      .replace(/(?<=[いっんしれ])てた(?=の|$|みたい|よう|ら|けど|のに)/g, "ていた")
      // 割ってった / 持ってっちゃった: the contracted ていく.
      .replace(/(?<=[っいんしけめべせえれげ])てっ(?=た|ちゃ)/g, "ていっ")
      // 傷つけていった: the caller's noun-verb said without its を.
      .replace(/(?<=^|[、がはでに])傷つけ/g, "傷をつけ")
      .replace(/(?<=[いっん])でた(?=の|$)/g, "でいた")
      .replace(/(?<=[っいんしきりみびにちれけめべせえ])ちゃ(?=[うっいわお])/g, "てしま")
      .replace(/(?<=[いっんしれけめべせえ])てる(?=のでは|の$|$)/g, "ている")
      .replace(/(?<=[いん])じゃ(?=[うっいわお])/g, "でしま")
      // (…と書いてあるものの私ずっと家にいた: the contrast's 私 goes too.)
      .replace(/(?<=ものの、?)(私|わたし|あたし|わたくし)(は|も|が)?、?/g, "")
      // 嫁が、私が話しかけても: a second subject after another's が is the caller, said as お客様.
      .replace(/(?<=[^、。]{1,8}が)、?(私|わたし|あたし|わたくし)が(?=[^、。]{2})/g, "、お客様が")
      // 『どうせ聞こえてないでしょ』って相手にしてくれない: what someone said is told, not recited.
      .replace(/[『「][^』」]*[』」](って|と)[、]?(?=相手にし|無視|取り合)/g, "")
      .replace(/(?<=^|[、はがも])(私|わたし|あたし|わたくし)(なんか|なんて)?(は|も(?!う)|が|、)/g, "")
      // 膝が言うこと聞かない: the idiom's を, dropped in speech, is said.
      .replace(/言うこと(?=聞)/g, "言うことを")
      // わたしだけ行けない: the caller alone is ご自分だけ.
      .replace(/(?<=^|[、])(私|わたし|あたし|わたくし)だけ/g, "ご自分だけ")
      // 字が小さくって: the adjective's spoken くって is くて.
      .replace(
        /(?<=小さ|大き|高|安|重|軽|暗|明る|細か|遠|近|古|新し|寒|暑|痛|怖|少な|多|難し|うるさ|汚|遅|早|長|短|狭|広|薄|濃|つら|悲し|寂し|さみし|うれし|嬉し|ひど|酷)くって/g,
        "くて",
      )
      // 私のは昔の携帯だから: "mine" needs no owner in the read-back (昔の携帯なので).
      .replace(/(?<=^|[、])(私|わたし|あたし|わたくし)のは、?/g, "")
      // 私じゃ手入れの仕方もわからない: the caller's own lack, handed back as ご自身では.
      .replace(/(?<=^|[、])(私|わたし|あたし)(じゃ|では)(?!な)/g, "ご自身では")
      // 私なんかいなくても: the caller's self-effacing 私 handed back as ご自分.
      .replace(/(?<=^|[、])(私|わたし|あたし|わたくし)(なんか|なんて)、?(?=[^、])/g, "ご自分なんて")
      .replace(/(?<=た)ことない/g, "ことがない")
      .replace(/(?<=^|[、])(なんか|ほら|まあ|それで|で)、/g, "")
      // やっぱりわからない: the caller's やっぱり is their own afterthought, not the operator's.
      .replace(/(やっぱり|やっぱ)、?(?=[^\sんね])/g, "")
      // 昔の携帯だから見られない: a noun's plain だから reads なので in an operator's mouth.
      .replace(/(?<=[\p{Script=Han}ァ-ヶー])だから、?(?=[\p{Script=Han}ぁ-んァ-ヶ])/gu, "なので、")
      // おかげで opening a grievance is sarcasm (おかげで検査に遅れた): the operator does not say it.
      .replace(/(?<=^|[、])おかげで、?(?=.)/g, "")
      .replace(/(?<=[っいしんき])てて(?!る)/g, "ていて")
      .replace(/(?<=[いん])でて(?!る)/g, "でいて")
      // 隣の部屋の人: someone in the caller's story is の方 in the operator's mouth.
      .replace(/(?<=の)人(?=[がはもにをと、]|$)/g, "方")
      .replace(/^[^、]{1,14}じゃない、/, "")
      .replace(/(?<![おご])子(ども|供)(?![さ様])/g, "お子様")
      // The caller's own 私の / 私に (私の話を聞いてくれる) is the caller to the operator: お客様.
      .replace(/(?<=^|[、はがもを])(私|わたし|あたし|わたくし)(?=[のにをと]|より|から|だけ)/g, "お客様")
      .replace(/あなた/g, "私")
      .replace(/んない/g, "らない")
      .replace(/なきゃ/g, "なければ")
      .replace(
        /って(?=言|いう|いわ|おっしゃ|申し上げ|書い|書か|聞い|聞か|お聞き|指定|ご指定|お願い|頼|伝え|お伝え|思わ|思っ|お思い)/g,
        "と",
      )
      .replace(/(?<=[っいんしれけめせべえ])てない(?=の|$|、)/g, "ていない")
      // 届いてないって母から電話が来た: the quoting って after a predicate becomes と.
      // …変わったって連絡 names what was said: the って before a noun of telling is という.
      .replace(
        /(?<=た|ない|なかった|ていた|ている|かった|だ)って(?=(ご|お)?(連絡|メール|話|電話|知らせ|案内|手紙|通知|説明|返事|こと|噂))/g,
        "という",
      )
      .replace(/(?<=た|ない|なかった|ていた|ている|かった)って(、?)(?=[おご\p{Script=Han}ァ-ヶ])/gu, "と$1")
      // (Not inside the words the caller quotes, 『そちらにも過失があります』って: those are as said.)
      .replace(/(おたく|お宅|そっち|そちら)(さん)?(?![^『「]*[』」])/g, "弊社")
      .replace(
        /(?<=[』」])って(?=[^。]{0,8}(言われ|言っ|言わ|おっしゃ|申し上げ|切られ|断られ|怒られ|書いて|書かれ))/g,
        "と",
      )
      // エラー出て: the が a caller drops before 出る is written.
      .replace(/(?<=[ァ-ヶー]{2,})出(て|た|ない|ました)/g, "が出$1")
      // 点検に来た人 / 修理してもらった: our staff's visit and our work, from our side.
      .replace(/(点検|検針|配達|配送|修理|工事|設置|集金|作業)に来た(人|方)/g, "$1に伺った者")
      .replace(/(修理|点検|交換|設置|工事)(を)?してもらった/g, "$1させていただいた")
      // Our staff as the caller named them (担当の人, 受付の方): the operator says 担当の者.
      .replace(
        /(担当|受付|係|窓口|営業|配達|配送|設置|サポート|集金|点検|修理|工事|作業|(?<![\p{Script=Han}])店|店頭|販売店|ショップ)(の)?(人|方|かた)(?=[がはもにのを、]|$)/gu,
        "$1の者",
      )
      .replace(/(?<![ご])自分(?=[のでがはもにを])/g, "ご自身")
      .replace(/(弊社[^、。]{0,12})のせいで/g, "$1の影響で")
      // こっちは結婚記念日で…: the caller's こっちは sets them against us; the read-back needs no subject.
      .replace(/(?<=^|[、])こっち(は|も)、?/g, "")
      .replace(/こっち/g, "お客様")
      // Our side that did nothing (何もしてくれなかった) is told as the caller lived it, without くれる.
      .replace(/何もしてくれ(なかった|ない)/g, "何の対応も$1")
      // 傷をうちがつけたと言われた: the caller's うち as a subject is the caller.
      .replace(/(?<=^|[、をはに])うちが(?!来|伺)/g, "お客様が")
      // うちのばあさん / じいさん, said by a spouse: the operator says 奥様 / ご主人.
      .replace(/(うちの)?(ばあさん|婆さん)(?=[のがはにとも、])/g, "奥様")
      .replace(/(うちの)?(じいさん|爺さん)(?=[のがはにとも、])/g, "ご主人")
      // 昨日届くって言ってた荷物: what was promised was ours to say.
      .replace(
        /届く(って|と)(言って(い)?た|おっしゃって(い)?た|言われて(い)?た)/g,
        "お届けするとお伝えしていた",
      )
      .replace(/(?<![おご\p{Script=Han}ァ-ヶー])名前/gu, "お名前")
      .replace(/(?<![ご\p{Script=Han}])親戚/gu, "ご親戚")
      // 先に行っちゃって (died): the operator says 先立たれて.
      .replace(
        /(みんな|皆)?先に(いらっしゃって|行って|逝って|いって)(しまって|しまわれて)?/g,
        "先に旅立たれて",
      )
      // 閉館時間過ぎて / 脱水のときガタガタ音する: the を and が a caller drops.
      .replace(/(時間|期限|時刻|締め切り|締切)(?=過ぎ)/g, "$1を")
      .replace(/(?<=[^、。がの])(音|におい|臭い|匂い)(?=する|して|した)/g, "$1が")
      .replace(/(?<![お])引っ越す(?=ので|から|こと|予定)/g, "お引っ越しされる")
      .replace(/楽しみにしていた(?=[\p{Script=Han}ァ-ヶお])/gu, "楽しみにされていた")
      // 点検の者が…来ると言っていたのに来なかった: our staff is spoken of in humble words.
      .replace(
        /(?<=(の者|担当者|係の者)[がは、][^。]{0,16})来る(と|って)(おっしゃって|言って)(い)?た/g,
        "伺うとお約束していた",
      )
      .replace(/(?<=(の者|担当者|係の者)[がは、][^。]{0,40})来なかった/g, "お伺いできなかった")
      // 来たの午後二時よ: when our staff came is told as such (お伺いしたのは午後二時だったのですね).
      .replace(
        /(?<=(の者|担当者|係の者)[がは、][^。]{0,40})来たの、?([^、。]{1,10})なのですね$/,
        "お伺いしたのは$2だったのですね",
      )
      .replace(/(来た|届いた|着いた)の(?![はが])、?(?=[^、。]{1,10}なのですね$)/, "$1のは")
      .replace(/(?<=(来た|届いた|着いた)のは[^、。]{1,10})なのですね$/, "だったのですね")
      // 書いてあったと思うんですけど: the caller's hedge is not handed back (書いてあったのですね).
      .replace(/(?<=た)と思(う|われる)(?=のですね$)/, "")
      .replace(/ぐっちゃぐちゃ|ぐちゃぐちゃ/g, "ひどい状態")
      // この子がいなくなったら (a pet): no respect language for an animal.
      .replace(
        /(この子|あの子|うちの子|猫|ネコ|犬|イヌ|ワンちゃん|猫ちゃん)(が|は|も)いらっしゃらなく/g,
        "$1$2いなく",
      )
      // …いなくなったら私ほんとに一人: the caller's 私 after a condition is お客様.
      .replace(
        /(?<=たら|れば)(私|あたし|わたし)(?!の)(?=(ほんとに|本当に|もう)?[\p{Script=Han}ぁ-ん])/gu,
        "、お客様は",
      )
      .replace(/(?<=(本当に|ほんとに|もう))一人(?=に(なっ|な))/g, "お一人")
      .replace(/(あたし|私|わたし)のこと(を)?(?=無視|相手に|避け|嫌)/g, "お客様のことを")
      .replace(/(あたし|私|わたし)のこと/g, "お客様のこと")
      // お足が悪い → 足がお悪い; お店の者 → 店の者; 本人 → ご本人; 不信に思う → 不審に思う.
      .replace(/お足が(悪|痛)/g, "足がお$1")
      .replace(/お店の者/g, "店の者")
      .replace(/(?<![ご\p{Script=Han}])本人(?=[がはもの、\p{Script=Han}ぁ-ん])/gu, "ご本人")
      .replace(/(ご)?不信に思/g, "不審に思")
      .replace(/お話しされたい/g, "お話しになりたい")
      // お知らせなんか来ていない: the caller's scorn is not handed back (お知らせは来ていない).
      .replace(
        /(?<=[\p{Script=Han}ァ-ヶー]|お知らせ|ご連絡|お詫び|お返事)なんか(?=[^、。]{0,4}(来|届|なかっ|ない|して|くれ))/gu,
        "は",
      )
      .replace(/(?<=[\p{Script=Han}]{1,4})(?=ぶつけ)/gu, "を")
      // 払った / 振り込んだ / 取った住民票: what the caller did, in 敬語.
      .replace(/(?<![おご])払った(?=のに|ので|のですね|$|、)/g, "お支払いいただいた")
      .replace(/(?<![お])振り込んだ(?=[\p{Script=Han}ァ-ヶお]|のに|ので|のですね|$)/gu, "お振り込みになった")
      .replace(/(?<=(住民票|証明書|切符|チケット|整理券|番号札|予約)(を)?)取った/g, "お取りになった")
      // 丸ごとパー: slang the operator does not say back.
      .replace(/(?<![ァ-ヶー])(丸ごと|まるごと|全部|ぜんぶ)?パー(?=に|なの|です|$)/g, "台無し")
      // 明細見たら → 明細ご覧になったら: the を a caller drops before a verb made respectful.
      .replace(/(?<=[\p{Script=Han}ァ-ヶー]{2})(?=ご覧に)/gu, "を")
      .replace(
        /(?<![ご])近所の(若い)?(奥さん|人)/g,
        (_m: string, young: string | undefined, who: string) =>
          `ご近所の${young ?? ""}${who === "奥さん" ? "奥様" : "方"}`,
      )
      .replace(/祖母(?![様さ])/g, "おばあ様")
      .replace(/祖父(?![様さ])/g, "おじい様")
      .replace(/(うちの|私の|あたしの)?(母親|(?<![祖叔伯義])母|おふくろ)(?![親様さ]|の日)/g, "お母様")
      .replace(
        /(うちの|私の|あたしの)?(父親|親父|(?<![祖叔伯義親])父|おやじ|オヤジ)(?![親様さ]|の日)/g,
        "お父様",
      )
      .replace(/(?<![ご])友人/g, "ご友人")
      .replace(/(?<![おみ])友達/g, "お友達")
      .replace(/(うちの|私の|あたしの)?(?<![ご丈])(主人|旦那|夫)(?![様さ婦])|うちの人/g, "ご主人")
      // 嫁 the person, not 嫁ぐ (娘が嫁いでから).
      .replace(/(うちの|私の|あたしの)?(?<!お)嫁(?![様さいぎぐげ入]|がな|がせ)/g, "お嫁さん")
      .replace(/(うちの|私の)(息子|娘|孫)(?![様さ])/g, "$2さん")
      .replace(/(?<![お])(息子|娘)(?![様さ])/g, "$1さん")
      .replace(/(?<![おひ])孫(?![様さ])/g, "お孫さん")
      .replace(/(?<![おひ])孫さん/g, "お孫さん")
      .replace(/ひ孫(?![様さ])/g, "ひ孫さん")
      .replace(/(?<![兄姉弟妹従])(妹|姉|兄|弟)(?![さ様弟妹貴子分])/g, "$1さん")
      .replace(/(うちの|私の)子(ども|供)?(?![様さ])/g, "お子さん")
      .replace(/(?<![ご])家族(?![様さ])/g, "ご家族")
      // (Not inside a compound: 畑仕事, 力仕事 stay as said.)
      .replace(/(?<![おご\p{Script=Han}])仕事/gu, "お仕事")
      .replace(/全然/g, "まったく")
      .replace(/(うちの|私の)?(?<![夫人愛新])妻(?![様さ])/g, "奥様")
      // うちには届いてなかった: what reaches the caller reaches お手元.
      .replace(/(?<![\p{Script=Han}ぁ-ん])うち(に|へ)(は)?(?=[^。、]{0,4}届)/gu, "お手元$1$2")
      // うちの庭の柿: what is the caller's is お宅の in the operator's mouth (そのうちの一つ is no house).
      .replace(
        /(?<![\p{Script=Han}]|その|この|あの|どの|てる|ている|ていた|ない|[るい])うちの(?=[\p{Script=Han}ァ-ヶ])/gu,
        "お宅の",
      )
      // うちの猫 / うちの犬: the caller's pet, named warmly.
      // 先週受けた人間ドック: what the caller went through, said with respect (お受けになった).
      .replace(
        /(?<=^|[、。をにでがは]|先週|先月|昨日|去年|先日|今日|今年|この前|前回|以前)受けた(?=[\p{Script=Han}ァ-ヶ])/gu,
        "お受けになった",
      )
      .replace(/お宅の猫/g, "猫ちゃん")
      .replace(/お宅の犬/g, "ワンちゃん")
      .replace(/(?<![をが])年取っ/g, "年を取っ")
      // 子ども三人いて: the caller's children counted, with their が and their いらっしゃる.
      .replace(
        /(お子様|お子さん|お孫さん)([0-9０-９一二三四五六七八九十]+人)(い|お)(て|る|ます)/g,
        (_m: string, who: string, count: string, _i: string, tail: string) =>
          `${who}が${count}いらっしゃ${tail === "て" ? "って" : "る"}`,
      )
      .replace(/と言うのですね$/, "とおっしゃっているのですね")
      .replace(/(?<![ご])予約(?=の(変更|内容|日|時間|キャンセル))/g, "ご予約")
      // プランの変更をしたい: the caller's wish for a service is ご希望.
      .replace(
        /(変更|解約|予約|申し込み|申込|注文|購入|相談|契約|手続き|キャンセル|修理|交換|返品|見直し)をしたい(?=のですね|$)/g,
        "$1をご希望な",
      )
      .replace(/もうちょっと/g, "もう少し")
      // 『ゆうな』じゃなくて『ゆうか』: the operator says ではなく.
      .replace(/じゃなくて|じゃなく(?=[、『「\p{Script=Han}ァ-ヶ])/gu, "ではなく")
      .replace(/(?<=[たっだ])んではなく/g, "のではなく")
      .replace(/亡くなりまして/g, "亡くなられて")
      .replace(/(?<!お)亡くなって(?=から|以来|、|もう)/g, "亡くなられて")
      .replace(/(?<!お)亡くなった(?=[\p{Script=Han}おご]|の|と)/gu, "亡くなられた")
      .replace(/こないだ|こなだ/g, "先日")
      // その前にね、…: the caller's aside before the matter.
      .replace(/^その前に[、\s]*/, "")
      // 声が娘に似てるんだ、娘は…: a plain んだ inside the read-back carries on as ていて.
      .replace(/て(い)?るんだ[、\s]+/g, "ていて、")
      // 下の子 / 上の子: the caller's children.
      .replace(/(上|下|真ん中)の子(?=[にがはもをの、])/g, "$1のお子様")
      // 近所の人から私が文句言われてる: the caller's 私 is お客様 in the operator's mouth.
      .replace(/(?<=[^\p{Script=Han}])(私|あたし|わたし)が(?=[^、。]{2})/gu, "お客様が")
      .replace(/持ってって/g, "持っていって")
      // そっから朝まで、ずーっと起きとった: a western 〜とった is 〜ていた, and the long vowels are written short.
      .replace(/そっから/g, "そこから")
      .replace(/ずーっと/g, "ずっと")
      .replace(/(?<=[きけしせちてにねびべみめりれいえ])とった(?=の|$|、)/g, "ていた")
      .replace(/(?<=[きけしせちてにねびべみめりれいえ])とる(?=の|$|、)/g, "ている")
      // カード吸い込まれた / 苦情まで来た: the が a caller drops, and a thing that came is no guest.
      .replace(/(?<=[ァ-ヶー]{2,})(吸い込まれ|取り込まれ)/g, "が$1")
      .replace(
        /(苦情|連絡|電話|メール|手紙|請求|通知|案内|荷物|返事|知らせ)(まで|が|も)いらっしゃ(った|って)/g,
        (_m: string, what: string, p: string, t: string) => `${what}${p}来${t === "った" ? "た" : "て"}`,
      )
      .replace(/前の人(?=[のがはも])/g, "前のお客様")
      .replace(/(?<![ご\p{Script=Han}])両親/gu, "ご両親")
      // ちょっとあんた、…: the caller calling the operator is no part of the matter.
      .replace(/^(ちょっと)?[、\s]*(あんた|あなた)[、\s]+/, "")
      // 買ってやろう / 見るんで: a grandparent's やる and a spoken んで, as an operator says them.
      .replace(
        /(?<=(買っ|作っ|送っ|贈っ|教え|見せ|持たせ|連れて行っ|連れてっ))てや(ろう|った|る)(?=[とのか、。]|$)/g,
        (_m: string, _verb: string, t: string) =>
          `てあげ${t === "ろう" ? "よう" : t === "った" ? "た" : "る"}`,
      )
      .replace(/(?<=[るたい])んで(?=[、,\s\p{Script=Han}]|$)/gu, "ので")
      .replace(/ちゃーんと/g, "きちんと")
      // The caller's お父さん / お母さん are お父様 / お母様 in the operator's mouth.
      .replace(/お(父|母)さん/g, "お$1様")
      // あきらめて帰ってきた: the caller's own way home is お帰りになった (someone else's, 子どもが泣いて
      // 帰ってきた, is left as said).
      .replace(
        /(?<=(あきらめて|諦めて|結局|仕方なく|しかたなく|何もせず|手ぶらで|そのまま))帰ってき(た|て)(?!い|ほし|もら|くれ)/g,
        (_m: string, _how: string, t: string) => `お帰りにな${t === "た" ? "った" : "って"}`,
      )
      // 通された部屋 is what the caller was shown to: ご案内したお部屋 in the operator's mouth.
      .replace(/(?<=^|[、。はがも])(通された|案内された)(お)?部屋/g, "ご案内したお部屋")
      .replace(/(?<=[\p{Script=Han}ァ-ヶー])みたいな(?=の|[\p{Script=Han}ぁ-んァ-ヶ])/gu, "のような")
      .replace(/みたいな(?=の|[\p{Script=Han}ぁ-んァ-ヶ])/gu, "ような")
      .replace(/みたいに/g, "ように")
      .replace(/みたいで(?=、|[\p{Script=Han}ぁ-ん])/gu, "ようで")
      .replace(/(?<=[いっん])てかれ/g, "ていかれ")
      // What the caller did toward us is received with いただく: 注文したのに → ご注文いただいたのに.
      .replace(
        /(?<![ごお再未仮予])(注文|予約|連絡|電話|解約|契約|申し込み|問い合わせ|振込|振り込み|入金|購入|返品)(を)?し(た(?!い)|て)(?!お|こ(?!と)|くれ)/gu,
        (m: string, act: string, _o: string, t: string, at: number, whole: string) =>
          // (Someone else named as the doer, お隣さんが電話してきて, did not do it toward us.)
          othersDoing.test(whole.slice(Math.max(0, whole.lastIndexOf("、", at - 1) + 1), at))
            ? m
            : // (A call to the caller's own family, 息子に電話しても, was not made to us.)
              act === "電話" &&
                /息子|娘|孫|嫁|家族|夫婦|友達|友人|親戚|兄|姉|弟|妹/.test(whole) &&
                !/そちら|おたく|お宅|御社|こちら|窓口|センター|弊社|当社/.test(whole)
              ? `お電話なさっ${t === "た" ? "た" : "て"}`
              : /^(振込|振り込み)$/.test(act)
                ? // (Money sent through us goes to someone else: お振り込みになった, not いただいた.)
                  `お振り込みにな${t === "た" ? "った" : "って"}`
                : `${/^(電話|申し込み|問い合わせ)$/.test(act) ? "お" : "ご"}${act}いただい${t}`,
      )
      // 年寄り said of the caller or others is ご高齢の方 in the operator's mouth; そちらのお店 is 当店; money
      // the caller says was taken (980円も取られていた) was charged.
      .replace(/(お)?年寄り/g, "ご高齢の方")
      .replace(/弊社のお店/g, "当店")
      .replace(/(?<=(円|料金|お金|代金)[^。、]{0,4})取られ/g, "請求され")
      // 解約したつもり: what the caller thought they had done is theirs alone (ご解約なさったつもり).
      .replace(/(?<=[ごお][\p{Script=Han}]{1,4})いただいたつもり/gu, "なさったつもり")
      // 予約して行った → ご予約いただいて行った mixes two viewpoints: ご予約のうえお越しいただいた.
      .replace(/ご予約いただいて(行|い|来|き)(った|た)/g, "ご予約のうえお越しいただいた")
      .replace(/ご予約いただいて(来|き)て(いる|る)/g, "ご予約のうえお越しいただいている")
      // 宅配で頼んだお弁当: what the caller ordered from us is ご注文いただいた, not 頼まれた.
      .replace(/頼まれた(?=[\p{Script=Han}ァ-ヶお]|のに)/gu, "ご注文いただいた")
      .replace(/(?<=で)頼まれ(た|て)(?=のに|[、])/g, (_m: string, t: string) => `ご注文いただい${t}`)
      .replace(/頼まれていた(?=のに)/g, "ご注文いただいていた")
      // 修理をお願いしたい: what the caller asks of us is ご希望 (not お願いされたい).
      .replace(/をお願いされたい(?=の)/g, "をご希望な")
      .replace(/ないといけない/g, "なければならない")
      // 払わされた: the caller's grievance in its own words; the operator says お支払いになった.
      .replace(/払わされ(た|て)/g, (_m: string, t: string) => `お支払いにな${t === "た" ? "った" : "って"}`)
      // 一日遅れて来た: what we sent arrived late (届いた), not came.
      .replace(/遅れて(来|き)た/g, (m: string, _k: string, at: number, whole: string) =>
        // (A person who came late, 修理の人が遅れて来た, came.)
        /(人|者|方|業者|担当|員|スタッフ|先生|医者|さん)[がはも]?[^。、]{0,12}$/.test(whole.slice(0, at))
          ? m
          : "遅れて届いた",
      )
      // 食べるのは私一人: the caller alone is お一人 in the operator's mouth.
      .replace(/(私|わたし|あたし)(一人|ひとり)(?!暮)/g, "お一人")
      // 1週間で戻るって言われたのに: what nobody else is named as saying, our side told the caller.
      .replace(/(?<=^|、)([^、。]{2,30}?)(と|って)言われ(た|ていた)のに/, (m: string, said: string) =>
        /(に|から)/.test(said) ? m : `${said}とご案内していたのに`,
      )
      // 配達完了ってなってる: the quoting って before なる is と.
      .replace(/って(?=なって|なってい|なった|なる)/g, "と")
      // 私ずっと家にいた: the caller's own 私 opening the matter is お客様.
      .replace(/^(私|わたし|あたし)(は|も)?(?=ずっと|一日中|毎日|何度も|昨日|今日)/, "お客様は")
      .replace(/(?<=^お客様は(ずっと|一日中|昨日|今日)?)(家|うち)にいた/, "ご自宅にいらっしゃった")
      .replace(/(?<=[るた])とこ(?=だ|で)/g, "ところ")
      .replace(/(?<=の)とこ(?=[がをにはも、])/g, "部分")
      .replace(/^(あのね|あのさ|ねえ|あの)、/, "")
      // 優しい人だった: a person the caller speaks of is 方 in the operator's mouth.
      .replace(
        /(優しい|親切な|いい|良い|立派な|素敵な|きれいな|厳しい|怖い|面白い|明るい)人(?=[でだなが。、]|$)/g,
        "$1方",
      )
      // ちょっと聞いてよ、: the caller's call for attention, not the matter.
      .replace(/^(ちょっと|ねえ)?、?聞いて(よ|ください|くださいよ|くれる)?、/, "")
      // そりゃあもう、すごかった: the caller's emphasis, not the operator's words.
      .replace(/そりゃ(あ)?もう、?/g, "")
      // 営業の者、うちに来て: our staff named as the subject keep their が.
      .replace(/(?<=(の者|担当者|配達員|作業員|スタッフ))、?(?=[^がはもにをのとでかへやまよ、。])/g, "が")
      .replace(
        /(?<=(の者|担当者|配達員|作業員|スタッフ)が)うちに来(て|た)/g,
        (_m: string, _w: string, t: string) => `お宅に伺っ${t}`,
      )
      // 亡くなりまして……それで、名義変更を: the story's pause and its それで are not written.
      .replace(/(?<=まして|て)それで、?/g, "、")
      // A wait we caused is ours to name: 四十分も待たされた → 四十分もお待たせしてしまった.
      .replace(/待たされ(た|て)(?!い)/g, (_m: string, t: string) =>
        t === "た" ? "お待たせしてしまった" : "お待たせしてしまい",
      )
      .replace(/待たされてい/g, "お待たせしてい")
      .replace(/恥(を)?かい(た|て)/g, (_m: string, _o: string, t: string) => `恥ずかしい思いをされ${t}`)
      // The caller's charged words are not the operator's: たった十分, 勝手に, お知らせなんて.
      .replace(/たった(の)?(?=[0-9０-９一二三四五六七八九十百千万数何半])/g, "")
      .replace(/勝手に/g, "")
      .replace(/(?<=[\p{Script=Han}ァ-ヶーせ])なんて(?=[ごお見読聞知分わ])/gu, "を")
      .replace(/(?<=[いたな])からって(?=.)/g, "という理由で")
      .replace(/女房|家内/g, "奥様")
      // 言ってやった: what the caller said, said back with respect.
      .replace(/言ってやっ(た|て)/g, "おっしゃっ$1")
      // 息子が電話くれて: what the caller's family did for the caller, told without くれる.
      .replace(
        /が(この前|昨日|先週|先日|今日)?(電話|連絡)(を)?くれ(て|た)/g,
        (_m: string, when: string | undefined, act: string, _o: string, t: string) =>
          `から${when ? `${when}、` : ""}${act === "電話" ? "お電話" : "ご連絡"}があっ${t}`,
      )
      // すごい楽しみにしてた: the caller's すごい as an adverb is とても in the operator's mouth.
      .replace(/すご(く|い(?=楽しみ|心配|困|怒|悲し|嬉し|うれし|寂し|さみし|痛|疲れ|待|並|混))/g, "とても")
      // カードは持っていない / A席でもいい: the caller's plain words in the operator's polite ones.
      .replace(/(?<![おご])持ってい?な(い|かった)/g, "お持ちでな$1")
      .replace(/(?<=でも)いい(?=の|と|[、。]|$)/g, "よろしい")
      // (ミーちゃんと is a name's ちゃん and the quoting と.)
      .replace(/ちゃんと(?!(いう|言|いい|呼))/g, "きちんと")
      // なんもできんくなって / 忘れとって: the caller's dialect in standard words.
      .replace(/なんも/g, "何も")
      .replace(/しもう(た|て)/g, (_m: string, t: string) => `しまっ${t}`)
      // 配達完了ってなってる / 買って半年: said as an operator reads them back.
      .replace(/って、?(?=なって|なってい|なってる|なった)/g, "と")
      .replace(/(?<!を)(お買いになって|買って)(?=(まだ)?[0-9０-９一二三四五六七八九十半何])/g, "ご購入から")
      .replace(/(ぜんぜん|全然)(?=[^。、]{0,8}(ない|なかった|なく))/g, "まったく")
      // 荷物なんか届いてない / 置き配なんか頼んでない: the caller's scorn for a thing, said as は.
      .replace(
        /(?<=[\p{Script=Han}ァ-ヶー]{2}|[\p{Script=Han}][れりきしちみびいえけせてねへめ]|さん|ちゃん)なんか、?(?=[\p{Script=Han}ぁ-んァ-ヶ])/gu,
        "は",
      )
      .replace(/電話(を)?よこさない/g, "お電話をくださらない")
      // ガタンガタンって、すっごい音: a sound word quoted with と, and すごい said plainly.
      .replace(/([ァ-ヶー]{2,4})\1って、?/g, "$1$1と、")
      .replace(/すっごい/g, "すごい")
      .replace(/すっごく/g, "すごく")
      .replace(/(?<=でき|わから|行け|見え|動け)んく/g, "なく")
      // (受けとって is 受け取って: no dialect there.)
      .replace(/(?<=(?<!受)[れけべめせねえ])とっ(?=て|た)/g, "てい")
      .replace(/(?<=(?<!受)[れけべめせねえ])とる(?=[。、のん]|$)/g, "ている")
      .replace(/(^|、)正直(に)?(言って|言うと)?、?/g, "$1")
      // ほんと味気ない / この前なんか、/ なんだか、夜…: the caller's casual emphasis, said politely or not at all.
      .replace(/ほんとう?に?(?=[\p{Script=Han}ぁ-んァ-ヶ])/gu, "本当に")
      .replace(/(?<=前|頃|ころ|時|とき|昨日|今日|先週|先月)なんか、?/g, "、")
      .replace(/(^|、)(なんだか|なんか)、?/g, "$1")
      .replace(/腹立つ/g, "腹が立つ")
      .replace(/(?<=[\p{Script=Han}ァ-ヶー])なんて(?=[\p{Script=Han}ァ-ヶー])/gu, "は")
      // 来ないじゃない、2日連続で…: a tag in a run-on, not a negation.
      .replace(/(?<=ない|た|る)じゃない(?=[^、。]{2,})/g, "、")
      .replace(/(?<=[たいる]|(?<![んの])だ)けど(?!も)、?(?=[^。]{2})/g, "ものの、")
      .replace(/(?<=[たいる])んだけど、?(?=[^。]{2})/g, "ものの、")
      .replace(/すっごく|すごく|めっちゃ|めちゃくちゃ/g, "とても")
      // ぜーんぶ / だーれも / しーんと: a drawn-out vowel is spoken, not written.
      .replace(/(?<=[ぁ-ゖ])ー+(?=[ぁ-ゖ])/g, "")
      .replace(/すっごい(?=楽しみ|嬉し|うれし|寒|暑|痛|怖|大事|大切)/g, "とても")
      .replace(/ばっかり/g, "ばかり")
      // お茶飲んでってくれた: 飲んでいって (not a quoting って, which comes before 言う or a request).
      .replace(
        /(?<=[っいんし])でって(?=くれ|もら)|(?<=[っいんしき])てって(?=くれ|もら)/g,
        (m: string) => `${m[0]}いって`,
      )
      // A speaker's pauses after a particle (集金の人が、来て、縁側で…) are not written.
      // (…but お嫁さんが、お客様が話しかけても: two subjects in a row keep theirs.)
      .replace(/(?<=[がをはも]|(?<!の)に|(?<!もの)の|[\p{Script=Han}ァ-ヶー]で)、(?=.)(?!お客様が)/gu, "")
      .replace(/と思うのですね$/, "とのことですね")
      // 言ってましたよね → 申し上げてました: the caller's polite past, in the plain form のですね takes.
      .replace(/(?<=[るたいだ])って(?=[^。、]{0,10}(申し上げ|言って|言われ|おっしゃ))/g, "と")
      .replace(/てましたのですね$/, "ていたのですね")
      .replace(/ましたのですね$/, "たのですね")
      .replace(/(?<=[るたい])だのですね$/, "のですね")
      .replace(/たいと思っているのですね$/, "たいとお考えなのですね")
      // 入院してたんだから、: the reason given plainly.
      .replace(/(?<=[たい])んだから、?/g, "ので、")
      .replace(/[、]+$/, "")
      .replace(/^[、,\s]+/, "")
      // 三回目、三回目 / 今月もう二回目、二回目: said twice for weight, handed back once.
      .replace(/^([^、]{2,12})、\1/, "$1")
      .replace(/([^、。]{3,12})、\1/gu, (m: string, word: string) =>
        /\p{Script=Han}/u.test(word) ? word : m,
      )
      // キャンセル料を取られるっておかしくない: the caller's protest, handed back as theirs.
      .replace(/って(おかしく|変じゃ|ひどく)ない(の)?ですね$/, (_m: string, w: string) =>
        w === "おかしく"
          ? "のはおかしいとのことですね"
          : w === "変じゃ"
            ? "のは変だとのことですね"
            : "のはひどいとのことですね",
      )
      // あの人としゃべると: the caller's しゃべる is お話しする in the operator's mouth.
      .replace(/しゃべ(る|れる|った|って|り|ら)/g, (_m: string, end: string) =>
        end === "る"
          ? "お話しする"
          : end === "れる"
            ? "お話しできる"
            : end === "った"
              ? "お話しした"
              : end === "って"
                ? "お話しして"
                : end === "り"
                  ? "お話し"
                  : "話さ",
      )
      // ネットの口コミだと『…』: a source named plainly (だと) is では in an operator's mouth.
      .replace(/(?<=[\p{Script=Han}ァ-ヶー])だと(?=[、『「])/gu, "では")
      // 水漏れもしていないし、まだ75だし、: a reason listed plainly is joined politely.
      .replace(/(?<=ない|なかった)し、/g, "うえに、")
      .replace(/(?<=[\p{Script=Han}0-9０-９])だし、?(?=[\p{Script=Han}ぁ-ん])/gu, "で、")
      // 一人だと家の中が…: the caller alone is お一人.
      .replace(/(?<=^|[、はもが])一人(?=だと|で|きり|暮らし|なので|だから)/g, "お一人")
      // 先月買った電子レンジ: what the caller bought, said in 敬語.
      .replace(/(?<!弊社で|お)買った(?=[\p{Script=Han}ァ-ヶ])/gu, "お買い求めになった")
      // 前の修理のときだって: the caller's だって (even then) is も.
      .replace(/(?<=とき|時|前|後|日|回)だって、?/g, "も、")
      // 弊社の人 / 弊社の方: our staff are 弊社の者, and what they said is 申し上げた, not おっしゃった.
      .replace(/弊社の(人|方)(?=[がはもにの、]|$)/g, "弊社の者")
      .replace(/弊社の者、(?=[『「])/g, "弊社の者が、")
      .replace(
        /(弊社の者[^。]{0,40}と)おっしゃ(って|った|い)/g,
        (_m: string, head: string, rest: string) => `${head}申し上げ${rest === "い" ? "" : rest.slice(1)}`,
      )
      // そちらで買ったお刺身: what the caller bought from us, said in 敬語.
      .replace(/弊社で(買っ|購入し)た(?=[\p{Script=Han}ァ-ヶお])/gu, "弊社でお買い求めいただいた")
  );
}

// ---- What was asked, felt and given -------------------------------------------------------------

// What the question is about, when a noun names it; a count (1泊) or a time is no matter to name.
function askedMatter(question: Morpheme[] | undefined): string | null {
  const topic = question ? topicOf(question) : null;
  // (A question word, いくら / いつ / どれ, is what is asked, not the matter asked about.)
  return topic &&
    !/^[0-9０-９一二三四五六七八九十何]/.test(topic) &&
    !/^(いくら|いつ|どこ|どれ|どちら|だれ|誰|なに|なん|どう|どの|どんな|どのくらい|どれくらい)$/.test(
      topic,
    ) &&
    // (本当ですか asks whether what they heard is so: 本当 is no matter to name.)
    !/^(本当|ほんと|ほんとう|事実)$/.test(topic)
    ? topic
    : null;
}

function topicOf(question: Morpheme[]): string | null {
  // The clause that asks (the last one with a noun): 〜日付をずらしたいんですけど、手数料ってかかりますか.
  const clauses: Morpheme[][] = [[]];
  for (const m of question) {
    if (m.surface === "、") clauses.push([]);
    else clauses[clauses.length - 1]?.push(m);
  }
  const last = clauses[clauses.length - 1] ?? [];
  // 住所変更をしたいんですけど、電話でできますか: a question about the means (電話, 窓口) asks about the matter
  // wished for before it (住所変更), which is what the operator names back.
  const text = (c: Morpheme[]) => c.map((m) => m.surface).join("");
  if (
    /(電話|窓口|ネット|郵送|アプリ|オンライン|コンビニ|店舗|本人)(で|に行か|じゃ|でな|以外)/.test(text(last))
  ) {
    for (const clause of clauses.slice(0, -1).reverse()) {
      const o = clause.findIndex((m, i) => m.surface === "を" && /たい/.test(text(clause.slice(i + 1))));
      if (o < 1) continue;
      const start = clause.slice(0, o).findLastIndex((m) => m.pos !== "名詞" && m.pos !== "接頭詞") + 1;
      const object = text(clause.slice(start, o));
      const verb = clause[o + 1];
      if (object.length < 2 || !verb) continue;
      if (/^(し|する)$/.test(verb.surface))
        return tidy(object.replace(/^(.{2,})(変更|解約|登録|停止)$/, "$1の$2"));
      if (/^変え/.test(verb.surface)) return tidy(`${object}の変更`);
    }
  }
  // The matter named as the topic of the question: キッズチェアって何脚ありますか / 駐車場は….
  const marked = last.findIndex(
    (m, i) => (m.surface === "って" || m.surface === "は") && last[i - 1]?.pos === "名詞",
  );
  if (marked > 0) {
    // 土曜の午前って空いてます？: a time asked about for a free slot is the slot's availability.
    if (/^(空い|空き|あい|あき)/.test(last[marked + 1]?.surface ?? "")) {
      const from =
        last
          .slice(0, marked)
          .findLastIndex((m) => m.pos !== "名詞" && m.pos !== "接頭詞" && m.surface !== "の") + 1;
      const when = last
        .slice(from, marked)
        .map((m) => m.surface)
        .join("")
        .replace(/^の/, "");
      if (when.length >= 2) return `${when}の空き状況`;
    }
    const start = last.slice(0, marked).findLastIndex((m) => m.pos !== "名詞" && m.pos !== "接頭詞") + 1;
    const topic = nounPhrase(last.slice(start, marked));
    if (topic) return tidy(topic);
  }
  // A topic said before a pause (中学の部活の見学って、保護者も一緒に行けますか) is the matter asked about.
  const before = clauses[clauses.length - 2] ?? [];
  const endsOnTopic =
    /^(って|は)$/.test(before.at(-1)?.surface ?? "") && before.at(-2)?.pos === "名詞" && before.length >= 2;
  if (endsOnTopic) {
    const start =
      before.slice(0, -1).findLastIndex((m) => m.pos !== "名詞" && m.pos !== "接頭詞" && m.surface !== "の") +
      1;
    const topic = nounPhrase(before.slice(start, -1));
    if (topic) return tidy(topic);
  }
  // A clause that asks どこ/いつ/誰 (どこに電話すれば) names the means, not the matter: the matter comes first.
  const ordered = clauses.reverse();
  const asking = (c: Morpheme[]) => c.some((m) => /^(どこ|いつ|誰)$/.test(m.surface));
  for (const clause of [...ordered.filter((c) => !asking(c)), ...ordered.filter(asking)]) {
    const phrase = nounPhrase(clause);
    if (phrase) return tidy(phrase);
  }
  return null;
}

// The first noun phrase of a clause, nouns joined by の up to two (子どもの予防接種).
function nounPhrase(clause: Morpheme[]): string | null {
  const isNoun = (m: Morpheme | undefined) =>
    m !== undefined &&
    m.pos === "名詞" &&
    !/^(非自立|代名詞|数)/.test(m.posDetail) &&
    !/^(こと|もの|の|ん|何|なん|いつ|どこ|これ|それ|あと)$/.test(m.surface);
  for (let i = 0; i < clause.length; i += 1) {
    // A time word opens no matter (今日か明日で診てもらえる時間 → 時間).
    if (
      !isNoun(clause[i]) ||
      clause[i]?.posDetail.startsWith("接尾") ||
      clause[i]?.posDetail.includes("副詞可能")
    )
      continue;
    let phrase = `${clause[i - 1]?.pos === "接頭詞" ? clause[i - 1]?.surface : ""}${clause[i]?.surface ?? ""}`;
    let j = i + 1;
    let nouns = 1;
    while (j < clause.length) {
      const m = clause[j];
      if (isNoun(m)) phrase += m?.surface ?? "";
      else if (m?.surface === "の" && isNoun(clause[j + 1]) && nouns < 2) {
        phrase += "の";
        nouns += 1;
      } else break;
      j += 1;
    }
    if (phrase.length >= 2) return phrase;
  }
  return null;
}

function feelingOf(said: string, complaining: boolean): CallerFeeling {
  // (こないだ is a day, not a ない; 大人二人と子ども一人 is a party, not a caller alone.)
  // (夫が亡くなった場合の保障 / 私が死んだら: a death supposed, not one that happened.)
  const text = said
    .replace(
      /(亡くな(った|る)|死ん(だ|じゃった))(場合|ら|とき|時)|(もしも|万一|万が一)[^。]{0,10}(亡くな|死)/g,
      "もしもの",
    )
    .replace(/こないだ|こなだ|こないだって/g, "先日")
    .replace(
      /(大人|子ども|子供|小人|幼児|[0-9０-９一二三四五六七八九十]+歳の子)[^。、]{0,4}(一人|ひとり)/g,
      "$1",
    );
  // ごめんなさい、長話しちゃって。あなたもお仕事あるのにねえ: sorry for keeping the operator, nothing to
  // feel for (the reply puts them at ease).
  if (
    /ごめん|すみません|すいません|申し訳/.test(text) &&
    /長話|長電話|お仕事|お忙しい|こんな時間|引き止め|引きとめ/.test(text) &&
    !/寂し|さみし|さびし|つら|辛|痛/.test(text)
  )
    return "neutral";
  // 今度うちにお茶でも飲みに来ない？: an invitation, however its 来ない sounds.
  if (
    /遊びに(来|き|いらっしゃ)|お茶(でも)?(飲みに|しに)|うちに(来|寄|いらっしゃ)(ない|てよ|てね|なさい|ませんか)/.test(
      text,
    ) &&
    !/のに|約束|来てくれな|って言った/.test(text)
  )
    return "neutral";
  // 昔は私の後をついて回ってたのにねえ: a wistful look back is loneliness, not an inconvenience.
  if (
    !ourSide.test(text) &&
    /(昔|前|以前|若い頃)は[^。]{0,30}(た|てた|ていた)のに(ねえ|なあ|ねぇ)[。…]*$/.test(text)
  )
    return "lonely";
  // お向かいの奥さんが最近あたしのこと無視するのよ: shut out by people close by is loneliness.
  if (
    /(近所|お向かい|向かい|隣|友達|友人)[^。]{0,40}(無視|相手にしてくれな|口(を|も)?きいてくれな)/.test(text)
  )
    return "lonely";
  // 夫も友達もみんな先に行っちゃって、私だけ残って: the one left behind is lonely.
  if (
    /先に(行|逝|いっ)(っ|ちゃ|て|た)|先立た/.test(text) &&
    /(私|あたし|わたし|わし)(だけ|一人|ひとり)/.test(text)
  )
    return "lonely";
  // A late spouse in a story of the past (亡くなった主人が買ってくれた時計): a memory, not news of a death.
  if (
    /亡くなった(主人|夫|妻|母|父|祖母|祖父|おじいさん|おばあさん|旦那|女房)(が|の|に|と)/.test(text) &&
    !/(先日|先月|先週|昨日|この前|最近|今朝|去年|今年)[^。]{0,12}亡くな|亡くなって(まだ|から(まだ)?[0-9０-９一二三四五六七八九十]+(日|週|か月|ヶ月))/.test(
      text,
    ) &&
    !/命日|お葬式|葬儀/.test(text)
  )
    return /思い出|くれた|買って|作って|植え|遺し|残し|形見/.test(text) ? "memory" : "loss";
  // A death years ago (亡くなって五年になる) told with what still comes of it: a memory, or a grief that
  // still hurts (いまだに涙が出る), not news to offer condolence for.
  // (A third or seventh memorial, 三回忌, is a loss years old: missed, not news.)
  if (/[三七]回忌/.test(text) && !/賑やか|にぎやか|楽しかった|嬉しかった|うれしかった/.test(text))
    return "lonely";
  // 何の楽しみもない、早くお迎えが来ないかしら: a wish to be gone is heard as the loneliness it is.
  if (/お迎えが来|死にたい|生きてても|生きていても|楽しみ(も|が)(何も)?ない|何の楽しみも/.test(text))
    return "down";
  // 私なんか、もう誰の役にも立たない / いてもいなくても同じ: a low opinion of oneself.
  if (
    /(誰|だれ)の役にも立た|役立たず|いてもいなくても(同じ|一緒)|(私|あたし|わたし|わし)なんか(いなく|いない|いても)|(誰|だれ)(から|に)も相手にされ/.test(
      text,
    )
  )
    return "down";
  if (longAgoDeath.test(text))
    return /涙|泣|寂し|さみし|さびし|つら|辛|いまだに|信じられな/.test(text) ? "lonely" : "memory";
  if (/亡くな|亡くし|命日|お葬式|葬儀|他界|逝っ|死んじゃ|死んだ/.test(text)) return "loss";
  // 生きてたころは…あの頃はよかった: a late spouse remembered, not good news.
  // (…わし一人だからね。女房が生きてた頃は…: a widower alone now, not a memory.)
  if (/(生きて(い)?た|元気だった|元気な)(ころ|頃|時|とき)/.test(text) && !/一人|ひとり/.test(text))
    return "memory";
  // 六十年も前のことなのに、名前もまだ覚えてる: a memory kept for years.
  if (
    /[0-9０-９一二三四五六七八九十何]+年(も)?前|(まだ|今でも|いまだに)[^。]{0,6}覚えて|懐かし/.test(text) &&
    !defectWord.test(text)
  )
    return "memory";
  // A child or parent hurt (うちの子が怪我をした): the caller is worried for them.
  if (/(子|息子|娘|孫|母|父|主人|(?<!丈)夫|妻)[^。]{0,16}((?<![わだ])けが|怪我)/.test(text)) return "worried";
  // A danger to the caller's body or home (火花が散った, 火事になるところ): fear, not inconvenience.
  if (
    /火事|火花|発火|煙が|感電|ぞっと|泥棒|不審者|震えて|震えた/.test(text) ||
    (complaining && /危な|危険|焦げ|やけど|火傷|(?<![わだ])けが|怪我|怖かった|こわかった|怖くて/.test(text))
  )
    return "scared";
  // A pot left on the fire (火にかけたまま…焦がした): a fright, told calmly or not.
  if (/火にかけたまま|火をつけたまま|焦が(し|した)|ボヤ/.test(text)) return "scared";
  // Singled out (うちの子だけ叱った, みんなやってたのに): the unfairness is what hurts.
  if (
    /(うちの子|うちだけ|私だけ|あたしだけ|うちの[^。]{0,4}だけ)[^。]{0,12}(叱|怒|注意|言われ|断ら|ダメ)|みんな[^。]{0,12}(のに|けど)[^。]{0,10}だけ/.test(
      text,
    )
  )
    return "unfair";
  // Charged for what they never meant to buy (無料期間だけのつもり, 勝手に有料に): unfair, not a letdown.
  if (
    complaining &&
    /勝手に|つもりだった|つもりで|頼んでない|頼んでいない|申し込んでない|申し込んでいない/.test(text) &&
    /円|料金|請求|引き落と|取られ|有料|会費|年会費|課金/.test(text)
  )
    return "unfair";
  // Charged or turned down against what they were told (聞いてない, 対象外かもしれないって言われた, キャンセル料
  // 取られるっておかしくない): what hurts is that it is unfair, not an inconvenience.
  if (
    complaining &&
    (/聞いてな|聞いていな|聞いてません|知らされてな|知らされていな|説明(は|が|も)?なかった|対象外|納得(でき|いか)|おかしくない|おかしいでしょ|(何も|なにも)悪くない|(でき|出来)ないって|(だめ|ダメ|無理)だって|(給付金|保険金|補償金|返金|払い戻し)[^。]{0,8}(出ない|出ません|されない|できない|おりない|下りない|降りない|払われない)/.test(
      text,
    ) ||
      /(キャンセル料|延滞金|違約金|手数料|追加料金|利用料)[^。]{0,12}(取られ|取る|取って|取ら|払え|払わ|かかる|つい|言われ)|(次の日|翌日|後で|あとで)[^。]{0,12}(安くなって|値下が)/.test(
        text,
      ))
  )
    return "unfair";
  // A parent worried for a child's fever (娘が…熱が出てて…心配で): the worry is theirs to be met.
  if (
    /(子|娘|息子|孫|母|父|主人|(?<!丈)夫|妻)[^。]*(熱|咳|痛|腫れ|発疹)/.test(text) &&
    /心配|不安/.test(text)
  )
    return "worried";
  // Pain, a cough, a sleepless night: the body's suffering is what to answer (おつらい), not an inconvenience.
  if (
    /咳|痛(い|く|み|む|かっ|くて)|眠れ(な|ず)|寝られ(な|ず)|寝れ(な|ず)|寝(付|つ)けな|熱が|吐き気|腫れ|かゆ|痒|しびれ|じんましん|蕁麻疹|発疹|湿疹|かぶれ|お腹を壊|腹を壊|下痢/.test(
      text,
    )
  )
    return "hurting";
  // The same trouble again (三回目, 何度も): patience worn out, not one inconvenience.
  if (
    complaining &&
    /何度も|何回も|(これで|もう|今回で)[^。]{0,4}[二三四五六七八九0-9２-９]回目|[二三四五六七八九0-9２-９]回目(です|よ|なん|なの|だ|じゃ)|毎回|またですか|また同じ|同じ間違い|いつもいつも/.test(
      text,
    ) &&
    // (…and not the caller's own body or habit: 夜中に何度も目が覚める is no patience worn out with us.)
    !/目が覚め|探す|探し|物忘れ|忘れ(て|ちゃ|る)|トイレ|咳|転(ん|び)|通院|通って|病院に(行|通)/.test(text)
  )
    return "fedUp";
  // Shamed before others (先方に恥をかいた, 顔が立たない): the embarrassment is what hurts.
  if (complaining && /恥(を)?かい|恥ずかし|面目|顔が立た|顔をつぶ|立場がな/.test(text)) return "ashamed";
  // Family taken to hospital (母が急に入院した): the caller is worried for them, whatever else they ask.
  if (/(母|父|主人|(?<!丈)夫|妻|子|息子|娘|孫|家族)[^。]{0,8}(入院|手術|救急|倒れ)/.test(text))
    return "worried";
  // What a parent or a late spouse once said (母が言ったの『…』って): a memory the caller treasures.
  if (
    /(母|父|主人|(?<!丈)夫|祖母|祖父|おばあちゃん|おじいちゃん)[^。]{0,6}(が|の)?(言った|言ってた|言っていた|口癖)/.test(
      text,
    )
  )
    return "memory";
  // A child who came home crying: the parent is worried for them, not let down.
  // (Children left crying by a late meal, お腹すかせて泣いてた, tell how bad the delay was: no worry.)
  if (
    /(子|息子|娘|孫)[^。]{0,24}泣|(子|息子|娘|孫)[^。]*泣いて帰/.test(text) &&
    !/遅れ|かかって|待たされ|冷め|お腹(を)?すか/.test(text)
  )
    return "worried";
  if (
    /中止|キャンセル(?!料|したい|して|しても|しようと|でき|って(でき|可能)|を|の(手続|方法|仕方)|可能|お願い)|間に合わ(なかっ|ない|ず|なく)|台無し|がっかり|残念|(出|行|参加|見)られなかった|行けなかった|参加できなかった|買ったばかり|買ったばっかり|新品なのに|違う人|別の人|(誕生日|記念日|お祝い|入学式|卒業式|結婚式|発表会|運動会)[^。]{0,10}(だった)?のに|泣い|泣き(?!虫)|泣いちゃ|ショック|楽しみにして|楽しみだった|せっかく|目当て|期待して|つもりだったのに/.test(
      text,
    )
  )
    return "disappointed";
  // Better now (よく眠れるようになった, 膝が楽になった): good news about the caller's health.
  if (
    !complaining &&
    /(眠れる|歩ける|食べられる|見える|聞こえる|動ける)ように[、\s]*(なった|なりました|なって)|(元気|楽)になっ(た|て)|(よく|良く)なっ(た|て)(?!な)|治った|治りました|(褒め|ほめ)られ|入賞|当選/.test(
      text,
    ) &&
    !/ない(の|ん)?(よ|です)?[。！!]?$|のに|けど|また/.test(text)
  )
    return "happy";
  // A birth or a pass is good news even told with a けど (写真送ってもらったんだけど) or a pang (寂しくなるわ).
  if (
    /生まれ(た(?!(村|町|家|所|土地|故郷|国|場所|ところ|島|街))|て(?![^。]{0,6}(年|十|百))|まし)|誕生し|合格し|受かっ(た|て)|結婚(した|しまし|が決ま|することにな|する(って|と|ん|の(よ|ね)))|婚約し|周年/.test(
      text,
    ) &&
    !/亡くな|ない|のに/.test(text)
  )
    return "happy";
  // The caller's body (胸がどきどきする, めまいがする): worry for their health, whatever else they say.
  if (
    !complaining &&
    /胸が|どきどき|ドキドキ|動悸|めまい|目まい|息苦し|具合が悪|体調が(悪|すぐれ)|血圧が/.test(text)
  )
    return "worried";
  // A fall at home (玄関で転んで起き上がれなくて): the fright, and whether they are hurt.
  if (!complaining && /転ん|転倒|起き上がれ|尻もち|しりもち/.test(text)) return "scared";
  // Life not worth living (生きててもしょうがない): a low that is listened to, never argued with.
  if (
    /生きて(い)?ても(しょうがない|仕方(が)?ない|しかたない)|死にたい|消えてしまいたい|いなくなりたい/.test(
      text,
    )
  )
    return "down";
  if (/寂し|さみし|さびし/.test(text)) return "lonely";
  // Family who come once a year (孫の顔を見せに来るのは年に一回きり): loneliness.
  if (/年に(一|1|１)(回|度)|めったに(来|会|顔)|たまにしか(来|会|顔)/.test(text)) return "lonely";
  // Family who never come or call (嫁がお盆にも来ない、電話一本よこさない): loneliness, however it is grumbled.
  if (aboutTheirOwn(text)) return "lonely";
  // 情けなくって: feeling down about oneself, however it is grumbled (山登りもしたのにねえ).
  if (
    /情けな|落ち込|滅入|しんど|元気が出な|気が抜け|力が抜け|する気が|張り合い/.test(text) &&
    !ourDefect(text) &&
    !/一人|ひとり|誰とも/.test(text)
  )
    return "down";
  // 私何か悪いことしたのかしら: a parent blaming themselves is worried, however it is grumbled.
  if (/悪いこと(を)?した(の|ん)?(かしら|かな|かね)|私のせいで/.test(text)) return "worried";
  // A grumble about the caller's own life, nothing of ours in it: nobody left to talk to, or a child who
  // once clung to them (小さい頃は…くっついて離れなかったのに), is loneliness; failing eyes or legs are worry.
  if (complaining && !ourSide.test(text)) {
    if (
      /話す(人|相手)が(い|お)(な|ら)|話し相手が|誰とも|一人(きり|ぼっち)|ひとり(きり|ぼっち)|(小さい|幼い|子どもの|子供の)(頃|ころ|時|とき)(は|なんか)[^。]*のに/.test(
        text,
      )
    )
      return "lonely";
    if (
      /目が[^。]{0,6}(悪く|見えな|かすむ)|耳が[^。]{0,6}(遠く|聞こえな)|つまず|足が[^。]{0,6}(弱|悪|動かな)|物忘れ/.test(
        text,
      )
    )
      return "worried";
  }
  // 給食が心配で: a worry put into words is met as one, even when something once went wrong.
  if (/(が|も)(心配|不安)(で|なん|なの)/.test(text) && !/!|！|どういうこと|どうしてくれ/.test(text))
    return "worried";
  if (complaining) return "trouble";
  // Alone at night and afraid (夜一人でいると怖くて): the fear is what to answer, not the solitude.
  if (/怖|こわ|心細|不安で|不安な/.test(text) && !/寂し|さみし|さびし/.test(text)) return "worried";
  if (
    /一人(で(?!す|ござ)|きり|だと|暮らし(?!(を)?(始め|する予定|することに)))|ひとり(?!です|でござ|分|様|暮らし(を)?(始め|する予定))|誰とも|話し相手|話す相手|話す人が(い|お)|誰も(いない|来ない)|電話(を)?くれない|来てくれない|会えない|顔(を)?見てない/.test(
      text,
    ) &&
    !/(孫|息子|娘|母|父|子|弟|妹|兄|姉)[^。]{0,16}(一人暮らし|ひとり暮らし)/.test(text)
  )
    return "lonely";
  if (/情けな|落ち込|滅入|しんど|元気が出な|気が抜け|力が抜け|する気が|張り合い/.test(text)) return "down";
  if (
    /心配|不安|怖|こわ|どうしよう|嫌われ|避けられ|避けてる|避けている|悪いこと(を)?した|私のせい/.test(text)
  )
    return "worried";
  // 故障じゃないですよね: a caller asking to be reassured about their machine is worried.
  if (
    /故障(じゃ|では)ない(ですよね|よね|ですか|かしら)|壊れ(た|て)(ん|の)じゃない|壊れて(ない|いない)(ですよね|よね)/.test(
      text,
    )
  )
    return "worried";
  // A joy that brings back someone gone (主人が植えた梅が咲いた、主人を思い出す): a memory, not good news.
  if (
    /思い出|生前|形見|亡き|在りし/.test(text) &&
    /主人|(?<!丈)夫|妻|母|父|祖母|祖父|息子|娘|友|あの人|あの子/.test(text)
  )
    return "memory";
  const regret = /(ば|たら|れば)(よかった|良かった)/.test(text);
  if (
    /嬉し|うれし|よかった|良かった|合格|生まれ(?!て[^。]{0,6}(年|十|百))|咲い|喜ん|楽しかった|元気になっ|おめでた/.test(
      text,
    ) &&
    !/のに|けど|ない/.test(text) &&
    !regret
  )
    return "happy";
  return "neutral";
}

function dataOf(text: string): string[] {
  return [
    ...text.matchAll(
      // (A date is one datum: 12月30日, not 12月 and 30日.)
      /[A-Za-z]*[-‐]?[0-9][0-9,\-‐:：.]*[A-Za-z]*(?:(?:時間|か月|ヶ月|週間|インチ|キロ|ギガ|[年月日時分円個名人本枚台件回歳号室階番泊])(?:[0-9][0-9,]*(?=[年月日時分]))?)*/g,
    ),
  ]
    .map((m) => m[0])
    .filter((d) => d.length >= 2)
    .slice(0, 4);
}

import type { ViolationKind } from "./labels";
import { type Sentence, type Span, splitSentences, stripSentenceEnd } from "./text-spans";

type Category = Exclude<ViolationKind, "none">;

/** What the families need to know about the call around a reply. */
export interface FamilyContext {
  /** The caller only asks for information or a procedure (no complaint, no feeling). */
  callerInquiring: boolean;
  /** The caller asked what to do (どうすれば, おすすめは): a recommendation then answers them. */
  callerAskedAdvice: boolean;
}

export interface FamilyHit {
  category: Category;
  span: Span;
}

// The three properties a trainer reasons with, read off one sentence's verb morphology and markers
// (docs: shared RUBRIC-DESIGN.md). Who acts: 尊敬語 (される, なさる, お〜になる, いただく) and お客様 put the
// caller in the subject; 謙譲語 (いたす, させていただく, 弊社) the operator.
const callerActs =
  /(?<=て)いらっしゃ|(?<!させて|て)(され|なさ[らりるれっ]|なさい|おられ|いらっしゃ|お[^\s、。]{1,6}にな|ご[^\s、。]{1,6}にな|(?<!させて)いただ[きいけかく]|[てで]おかれ|(?<!させて)頂[きいけかく]|くださ[いっら]|お客様|お客さま|ご自身|ご自分|ご本人)/;
const operatorActs =
  /(いたし|いたす|致し|させていただ|させて頂|弊社|当社|私ども|わたくしども|当方|こちらで|私|わたくし)/;
const pastOrDone =
  /(た|ました|ませんでした|なかった|ていた|ておられ|でした|ていません|ておりません|ていない|てない|てません)(の|ん|という(こと)?|って(こと)?)?(では|でしょうか|ですか|か|でしょう|ね|よね)?(ね)?$/;

// The caller's own doing that a complaint can be blamed on: reading, checking, choosing, handling.
const lapse =
  /留守|不在|確認|確かめ|読[まみむめん]|お読み|ご覧|目を通|見[てなまら]|見落と|見逃|注意|気[づ付]|間違え|間違[いっ]|誤[っり]|勘違い|思い違い|忘れ|入力|選択|選[ばびん]|設定|保管|放置|置[いかきけ]|落と|取り?扱|扱[いっわ]|使い方|操作|充電|押[しさせ]|控え|チェック|把握|濡ら|閉め|開け|保存|登録|申告|記入|手続き|ご連絡|連絡[しさ]|お伝え|伝え/;
const strongLapse =
  /(聞き|見|読み|言い|書き)(違え|違い|間違)|読[まみむめん]|お読み|ご覧|目を通|お?目通し|見落と|見逃|忘れ|間違え|間違[いっ]|お間違|誤[っり]|勘違い|思い違い|放置|落と|濡ら|注意|不注意|すぎ|過ぎ|入れたまま|つけたまま|したまま|ままに|(?<=[れせけめさ])ずに|ないままに/;
// How dutifully the caller did it: asked about their past conduct, these put the caller on trial.
const diligence =
  /欠かさず|毎日|正しく|定期的|きちんと|ちゃんと|しっかり|よく(お|ご)|指示(どおり|通り)|説明書(どおり|通り)|用法|用量|決められた/;
// What the caller "should have seen" or should handle themselves: 書いてあったはず, ご覧いただきたかった.
const shouldHaveKnown =
  /(書いて|記載|明記|掲示|表示|掲載|お知らせ|ご案内|お伝え)[^。]{0,12}(はず|かと(存じ|思い))|(ご覧|お読み|ご確認|目を通|お目通)[^。]{0,6}(いただきたかった|ほしかった|いただければ|いただけていれば)|(ご自身|ご自分)で[^。]{0,16}(もの|こと)(です|なんです|でございます|なんですが|ですが)|(いただく|くださる)ようお願い(して|いたして|申し上げて)(おり|い)[^。]{0,8}(が|けど|けれど)/;
const doubt = /本当に|確かに|間違いなく|ほんとうに|ほんとに/;
const guessMarker = /もしかして|もしかすると|ひょっとして|まさか|おそらく|恐らく/;
const guessAnywhere =
  /(の|ん)では(ないか|ないでしょうか|ありませんか|ございませんか)|かもしれ|可能性(は|が|も)/;
const feelingNamed =
  /心配|お困り|不安|驚|残念|お辛|おつら|寂し|がっかり|ご不便|ご迷惑|大変(な|だった|でした|かと|なこと)|ご苦労|お疲れ/;
const guessEnding =
  /((の|ん)(では|じゃ)(ない|ありません|ございません)?(です|でしょう)?か?|(の|ん)だと(思われ|思い|存じ)(ます)?|(の|ん)では(と|ないかと)(存じ|思い)(ます)?|かと(存じ|思い)(ます|まして)?(が|けど|けれど|けれども)?|かもしれ(ません|ない)|可能性(が|も)(ござい|あり)ます|ということ(は|も)(ござい|あり)ません(か|でしょうか)?|(って|という)こと(は|も)(ない|ありません|ございません)(です|でしょう)?(か|かね)|(こと|の)(は|も)(ござい|あり)ませんでしたか)$/;
const questionEnding = /(か|かね|でしょうか|ますか|ましたか|ませんか|ませんでしたか)$/;

// A policy wall, a refusal and a denial: answers that stand against the caller's complaint.
const policy =
  /と決まって(おり|い|ござい)|(システム|制度|仕組み|契約|規約|規定)上[、,]|(補償|保障|保証|返金|返品|交換|支払い|給付|サポート|適用)(の)?対象外と(させて|して|なって)|(規約|規定|規則|学則|会則|決まり|ルール|原則|約款|ポリシー|方針|仕様|システム上|制度上|仕組み上|契約上|条件)(上|で|により|によって|に基づ|にて|となって|ですので|でございます|になって|に(記載|明記|書)|にも|の通り|のとおり)/;
const onlyAGuide =
  /あくまで(も)?[^。]{0,12}(目安|予定|参考|予測|見込み|想定|概算|基準|原則|規定|規則|決まり)|(ご案内|規約|説明書|書面|契約書|約款|パンフレット|注意書き|案内|申込書)(に|にも)[^。]{0,6}(書いて|記載|明記)[^。]{0,4}(ございま|ありま|して(おり|い)ま|されて(おり|い)ま)|(に|で)(ござい|あり|記載の|書いてあ|定め)[^。]{0,4}(通り|とおり)|定め(られ)?て(おり|い|ござい)|(規定|規則|決まり|ルール)(どおり|通り)|目安(と|に)?(なって|でございます|です|として)/;
const refusal =
  /いたしかね|承りかね|わかりかね|分かりかね|お受けして(おりません|いません)|致しかね|できかね|出来かね|しかねます|お受けでき(ません|ない)|対応(は)?(でき|いたし)(ません|かね)|応じ(られ|かね)|沿いかね|どうしようも(ござい|あり|な)|どうすることも(でき|いたし|出来)|何も(でき|いたし|出来)(ません|かね)|お手上げ|(でき|いたし|出来)(ない|ません)(ん|の)?です(よ|ね)?$/;
const thirdParty =
  /(配送業者|運送会社|薬局|やっきょく|管理会社|大家|オーナー|工事業者|施工業者|本部|航空会社|旅行会社|鉄道会社|運営会社|販売元|発送元|宅配業者|配送会社|運送業者|業者|メーカー|製造元|販売店|代理店|出店者|ショップ|加盟店|郵便局|配達員|ドライバー|他社|別会社|提携先|委託先|カード会社|銀行|保険会社)(さん|様|さま)?(側)?(の|に|が)?[^。]{0,6}(責任|管轄|管理|所管|扱い|問題|ミス|せい|都合|判断|過失|落ち度|範囲|担当|領域|対応)/;
const ourRemedy =
  /(ご返金|返金|払い戻し|お取り替え|交換|再送|再配達|お届け|補償|ご負担|手配|お振替|振替)[^。]{0,8}(いたします|いたしますので|させていただきます|させていただいて|となります|になります)/;
const denial =
  /((そのような|そんな|その様な)[^。]{0,16}[るたす](こと|はず|わけ)(は|が)(ござい|あり|な)(ません|い)(?!か(?!と)|でしょうか)|(の|ん)は(間違い|まちがい)(ない|ございません|ありません)|ということは(ない|ございません|ありません)(?!か(?!と)|でしょうか)|それは(違い|ちが)ます|((そのような|そんな|その様な|という)(こと)|はず|わけ|訳|筈)(は|が|では)(ござい|あり|な)(ません|い)(?!か|でしょうか|のに|のですね|ということ)|(事象|事例|報告|症状|現象|不具合|トラブル)(は|も)?[^。]{0,12}(確認|報告)(されて|して|でき)(おりません|いません|ません)|(ほか|他|別)の(原因|理由|要因)|(問題|不具合|不良|故障|異常|間違い|誤り|ミス|遅れ|遅延|落ち度|過失)(は|が|など|も)?(特に|一切|何も)?(ござい|あり|見当たり|見られ|確認でき|確認され|発生して(お|い))(ません|ない)(?!か|でしょうか|でしたか)|(正常|通常通り|予定通り|規定通り|適切)(に|で)?[^。]{0,10}(おります|ております|でございます|です|でした))/;
const concession =
  /(お気持ち|おっしゃること|お話|ご事情|ご不満|ご不便)(は|も)?(よく|十分|重々|大変|とても|本当に|痛いほど){0,2}(わか|分か|理解|承知|お察し)(り|いたし|でき|し|る)?(ます|ますが|ますけど|ますけれど|ました|んです|のです)?(が|けど|けれど|けれども|ものの)|そう(おっしゃ|言われ|言わ)(られ)?(まし)?ても|とは(申し|言)(しましても|っても|いましても|え)|そうは(言|申し)/;

// Advice: a recommendation about the caller's own future conduct.
const recommendation =
  /(おすすめ|お勧め|お薦め|オススメ)(です|でございます|いたし|します|しております|ですよ|かと|なん(です|ですが|ですけど))|推奨|(私|わたし|わたくし)(でしたら|だったら|なら)[^。]{0,40}(てみる|でみる|てみます|でみます|てみますね|てみるかな)|(私|わたし|わたくし)(でしたら|だったら|なら)[^。]{0,40}ように(し|して)(ます|います|ますね|ますよ|おります)|(た|だ|る|ない)(ほう|方)が(いい|よい|良い|よろしい|無難|安心|確実)|(まま|ため)の(ほう|方)が(いい|よい|良い|よろしい|無難|安心)|と(いい|よい|良い|よろしい|安心|便利|確実)(です|か|と|でしょう)|(る|の)が(一番|いちばん)?(いい|よい|良い|よろしい|確実|安心|無難|お得|得策|賢明|便利)(です|かと|と|でしょう|ですよ)|(る|の)が(一番|いちばん)|(いただく|される|なさる|られる|あげる|てみる)と[、,]?[^。]{0,24}(よりよい|より良い|いい|よい|つなが|効果的|安心|楽)[^。]{0,4}(かと|と思|でしょう|ですよ)|(た|る)(ほう|方)が(?!多|少|大勢|ほとんど|いらっしゃ|おられ|おいで)[^。]{0,24}(かと(存じ|思い)|でしょう|ですよ|と思います)|(ていただく|される|なさる|する|いただく)だけ(でも|で)[^。、]{0,4}[、,]?[^。]{0,16}(変わ|違い|違って|下が|防げ|改善|楽に|よくな|良くな)|[るすく]べき(です|だ|では|じゃ|でしょう|かと|でした|だった|こと|もの|と)|(られる|される|なさる|いただく|ておく|ておかれる|てみる)と[、,]?[^。]{0,30}ようになり(ます|ますよ)$|(て|で)(は|みては|みたら|みられては)(いかが|どう)|(たら|れば)(いかが|どう)|ようにして(ください|くださいね|いただけ|いただく|頂け)|ようになさ|ようお気をつけ|ように(お願い|心がけ|気をつけ)|(お|ご)?(気をつけ|注意)(ください|くださいね|なさって|いただ)|(ると|れば|たら)[^。]{0,24}(って|と)(言|い)(います|いますよ|われています|われてます|いますね)$|ぜひ[^。]{0,12}(てみて|でみて)(ください|くださいね)|ように(されると|すると|なさると|されれば|すれば|していただくと)|(ていただければ|ていただけると|ておくと|ておけば|ておかれると|ておかれれば)[、,]?[^。]{0,30}(楽|安心|便利|おいしく|美味しく|確実|防げ|スムーズ|助かる)[^。]{0,10}(かと|と思|でしょう|ですよ)[…。]*$/;
const futureConduct =
  /次回|次から|次は|今後|これから|この先|以後|以降|将来|来年|今度から|今度は|事前に|前もって|早めに|余裕を(もって|持って)|普段から|日頃から|日ごろ|必ず|くれぐれも|習慣/;

const companyOffer =
  /(プラン|コース|商品|タイプ|モデル|お部屋|部屋|客室|メニュー|セット|パック|便|席|サイズ|機種|品|こちら|そちら|ほう|方)(が|も|は|ですと|でしたら)?[、,]?(特に|一番|いちばん)?(おすすめ|お勧め|お薦め|オススメ)(です|でございます|となっております|になります)/;
// Opinion: minimizing the loss, telling the caller how to feel, the operator's own value judgement.
const minimizing =
  /たかが|たった(の)?[^。]{0,8}(で|なら|くらい|ぐらい|だけ)|ほんの[^。]{0,8}(で|なら|くらい|ぐらい|だけ|です)|([0-9０-９一二三四五六七八九十百千万数何]|少し|ちょっと|わずか|それ|この|その|あの)[^。、]{0,4}(くらい|ぐらい|程度|ほど)(の(こと|遅れ|差|違い|傷|汚れ|金額|時間))?(なら|でしたら|のことで|で(怒|騒|大げさ|目くじら|そんな))|それほど[^。]{0,16}(ない|ません|なく|なかっ)|そこまで[^。]{0,16}(ない|ません|なく|なかっ)|(一|1|１|少し|ちょっと|わずか)[^。、]{0,4}(だけ|くらい|ぐらい)(ですし|ですから|ですので|は[、,]?ね)|(この|その|それ)[^。、]{0,4}(くらい|ぐらい|程度)の[^。、]{0,6}は(ごく|割と|わりと)?(普通|当たり前|よくある|珍しくな)|大したこと|大ごとでは|大げさ|大袈裟|よくある(こと|話)|(仕方|しょう)(が|の)?(ない|ありません|ございません)|気にする(ほど|ような)|影響(は|も)?(ほとんど|特に|さほど)?(ござい|あり)ません|問題(なく|ない|ございません|ありません)(かと|と思|ですよ|でしょう)|(十分|じゅうぶん|まだ)[^。]{0,10}(ほう|方|マシ|まし)|(全部|すべて|全て|まったく|何もかも)[^。]{0,10}(わけ|訳)(では|じゃ)(ない|ありません|ございません)/;
export const feelingDirective =
  /(がっかり|落ち込|おちこ|気を落と|きをおと|悲し|かなし|寂し|さみし|さびし|怒|おこら|腹を立て|イライラ|いらいら|カリカリ|かりかり|カッカ|かっか|ピリピリ|むきに|くよくよ|悩|焦)[^。]{0,6}(なくても|ないで(ください)?|なくて(も)?(いい|大丈夫|結構)|すぎ|過ぎ)|そんなに[^。]{0,12}(され|なさら|し)なくても|それはそれで|(気に|考え|心配)(し|なさ)?(すぎ|過ぎ)|前向きに|元気(を)?出して|明るく(考え|いき|いこう)|くよくよ|いつまでも[^。]{0,10}(ても|ては|たら)|(なんて|とは)(お?思わ|考え)(ない|ず)|気にしない(のが|ほうが|方が|で)|きっと[^。]{0,15}(ますよ|ですよ)$|感謝(しないと|すべき|しなければ)|恵まれて(いらっしゃ|います|おられ|る)|贅沢|わがまま|幸せ(な|ですよ|だと)|ありがたい(こと|と思)/;
// The operator's verdict on people in the caller's story, or on people in general.
const judgesPeople =
  /(お嫁さん|嫁|若者|若い(人|方|子)|今どきの|最近の(人|方|若|子)|息子さん|娘さん|先生|ご主人|旦那さん|お医者さん|お姑さん|お隣|近所の(人|方))[^。]{0,24}(冷た|なっていな|困ったもの|だらしな|非常識|わがまま|甘い|厳しすぎ|そんなもん|そんなもの|しょうがな|仕方(が|の)?な)/;
const allTheSame =
  /お互い(様|さま)|(どこも|誰が[^。]{0,10}でも|誰でも|どれも|どなたでも)[^。]{0,14}(変わら|同じ|一緒)|(みなさん|皆さん|皆様|みなさま|誰でも|どなたでも|誰しも)[^。]{0,8}(そう|同じ)(なり|です|でございます|ですよ|なんです)/;
// Moralizing in general terms: 旅というのは…思い出になるものかと存じます / 男の子ってそういうもんですよね.
const moralizing =
  /(という|って)(の|もの)?は[^。]{0,40}(もの|もん)(かと(存じ|思い)|です|ですよ|でございます|なんです|だと)|そういう(もの|もん)(です|でございます|ですよ|だ|かと|なんです)|なんて[^。]{0,12}(なくても|なくたって)[^。]{0,20}(困らな|大丈夫|平気|問題(ない|ありません))/;
/** The operator's own view said as such (個人的には…高いなとは思うんですけど): an opinion by its very form. */
export const personalView =
  /(個人的には|私個人(として|的に)?は|(私|わたし|わたくし)(として|的に)は)[^。]{0,60}(と(は)?[、,]?(思|感じ)|かと|気が(し|いた))/;
// Asking after the caller's safety or health is care, not blame (お怪我はございませんでしたか).
export const concern = /お?怪我|ご無事|お体|お身体|お加減|体調|ご気分|お痛み|やけど|火傷/;
const judgement =
  /(私|わたし|わたくし)(でしたら|だったら|なら|であれば)|(よかった|良かった|いい|良い|よい)(ん)?(じゃ|では)ない(か|でしょうか)(な|なあ|と)?|(と|って)(私|わたし|わたくし|私ども|わたくしども)(は|も)?(考え|感じ)|(私|わたし|わたくし|自分)(は|も|的には|としては|個人的には|なら|だったら)[^。]{0,30}(とは?思|とは?感じ|かと)|(と|って)(私|わたし|わたくし)(は|も)?(思|感じ)|正直[^。]{0,20}(好き|嫌い|思|感じ|苦手)|(のが|のは)(普通|当然|当たり前|一般的|常識)|(?<![てでも])(普通|当然|当たり前|常識)(です|だと|かと|でしょう)|(ものですよ|もんですよ|ものですからね)$|(と思います|と思いますよ|と思うんです|と思いますけど|かと思いますよ|ですからね)$/;
const evaluative =
  /(私|わたし|わたくし)(でしたら|だったら|なら|であれば)[^。]{0,30}(ます|ますね|ですね|ですよ|ますよ)$|(よかった|良かった)(ん)?(じゃ|では)ない|(いい|良い|よい|悪い|十分|じゅうぶん|問題ない|大丈夫|贅沢|もったいない|幸せ|恵まれ|当然|普通|常識|大事|大切|まし|マシ|正しい|おかしい|無理|早い|遅い|高い|安い|お得|得|好き|嫌い|苦手|古くさ|古臭)(です|だ|な|ほう|方|かと|と思|じゃ|では|くて)|(ものですよ|もんですよ|ものですからね)$/;

const datumRequest =
  /(番号|お名前|ご氏名|ご住所|住所|電話番号|生年月日|ID|会員|注文|お届け先|型番|製品番号|契約者|ご契約|口座|カード|メールアドレス|アカウント|お客様番号|受付番号|伝票)[^。]{0,10}(を|は|の|、)?[^。]{0,8}(お願い|教えて|伺え|お聞かせ|頂け|いただけ|どうぞ|は[?？]?$|を[?？]?$|ください|お知らせ|(お)?(わか|分か)り(ますか|になりますか)|お手元に)/;
// (それで、いかがでしたか invites more of the story: no business in it.)
const connectiveThen =
  /^(で|それで|じゃあ|では|ではでは|それでですね|でですね)(、|\s|(?=[一-龯ァ-ヶおご御]))(?![、\s]*(いかが|どう|どんな|どのよう|それから))/;
// Business opened without a word on what the caller said: ご用件, お手続き, a yes/no about their paperwork.
const businessQuestion =
  /ご用件|お手続き|ご契約|お振込|お支払い|ご注文|ご予約|お届け|提出|お済み|済み|お問い合わせ|の件|番号(は|を)?(何|なん)|ご予算/;
// A datum asked for in two words, no request around it: 会員番号は？ / お名前は？
export const curtDatumQuestion =
  /^[^。、]{1,12}(番号|お名前|名前|ご住所|住所|生年月日|ID|日付|日にち)は[?？]$|^[^。、]{1,14}(年齢|種類|人数|日時|機種|車種|年式)は[?？。]?$|^[^。、]{0,12}(番号|名|ご住所|住所|生年月日|ID|型番)をどうぞ[。]?$/;

/** Finds the violation families a trainer catches in polite words, sentence by sentence. */
export function findViolationFamilies(reply: string, context: FamilyContext): FamilyHit[] {
  const hits: FamilyHit[] = [];
  for (const sentence of splitSentences(reply)) {
    for (const category of sentenceFamilies(sentence.text, context)) {
      hits.push({ category, span: { start: sentence.start, end: sentence.end } });
    }
  }
  return hits;
}

// What a complaint is about, sized by the operator: a delay, a difference, a wait, a fault no one caused.
const troubleSized =
  /遅れ|遅延|違い|差|待ち時間|お待ち|長い(ほう|方)|珍しい|よくある|混み合|大きな問題|誰のせいでも|天候|仕方のない/;
const feelingSized = /気にな|ご心配|心配な|大丈夫|必要は|思われ|お若い|お元気|考えすぎ|悲しま|落ち込/;

/** The families one sentence falls in (criticize, argue, advise, opinion), in no particular order. */
export function sentenceFamilies(text: string, context: FamilyContext): Category[] {
  // A speaker's pauses (お気持ちは、よく、わかるんですが) fall between any two words: the families are read
  // with and without them.
  const flat = text.replace(/[、,](?!$)/g, "");
  if (flat === text) return familiesOf(text, context);
  return [...new Set([...familiesOf(text, context), ...familiesOf(flat, context)])];
}

function familiesOf(text: string, context: FamilyContext): Category[] {
  const body = stripSentenceEnd(text);
  const found: Category[] = [];
  const caller = callerActs.test(body) && !/させていただ|させて頂/.test(body.slice(-12));
  const isQuestion = questionEnding.test(body) || /[?？]/.test(text);
  // criticize: a question, guess or doubt about the caller's own past doing.
  const guess =
    (guessEnding.test(body) || guessMarker.test(body) || guessAnywhere.test(body)) &&
    !feelingNamed.test(body);
  const blame =
    strongLapse.test(body) ||
    (lapse.test(body) &&
      /際|時に|ときに|前に|当時|事前|ちゃんと|きちんと|しっかり|よく|定期的|普段|日頃|日ごろ|ご自身で|ご自分で/.test(
        body,
      )) ||
    /(ませんでしたか|なかった(の|ん)(です|でしょう)?か|ていない(の|ん)(です|でしょう)?か)$/.test(body);
  // Insinuating that people like the caller get it wrong: 途中で閉じてしまわれる方が多いものですから.
  const insinuation =
    !context.callerInquiring &&
    /(方|人|ケース|お客様)(が|も)(多い|多く|よく|けっこう|結構|少なくない|いらっしゃ(?!らな))/.test(body) &&
    !feelingNamed.test(body) &&
    /(され|なさ|られ|しまわれ|お[^\s、。]{1,6}にな)/.test(body);
  // A consequence laid at the caller's door: 確定ボタンを押されていないと、指定は反映されません.
  const unlessYou =
    !context.callerInquiring &&
    /(され|なさら|なさっ|られ|お[^\s、。]{1,6}にな[らっ])(て)?(い)?(ない|なかった)(と|場合|ければ)[^。]{0,24}(ません|ない|できかね)/.test(
      body,
    );
  if (
    (caller && blame && (isQuestion || guess) && pastOrDone.test(body) && !concern.test(body)) ||
    unlessYou ||
    /(の|ん)は(お客様|お客さま|そちら)(のほう|の方|側)?(です|でございます|なんです)/.test(body) ||
    insinuation ||
    /(られ|され|なさら|お[^\s、。]{1,6}にな(ら|り))ませんでしたか$/.test(body) ||
    (/普通(は|なら)/.test(body) && /(もの|はず)/.test(body) && caller) ||
    (guess &&
      (lapse.test(body) || strongLapse.test(body)) &&
      !operatorActs.test(body) &&
      // (…外に出ればご覧になれますので、そこまで気になさることでは: the loss made small, an opinion below.)
      !minimizing.test(body) &&
      // 控えられたほうがよろしいかと存じます hedges a recommendation (advise), not a guess at a fault.
      !recommendation.test(body)) ||
    (doubt.test(body) && isQuestion) ||
    // もしかして…ご利用になったのではないでしょうか: the caller's own doing guessed at as the cause.
    (/もしかして|ひょっとして|もしかすると/.test(body) &&
      caller &&
      guessAnywhere.test(body) &&
      /(た|ていた|なかった)(の|ん)(では|じゃ)/.test(body) &&
      !operatorActs.test(body)) ||
    // 契約書に書いてありますので、まずはそちらをお読みになってから: told to read what they should have.
    /(書いて(あり|ござい)|記載(があり|がござい|して(おり|い)))[^。]{0,24}(お読み|ご覧|ご確認|目を通)[^。]{0,10}(から|うえで|上で)/.test(
      body,
    ) ||
    // The caller as the cause, guessed at: 髪の毛はお客様ご自身のものだった可能性も…
    (guess &&
      /(お客様|ご自身|ご自分)(の|で)?[^。]{0,6}(もの|物|ミス|勘違い|操作|責任|せい|過失|落ち度|不注意)/.test(
        body,
      )) ||
    (caller && isQuestion && pastOrDone.test(body) && diligence.test(body)) ||
    // さすがにお客様のほうで頼みすぎですよ: the caller's overdoing, said to them.
    /(お客様|お客さま)(のほう|の方|側)?(で|が|の)[^。]{0,10}(すぎ|過ぎ)/.test(body) ||
    // 残高が不足していた、ということはございませんか: another cause, on the caller's side, put to them.
    (!context.callerInquiring &&
      /ということ(は|も)(ござい|あり)ません(か|でしょうか)$/.test(body) &&
      !operatorActs.test(body) &&
      !feelingNamed.test(body) &&
      !concern.test(body)) ||
    // お時間に余裕をもってお越しいただく必要がございました: what the caller should have done.
    (caller &&
      /必要が(ござい|あり)ました|べきでした|べきだった|ていただかないと(困|いけ)/.test(body) &&
      !operatorActs.test(body)) ||
    // How dutifully the caller does it now (お薬、ちゃんと決められた時間に飲まれてますか): the same trial.
    (isQuestion &&
      diligence.test(body) &&
      /[あかさたなまらわがば]れて(い)?(ます|る|らっしゃいます)(か|かね|でしょうか)?$/.test(body)) ||
    (shouldHaveKnown.test(body) &&
      // ご案内はしていないはずです denies what the operator said: argue, below.
      !/(ない|ません|おらず)(はず|かと)/.test(body) &&
      !operatorActs.test(body.replace(/(掲載|記載|表示|掲示)して(おり|い)/, ""))) ||
    (/(ご覧|お読み|目を通|ご確認)[^。]{0,8}(いただ|なっ|され)[^。]{0,6}(ていれば|ていたら|ておけば|れば|たら)/.test(
      body,
    ) &&
      !operatorActs.test(body)) ||
    // ご自分の判断でおやめになるのはよろしくありません: the caller's doing judged wrong.
    /(お|ご)[^。]{1,16}(になる|になった|される|された|なさる|なさった)のは(よろしく|良く|よく)(ありません|ない|ございません)/.test(
      body,
    )
  )
    found.push("criticize");
  // argue: a policy wall, only-a-guide, blame shifted, a denial of the complaint, a concession then a no.
  // A policy wall with a no, and a flat contradiction, rebut even a plain question.
  const wall = (policy.test(body) || onlyAGuide.test(body)) && refusal.test(body);
  const contradiction =
    /^(いえ|いいえ)[、,\s]?(ですから|それは|そんな|そのような)|^(いえ|いいえ)[、,\s]?[^。]{0,30}(ご案内|お伝え|申し上げ|ご説明)(は|を)?(して|いたして|差し上げて)(い|おり)(ない|ません)|それは(違い|ちが)ます|ですから[、,]?(先ほど|何度も|さっき)/.test(
      body,
    );
  if (wall || contradiction) found.push("argue");
  else if (!context.callerInquiring) {
    if (
      policy.test(body) ||
      onlyAGuide.test(body) ||
      // (A remedy of ours promised for a case the third party caused, 航空会社の都合による欠航でしたら全額
      // ご返金いたします, shifts nothing onto them.)
      (thirdParty.test(body) && !(ourRemedy.test(body) && !refusal.test(body))) ||
      // (…わけではございませんし、それほどのことではないかと存じます: the loss made small in the
      // operator's view is an opinion, below, not a denial of the complaint.)
      (denial.test(body) && !(minimizing.test(body) && /思|存じ|よかった|良かった|まし/.test(body))) ||
      /どうしようも|どうすることも|お手上げ/.test(body) ||
      // The failure itself stated to be small (20分くらいはよくあることでございまして): the complaint is
      // rebutted. Said as the operator's view (〜かと思います / 存じます), or the caller's feelings made
      // small (お気になさらなくても), it is an opinion, below.
      (minimizing.test(body) &&
        troubleSized.test(body) &&
        !feelingSized.test(body) &&
        !/思|存じ/.test(body)) ||
      (concession.test(body) && (refusal.test(body) || policy.test(body) || /が、|けど|けれど/.test(body))) ||
      // (いえ、お話しできてわたくしも楽しかったです: to a caller sorry for a long call, いえ reassures.)
      /^((はい|ええ)[、,\s]?)?(いえ|いいえ|いや)[、,\s]?(?!とんでもな|こちらこそ|お気にな|大丈夫|いえ|謝らな|[^。]{0,24}(楽しかった|嬉しかった|うれしかった|ありがと))/.test(
        body,
      )
    )
      found.push("argue");
  } else if (concession.test(body) && refusal.test(body)) found.push("argue");
  // advise: a recommendation about what the caller should do, unless they asked for one. Recommending one
  // of our own plans or products (和室のプランがおすすめでございます) is an offer, not advice on conduct.
  // (Asked how to do one thing, a turn to how they should rather do another, ただ…貯金からのほうが安心, is
  // advice nobody asked for.)
  if (
    (!context.callerAskedAdvice ||
      /^(ただ|ですが|でも|とはいえ)[、,]?|よりも?[^。]{0,24}(ほう|方)が/.test(body) ||
      // (Asked how to do it now, a tip for the future, 今後は… / 控えておかれるのが, answers another question.)
      futureConduct.test(body) ||
      /て(おかれる|おく|おけば|おくと)/.test(body)) &&
    recommendation.test(body) &&
    !companyOffer.test(body) &&
    !feelingDirective.test(body) &&
    !/させていただ|させて頂|いたしましょう|お送りいたし|お届けいたし|ご用意いたし|手配いたし/.test(body)
  )
    found.push("advise");
  else if (
    !context.callerAskedAdvice &&
    futureConduct.test(body) &&
    /(ください|くださいね|くださいませ|ように|ましょう|といい|とよい)$/.test(body) &&
    !operatorActs.test(body)
  )
    found.push("advise");
  // opinion: the loss made small, the caller told how to feel, the operator's own judgement (個人的には…と思う).
  if (
    (!context.callerAskedAdvice && personalView.test(body)) ||
    minimizing.test(body) ||
    feelingDirective.test(body) ||
    judgesPeople.test(body) ||
    allTheSame.test(body) ||
    // 新婚旅行にしては、ずいぶん控えめなご予算ですね: the caller's choice measured against the operator's idea.
    /にしては[、,]?[^。]{0,16}(ですね|ですよね|ですよ|ますね)$/.test(body) ||
    (!context.callerInquiring && moralizing.test(body)) ||
    (/(と|って)(私|わたし|わたくし)(は|も)?思/.test(body) &&
      !/そう(だと|と)?(私|わたし|わたくし)も/.test(body)) ||
    (judgement.test(body) && evaluative.test(body) && !/申し訳|お詫び|恐れ入/.test(body))
  )
    found.push("opinion");
  return found;
}

/** A token acknowledgement followed straight by a datum request: 「はいはい。で、ご注文番号は？」. */
export function isBareDatumRequest(reply: string, tokenEnd: number): boolean {
  const rest = reply
    .slice(tokenEnd)
    .replace(/^[、。,.!?！？\s]+/, "")
    .replace(/^(恐れ入りますが|恐縮ですが|失礼ですが|お手数ですが|では|それでは|まず)、?/, "");
  const sentences: Sentence[] = splitSentences(rest);
  if (sentences.length === 0 || sentences.length > 2) return false;
  const first = stripSentenceEnd(sentences[0]?.text ?? "");
  const asks = /(か|ください|お願いします|お願いいたします|どうぞ)$/.test(first) || /[?？]/.test(rest);
  return connectiveThen.test(first) || datumRequest.test(first) || (asks && businessQuestion.test(first));
}

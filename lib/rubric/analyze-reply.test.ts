import { describe, expect, it } from "vitest";
import { analyzeReply } from "./analyze-reply";
import type { RubricLabels, Turn } from "./labels";

const caller = (text: string): Turn => ({ role: "caller", text });
const operator = (text: string): Turn => ({ role: "operator", text });
/** The analysis of one reply to a single caller turn. */
const replyTo = (callerText: string, reply: string, kind: "angry" | "lonely" | "inquiry") =>
  analyzeReply({ context: [caller(callerText)], reply, kind });

// Items written for these tests (other products and situations than the dev set), labelled by the
// guideline. Each case lists only the labels it is about.
const cases: { name: string; context: Turn[]; reply: string; expected: Partial<RubricLabels> }[] = [
  {
    name: "parroting one point, polite inflection of the caller's verb",
    context: [caller("ジムの会費が今月二重に引き落とされてるんですけど。")],
    reply: "さようでございますか。会費が二重に引き落とされているのですね。",
    expected: { backchannel: true, parroting: true, summarizing: false, question: "none", empathy: false },
  },
  {
    name: "summary of two points with empathy",
    context: [caller("昨日の便が欠航になって、空港で5時間も待たされたんですよ。しかも何の説明もなかった。")],
    reply: "欠航で空港で5時間もお待ちになったうえに、ご説明もなかったのですね。それは大変でしたね。",
    expected: { parroting: true, summarizing: true, empathy: true, violation: "none" },
  },
  {
    name: "summary across the caller's clauses",
    context: [caller("予約してたのに、行ったら名前がないって言われて。")],
    reply: "ご予約されていたのに、お名前がないと言われてしまったのですね。",
    expected: { parroting: true, summarizing: true },
  },
  {
    name: "lonely caller: two points and empathy",
    context: [caller("最近ね、膝が痛くて散歩にも行けないのよ。前は毎朝公園まで歩いてたんだけどね。")],
    reply: "膝が痛くて、毎朝の公園までのお散歩にも行けなくなってしまったのですね。それはおつらいですね。",
    expected: { parroting: true, summarizing: true, empathy: true },
  },
  {
    name: "〜ということですね over two caller clauses is a summary",
    context: [caller("ボーナスが出たので、そのうち30万円くらいを、半年くらい定期にしておきたいんです。")],
    reply: "ボーナスのうち30万円ほどを、半年ほど定期にされたいということですね。",
    expected: { summarizing: true },
  },
  {
    name: "unpunctuated speech: a sentence-final particle ends the caller's first point",
    context: [caller("昔ね私バスガイドやってたのよ男の人ばっかりの職場で珍しかったの")],
    reply: "バスガイドをされていたんですか男の人ばかりの職場で珍しかったでしょうね",
    expected: { summarizing: true },
  },
  {
    name: "a speaker's pause after a case particle splits no point",
    context: [caller("あの、エアコンが、夜中に、止まっちゃって")],
    reply: "エアコンが、夜中に、止まってしまったんですね。",
    expected: { parroting: true, summarizing: false },
  },
  {
    name: "adjectives chained by て describe one thing",
    context: [caller("今日のお味噌汁がね、とってもあったかくておいしかったの。")],
    reply: "お味噌汁が、とってもあったかくておいしかったのですね。",
    expected: { parroting: true, summarizing: false },
  },
  {
    name: "a code read back a character at a time is one datum, and matches however it was spelled",
    context: [caller("会員番号は、ケー、の、ごお、いち、なな、きゅう、です")],
    reply: "はい、復唱いたします。ケー、5179でございますね。",
    expected: { parroting: true, summarizing: false },
  },
  {
    name: "what happened told before the apology restates the caller's points",
    context: [caller("予約して来てるのに、もう40分も待ってるんです。")],
    reply: "ご予約いただいたうえで40分もお待たせしており、大変申し訳ございません。",
    expected: { summarizing: true },
  },
  {
    name: "one point restated is not a summary",
    context: [caller("スマホの画面が急に真っ暗になっちゃって、何も映らないんです。")],
    reply: "画面が真っ暗になってしまったのですね。",
    expected: { parroting: true, summarizing: false },
  },
  {
    // (The annotators' rule since session 15: one matter echoed is no summary. Folding the second
    // sentence's detail into it, ご主人が植えられた梅の木が咲いたのですね, is the boundary the learned
    // layer decides; since session 17 it reads that as two points.)
    name: "one matter in one reflecting clause",
    context: [caller("今日ね、庭の梅が咲いたのよ。主人が植えた木なの。")],
    reply: "庭の梅が咲いたのですね。",
    expected: { parroting: true, summarizing: false },
  },
  {
    name: "paraphrase with a different predicate is not parroting (遅い → 遅れている)",
    context: [caller("荷物が届くのが遅いんですよ。")],
    reply: "お荷物の到着が遅れているのですね。",
    expected: { parroting: false, summarizing: false },
  },
  {
    name: "the caller's element inside an unrelated request is not parroting",
    context: [caller("グラスが割れてたのよ。")],
    reply: "恐れ入りますが、割れたグラスの写真を送っていただけますか。",
    expected: { parroting: false, question: "closed", cushion: true },
  },
  {
    name: "reflecting the caller's feeling word",
    context: [caller("もう本当に腹が立つのよ、何回電話してもつながらないし。")],
    reply: "何度お電話してもつながらず、腹が立ちますよね。",
    expected: { parroting: true, empathy: true },
  },
  {
    name: "cushioned datum question, no reflection",
    context: [caller("保険の請求書類を送ったのに、一か月たっても何の連絡もないんです。")],
    reply: "恐れ入りますが、証券番号を教えていただけますか。",
    expected: { parroting: false, summarizing: false, question: "closed", cushion: true, empathy: false },
  },
  {
    name: "open question inviting the caller's account",
    context: [caller("先週から、エアコンから変な音がするんです。")],
    reply: "その音は、どのようなときに鳴りますか。",
    expected: { question: "open", parroting: false },
  },
  {
    name: "asking to describe the situation is open",
    context: [caller("駐車場で車をぶつけられたみたいで。")],
    reply: "その時の状況を、覚えている範囲でお話しいただけますか。",
    expected: { question: "open" },
  },
  {
    name: "courtesy is not empathy",
    context: [caller("おかげさまで、孫が大学に合格したのよ。")],
    reply: "おめでとうございます!",
    expected: { empathy: false, violation: "none", parroting: false },
  },
  {
    name: "bare apology is not empathy",
    context: [caller("請求額が先月の倍になってるんだけど。")],
    reply: "ご迷惑をおかけして申し訳ございません。",
    expected: { empathy: false, cushion: false, violation: "none" },
  },
  {
    name: "残念ながら before a refusal is a cushion-like refusal, not empathy",
    context: [caller("限定のマグカップ、まだ買えますか。")],
    reply: "残念ながら、在庫がございません。",
    expected: { empathy: false },
  },
  {
    name: "criticize: blaming the caller for not reading",
    context: [caller("充電してもすぐ電池が切れるんです。")],
    reply: "お客様がちゃんと説明書を読まれていないからではないでしょうか。",
    expected: { violation: "criticize" },
  },
  {
    name: "criticize: hindsight blame",
    context: [caller("サイズが合わなかったんです。")],
    reply: "購入前にサイズ表を確認しておけば、こうはならなかったと思います。",
    expected: { violation: "criticize" },
  },
  {
    name: "argue: flat contradiction",
    context: [caller("買ったばかりなのに、もう壊れたんですよ。")],
    reply: "いえ、弊社の製品に限ってそんなことはありません。",
    expected: { violation: "argue" },
  },
  {
    name: "argue: 'it should be fine' rebuttal",
    context: [caller("ホテルの部屋、禁煙で予約したのにタバコ臭いんです。")],
    reply: "禁煙ルームですので、においがするはずはございません。",
    expected: { violation: "argue" },
  },
  {
    name: "advise: unsolicited advice",
    context: [caller("子どもが熱を出して、予約の時間に間に合いそうにないんです。")],
    reply: "熱が出たなら、無理せず病院に行ったほうがいいですよ。",
    expected: { violation: "advise" },
  },
  {
    name: "advise: next-time advice",
    context: [caller("乗り遅れちゃって、チケットが無駄になったんです。")],
    reply: "次からは時間に余裕を持ってお出かけくださいね。",
    expected: { violation: "advise" },
  },
  {
    name: "offering the company's remedy is not advice",
    context: [caller("届いたお皿が欠けてたんです。")],
    reply: "大変申し訳ございません。すぐに新しいお皿をお送りいたします。",
    expected: { violation: "none", empathy: false },
  },
  {
    name: "opinion: value judgement",
    context: [caller("配送料が800円もかかるなんて高すぎるわよ。")],
    reply: "私としては、それくらいなら妥当な金額だと思いますよ。",
    expected: { violation: "opinion" },
  },
  {
    name: "derail: switching topic",
    context: [caller("もう三回も電話してるのに、毎回たらい回しなのよ!")],
    reply: "その件はいいので、まず会員番号をお願いします。",
    expected: { violation: "derail", question: "closed" },
  },
  {
    name: "derail: それはさておき",
    context: [caller("工事の音がうるさくて、夜も眠れないんです。")],
    reply: "それはさておき、ご契約者様のお名前をお願いします。",
    expected: { violation: "derail" },
  },
  {
    name: "precedence: criticize beats advise",
    context: [caller("洗濯機から水があふれたんです。")],
    reply: "ちゃんと説明書を読まれていないからではないですか。次からはホースを確認したほうがいいですよ。",
    expected: { violation: "criticize" },
  },
  {
    name: "the operator talking about themselves without judging is not a violation",
    context: [caller("そっちは今日晴れてる?")],
    reply: "はい、こちらは朝から晴れております。",
    expected: { violation: "none", backchannel: true },
  },
  {
    name: "polite refusal with a cushion is not a violation",
    context: [caller("担当の佐藤さんに代わってちょうだい。")],
    reply: "あいにく担当者のご指名は承っておりません。よろしければ、私がご用件をお伺いいたします。",
    expected: { violation: "none", cushion: true },
  },
  {
    name: "cold web-form deflection is derail",
    context: [caller("請求が間違ってるって何度言えば分かるのよ!")],
    reply: "請求に関するお問い合わせは、ホームページのフォームからお送りください。",
    expected: { violation: "derail", question: "none" },
  },
  // Session 7: summaries the clause count missed, and polite violations and false flags found by reading
  // the corpus's read part (new wording here, not the corpus's).
  {
    name: "two data read back side by side are a summary",
    context: [caller("来月、歓送迎会で使いたいんです。"), caller("金曜の夜6時から、12人です。")],
    reply: "承知いたしました。金曜日の夜6時から、12名様でございますね。",
    expected: { summarizing: true, violation: "none" },
  },
  {
    name: "a restatement that counts its own points",
    context: [
      caller(
        "定期券を落としちゃって、再発行っていくらかかるのか、あと何を持っていけばいいのか知りたいんです。",
      ),
    ],
    reply: "再発行の手数料と、お持ちいただくものの二点についてですね。順にご案内いたします。",
    expected: { summarizing: true, violation: "none" },
  },
  {
    name: "two points joined by うえに in one sentence, the caller's numbers in kanji",
    context: [caller("三時間も待たされたんですよ。しかも誰も説明に来ないし。")],
    reply: "3時間もお待たせしたうえに、どなたからも説明がなかったのですね。",
    expected: { parroting: true, summarizing: true },
  },
  {
    name: "食べきれない holds no べき: a reflection, not advice",
    context: [caller("一人だとね、お惣菜も食べきれないのよ。")],
    reply: "お一人だと、お惣菜も食べきれないんですね。",
    expected: { parroting: true, violation: "none" },
  },
  {
    name: "a policy wall with a no rebuts even a plain question, spoken with pauses",
    context: [caller("あの、先週買ったお鍋、やっぱり返品ってできますか。")],
    reply: "えー、申し訳ございませんが、お客様都合の返品は、規約にございます通り、お受けいたしかねます。",
    expected: { violation: "argue" },
  },
  {
    name: "a concession with pauses, then a refusal",
    context: [caller("入院してたんだから、その間の月謝くらい返してよ。")],
    reply: "お気持ちは、よく、わかるんですが、月謝の返金は、いたしかねます。",
    expected: { violation: "argue" },
  },
  {
    name: "asking whether the caller took it as told puts them on trial",
    context: [caller("この目薬、一か月使ってるけど全然よくならないのよ。")],
    reply: "毎日決められた回数をお使いになっていましたでしょうか。",
    expected: { violation: "criticize" },
  },
  {
    name: "a new topic after a bare token derails",
    context: [caller("主人が入院しちゃってね、毎日病院に通ってるのよ。")],
    reply: "そうですか。ところで、今月から新しいプランが始まりまして。",
    expected: { violation: "derail" },
  },
  {
    name: "a verdict on someone in the caller's story is an opinion",
    context: [caller("息子夫婦、近くに住んでるのに全然顔を見せないのよ。")],
    reply: "近くにいらっしゃるのに来られないなんて、息子さんもちょっと冷たいですね。",
    expected: { violation: "opinion" },
  },
  {
    name: "a feeling called natural is empathy, not a judgement",
    context: [caller("説明もなく勝手に解約されてたのよ！")],
    reply: "ご説明もないまま解約されていたのですね。お怒りになるのも当然です。大変申し訳ございません。",
    expected: { empathy: true, violation: "none" },
  },
  {
    name: "declining a lonely caller's visit kindly is a boundary, not an argument",
    context: [caller("今度うちに遊びにいらっしゃいよ。お茶でも出すから。")],
    reply:
      "ありがとうございます。申し訳ないのですが、お客様のお宅に伺うことはできない決まりになっておりまして。お気持ちだけ、ありがたく頂戴しますね。",
    expected: { violation: "none" },
  },
  {
    name: "a て-form straight before its verb is one event: 割れて届いた is one point",
    context: [caller("あのね、頼んでたワイン、瓶が割れて届いたんだけど！箱までびしょびしょよ！")],
    reply: "さようでございますか。瓶が割れて届いたのですね。",
    expected: { parroting: true, summarizing: false },
  },
  {
    name: "a read-back folded into a proposal reflects and sums up what comes before the fold",
    context: [
      caller("電車で行くので、駅から近い宿がいいです。子ども連れなので、大浴場もあると嬉しいんですが。"),
    ],
    reply:
      "かしこまりました。電車でお越しで、お子様連れ、大浴場があると嬉しいとのことですので、駅から徒歩3分の『ホテル湯の花』はいかがでしょうか。",
    expected: { backchannel: true, parroting: true, summarizing: true, question: "closed" },
  },
  {
    name: "a proposal after one folded point is no summary",
    context: [caller("新幹線で行く予定なんですが、駅から近いホテルはありますか。")],
    reply: "かしこまりました。新幹線でお越しとのことですので、駅直結の『ホテル中央』はいかがでしょうか。",
    expected: { parroting: true, summarizing: false },
  },
  {
    name: "an echo that opens a refusal is still parroting, and the refusal argues",
    context: [
      caller("先月分のポイントが消えてたんですけど、まだ使うつもりだったのに。戻してもらえないですか。"),
    ],
    reply:
      "ポイントが消えていた、と、大変申し訳ございませんが、規約にございます通り、有効期限は一年間となっておりまして、復活はいたしかねます",
    expected: { parroting: true, violation: "argue" },
  },
  {
    name: "a recognizer's run-on ええ is a 相づち",
    context: [caller("修理に来てくれるの来週って言われたのよ。この暑さで1週間も待てっていうの？")],
    reply: "ええお待たせする日数が長くなってしまい本当におつらいですよね申し訳ございません",
    expected: { backchannel: true, empathy: true, violation: "none" },
  },
  {
    name: "a datum asked for in two words derails a caller who asked for advice",
    context: [
      caller("前回のパーマがすぐ取れちゃって、今回はもう少しもつようにしたいんですけど、相談できますか。"),
    ],
    reply: "はい。会員番号は？",
    expected: { backchannel: true, violation: "derail" },
  },
  {
    name: "a date and a party size read back are two points; a day and its hour are one",
    context: [caller("6月8日の夕食を2名で予約したいんですが。")],
    reply: "はい、6月8日のご夕食、2名様でございますね。お時間のご希望はございますか。",
    expected: { parroting: true, summarizing: true, question: "closed" },
  },
  {
    name: "a day and its hour read back are one datum",
    context: [caller("じゃあ15日の2時半でお願いします")],
    reply: "15日の2時半ですね承知いたしました",
    expected: { parroting: true, summarizing: false },
  },
  {
    name: "a recommendation hedged with かと存じます advises; it does not criticize",
    context: [caller("最近夜に眠れなくてね、昼間もうとうとしちゃうのよ。")],
    reply:
      "そうでしたか。それでしたら、昼寝はなるべく控えられて、日中に少し体を動かされたほうがよろしいかと存じます。",
    expected: { backchannel: true, violation: "advise" },
  },
  {
    name: "denying what the caller was told argues",
    context: [caller("チェックアウトは11時でいいって、予約のときに言われたんですけど。")],
    reply: "いえ、そのようなご案内はしていないはずです。規定で10時と決まっておりますので。",
    expected: { violation: "argue" },
  },
];

describe("analyzeReply labels (own held-out style items)", () => {
  it.each(cases)("$name", ({ context, reply, expected }) => {
    const analysis = analyzeReply({ context, reply });
    const actual = Object.fromEntries(
      Object.keys(expected).map((k) => [k, analysis[k as keyof RubricLabels]]),
    );
    expect(actual).toEqual(expected);
  });
});

describe("analyzeReply phrasing for an inquiry", () => {
  it("takes thanks for the inquiry as the acknowledgement it is", () => {
    const analysis = analyzeReply({
      context: [caller("あの、秋に家族で旅行に行きたいと思ってて、ちょっと相談したいんですけど。")],
      reply:
        "お問い合わせありがとうございます。差し支えなければ、どのようなご旅行をお考えか、お聞かせいただけますか。",
    });
    expect(analysis.suggestion).toBe("");
    expect(analysis.points.map((p) => p.key)).not.toContain("backchannel");
  });

  it("keeps the answer the trainee gave and drops only the unasked advice", () => {
    const analysis = analyzeReply({
      context: [
        caller("土曜のランチに6名で伺いたいんですが、子どもが3人いて、キッズチェアって何脚ありますか？"),
      ],
      reply:
        "はい、キッズチェアは2脚ご用意がございます。土曜のランチは大変混み合いますので、小さなお子様連れでしたら平日にされたほうがゆっくりお過ごしいただけるかと存じます。",
    });
    expect(analysis.violation).toBe("advise");
    expect(analysis.suggestion).toBe("はい、キッズチェアは2脚ご用意がございます。");
    expect(analysis.suggestion).not.toMatch(/申し訳|お困り/);
  });

  it("reads a request back when the reply took it with only a token, and says so first", () => {
    const analysis = analyzeReply({
      context: [
        caller(
          "あの、来週の木曜に予約してる内科の診察なんですけど、仕事が入っちゃって。別の日に変えてもらえますか?",
        ),
      ],
      reply: "かしこまりました。恐れ入りますが、診察券の番号をお伺いしてもよろしいでしょうか。",
      kind: "inquiry",
    });
    expect(analysis.suggestion).toMatch(
      /^かしこまりました。別の日にご変更なさりたいのですね。恐れ入りますが/,
    );
    expect(analysis.points[0]?.text).toMatch(/別の日にご変更なさりたいのですね」と、ご用件を復唱/);
  });

  it("apologizes for goods delivered broken, after the trainee's own words for the feeling", () => {
    const analysis = analyzeReply({
      context: [
        caller(
          "うちの娘が塾の先生に、みんなの前で「こんな問題もできないの」って言われたって、泣いて帰ってきたんです。",
        ),
      ],
      reply:
        "そうでしたか。泣いて帰ってこられたのですね。親御さんとしても、胸が痛むお気持ちだったことと思います。",
      kind: "angry",
    });
    expect(analysis.suggestion).toMatch(/胸が痛むお気持ちだったことと思います。[^。]*申し訳ございません。/);
    expect(analysis.suggestion).not.toMatch(/ご不便/);
    const broken = analyzeReply({
      context: [caller("届いたテレビ、箱はきれいだったのに、開けたら画面にヒビが入ってたのよ。")],
      reply: "箱はきれいだったのに、画面にヒビが入っていたのですね。",
      kind: "angry",
    });
    expect(broken.suggestion).toMatch(/このような状態でお届けしてしまい|お品物に不備があり/);
  });

  it("gives a next step to a reply that left the caller without one, and says so", () => {
    const analysis = analyzeReply({
      context: [
        caller(
          "ネットバンキングに入れなくなっちゃって。パスワードを何回入れてもエラーになるんです。どうしたらいいですか。",
        ),
      ],
      reply: "ログインができなくなってしまったのですね。急に使えなくなると、お困りですよね。",
      kind: "inquiry",
    });
    expect(analysis.suggestion).toMatch(/お困りですよね。[^。]*(お調べ|確認)いたします/);
    expect(analysis.points.map((p) => p.text).join("")).toMatch(/次の対応をお伝えしましょう/);
    // An answer is a next step of its own.
    const answered = analyzeReply({
      context: [caller("土曜日って診てもらえますか。")],
      reply: "はい、土曜日は午前中のみ診療しております。",
      kind: "inquiry",
    });
    expect(answered.suggestion).toBe("");
  });

  it("names the question before a bare answer and adds no lookup after it", () => {
    const analysis = analyzeReply({
      context: [caller("定期預金を途中で解約したいんですけど、手数料っていくらですか。")],
      reply: "中途解約の手数料はかかりませんが、利率が下がります。",
      kind: "inquiry",
    });
    expect(analysis.suggestion).toMatch(/^はい、手数料でございますね。中途解約の手数料はかかりません/);
    expect(analysis.suggestion).not.toMatch(/お調べ|ご案内いたします/);
  });

  it("softens a refused request with an apology instead of thanking for the inquiry", () => {
    const analysis = analyzeReply({
      context: [caller("練習用に使いたいんですよ。自分の分の楽譜だけでもダメなんですか?")],
      reply: "ですから先ほども申し上げたとおり楽譜のお渡しはしておりません",
      kind: "inquiry",
    });
    expect(analysis.violation).toBe("argue");
    expect(analysis.suggestion).toMatch(/ご希望に添えず、申し訳ございません。/);
    expect(analysis.suggestion).not.toMatch(/お問い合わせありがとう|自分の/);
  });

  it("names an unasked offer as a change of topic, not as a datum asked too early", () => {
    const analysis = analyzeReply({
      context: [caller("奥歯の詰め物が取れてしまって、今日か明日で診てもらえる時間ありますか。")],
      reply:
        "承知しました。ちなみに現在、ホワイトニングの初回半額キャンペーンを行っておりますが、あわせてご検討されますか。",
    });
    expect(analysis.violation).toBe("derail");
    const derail = analysis.points.find((p) => p.key === "violation");
    expect(derail?.text).toMatch(/別のご案内より先に/);
    expect(analysis.suggestion).not.toMatch(/今日について/);
  });
});

describe("analyzeReply phrasing for the other calls", () => {
  it("takes thanks for a kind word as the answer it needs", () => {
    const analysis = analyzeReply({
      context: [caller("あなたとお話しすると元気が出るのよ。")],
      reply: "うれしいお言葉をありがとうございます。またいつでもお電話お待ちしておりますね。",
      kind: "lonely",
    });
    expect(analysis.suggestion).toBe("");
  });

  it("keeps the remedy said after 結論から, once the caller has been heard", () => {
    const analysis = analyzeReply({
      context: [caller("カードの審査に落ちたって、メール一通で済まされたのよ。長年使ってたのに。")],
      reply: "結論から申し上げますと、半年後に再度お申し込みいただけます。",
      kind: "angry",
    });
    expect(analysis.violation).toBe("derail");
    expect(analysis.suggestion).toMatch(/のですね。/);
    expect(analysis.suggestion).toMatch(/半年後に再度お申し込みいただけます。$/);
    expect(analysis.suggestion).not.toMatch(/結論から/);
  });

  it("hands the caller's own doing back in respectful Japanese", () => {
    const analysis = analyzeReply({
      context: [caller("説明書を読んだけど、設定のやり方がわからないのよ。")],
      reply: "そうですか。",
      kind: "angry",
    });
    expect(analysis.suggestion).not.toMatch(/読んだ/);
  });
});

describe("analyzeReply evidence, feedback and suggestion", () => {
  const context = [caller("瓶が割れてたのよ。せっかくの贈り物だったのに。")];
  const analysis = analyzeReply({ context, reply: "さようでございますか。瓶が割れていたのですね。" });

  it("points at the repeated words in the reply and in the caller's turn", () => {
    expect(analysis.parroting).toBe(true);
    const reply = "さようでございますか。瓶が割れていたのですね。";
    const spans = analysis.evidence.parroting.spans.map((s) => reply.slice(s.start, s.end));
    expect(spans).toEqual(["瓶", "割れ"]);
    const sources = analysis.evidence.parroting.sources ?? [];
    expect(sources.map((s) => [s.turn, context[0]?.text.slice(s.start, s.end)])).toEqual([
      [0, "瓶"],
      [0, "割れ"],
    ]);
  });

  it("writes short Japanese feedback quoting the reflection", () => {
    expect(analysis.feedback.parroting).toBe("『瓶が割れていたのですね』と、お客様の言葉で復唱できています");
    expect(analysis.feedback.empathy).toMatch(/お気持ち/);
  });

  it("keeps the trainee's good sentences and adds what the complaint still needs", () => {
    expect(analysis.suggestion).toMatch(/^さようでございますか。瓶が割れていたのですね。/);
    expect(analysis.suggestion).toMatch(/残念|がっかり/);
    expect(analysis.suggestion).toMatch(/(ご不便|ご迷惑|ご不快な思い)をおかけし/);
  });

  it("gives at most three points, the missing apology before the praise", () => {
    expect(analysis.points.map((p) => p.key)).toEqual(["apology", "parroting"]);
    expect(analysis.points[1]?.text).toBe("『瓶が割れていたのですね』と、お客様の言葉で復唱できています。");
  });
});

describe("analyzeReply signals", () => {
  const context = [caller("それでね、昨日から玄関の鍵が回らなくなっちゃって")];

  it.each([
    ["overlapping 相づち is not an interruption", "はい、はい", 1000, false],
    ["substantive talk before the caller finished is", "お名前を教えてください", 1000, true],
    ["starting after the caller finished is not", "鍵が回らないのですね", -300, false],
    ["a small overlap within the grace period is not", "鍵が回らないのですね", 100, false],
  ])("%s", (_name, reply, startedBeforeEndMs, interruption) => {
    const timing = { replyStartedMs: 10_000 - startedBeforeEndMs, callerSpeechEndsMs: 10_000 };
    expect(analyzeReply({ context, reply, timing }).interruption).toBe(interruption);
  });

  it.each([
    ["ご不便をおかけして申し訳ございません。", "limited"],
    ["大変申し訳ございません。", "limited"],
    ["すべて弊社の責任です。申し訳ございません。", "blanket"],
    ["申し訳ございませんが、鍵の交換は承っておりません。", "none"],
    ["かしこまりました。", "none"],
  ])("apology: %s → %s", (reply, apology) => {
    expect(analyzeReply({ context, reply }).apology).toBe(apology);
  });

  it("flags ええ / うん as casual", () => {
    expect(analyzeReply({ context, reply: "うん、うん。" }).register.casual).toBe(true);
    expect(analyzeReply({ context, reply: "ええ、回らないのですね。" }).register.casual).toBe(true);
    expect(analyzeReply({ context, reply: "はい、回らないのですね。" }).register.casual).toBe(false);
  });

  it("flags the same 相づち three times in a row", () => {
    const call: Turn[] = [
      caller("鍵が回らないの"),
      operator("はい。"),
      caller("昨日からなのよ"),
      operator("はい、昨日からですね。"),
      caller("それで困ってて"),
    ];
    expect(analyzeReply({ context: call, reply: "はい、お困りですよね。" }).register.repeatedToken).toBe(
      "はい",
    );
    expect(
      analyzeReply({ context: call, reply: "さようでございますか。" }).register.repeatedToken,
    ).toBeNull();
    const varied: Turn[] = [...call.slice(0, 3), operator("さようでございますか。"), call[4] as Turn];
    expect(
      analyzeReply({ context: varied, reply: "はい、お困りですよね。" }).register.repeatedToken,
    ).toBeNull();
  });
});

describe("analyzeReply feedback a trainer would sign (session-10 review)", () => {
  it("does not pass a complaint about a fault with empathy but no apology", () => {
    const analysis = analyzeReply({
      context: [caller("買ったばっかりの電子レンジ、初日から変な音して、あっためもできないのよ。")],
      reply: "さようでございますか。それは本当にがっかりされましたよね。",
      kind: "angry",
    });
    expect(analysis.suggestion).not.toBe("");
    expect(analysis.suggestion).toMatch(/ご不便をおかけし|ご迷惑をおかけし/);
    expect(analysis.points.map((p) => p.key)).toContain("apology");
  });

  it("scopes the apology to what went wrong: a wait, a charge, our staff's manner", () => {
    const apologyOf = (text: string) =>
      analyzeReply({ context: [caller(text)], reply: "はい。", kind: "angry" }).suggestion;
    expect(apologyOf("注文した品物が一週間たっても届かないのよ！")).toMatch(
      /ご迷惑をおかけし|ご心配をおかけし|お届けが遅くなり/,
    );
    expect(apologyOf("今月の電気代2万8000円ってなんなの！先月の倍以上よ！")).toMatch(
      /ご不快な思いをおかけし|ご不安な思いをおかけし/,
    );
    expect(apologyOf("おたくの受付の人の態度がひどかったのよ！")).toMatch(/不快な思い/);
  });

  it("asks for condolence when the caller tells of a death, and offers it", () => {
    const analysis = analyzeReply({
      context: [caller("去年主人が亡くなってね、今年は一人で行こうか迷ってるのよ。")],
      reply: "さようでございますか。今年はお一人でいらっしゃるか迷っていらっしゃるのですね。",
      kind: "lonely",
    });
    // (A regular who lives with her loss is met with warmth: trainers found a formal お悔やみ stiff there.)
    expect(analysis.points[0]?.text).toMatch(/亡くされたお話です。「それはお寂しいですね」/);
    expect(analysis.suggestion).toMatch(/お寂しい/);
    const inquiry = analyzeReply({
      context: [caller("母が先月亡くなったので、解約したいんですけど、手続きが全然わからなくて。")],
      reply: "かしこまりました。ご契約者様のお名前を伺えますか。",
      kind: "inquiry",
    });
    expect(inquiry.suggestion).toMatch(/お悔やみ申し上げます|心中お察しいたします/);
  });

  it("gives a lonely caller no trouble-desk step after a rebuttal", () => {
    const analysis = analyzeReply({
      context: [caller("近所の友達がね、この前急に亡くなって。私ももう八十五だから、夜も眠れなくて。")],
      reply: "はい。でも、八十五歳でしたらまだまだお若いですから、そんなに心配なさらなくても大丈夫ですよ。",
      kind: "lonely",
    });
    expect(analysis.violation).not.toBe("none");
    expect(analysis.suggestion).not.toMatch(/対応|確認いたします|お調べ/);
    expect(analysis.points[0]?.text).not.toMatch(/規定|ご不便/);
  });

  it("hands the caller's own 私 back as お客様 and a wish as a wish", () => {
    const lonely = analyzeReply({
      context: [caller("あの人は私の話を最後まで聞いてくれるの。")],
      reply: "ですから、ご指名はお受けしておりません。",
      kind: "lonely",
    });
    expect(lonely.suggestion).not.toMatch(/私の話/);
    const wish = analyzeReply({
      context: [caller("母がずっと病室で退屈してるみたいで、明るい気持ちになってもらえたらなって")],
      reply: "さようでございますか、ご予算はおいくらくらいでしょうか",
      kind: "inquiry",
    });
    expect(wish.suggestion).toMatch(/もらえたらと思っていらっしゃるのですね。/);
    // The datum asked too soon is asked again, after the caller has been heard.
    expect(wish.suggestion).toMatch(/恐れ入りますが、ご予算はおいくらくらいでしょうか。$/);
  });

  it("corrects 敬語 slips: the caller lowered with ございます, our staff raised with 伝えておきます", () => {
    const name = analyzeReply({
      context: [caller("名前ですか山田花子です")],
      reply: "山田花子様でございますね。",
      kind: "inquiry",
    });
    expect(name.points.map((p) => p.key)).toContain("keigo");
    expect(name.suggestion).toBe("山田花子様でいらっしゃいますね。");
    const party = analyzeReply({
      context: [caller("来月の14日から2泊で、大人2人なんですけど、空いてますか？")],
      reply: "承知いたしました。来月14日から2泊、大人2名様でございますね。",
      kind: "inquiry",
    });
    expect(party.points.map((p) => p.key)).not.toContain("keigo");
    const staff = analyzeReply({
      context: [caller("いつも送ってくれる運転手さんによろしくね。")],
      reply: "ありがとうございます。運転手にも伝えておきますね。",
      kind: "lonely",
    });
    expect(staff.suggestion).toMatch(/運転手にも申し伝えます。/);
  });

  it("does not count はい answering a yes/no question as a repeated 相づち", () => {
    const call: Turn[] = [
      operator("はい、北町総合病院です"),
      caller("来週のお見舞いに行きたいんですけど"),
      operator("はい"),
      caller("面会って予約いるんですか"),
    ];
    expect(
      analyzeReply({ context: call, reply: "はい、前日までのご予約制でございます。" }).register.repeatedToken,
    ).toBeNull();
  });

  it("names the summary it praises and never praises words inside the fault", () => {
    const summary = analyzeReply({
      context: [caller("予約をお願いしたいんですけど、6月8日の夜に2人で。")],
      reply: "はい、6月8日のご夕食、2名様でございますね。お時間のご希望はございますか。",
      kind: "inquiry",
    });
    expect(summary.points.find((p) => p.key === "summarizing")?.text).toMatch(
      /^『6月8日のご夕食、2名様でございますね』と/,
    );
    const fault = analyzeReply({
      context: [caller("注文したTシャツ、写真と色が全然違うじゃない。")],
      reply: "ああ、はい、でも、グレーもそれはそれで素敵な色だと、私は思いますけどね",
      kind: "angry",
    });
    expect(fault.violation).toBe("opinion");
    expect(fault.points.map((p) => p.key)).not.toContain("backchannel");
    expect(fault.points[0]?.text).not.toMatch(/損失/);
  });

  it("asks a datum again after listening, but not a new business the caller never raised", () => {
    const switched = analyzeReply({
      context: [caller("今日は田中さんいないの？ 田中さんとお話ししたかったのよ。")],
      reply: "えー、はい。それでですね、本日のご注文は、いつもの青汁で、よろしいですか。",
      kind: "lonely",
    });
    expect(switched.suggestion).not.toMatch(/ご注文/);
  });
});

describe("analyzeReply feedback a trainer would sign (session-11 review)", () => {
  it("does not apologize for a family that stays away, and names the loneliness", () => {
    const analysis = analyzeReply({
      context: [caller("息子の嫁がね、お盆にも来ないのよ。電話一本よこさないで、ほんとにもう。")],
      reply: "はい、はい。まあ、家族は仲良くするのが一番ですからねえ。",
      kind: "lonely",
    });
    expect(analysis.suggestion).not.toMatch(/申し訳|ご心配をおかけ|ご不便/);
    expect(analysis.suggestion).toMatch(/寂し/);
    expect(analysis.points.map((p) => p.key)).not.toContain("apology");
  });

  it("asks a datum again without the acknowledgement and the つなぎ it came with", () => {
    const analysis = analyzeReply({
      context: [caller("昨日の夜からずっとネットがつながらないんだけど、大事な会議あったのに全部パーだよ。")],
      reply: "はいかしこまりましたではまずお客様番号を10桁でおねがいいたします",
      kind: "angry",
    });
    expect(analysis.violation).toBe("derail");
    expect(analysis.suggestion).toMatch(/恐れ入りますが、お客様番号を10桁でお願いいたします。/);
    expect(analysis.suggestion).not.toMatch(/かしこまりましたでは/);
  });

  it("counts a congratulation as hearing the news", () => {
    const analysis = analyzeReply({
      context: [caller("結婚記念日に泊まりたいと思ってて。")],
      reply:
        "おめでとうございます特別な日のご宿泊ですねどのようにお過ごしになりたいかご希望をお聞かせいただけますか",
      kind: "inquiry",
    });
    expect(analysis.points.map((p) => p.key)).not.toContain("backchannel");
    expect(analysis.suggestion).toBe("");
  });

  it("hands back the object a speaker dropped the を of, and drops a drawn-out ねえ", () => {
    const dropped = analyzeReply({
      context: [caller("スマホ使ってたら急に画面が消えたんです。")],
      reply: "そうですか。",
      kind: "angry",
    });
    expect(dropped.suggestion).toMatch(/スマホをお使いになっていたら/);
    const drawn = analyzeReply({
      context: [caller("今日は雨でね、膝が痛くってどこにも出かけられないのよ。")],
      reply: "ええ、ええ、雨で膝が痛くって、お出かけもできないと、それは、お辛いですよねえ",
      kind: "lonely",
    });
    expect(drawn.suggestion).not.toMatch(/。え。|ねえ|くって/);
  });
});

describe("analyzeReply violation families met in the session-11 corpus batch", () => {
  it.each([
    [
      "最近物忘れがひどくてね、情けなくて落ち込んじゃうのよ。",
      "そんなに落ち込まなくても、皆さんそうなりますから大丈夫ですよ。",
      "lonely",
      "opinion",
    ],
    [
      "夜なかなか寝つけなくてね、毎晩三時ごろまで起きてるの。",
      "そうでしたか。私でしたら、寝る前にはスマホを見ないようにしますね。",
      "lonely",
      "advise",
    ],
    [
      "預けたベビーカーが出てこないのよ！もう四十分も待ってるの！",
      "お荷物の件でしたら、一階のサービスカウンターへお申し出ください。",
      "angry",
      "derail",
    ],
    // Session 15: spoken tips and views with a pause inside every phrase.
    [
      "届いたお弁当、もう冷めちゃってたのよ。",
      "えっと、あの、オーブントースターで、少し、焼いて、いただければ、まだ、おいしく、召し上がれる、かと……",
      "angry",
      "advise",
    ],
    [
      "駐車場の料金っていくらですか。",
      "はい、一時間、ごひゃくえん、です。正直、わたくし、個人的には、その、ちょっと、高いな、とは、思うん、です、けど……",
      "inquiry",
      "opinion",
    ],
    // Session 16: a guess at the caller's lapse, a wish they had spoken up, whether they reported it then, a
    // tip said as what I would try, お互い様, a rule said as システム上 or 対象外, ちなみに after a token.
    [
      "宅配便、家にいたのに不在票が入ってたのよ。",
      "はい。ドライバーは確かに伺ったと申しておりますので、チャイムにお気づきにならなかったのだと思われます。",
      "angry",
      "criticize",
    ],
    [
      "仕上がったスーツの丈が短すぎるんです。",
      "採寸の際に、ご希望の丈をもう少し詳しくお伝えいただければよかったのですが。",
      "angry",
      "criticize",
    ],
    [
      "借りた自転車、ブレーキが最初から効かなかったんですよ。",
      "はい。お貸し出しの際に点検しておりますが、その時にお申し出はございませんでしたか。",
      "angry",
      "criticize",
    ],
    [
      "最近、週末になると何もすることがなくてね。",
      "そうなんですね。私でしたら、近くの図書館にでも行ってみますね。",
      "lonely",
      "advise",
    ],
    [
      "隣の家の工事の音がうるさくて、昼寝もできないのよ。",
      "工事はどこでもあることですし、お互い様というところもございますよね。",
      "lonely",
      "opinion",
    ],
    [
      "同じ商品の代金が二回引き落とされてるんです。",
      "はい。当社のシステム上、同じご注文で二回引き落としがされることはございません。",
      "angry",
      "argue",
    ],
    [
      "スマホの画面が割れたんですけど、保険で直せますよね？",
      "申し訳ございませんが、落下による破損は補償の対象外とさせていただいております。",
      "angry",
      "argue",
    ],
    [
      "母が入院してしまって、来月の旅行に行けそうにないんです。",
      "はい。ちなみに、ご旅行の代金はもうお支払い済みでしょうか。",
      "angry",
      "derail",
    ],
    // Session 12: a past precaution asked after, the caller guessed at as the cause, our staff's conduct
    // denied, the operator's own life told in place of the caller's, and a loneliness named with care.
    [
      "カードの暗証番号、また忘れちゃってね。三回間違えたら使えなくなったのよ。",
      "さようでございますか。暗証番号は手帳などに書き留めていらっしゃらなかったのでしょうか。",
      "lonely",
      "criticize",
    ],
    [
      "届いたパンにカビが生えてたのよ！",
      "はい。ただ、保存の状態によってはお客様ご自身のお手元で生えた可能性もございますので。",
      "angry",
      "criticize",
    ],
    [
      "窓口の人に鼻で笑われたんですよ。",
      "当社の社員がそのような態度を取ることはないかと存じますが。",
      "angry",
      "argue",
    ],
    [
      "うちのインコがね、先週死んじゃったのよ。",
      "そうですか。私も実家で犬を飼ってるんですけど、もう十五歳なんですよ。",
      "lonely",
      "derail",
    ],
    [
      "最近、夜ぜんぜん眠れなくてね。お薬も効かないのよ。",
      "お薬、ちゃんと決められた時間に飲まれてますか。",
      "lonely",
      "criticize",
    ],
    [
      "主人が亡くなってから、話せる人もいなくてね。",
      "さようでございましたか。お話しできる方もいらっしゃらないと、お寂しいですよね。",
      "lonely",
      "none",
    ],
    [
      "駐車場でおたくの車にぶつけられたのよ！",
      "それは驚かれましたよね。お客様ご自身にお怪我はございませんでしたか。",
      "angry",
      "none",
    ],
    [
      "予約したはずの席が取れてないって、どういうことよ！",
      "恐れ入りますが、最後に確定ボタンを押されていないと、予約は完了いたしません。",
      "angry",
      "criticize",
    ],
    [
      "昨日一日家にいたのに、不在票が入ってたのよ！",
      "配達員はお伺いしたと申しておりますので、ご不在だったのは間違いないかと。",
      "angry",
      "argue",
    ],
    [
      "退会したはずなのに、今月も会費が引き落とされてるんですけど！",
      "退会のお手続きは前月末までと、ご入会時のご案内に書いてございまして。",
      "angry",
      "argue",
    ],
    [
      "届いたお歳暮が割れてたって先方から電話があって、恥かいたのよ！",
      "ご依頼主様のお名前を、フルネームでお願いします。",
      "angry",
      "derail",
    ],
    [
      "孫が野球部に入ったんだけど、ちっとも試合に出してもらえないのよ。",
      "野球というのは、ベンチで学ぶことも多いものかと存じます。",
      "lonely",
      "opinion",
    ],
  ] as const)("%s / %s → %s", (callerText, reply, kind, violation) => {
    expect(replyTo(callerText, reply, kind).violation).toBe(violation);
  });
});

describe("analyzeReply feedback from the session-11 trainer review", () => {
  const phrasing = replyTo;

  it("names the つなぎ言葉 of a spoken reply and leaves them out of the phrasing", () => {
    const analysis = phrasing(
      "ガスの開栓の立ち会いをお願いしたいんですけど。来週引っ越すので。",
      "はい かしこまりました。えー 来週のお引っ越しですね。あの ご希望は午前と午後 どちらがよろしいですか",
      "inquiry",
    );
    expect(analysis.points.map((p) => p.key)).toContain("fillers");
    expect(analysis.points.find((p) => p.key === "fillers")?.text).toMatch(/「えー」「あの」/);
    expect(analysis.suggestion).not.toMatch(/えー|あの/);
    // Even one えー is named, gently (trainers let none pass unmentioned), but a good reply stands: in a
    // blind comparison they preferred 「このままで十分」 to a rewrite that only drops it.
    const once = phrasing(
      "ガスの開栓の立ち会いをお願いしたいんですけど。来週引っ越すので。",
      "はい、かしこまりました。来週のお引っ越しですね。えー、ご希望の日にちはございますか。",
      "inquiry",
    );
    expect(once.points.find((p) => p.key === "fillers")?.text).toMatch(/「えー」は入れずに、一呼吸おいて/);
    expect(once.suggestion).toBe("");
  });

  it("apologizes for a wait as a wait and for a shame as a shame, and names the step that fixes it", () => {
    const wait = phrasing("十時に予約して行ったのに、四十分も待たされたんですよ。", "はい。", "angry");
    expect(wait.suggestion).toMatch(/お待たせしてしまった|お待たせしてしまい/);
    expect(wait.suggestion).not.toMatch(/待たされ|ご心配でしたよね/);
    const shamed = phrasing(
      "お歳暮、先方にまだ届いてないって電話があって、こっちは恥かいたのよ。",
      "ご依頼主様のお名前を、フルネームでお願いします。",
      "angry",
    );
    expect(shamed.suggestion).toMatch(/恥ずかしい思い/);
    expect(shamed.suggestion).not.toMatch(/恥かい|ご心配でしたよね/);
    const wrong = phrasing("Mサイズ頼んだのにLが届いたんです。来週の入学式に着せるのに。", "はい。", "angry");
    expect(wrong.suggestion).toMatch(/ご注文番号/);
    expect(wrong.suggestion).not.toMatch(/状況を(もう少し)?詳しく/);
  });

  it("writes a transcript's pauses and fillers as a written sentence, and meets a delay with お困り", () => {
    const late = phrasing(
      "高速バスが、いちじかんも、遅れて、乗り継ぎの、新幹線に、乗れなかったんですけど",
      "えー、はい、バスが、遅延、したんですね。",
      "angry",
    );
    expect(late.suggestion).toMatch(/バスが遅延した/);
    expect(late.suggestion).not.toMatch(/ご心配でした/);
    const stranded = phrasing(
      "ATMでカードが吸い込まれたまま出てこないのよ。明日は朝から出張で、現金がないと困るんだけど。",
      "はい、えー、明日は朝から、その、ご出張で、現金が必要、ということですね、あの、それはさぞお困りのことと、存じます",
      "angry",
    );
    expect(stranded.suggestion).not.toMatch(/その、|そのご出張|と、存じます/);
  });

  it("cleans a good spoken reply instead of calling it good enough, and says なるほど politely", () => {
    const spoken = phrasing(
      "あなたのところは雪降ってる？こっちはもう膝まで積もってね、外に出られないのよ。",
      "こちらは、えっと、まだ降ってないんです。膝まで、積もってるんですね。それではお買い物にも行けなくて、ご不便ですよね。",
      "lonely",
    );
    expect(spoken.suggestion).not.toBe("");
    expect(spoken.suggestion).toMatch(/降っていない/);
    expect(spoken.suggestion).not.toMatch(/えっと|降ってない|積もってる/);
    const naruhodo = phrasing(
      "隣の空き家の庭が草ぼうぼうで、ずっと気になってて。",
      "なるほど、お隣の空き家のお庭が草ぼうぼうなのですね。それは気になりますよね。",
      "inquiry",
    );
    expect(naruhodo.points.map((p) => p.key)).toContain("register");
    expect(naruhodo.suggestion).toMatch(/^さようでございますか/);
  });

  it("answers a visit asked of the operator, and keeps a late husband's gift a memory", () => {
    const visit = phrasing(
      "前に電話したとき、あなた、今度うちに遊びに来てくれるって言ったじゃない。待ってたのよ。",
      "いえ、そういうことは申し上げていないと思います。",
      "lonely",
    );
    expect(visit.suggestion).toMatch(/お宅に伺うことはできない/);
    const watch = phrasing(
      "その時計はね、亡くなった主人が、初めてのボーナスで買ってくれたものなのよ。",
      "うんうん、そうなんですね。",
      "lonely",
    );
    expect(watch.suggestion).not.toMatch(/お悔やみ/);
    const grandchild = phrasing(
      "孫が大学に受かったのよ。春から東京で一人暮らしするんだって。",
      "はい。本日はご注文のお電話でしょうか。",
      "lonely",
    );
    expect(grandchild.suggestion).toMatch(/おめでとう/);
    expect(grandchild.suggestion).not.toMatch(/お一人|お寂しい/);
  });

  it("asks nothing back of a caller who only said はい while waiting", () => {
    const analysis = analyzeReply({
      context: [operator("お調べいたしますので、少々お待ちください。"), caller("はい。")],
      reply: "お待たせいたしました。ご注文のお品物は、本日発送予定となっております。",
      kind: "inquiry",
    });
    expect(analysis.suggestion).toBe("");
    expect(analysis.points.map((p) => p.key)).not.toContain("backchannel");
  });

  it("keeps a compound noun whole and does not carry business past a lonely caller's question", () => {
    expect(
      phrasing("お隣の奥さんが引っ越しちゃって、お茶飲み友達もいなくなったのよ。", "はい。", "lonely")
        .suggestion,
    ).toMatch(/お茶飲み友達/);
    const ignored = phrasing(
      "今日は田中さんいないの？ 田中さんとお話ししたかったのよ。",
      "えー、はい。それでですね、本日のご注文は、いつもの青汁で、よろしいですか。",
      "lonely",
    );
    expect(ignored.suggestion).not.toMatch(/ご注文/);
    expect(ignored.suggestion).toMatch(/田中さん/);
  });
});

describe("analyzeReply after the second session-11 review", () => {
  const run = replyTo;

  it("corrects おさせしてしまい and お手続きできます", () => {
    const caused = run(
      "配達の人の態度がひどかったの。",
      "配達員の態度でご不快な思いをおさせしてしまい、申し訳ございません。",
      "angry",
    );
    expect(caused.points.map((p) => p.text).join("")).toMatch(/思いをおかけして/);
    const offered = run(
      "毎月自動で仕送りできますか。",
      "はい、毎月の自動送金でございますね。お手続きできます。",
      "inquiry",
    );
    expect(offered.points.map((p) => p.text).join("")).toMatch(/お手続きいただけます/);
  });

  it("hears a party of one child as a booking, and a musing かしら as no worry", () => {
    const booking = run(
      "八月十日から一泊で、大人二人と、小学生の子どもが一人です。",
      "かしこまりました。八月十日から一泊、大人お二人様と小学生のお子様お一人様でございますね。",
      "inquiry",
    );
    expect(booking.suggestion).not.toMatch(/心細|お寂し/);
    const origami = run(
      "今日ね、デイサービスで折り紙を教わったのよ。鶴を折ったの、何十年ぶりかしら。",
      "そうなんですね、鶴を折られたんですね。きれいに折れましたか。",
      "lonely",
    );
    expect(origami.suggestion).not.toMatch(/不安|心配/);
  });

  it("does not praise はあ to a complaint, and hands our staff back as the subject", () => {
    const bored = run("炊飯器、買って一週間で電源が入らなくなったのよ。", "はあ。", "angry");
    expect(bored.points.map((p) => p.key)).not.toContain("backchannel");
    expect(bored.suggestion).not.toMatch(/はあ/);
    const staff = run("おたくの営業の人、うちに来て、玄関先で一時間も粘ったのよ。", "はい。", "angry");
    expect(staff.suggestion).toMatch(/営業の者がお宅に伺って/);
    expect(staff.suggestion).toMatch(/不快/);
  });

  it("congratulates before handing good news back", () => {
    const news = run(
      "昨日ね、ひ孫が生まれたのよ。でも遠くの大阪だから、まだ抱っこもできなくて。",
      "そうでしたか。離れて暮らしていらっしゃるので、まだ抱っこできていないのですね。",
      "lonely",
    );
    expect(news.suggestion.indexOf("おめでとう")).toBeGreaterThan(-1);
    expect(news.suggestion.indexOf("おめでとう")).toBeLessThan(news.suggestion.indexOf("のですね"));
  });
});

describe("analyzeReply after the session-11 look in the browser", () => {
  it("meets a gift late for a birthday with disappointment, not trouble", () => {
    const analysis = analyzeReply({
      context: [caller("日付指定したのに、プレゼントが届いてないんですけど。母の70歳の誕生日だったのに。")],
      reply: "さようでございますか。お届けが遅れてしまったのですね。",
      kind: "angry",
    });
    expect(analysis.suggestion).toMatch(/がっかり|残念/);
    expect(analysis.suggestion).toMatch(/ご期待に添えず|ご迷惑をおかけし/);
  });

  it("offers a summary with 整理いたしますと instead of 要するに", () => {
    const analysis = analyzeReply({
      context: [
        caller(
          "残りが二千万くらいで、期間はあと二十年です。繰り上げ返済の手数料がかからないところがいいんですけど。",
        ),
      ],
      reply:
        "要するに、残りが二千万円、期間が二十年で、繰り上げ返済の手数料がかからないところをお探しということですね。",
      kind: "inquiry",
    });
    expect(analysis.points.map((p) => p.key)).toContain("keigo");
    expect(analysis.suggestion).toMatch(/^整理いたしますと、/);
  });
});

describe("analyzeReply after the session-13 trainer reviews", () => {
  it("does not say again the 相づち the operator said a turn ago", () => {
    const analysis = analyzeReply({
      context: [
        caller("予約のときに禁煙でって三回も念を押したのに、部屋がたばこ臭くて眠れなかったのよ。"),
        operator("さようでございますか。"),
        caller("それで朝から頭も痛いの。"),
      ],
      reply: "ただ、一泊だけのことでございますし、それほど大きな問題ではなかったかと存じます。",
      kind: "angry",
    });
    expect(analysis.violation).toBe("opinion");
    expect(analysis.suggestion).not.toMatch(/^(さようでございま|左様でございま)/);
  });

  it("accepts a request put as a question, and does not thank for a question", () => {
    const analysis = replyTo(
      "来週の予約、別の日に変えてもらえますか。",
      "ご希望の日はございますか。",
      "inquiry",
    );
    expect(analysis.suggestion).toMatch(
      /^(かしこまりました|承知いたしました|はい、[^。]*(ですね|ございますね))。/,
    );
    expect(analysis.suggestion).not.toMatch(/ご質問ありがとう/);
  });

  it("calls 申し訳ございませんが before a no a cushion, not the apology the complaint is owed", () => {
    const analysis = replyTo(
      "予約して行ったのに、1時間半も待たされたんですけど。",
      "申し訳ございませんが、当院では急患の方を優先しておりますので、ご予約のお時間はあくまで目安とさせていただいております。",
      "angry",
    );
    const apology = analysis.points.find((p) => p.key === "apology");
    expect(apology?.text).toMatch(/『申し訳ございませんが』は断りの前置き/);
  });

  it("praises the 相づち the trainee actually said", () => {
    const analysis = replyTo("若いころはね、銀座のデパートで働いてたのよ。", "そうだったんですか", "lonely");
    expect(analysis.points.find((p) => p.key === "backchannel")?.text).toMatch(/『そうだったんですか』/);
    expect(analysis.suggestion).toMatch(/働かれていたのですね/);
  });
});

describe("analyzeReply feedback a trainer would sign (session-14 review)", () => {
  it("corrects すみません and a bare 大丈夫です, and keeps the rest (お送りしましょうか is humble already)", () => {
    const analysis = replyTo(
      "集合場所が羽田の第何ターミナルかわからなくて、案内の紙どこかにいっちゃって。",
      "さようでございますか、大丈夫です、集合場所は第二ターミナルでございます、よろしければメールでお送りしましょうか",
      "inquiry",
    );
    expect(analysis.points[0]?.text).toMatch(/「大丈夫です」は「ご安心ください」/);
    expect(analysis.suggestion).toMatch(/ご安心ください。/);
    expect(analysis.suggestion).toMatch(/お送り(いた)?しましょうか/);
    expect(analysis.points.some((p) => p.text.includes("謙譲語"))).toBe(false);
    const sorry = replyTo("佐藤さん、いないの？", "あいにく本日は休みでして、すみません。", "lonely");
    expect(sorry.points.some((p) => /「すみません」は「申し訳ございません」/.test(p.text))).toBe(true);
  });

  it("reads an apology said with pauses (申し訳、ございません) as an apology", () => {
    const analysis = replyTo(
      "卵が割れてたの。これで三回目よ。",
      "はい……三回目、なんですね。何度も、ご不快な、思いを、させてしまって、本当に、申し訳、ございません。",
      "angry",
    );
    expect(analysis.apology).toBe("limited");
    expect(analysis.points.some((p) => /お詫びの言葉がありません/.test(p.text))).toBe(false);
  });

  it("names what a charge against what the caller was told feels like: unfair, not an inconvenience", () => {
    const analysis = replyTo(
      "手首を骨折してギプスで三週間です。それなのに書類を出したら「対象外かもしれない」って言われて。",
      "失礼ですが、本当に診断書をお取りになりましたでしょうか。",
      "angry",
    );
    expect(analysis.suggestion).toMatch(/対象外かもしれない」と言われたのですね/);
    expect(analysis.suggestion).toMatch(/ご納得がいかない/);
    // The caller who told the whole story is not asked to tell it again.
    expect(analysis.suggestion).not.toMatch(/どのような状況/);
  });

  it("gives the lonely caller's fault and the inquiry's opinion their own lessons", () => {
    const lonely = replyTo(
      "うちの嫁がね、あたしの作った煮物に一口も箸をつけなかったのよ。",
      "そのお話は昨日もされていましたがお忘れになってしまったのでしょうか",
      "lonely",
    );
    expect(lonely.violation).toBe("criticize");
    expect(lonely.points[0]?.text).toMatch(/初めて聞くつもりで/);
    const advice = replyTo(
      "冬になるとね、一日中家にいるでしょ。だんだん気が滅入っちゃって。",
      "そうですか、サークルなどに参加されてみてはいかがですか",
      "lonely",
    );
    expect(advice.points[0]?.text).toMatch(/まずお話とお気持ちを受け止めましょう/);
    expect(advice.suggestion).toMatch(/気が滅入って/);
    const seats = replyTo(
      "S席を2枚取りたいんですけど、なかったらA席でもいいです。",
      "はい、S席とA席でしたら正直それほど見え方に差はございませんので、A席で十分かと思いますよ。",
      "inquiry",
    );
    expect(seats.points[0]?.text).toMatch(/判断はお客様にお任せしましょう/);
  });

  it("adds no lookup after a refusal that already answered the question", () => {
    const analysis = replyTo(
      "2枚買ったんですけど、1枚だけキャンセルってできますか。",
      "申し訳ございませんが、一部のみのキャンセルは承っておりません。リセールサービスでしたら1枚からご出品いただけます。",
      "inquiry",
    );
    expect(analysis.suggestion).not.toMatch(/お待ちいただけますでしょうか|残念/);
    expect(analysis.points[0]?.text).toMatch(/「はい、キャンセルでございますね」/);
  });

  it("praises a summary only on words that show one", () => {
    const analysis = replyTo(
      "あら、佐藤さんじゃないのね。私、佐藤さんがいいのよ。",
      "佐藤をご指名くださって、ありがとうございます。あいにく本日はお休みをいただいております。",
      "lonely",
    );
    expect(analysis.points.some((p) => /要点をまとめて/.test(p.text))).toBe(false);
  });

  it("hands 母の日 and the caller's own 私じゃ back as they should be said", () => {
    const day = replyTo(
      "母の日が過ぎてから花が届いたって、母にも笑われて。",
      "お届け日はあくまで目安でございます。",
      "angry",
    );
    expect(day.suggestion).toMatch(/母の日が過ぎてから/);
    const self = replyTo(
      "でも私じゃ手入れの仕方もわからなくて、どんどん枯れていくのよ。",
      "はい。",
      "lonely",
    );
    expect(self.suggestion).toMatch(/ご自身では手入れの仕方も/);
  });

  it("quotes the rebuttal, not the apology or the concession said before it", () => {
    const analysis = replyTo(
      "熱のある子ども連れてるんですよ。待合室でずっとぐったりしてて、何の説明もないし。",
      "お待たせして申し訳ございません。ただ、本日は特に混み合っておりまして、この時間帯ですと当院ではこのくらいの待ち時間はごく普通なんです。",
      "angry",
    );
    expect(analysis.violation).toBe("argue");
    expect(analysis.points[0]?.text).toMatch(/^✗?『ただ、本日は特に混み合っておりまして/);
    expect(analysis.points[0]?.text).toMatch(/お詫びが打ち消されて/);
  });

  it("drops the question that carries a change of topic on, and does not praise it", () => {
    const analysis = replyTo(
      "主人の三回忌が終わってね、なんだか気が抜けちゃったの。準備してる間は忙しくて、寂しさも忘れてたんだけどね。",
      "そうですか。そういえば、こちらは今日、朝から雪が降っているんですよ。そちらはいかがですか。",
      "lonely",
    );
    expect(analysis.violation).toBe("derail");
    expect(analysis.suggestion).not.toMatch(/いかがですか|雪/);
    expect(analysis.suggestion).toMatch(/三回忌が終わって/);
    expect(analysis.points.some((p) => p.key === "question" && p.tone === "good")).toBe(false);
  });

  it("does not keep かしこまりました as the answer to a complaint", () => {
    const analysis = replyTo(
      "電話で予約したのに、行ったら予約が入ってないって言われて、子ども連れで30分も歩いて来たのに帰されたんですよ。",
      "かしこまりました。ところで、次回のご予約はいかがなさいますか。",
      "angry",
    );
    expect(analysis.suggestion).not.toMatch(/^かしこまりました/);
    expect(analysis.suggestion).toMatch(/予約が入っていないと言われたのですね/);
    expect(analysis.suggestion).toMatch(/ご予約のお名前/);
  });

  it("names one えっと last, so the phrasing does not drop it unexplained", () => {
    const analysis = replyTo(
      "あの、そちらの料理教室に、興味があって。",
      "ありがとうございます。えっと、よろしければ、どのようなお料理を習ってみたいとお考えですか。",
      "inquiry",
    );
    expect(analysis.points.at(-1)?.text).toMatch(/「えっと」は入れずに/);
    expect(analysis.suggestion).not.toMatch(/えっと/);
  });

  it("takes ご愁傷様でございます as the set phrase it is, and names the caller in a slip", () => {
    const condolence = replyTo(
      "先月、父が亡くなりまして、父の名義の携帯電話を解約したいんです。",
      "このたびは、ご愁傷様でございます。お父様名義の携帯電話のご解約ですね。",
      "inquiry",
    );
    expect(condolence.points.some((p) => p.key === "keigo")).toBe(false);
    const named = replyTo("山田です。", "山田様でございますね。", "inquiry");
    expect(named.points.find((p) => p.key === "keigo")?.text).toMatch(
      /「山田様でございます」は「山田様でいらっしゃいます」/,
    );
  });

  it("adds no second next step after one the trainee already gave, and takes thanks for a booking inquiry", () => {
    const room = replyTo(
      "部屋に入ったらタバコの臭いがすごくて。禁煙ルームでお願いしたはずなんです。",
      "禁煙ルームでご予約いただいたのに、タバコの臭いがするお部屋だったのですね。すぐに別の禁煙ルームをご用意いたします。",
      "angry",
    );
    expect(room.suggestion).toMatch(/ご用意いたします。$/);
    const booking = replyTo(
      "あの、来週泊まりたいんですけど。",
      "ご予約のお問い合わせ、ありがとうございます。恐れ入りますが、ご宿泊のご希望日と人数をお伺いできますでしょうか。",
      "inquiry",
    );
    expect(booking.points.some((p) => /受け止めてから/.test(p.text))).toBe(false);
  });

  it("quotes numbers as the trainee said them, while matching them as digits", () => {
    const analysis = replyTo(
      "振込手数料、330円も取られてたよ。年金暮らしには痛いんだよ。",
      "はい、でも、まあ、さんびゃくえん、ちょっと、ですので、そこまで、お気になさらなくても、大丈夫かと",
      "angry",
    );
    expect(analysis.points[0]?.text).toMatch(/さんびゃくえん/);
    expect(analysis.points[0]?.text).not.toMatch(/300円/);
    const readBack = replyTo("番号はA1234です。", "はい、エーの、いち、に、さん、よん、ですね。", "inquiry");
    expect(readBack.parroting).toBe(true);
  });
});

describe("analyzeReply feedback a trainer would sign (session-17 review)", () => {
  it("hands the matter back, never the caller's rhetorical question, and apologizes for a claim turned down", () => {
    const analysis = analyzeReply({
      context: [caller("事故の、保険金が、おりないって、どういうことよ。毎月、ちゃんと、払ってたのに。")],
      reply: "えー、大変失礼ですが、あのー、ご契約の時に、補償の範囲、ちゃんと、確認、されましたでしょうか。",
      kind: "angry",
    });
    expect(analysis.violation).toBe("criticize");
    expect(analysis.suggestion).toContain("事故の保険金がおりないのですね。");
    expect(analysis.suggestion).not.toMatch(/どういうこと/);
    expect(analysis.suggestion).not.toMatch(/ご不便/);
  });

  it("answers good news about the caller's health with joy, not sympathy", () => {
    const analysis = analyzeReply({
      context: [caller("サプリ飲み始めてから、夜、よく眠れるように、なったのよ。やっぱり、効くのねえ")],
      reply: "うちのサプリは、睡眠に効くというものではございませんので、それは関係ないと思います。",
      kind: "lonely",
    });
    expect(analysis.suggestion).toContain("よく眠れるようになったのですね。");
    expect(analysis.suggestion).toMatch(/嬉しい|よかった/);
    expect(analysis.suggestion).not.toMatch(/おつら|お困り/);
  });

  it("counts 「イライラされて当然です」 as empathy and adds no second feeling line", () => {
    const analysis = analyzeReply({
      context: [caller("今日中に納品ある仕事があってさ、もうカフェに行くしかないのかってイライラしてて")],
      reply: "はい、今日中の納品を控えていらっしゃるのですね。それはイライラされて当然です。",
      kind: "angry",
    });
    expect(analysis.empathy).toBe(true);
    expect(analysis.suggestion).not.toMatch(/さぞお困り/);
  });

  it("never hands the caller's verdict on the operator back, and apologizes for how it came across", () => {
    const analysis = analyzeReply({
      context: [
        caller("昨日の人は長く話を聞いてくれたのにあなたはなんだか冷たいわね前の人に代わってちょうだい"),
      ],
      reply: "いえ冷たくしているつもりはございませんしオペレーターのご指名はお受けしておりませんので",
      kind: "lonely",
    });
    expect(analysis.violation).not.toBe("none");
    expect(analysis.suggestion).not.toMatch(/私は[^。]*冷たい/);
    expect(analysis.suggestion).toContain("冷たく感じさせてしまい、申し訳ございません。");
  });

  it("names 承知しました as a slip and corrects it in the phrasing", () => {
    const analysis = analyzeReply({
      context: [caller("じゃあ、土曜の午前でお願いします。")],
      reply: "承知しました。土曜日の午前中ですね。",
      kind: "inquiry",
    });
    expect(analysis.points.map((p) => p.text).join("")).toContain("「承知しました」は「承知いたしました」");
    expect(analysis.suggestion).toBe("承知いたしました。土曜日の午前中ですね。");
  });

  it("opens with さようでございますか, drops a fragment left on its particle, and cushions a request after the apology", () => {
    const angry = analyzeReply({
      context: [
        caller("息子がスマホのゲームで課金して5万円も請求来てるのよ子供がやったことなんだから取り消してよ"),
      ],
      reply: "そうですかまあ最近のお子さんはみんなやってますしそれほど珍しいことではないと思いますよ",
      kind: "angry",
    });
    expect(angry.suggestion).toMatch(/^さようでございますか。/);
    expect(angry.suggestion).toContain("請求が来ている");
    const late = analyzeReply({
      context: [
        caller("きのう、午前中指定でお願いしたのに、来たの、夕方の5時よ！一日、家で待ってたんだから。"),
      ],
      reply: "はい、午前中のご指定だったのに、夕方の5時に。一日お家で待っていらしたんですね。",
      kind: "angry",
    });
    expect(late.suggestion).not.toContain("夕方の5時に。");
    const scratched = analyzeReply({
      context: [caller("引っ越しのとき、食器棚に大きな傷をつけられたんです。")],
      reply:
        "食器棚に傷がついてしまったのですね。申し訳ございませんが、傷のお写真をお送りいただけますでしょうか。",
      kind: "angry",
    });
    expect(scratched.suggestion).not.toContain("あいにく");
    expect(scratched.suggestion).toMatch(/申し訳ございません。恐れ入りますが、/);
  });

  it("thanks kind words about the operator instead of handing them back, after putting a sorry regular at ease", () => {
    const praised = analyzeReply({
      context: [caller("あなたの声聞くとほっとするのよ。")],
      reply: "さようでございますか。",
      kind: "lonely",
    });
    expect(praised.points.map((p) => p.text).join("")).toContain("お礼の気持ちを伝えましょう");
    expect(praised.suggestion).toMatch(/嬉しいです。/);
    expect(praised.suggestion).not.toMatch(/私の声/);
    const sorry = analyzeReply({
      context: [
        caller("ごめんなさいね、また長話しちゃって。でもあなたと話すと元気が出るのよ。もうちょっといい？"),
      ],
      reply: "はい。",
      kind: "lonely",
    });
    expect(sorry.suggestion).toMatch(/^いえいえ、とんでもないです。そう言っていただけて、嬉しいです。/);
    expect(sorry.suggestion).not.toMatch(/長話してしまった|ご不便/);
  });

  it("keeps a modest ちゃう on good news out of the phrasing", () => {
    const praised = analyzeReply({
      context: [caller("この前デイサービスで俳句を作ったのよ。先生に褒められちゃって。")],
      reply: "そうでしたか。",
      kind: "lonely",
    });
    expect(praised.suggestion).not.toMatch(/褒められてしまった/);
  });

  it("restores no particle after a sound word, keeps an invitation, and drops a belittling neighbour of an opinion", () => {
    const washer = analyzeReply({
      context: [caller("買って半年の洗濯機が、脱水のときにガタガタ揺れて、エラーで止まるんですよ。")],
      reply: "設置の際に水平がきちんと取れていなかったのではないかと。",
      kind: "angry",
    });
    expect(washer.suggestion).toContain("ガタガタ揺れて");
    const hotel = analyzeReply({
      context: [caller("チェックインは何時からですか？あと、荷物だけ先に預けることはできますか。")],
      reply:
        "チェックインは15時からでございます。お荷物は朝8時からフロントでお預かりできますので、お気軽にお声がけください。",
      kind: "inquiry",
    });
    expect(hotel.suggestion).toContain("お気軽にお声がけください。");
    expect(hotel.suggestion).not.toMatch(/[、。]荷物でございますね/);
    const garbage = analyzeReply({
      context: [
        caller(
          "もうね、この歳になると、なんもできんくなって、情けないわ。昨日もね、燃えるゴミの日、すっかり忘れとって。",
        ),
      ],
      reply:
        "えー、ゴミの日くらい、あの、誰でも、忘れますよ。そんなに、落ち込まなくても、いいと、思いますよ。",
      kind: "lonely",
    });
    expect(garbage.violation).toBe("opinion");
    expect(garbage.suggestion).not.toMatch(/誰でも|なんも|できんく/);
  });

  it("never hands a compliment back as 私優しい, and declines personal questions gently", () => {
    const analysis = analyzeReply({
      context: [caller("あなた優しいわねえ。お休みの日は何してるの？彼氏はいるの？")],
      reply: "承知しました。",
      kind: "lonely",
    });
    expect(analysis.suggestion).not.toMatch(/私優しい|私は優しい/);
    expect(analysis.suggestion).toMatch(/^ありがとうございます。/);
    expect(analysis.suggestion).toMatch(/お答えできない|控えさせて/);
    // …and a lone はい to a question about the operator is no answer.
    expect(
      analyzeReply({ context: [caller("あなた、いくつなの？")], reply: "はい。", kind: "lonely" }).suggestion,
    ).toMatch(/お答えできない|お話しできない/);
  });
});

describe("analyzeReply feedback a trainer would sign (session-18 review)", () => {
  it("faults the words that minimize, not the 相づち before them, and praises none of it", () => {
    const analysis = analyzeReply({
      context: [
        caller(
          "頼んでたおせち、さんじゅういちにちに届くはずが、ついたちの昼よ！元旦の朝に、家族で食べるつもりだったのに",
        ),
      ],
      reply: "あ、はい……。まあ、あの、お昼には、届いて、ますので、半日くらいの、ずれ、と、言いますか……",
      kind: "angry",
    });
    expect(analysis.violation).toBe("opinion");
    expect(analysis.question).toBe("none");
    expect(analysis.points[0]?.text).toContain("半日くらいの");
    expect(analysis.points.some((p) => p.tone === "good")).toBe(false);
    expect(analysis.suggestion).not.toMatch(/半日|まあ/);
  });

  it("hears a verdict put as a question (立派な息子さんじゃありませんか) as the operator's opinion", () => {
    const analysis = analyzeReply({
      context: [caller("そうなのよ。小さい頃は お母さんお母さんって くっついて離れなかったのに。")],
      reply: "お正月も休まずに働かれるなんて 立派な息子さんじゃありませんか。",
      kind: "lonely",
    });
    expect(analysis.question).toBe("none");
    expect(analysis.violation).toBe("opinion");
    expect(analysis.suggestion).not.toContain("立派");
    // A child who once clung to her, grumbled about: loneliness, not an inconvenience.
    expect(analysis.suggestion).toMatch(/お寂し/);
    expect(analysis.suggestion).not.toMatch(/ご不便|お困り/);
  });

  it("hands back who is left to talk to, not how it used to be", () => {
    const analysis = analyzeReply({
      context: [
        caller(
          "前はお隣の奥さんが持ってきて、ついでにお茶でもってなったのにね。その人も施設に入っちゃって。話す人がいなくなっちゃったわ。",
        ),
      ],
      reply: "なるほど。それでしたら、ご自分から新しいお隣さんにお声がけされてみるのがおすすめですよ。",
      kind: "lonely",
    });
    expect(analysis.violation).toBe("advise");
    expect(analysis.suggestion).toContain("いなくなってしまったのですね。");
    expect(analysis.suggestion).toMatch(/お寂し/);
  });

  it("writes a spoken reply's pauses out of the better phrasing", () => {
    const analysis = analyzeReply({
      context: [caller("水道の基本料金、来月から上がるって聞いたんですけど、本当ですか？")],
      reply:
        "えー、来月の、ご使用分から、あの、改定、に、なります。家計に、響きます、よね…申し訳ございません。",
      kind: "inquiry",
    });
    expect(analysis.suggestion).toContain("改定になります。");
    expect(analysis.suggestion).toContain("響きますよね。");
    // 本当ですか asks whether it is so: 本当 is no matter to name back.
    expect(analysis.suggestion).not.toContain("本当でございますね");
    expect(analysis.suggestion).toContain("上がるとお聞きになった");
  });

  it("says the caller's booking back in 敬語, without their こっちは or quoting って", () => {
    const analysis = analyzeReply({
      context: [
        caller(
          "近くのホテルなんか頼んでないのよこっちは結婚記念日で海が見える部屋って指定して予約したんだから",
        ),
      ],
      reply:
        "ですから先ほども申し上げました通り本日は満室でございますので近隣のホテルにご案内するしかございません",
      kind: "angry",
    });
    expect(analysis.suggestion).toContain("海が見える部屋と指定してご予約いただいたのですね");
    expect(analysis.suggestion).not.toMatch(/お客様は|って/);
  });

  it("reads no time into a word that starts with じ (人にじろじろ)", () => {
    const analysis = analyzeReply({
      context: [caller("周りの人にじろじろ見られて、恥ずかしいったらなかったのよ。")],
      reply: "はい。",
      kind: "angry",
    });
    expect(analysis.suggestion).not.toMatch(/2時/);
  });

  it("asks for a change with its details to be read back, not taken with a bare 承知いたしました", () => {
    const analysis = analyzeReply({
      context: [
        caller(
          "55821です。今は火曜日なんですけど、来月から木曜日にしてください。火曜は仕事が入るようになったので。",
        ),
      ],
      reply: "承知いたしました。",
      kind: "inquiry",
    });
    expect(analysis.suggestion).not.toBe("");
    expect(analysis.suggestion).toContain("55821");
    expect(analysis.suggestion).toContain("木曜日");
  });

  it("keeps a polite form that modifies a noun in one sentence (委託しております業者)", () => {
    const analysis = analyzeReply({
      context: [caller("荷物、玄関前に置かれてて、雨でびしょびしょ。置き配なんか頼んでないんだけど")],
      reply:
        "えー、あの、申し訳ございませんが、置き配の、えー、判断につきましては、その、配達を委託しております業者の方でして……あの、弊社としては、ちょっと、どうにも……",
      kind: "angry",
    });
    expect(analysis.violation).toBe("argue");
    expect(analysis.suggestion).not.toMatch(/委託しております。|置き配の判断/);
    // The cushion softened the fault: it is not praised next to it.
    expect(analysis.points.some((p) => p.tone === "good" && p.text.includes("クッション"))).toBe(false);
  });

  it("quotes a recognizer's summary without the 相づち run into it", () => {
    const analysis = analyzeReply({
      context: [
        caller(
          "ATMでお金おろそうとしたら、カードが吸い込まれたまま出てこなくなったのよ。後ろに人は並んでるし、恥ずかしいやら焦るやらで。",
        ),
      ],
      reply:
        "ええええカードが吸い込まれたまま出てこなくなってしまったのですね後ろに人が並んでいる中でさぞ焦られたことと思います",
      kind: "angry",
    });
    const quoted = analysis.points.flatMap((p) =>
      [...p.text.matchAll(/『([^』]+)』/g)].map((m) => m[1] ?? ""),
    );
    expect(quoted.length).toBeGreaterThan(0);
    for (const quote of quoted) expect(quote).not.toMatch(/^ええ/);
  });

  it("names a lone ええ as a small point after the praise, and lets a lonely regular's ええ、ええ be", () => {
    const analysis = analyzeReply({
      context: [caller("パスワードを忘れてしまって、ログインできないんです。")],
      reply: "ええ、パスワードをお忘れになってログインできないのですね。それはお困りですよね。",
      kind: "inquiry",
    });
    const ee = analysis.points.findIndex((p) => p.text.includes("「ええ」"));
    const praise = analysis.points.findIndex((p) => p.tone === "good");
    expect(ee).toBeGreaterThan(praise);
    expect(praise).toBeGreaterThanOrEqual(0);
    const lonely = analyzeReply({
      context: [caller("息子がね、東京に行ってから、お正月くらいしか帰ってこないのよ。さみしいもんよ")],
      reply: "ええ、ええ、お正月くらいしか帰ってこられないんですね。それはお寂しいですよね。",
      kind: "lonely",
    });
    expect(lonely.points.some((p) => p.text.includes("「ええ」"))).toBe(false);
    expect(lonely.suggestion).toBe("");
  });

  it("leaves none of a reply's other judging sentences in the better phrasing", () => {
    const analysis = analyzeReply({
      context: [
        caller("息子夫婦がね、お正月も帰ってこないんだって。仕事が忙しいんだって。まあ、しかたないわよね。"),
      ],
      reply:
        "そうですか年末年始もお会いになれないのですね最近の若い方はみなさんそんなものですよ親が元気なうちに顔を見せるべきだと私は思いますけどね",
      kind: "lonely",
    });
    expect(analysis.violation).not.toBe("none");
    expect(analysis.suggestion).toContain("お会いになれないのですね");
    expect(analysis.suggestion).not.toMatch(/そんなもの|べき/);
  });

  it("hears a tip sold by its benefit as advice, and a guess at what the caller did wrong as criticism", () => {
    const walk = analyzeReply({
      context: [caller("最近は物覚えが悪くてね 夜も眠れないし 昼間はずっとうとうとしてるのよ")],
      reply: "さようでございますか 昼間にお散歩をされると 夜もぐっすり眠れるようになりますよ",
      kind: "lonely",
    });
    expect(walk.violation).toBe("advise");
    expect(walk.suggestion).not.toContain("お散歩");
    const laundry = analyzeReply({
      context: [caller("買って半年の洗濯機が、脱水のときにガタガタすごい音がして止まっちゃうの。")],
      reply:
        "ガタガタすごい音がして止まってしまうのですね。洗濯物を偏って入れられたりはしていないでしょうか。",
      kind: "angry",
    });
    expect(laundry.violation).toBe("criticize");
    expect(laundry.suggestion).not.toContain("偏って");
  });

  it("does not read a reply trailing off on しか as a question, nor keep the rebuttal's opening", () => {
    const wait = analyzeReply({
      context: [caller("事故の保険金、申請してもう一か月ですよ。何の連絡もない。")],
      reply: "審査には通常、ひとつきからふたつきほど、かかるものでして、現時点では、お待ちいただくしか…",
      kind: "angry",
    });
    expect(wait.question).toBe("none");
    const record = analyzeReply({
      context: [caller("配達完了って、なってるけど、荷物なんか、届いてないわよ！ ずっと、家にいたんだから")],
      reply:
        "えー、ですが、あの、ドライバーの記録では、ですね、じゅうよじ、にじゅっぷんに、玄関前に、お届け済み、となっておりますので…届いていない、ということは、ないかと…",
      kind: "angry",
    });
    expect(record.violation).toBe("argue");
    expect(record.suggestion).not.toMatch(/ですが|記録では/);
    expect(record.suggestion).toContain("配達完了となっている");
  });

  it("keeps the answer given before a tip, without the tip", () => {
    const analysis = analyzeReply({
      context: [caller("定期預金を途中で解約したいんですが、手数料はかかりますか。")],
      reply: "手数料はかかりませんが、今解約なさるより、満期まで置いておかれたほうがよろしいかと存じます。",
      kind: "inquiry",
    });
    expect(analysis.violation).toBe("advise");
    expect(analysis.suggestion).toContain("手数料はかかりません。");
    expect(analysis.suggestion).not.toMatch(/満期|ほうが/);
  });

  it("has a request read back when it was taken with only 承知いたしました, unless the caller is still looking", () => {
    const change = analyzeReply({
      context: [caller("じゃあ、住所は今の番地のままで、宛名だけ旧姓から新しい苗字に変えておいてください。")],
      reply: "承知いたしました。",
      kind: "inquiry",
    });
    expect(change.suggestion).toContain("旧姓から新しい苗字に");
    const looking = analyzeReply({
      context: [
        caller(
          "息子が来月から入塾するんですけど、えっと、ちょっと待ってくださいね、いま申込書を探してて……。",
        ),
      ],
      reply: "はい。",
      kind: "inquiry",
    });
    expect(looking.suggestion).toBe("");
  });

  it("feels for a widower left alone, and counts ご苦労もおありでしょう as empathy", () => {
    const analysis = analyzeReply({
      context: [
        caller(
          "うちはもう、わし一人だからね。いつでもいいんだ。女房が生きてた頃は、こういうのは全部あいつがやってくれてたんだがね。",
        ),
      ],
      reply:
        "これまでは奥様がお家のことを引き受けてくださっていて、今はすべてご自身でなさっているのですね。慣れないことも多くて、ご苦労もおありでしょう。",
      kind: "lonely",
    });
    expect(analysis.empathy).toBe(true);
    expect(analysis.suggestion).not.toContain("大切な思い出");
  });

  it("praises the words handed back and the feeling named together, and one clause as no summary", () => {
    const analysis = analyzeReply({
      context: [caller("最近ねお弁当のご飯が硬くてね歯が悪いから食べづらいのよ残すのももったいなくて")],
      reply: "はい、ご飯が硬くて食べづらいんですね。それはお食事もおつらいですよね。",
      kind: "lonely",
    });
    const praise = analysis.points.find((p) => p.tone === "good" && p.text.includes("『"));
    expect(praise?.text).toContain("お客様の言葉で受け止め");
    expect(praise?.text).toContain("お気持ちにも寄り添えています");
    expect(analysis.points.some((p) => p.text.includes("要点をまとめて"))).toBe(false);
  });

  it("puts a regular sorry for the long call at ease, never hands back the operator's own life", () => {
    const analysis = analyzeReply({
      context: [
        caller(
          "そうなの、桜のつぼみも膨らんでてね。あら、もうこんな時間？ごめんなさい、長話しちゃって。あなたもお仕事あるのにねえ。",
        ),
      ],
      reply:
        "いえ、お話し、できて、わたくしも、楽しかった、です。えっと、あの、また、何か、ございましたら、いつでも、お電話、くださいね。",
      kind: "lonely",
    });
    expect(analysis.violation).toBe("none");
    expect(analysis.suggestion).not.toMatch(/私もお仕事|お困り/);
    expect(analysis.suggestion).toContain("お話しできて");
    expect(analysis.points.some((p) => p.text.includes("受け止めてから"))).toBe(false);
  });

  it("reads a recognizer's ごふあん as ご不安, not as five minutes", () => {
    const analysis = analyzeReply({
      context: [caller("身に覚えのない引き落としがあるんだよ3万円も誰がこんなの使ったんだ")],
      reply: "はいそれはごふあんですよね今後はカードの明細をこまめにご確認されるのがおすすめです",
      kind: "angry",
    });
    expect(analysis.suggestion).not.toContain("5分");
  });

  it("reads back the wish behind それでお願いします, not それで", () => {
    const analysis = analyzeReply({
      context: [caller("転居先でも今と同じ料金プランで続けたいので、それでお願いします。")],
      reply: "承知しました。",
      kind: "inquiry",
    });
    expect(analysis.suggestion).toContain("今と同じ料金プランで続けたいのですね");
    expect(analysis.suggestion).not.toContain("それでを");
  });

  it("promises the check for what the caller asked about, and adds no check to an answer given", () => {
    const fee = analyzeReply({
      context: [
        caller(
          "ツアーの集合場所がわかりにくくて、探してる間にバスが出発しちゃったんです。参加費って返ってこないんですか。",
        ),
      ],
      reply:
        "それは残念でしたね。次回からは、出発の30分前には集合場所にお着きになっておくと安心かと存じます。",
      kind: "angry",
    });
    expect(fee.violation).toBe("advise");
    expect(fee.suggestion).toContain("参加費について");
    const premium = analyzeReply({
      context: [
        caller(
          "自動車保険の更新のお知らせが届いたんですけど、保険料が去年より一万円以上上がってて。なんでですか。",
        ),
      ],
      reply:
        "昨年度に事故のお申し出がございましたので、等級が三つ下がっております。今後は、小さな擦り傷程度でしたら保険をお使いにならず、自費で直されたほうがよろしいかと存じます。",
      kind: "inquiry",
    });
    expect(premium.suggestion).toContain("等級が三つ下がっております。");
    expect(premium.suggestion).not.toMatch(/こちらでできること|自費/);
  });

  it("writes a recognizer's homophones in the trainee's words as meant, and ends a sentence before よろしければ", () => {
    const analysis = analyzeReply({
      context: [
        caller("しかも返品しようと思ったら送料こっち持ちって書いてあるしなんで私が払わなきゃいけないのよ"),
      ],
      reply:
        "2時間異常もお待たせしたうえに送料までご負担になると書かれていてはご納得いただけないのも当然でございます送料は弊社で負担して交感いたしますよろしければ届いたお色の様子をお聞かせいただけますか",
      kind: "angry",
    });
    expect(analysis.suggestion).toContain("2時間以上");
    expect(analysis.suggestion).toContain("交換いたします。よろしければ");
  });
});

describe("analyzeReply labels and phrasing after the session-19 reviews", () => {
  it("reads another cause put to the caller, and what they should have done, as criticism", () => {
    expect(
      replyTo(
        "口座振替にしてたはずなのに、水道代が未払いって通知が来たんです。",
        "引き落とし日に口座の残高が足りなかった、ということはございませんか。",
        "angry",
      ).violation,
    ).toBe("criticize");
    expect(
      replyTo(
        "受付に着いたら、もう締め切ったって言われたんですよ。まだ五分前ですよ？",
        "案内状にも締切は三十分前と記載がございますので、お時間に余裕をもってお越しいただく必要がございました。",
        "angry",
      ).violation,
    ).toBe("criticize");
    expect(
      replyTo(
        "また頼んじゃったのよ、お茶。前のがまだ二袋あるんだけどね。",
        "それはさすがにお客様のほうで頼みすぎですよ。",
        "lonely",
      ).violation,
    ).toBe("criticize");
  });

  it("reads a choice measured against the operator's idea as opinion, and minimizing as no empathy", () => {
    expect(
      replyTo(
        "結婚記念の旅行で、一人十万円くらいで考えてるんですけど。",
        "十万円ですね。記念旅行にしては、ずいぶん控えめなご予算ですね。",
        "inquiry",
      ).violation,
    ).toBe("opinion");
    const minimized = replyTo(
      "娘の模試の点が先月より二十点も下がってるんですよ。",
      "二十点くらいでしたら、それほどご心配なさることでもないかと存じます。",
      "angry",
    );
    expect(minimized.violation).toBe("opinion");
    expect(minimized.empathy).toBe(false);
  });

  it("hears a caller's word confirmed with pauses as parroting", () => {
    const echo = replyTo(
      "荷物の受け取りを変えたいんですけど、もう配達中になってて。",
      "あ はい。配達中 なんですね",
      "inquiry",
    );
    expect(echo.parroting).toBe(true);
  });

  it("grades a blanket admission said with pauses, and leaves it out of the phrasing", () => {
    const blanket = replyTo(
      "買った炊飯器、スイッチを入れても全然炊けないんですけど。",
      "はい、申し訳ございません。えー、もう、これは、すべて、弊社の…その、責任で、ございます。",
      "angry",
    );
    expect(blanket.apology).toBe("blanket");
    expect(blanket.suggestion).not.toMatch(/責任/);
    expect(blanket.suggestion).toMatch(/申し訳ございません/);
  });

  it("hands back a question the caller is turning over as a question, not as a fact", () => {
    const wondering = replyTo(
      "もう八月だし、期限過ぎちゃったらどうなるのかなと思って",
      "納付書はお送りしておりますので、見落とされていたのではないでしょうか。",
      "inquiry",
    );
    expect(wondering.violation).toBe("criticize");
    expect(wondering.suggestion).toMatch(/どうなるのか、気にかかっていらっしゃるのですね/);
    expect(wondering.suggestion).not.toMatch(/過思|思われたのですね/);
  });

  it("leaves a caller who stepped away met with お待ちしております as it is", () => {
    const wait = replyTo(
      "ちょっと待っててね、今やかんが鳴ってるから火を止めてくるわね。",
      "はい、お待ちしております。",
      "lonely",
    );
    expect(wait.suggestion).toBe("");
  });

  it("thanks a lonely caller's small talk about the operator's weather, and offers the procedures after a loss", () => {
    const weather = replyTo(
      "あなたのところは雨降ってる？こっちは朝から土砂降りでね、洗濯物が乾かないのよ。",
      "洗濯物が乾かないのですね。それはお困りですね。",
      "lonely",
    );
    expect(weather.suggestion).toMatch(/お気遣いありがとうございます/);
    const loss = replyTo(
      "先週母が亡くなりまして…。いろいろ手続きがあると聞いたんですけど、何から手をつけていいのか分からなくて。",
      "死亡に伴う手続きの一覧は、ホームページに掲載しております。",
      "inquiry",
    );
    expect(loss.suggestion).toMatch(/何から手をつけていいのか分からないのですね/);
    expect(loss.suggestion).toMatch(/順番にご案内いたしますので、ご安心ください/);
  });

  it("quotes a phrase that runs on to its predicate, whole", () => {
    const quoted = replyTo(
      "修理代の保険金、三週間経ってもまだ振り込まれないんです。修理工場からは催促されるし。",
      "お支払いが遅れているうえに修理工場からもせかされていてご自身でいったんお支払いになるのも難しいという状況なのですねさぞご不安なことと存じます",
      "angry",
    );
    const quotes = quoted.points.flatMap((p) => [...p.text.matchAll(/『([^』]+)』/g)].map((m) => m[1] ?? ""));
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) expect(quote).not.toMatch(/せかさ$|[をがにはも]$/);
  });
});

describe("a lonely regular's first story met with そうなんですね", () => {
  it("is a 相づち, not a read-back: the phrasing hands her words back", () => {
    const analysis = replyTo(
      "青汁の注文なんだけどね、あのねえ、聞いてくれる？最近膝が言うこと聞かなくてねえ。",
      "あら、そうなんですね。",
      "lonely",
    );
    expect(analysis.suggestion).toMatch(/膝が言うことを聞かないのですね/);
    expect(analysis.suggestion).toMatch(/^あら、そうなんですね。/);
  });
});

describe("feedback a trainer would sign (session-20 reviews)", () => {
  it("keeps the answer of a refusal, without the rulebook and after an apology", () => {
    const analysis = replyTo(
      "解約したつもりだったんですよ アプリ消したから それで使ってないのに一か月分払うのは納得いかなくて 返金ってできますか",
      "規約にございます通りアプリを削除されてもご解約にはなりませんので ご返金はいたしかねます",
      "inquiry",
    );
    expect(analysis.violation).toBe("argue");
    expect(analysis.suggestion).toContain(
      "大変申し訳ございませんが、アプリを削除されてもご解約にはなりませんので、ご返金はいたしかねます。",
    );
    expect(analysis.suggestion).not.toMatch(/規約|お力になれる方法/);
  });

  it("writes a transcript that pauses after every word without its pauses", () => {
    const analysis = analyzeReply({
      context: [caller("玄関とお風呂です。あと、介護保険が使えるかも知りたくて。")],
      reply:
        "はい、かしこまりました。えー、整理、いたしますと、お母さまの、ご自宅の、玄関と、お風呂…に、手すりを、おつけに、なりたい、ということと、その、介護保険が、使えるかどうか…ですね。えっと、では、介護保険の、認定は…もう、受けて、いらっしゃいますか。",
      kind: "inquiry",
    });
    expect(analysis.suggestion).toContain("お風呂に手すりを");
    expect(analysis.suggestion).toContain("受けていらっしゃいますか");
    expect(analysis.suggestion).not.toContain("…");
  });

  it("asks for no apology when an ordinary caller compares two plans", () => {
    const analysis = replyTo(
      "そちらの家計簿アプリ、有料版にしようか迷ってるんです。無料版とどう違うのかなと思って。",
      "有料版にしようか迷っていらっしゃるのですね。ご案内の参考にしたいので、今はどのような使い方をされているか、教えていただけますか。",
      "inquiry",
    );
    expect(analysis.suggestion).toBe("");
    expect(analysis.points.map((p) => p.text).join("")).not.toContain("お詫び");
  });

  it("does not hand back exasperation, and hands back a low opinion of oneself as a feeling", () => {
    const fedUp = replyTo(
      "なんで毎回こっちが気づいて電話しなきゃいけないんですか。もういい加減にしてほしい",
      "返金のお手続きはサイトのお問い合わせフォームからお願いしております",
      "angry",
    );
    expect(fedUp.suggestion).not.toContain("いい加減");
    expect(fedUp.suggestion).toContain("申し訳ございません");
    const low = replyTo(
      "この歳になるとね、もう誰も電話なんかくれないのよ。息子も正月にしか来ないし。私なんかいなくなっても、誰も困らないんだわ。",
      "そんな悲しいことをおっしゃらないでください。お正月には息子さんが来てくださるんですから、十分お幸せですよ。",
      "lonely",
    );
    expect(low.suggestion).toContain("ご自分がいなくなっても誰も困らないと感じていらっしゃるのですね");
  });

  it("names our staff, our work and our premises from our side", () => {
    const visit = replyTo(
      "点検に来た人が、玄関に置いてた靴を踏んで泥だらけにしていったのよ。謝りもしないで。",
      "ところでお客様来月からガス料金の割引プランが始まるのですがご興味はございませんか",
      "angry",
    );
    expect(visit.suggestion).toContain("点検に伺った者");
    const clinic = analyzeReply({
      context: [caller("先週そちらで娘が予防接種を受けたんですけど、その晩から少し熱が出てて…。心配で。")],
      reply: "診療に関するご相談は、ホームページのお問い合わせフォームからお願いいたします。",
      kind: "inquiry",
    });
    expect(clinic.suggestion).toContain("当院");
    expect(clinic.suggestion).not.toContain("弊社");
    expect(clinic.suggestion).toContain("ご心配");
  });

  it("hears advice for the future after a how-to question, and a choice asked without か", () => {
    expect(
      replyTo(
        "アプリのパスワードを忘れてロックがかかっちゃったんですけど、解除ってどうすればいいですか。",
        "えー、あの、パスワードは、ですね、手帳などに、控えて、おかれる、のが、おすすめ、です。",
        "inquiry",
      ),
    ).toMatchObject({ violation: "advise", parroting: false });
    expect(
      replyTo(
        "再配達を明日の夜にお願いしたいんです。",
        "夜は18時から20時と、19時から21時がございますが、どちらにいたしましょう",
        "inquiry",
      ).question,
    ).toBe("closed");
  });

  it("gives a feeling the caller did not voice way to the one they did", () => {
    const analysis = replyTo(
      "この頃ね、膝が痛くってねえ。",
      "えー、あの、それは、その、お寂しい、ですよね。えっと、お孫さんとは、どんな、お話を、されるんですか",
      "lonely",
    );
    expect(analysis.suggestion).toContain("おつらい");
    expect(analysis.suggestion).not.toContain("お寂しい");
  });

  it("counts a marked restatement in the operator's own words as a summary", () => {
    expect(
      replyTo(
        "昨日アップデートしたら会計ソフトが起動しなくなって、昨日までの仕訳データも見られないし、明日が月末の締めなんですよ！",
        "整理いたしますと更新のあとでプログラムが立ち上がらず過去の記録も開けないうえに月次処理の期限が目前に迫っているということですね",
        "angry",
      ).summarizing,
    ).toBe(true);
  });
});

describe("feedback a trainer would sign (session-21 reviews)", () => {
  it("hands back the grievance, not a side detail, and never recites what the family member said", () => {
    const analysis = replyTo(
      "嫁がね、私が話しかけても『どうせ聞こえてないでしょ』って相手にしてくれないのよ。補聴器つけてるのに。",
      "まあ、お年を召すと耳が遠くなるのは自然なことですから、あまり気になさらないのが一番だと思いますよ。",
      "lonely",
    );
    expect(analysis.suggestion).toContain("お嫁さんが、お客様が話しかけても相手にしてくれないのですね");
    expect(analysis.suggestion).toContain("お寂しい");
    expect(analysis.suggestion).not.toMatch(/どうせ|申し訳/);
  });

  it("keeps no read-back left hanging and no criticizing question in the better phrasing", () => {
    const waited = replyTo(
      "もう三回も電話してんのよ！　そのたびに、たらい回しにされて！",
      "三回も……はい",
      "angry",
    );
    expect(waited.suggestion).toContain("三回もお電話いただいているのですね");
    expect(waited.suggestion).not.toMatch(/……|はい。/);
    const checked = replyTo(
      "ちょっと、昨日届くって言ってた荷物、まだ来てないんだけど！　わざわざ仕事休んで一日中家で待ってたのよ！",
      "あー、はい……えっと、あの、ポストのほうに、不在票とか、入って、なかったでしょうか。一度、ご確認、されました？",
      "angry",
    );
    expect(checked.violation).toBe("criticize");
    expect(checked.suggestion).toContain("昨日お届けするとお伝えしていた");
    expect(checked.suggestion).not.toMatch(/ご確認されました|おっしゃっていた/);
  });

  it("apologizes for nothing when the anger is at someone who is not us", () => {
    const analysis = replyTo(
      "事故の相手の保険会社の担当の言い方が本当に失礼でね、もう腹が立って腹が立って。夜も眠れないんですよ。",
      "ええそれは腹が立ちますよねお話を伺っているだけでもお辛さが伝わってきます",
      "angry",
    );
    expect(analysis.suggestion).not.toContain("申し訳");
    expect(analysis.points.map((p) => p.text).join("")).not.toContain("お詫び");
  });

  it("names a clerk's mistake on a document as ours, not as wrong goods", () => {
    const analysis = replyTo(
      "区役所に住民票の郵送を頼んだら、届くまで二週間もかかった上に、名前の漢字が間違ってたんですよ。",
      "申請書のほうに、お名前、はっきりとお書きいただいてましたでしょうか。",
      "angry",
    );
    expect(analysis.suggestion).toContain("お名前の漢字");
    expect(analysis.suggestion).not.toMatch(/お品物|ご注文番号|ご期待に添えず/);
  });

  it("reads 大丈夫 as no husband and LINE history lost as no fond memory", () => {
    const analysis = replyTo(
      "機種変更したら、LINEのトーク履歴が全部消えたんですけど！店員さんが大丈夫って言ったんですよ！",
      "申し訳ございませんが、LINEのデータはLINE社のサービスですので、弊社では責任を負いかねます。",
      "angry",
    );
    expect(analysis.suggestion).not.toContain("懐かしく");
  });

  it("thanks a caller for a datum given as asked, without surprise or a new apology", () => {
    const analysis = analyzeReply({
      context: [
        caller("集積所のゴミ、もう三回も回収されてないのよ。カラスが散らかして毎朝掃除してるの。"),
        {
          role: "operator",
          text: "大変申し訳ございません。恐れ入りますが、集積所の場所を伺えますでしょうか。",
        },
        caller("緑町3丁目の12番の集積所よ"),
      ],
      reply:
        "緑町3丁目12番の集積所でございますね。カラス対策としましては、ネットを二重にかけていただくのがおすすめです。",
      kind: "angry",
    });
    expect(analysis.violation).toBe("advise");
    expect(analysis.suggestion).not.toMatch(/さようでございま|お困り|申し訳/);
    expect(analysis.suggestion).toContain("緑町3丁目12番の集積所でございますね");
  });

  it("names back the matter wished for, not the means asked about", () => {
    const analysis = replyTo(
      "引っ越して住所が変わったので、登録してる住所を変えたいんですけど、これって窓口に行かないとだめですか。",
      "いえ窓口までお越しいただかなくてもアプリかお電話で変更のお手続きができます",
      "inquiry",
    );
    expect(analysis.suggestion).toMatch(
      /^はい、ご住所の変更でございますね。窓口までお越しいただかなくても、/,
    );
  });

  it("treats a spoken opinion that opens with でも as the operator's view", () => {
    const analysis = replyTo(
      "ガスの点検の人が約束の時間に来んで、3時間も家で待っとったんよ。",
      "さようでございましたか3時間もお待ちになったんですねお年を召した方にはお辛かったことと思いますでもまあこうして無事に点検が済んだのですから良しとしていただけたらと私は思いますよ",
      "angry",
    );
    expect(analysis.violation).toBe("opinion");
  });

  it("lets a caller broken off mid-sentence go on: a 相づち is the whole reply", () => {
    const analysis = replyTo(
      "もうね、三日連続よ、三日連続でうちの荷物がよその家に届いてんの。隣の人が持ってきてくれたからいいようなもんだけど、隣にも迷惑かけてるし、",
      "はい……はい。",
      "angry",
    );
    expect(analysis.suggestion).toBe("");
  });

  it("corrects a double 敬語 and a plain question about what the caller will do", () => {
    const offered = replyTo(
      "来月から海外赴任になるんですけど、今使ってる携帯の番号って、そのまま残しておけるんですか？",
      "はいございますよ番号保管サービスというものがございまして月額330円で最長3年間お預かりできますがお申し込みされますか",
      "inquiry",
    );
    expect(offered.suggestion).toContain("お申し込みになりますか");
    expect(offered.suggestion).toContain("ございまして、月額330円");
    const booked = replyTo(
      "明日の10時半に予約してる佐伯なんですけど、子どもが熱出しちゃって、ちょっと行けそうにないんです。",
      "佐伯様、承知いたしました。明日10時半のご予約ですね。お子さんのお熱、ご心配ですね。キャンセルにしますか、それとも別の日にお取り直ししますか。",
      "inquiry",
    );
    expect(booked.suggestion).toContain("キャンセルになさいますか、それとも");
  });

  it("speaks of our staff humbly, of a call to the caller's family as theirs, and of the departed gently", () => {
    const visit = replyTo(
      "ガスの点検の人、今日の午前中に来るって言ってたのに来なかったのよ。こっちは仕事休んで待ってたのに。",
      "はい、はい。えー、で、お客様番号は？",
      "angry",
    );
    expect(visit.suggestion).toContain("伺うとお約束していたのに、お伺いできなかったのですね");
    const family = replyTo(
      "息子夫婦は東京で忙しくしててね、お正月も帰ってこないって。電話しても、すぐ『忙しいから』って切られちゃうのよ。",
      "さようでございますか。でしたら、地域のサロンに通われて、お友達を作られるのがおすすめですよ。",
      "lonely",
    );
    expect(family.suggestion).toContain("お電話なさってもすぐ『忙しいから』と切られてしまう");
    const left = replyTo(
      "夫も友達もみんな先に行っちゃって、私だけ残ってね。誰の役にも立ってないのに",
      "それは考えすぎですよ。長生きできるのは、それだけで幸せなことなんですから。",
      "lonely",
    );
    expect(left.suggestion).toContain("先に旅立たれて");
    expect(left.suggestion).toMatch(/お寂し/);
    expect(left.suggestion).not.toMatch(/ご不便|いらっしゃって/);
  });

  it("reads a question someone else asked as told, so business after a token derails a happy regular", () => {
    const analysis = replyTo(
      "今日の配達のお兄さんがね、『おばあちゃん元気？』って声かけてくれてね、嬉しかったのよ。ほら、うち息子が遠くにいるでしょう。それでね……",
      "はい。来週のご注文の変更でしょうか。",
      "lonely",
    );
    expect(analysis.violation).toBe("derail");
  });

  it("makes the caller's words agreed with after a pause one confirmation", () => {
    const analysis = replyTo(
      "息子夫婦とね、去年のお盆にちょっと言い合いになって、それっきりなのよ。こっちから電話するのも、なんだか悔しくってねえ",
      "ええ、ええ。こちらから、お電話するのは、悔しい……そうですよね、そのお気持ち、よく、わかります。でも、あのー、こういうのって、やっぱり、お母さんのほうから、一言、かけてあげたほうが、いいと思いますよ。",
      "lonely",
    );
    expect(analysis.suggestion).toContain("悔しいのですね");
    expect(analysis.suggestion).not.toMatch(/悔しいそう/);
  });

  it("tells when our staff came, and keeps no agreement with a blanket admission", () => {
    const analysis = replyTo(
      "点検の人、午前中に来るって言ってたのに、来たの午後二時よ。連絡もなし。こっちは半休取って待ってたのに。",
      "おっしゃる通りでございます。さぞご立腹のことと存じます。弊社の不手際で大切なお時間を無駄にさせてしまい、誠に申し訳ございませんでした。",
      "angry",
    );
    expect(analysis.suggestion).toContain("伺うとお約束していたのに、お伺いしたのは午後二時だったのですね");
    expect(analysis.suggestion).not.toContain("おっしゃる通り");
  });

  it("reads a caller's self-introduction and modesty about calling as no matter, and finishes a wish read back", () => {
    const analysis = replyTo(
      "もしもし、先週そちらを退院した村井です。いやね、用事ってほどでもないんだけど、外科の先生にお礼が言いたくてなあ。",
      "はい、はい……。先週、ご退院されて、先生に、お礼が、言いたい、と……。命の恩人、ですもんね、ありがたい、お気持ち、ですよね。あの、よろしければ、えっと、先生の、お名前、伺っても、よろしいでしょうか。",
      "lonely",
    );
    expect(analysis.suggestion).toContain("お礼が言いたいとのことですね");
    expect(analysis.suggestion).toContain("命の恩人ですもんね。ありがたい");
    expect(analysis.suggestion).not.toMatch(/村井なのですね|用事|……/);
  });

  it("keeps a lonely regular's ええ、ええ and reads a reassurance after でも as no rebuttal", () => {
    const warm = replyTo(
      "ゆうべね、昔住んでた小樽の夢を見たのよ。坂の多い町でねえ、運河があって、冬はもう雪がすごくて",
      "まあ、小樽の……。ええ、ええ。懐かしい、夢、ですねえ。あのー、小樽では、どんなふうに、暮らして、らしたんですか？",
      "lonely",
    );
    expect(warm.suggestion).toContain("ええ、ええ。");
    expect(warm.suggestion).toContain("暮らしてらしたんですか。");
    const library = replyTo(
      "図書館の本、返すの忘れてて、もう2週間も過ぎちゃってるんですけど、どうしたらいいですか。",
      "それはご心配でしたよねでもご返却はいつでも大丈夫ですので開館時間内にカウンターかブックポストにお返しください延滞料などはかかりませんのでご安心ください",
      "inquiry",
    );
    expect(library.violation).toBe("none");
  });

  it("reads a phone number read back without its separators, and a datum asked for in two words", () => {
    const phone = replyTo("電話番号は、090の1234の5678です。", "はい09012345678ですね", "inquiry");
    expect(phone.parroting).toBe(true);
    const dog = replyTo(
      "犬を飼い始めたんですけど、前の飼い主さんから譲ってもらった子で、登録がどうなってるのか全然わからなくて、ちょっと不安で…",
      "はい。犬の種類と年齢は。",
      "inquiry",
    );
    expect(dog.question).toBe("closed");
    expect(dog.violation).toBe("derail");
  });

  it("hears なんでしょうか as a question, not a complaint, and それで、いかがでしたか as an invitation", () => {
    const asked = replyTo(
      "高校の学校説明会って、予約なしでも入れますか？あと、保護者だけで行っても大丈夫なんでしょうか",
      "事前予約制です。学校ホームページの申込フォームからお願いします。",
      "inquiry",
    );
    expect(asked.violation).toBe("none");
    const memorial = replyTo(
      "今日はね、主人の七回忌だったのよ。お寺さんで、親戚もみんな集まってくれてね。",
      "さようでございますか それで いかがでしたか",
      "lonely",
    );
    expect(memorial.violation).toBe("none");
  });

  it("drops a rulebook with its copula and hears a spoken check on the caller's reading as criticism", () => {
    const refused = replyTo(
      "この前お店に行ったとき、ポイントカードを忘れてしまって。その分のポイントって、あとから付けてもらえますか。",
      "申し訳ございませんが、規則でございますので、後からのポイント付与はいたしかねます。",
      "inquiry",
    );
    expect(refused.suggestion).toContain("大変申し訳ございませんが、後からのポイント付与はいたしかねます。");
    expect(refused.suggestion).not.toMatch(/規則|ございますので/);
    const manual = replyTo(
      "買って一か月の洗濯機が、途中でエラー出して止まるのよ。E3とかいうやつ。",
      "E3……ですね。えー、それ、あの、取扱説明書の、えーと、じゅう、12ページに、載ってるんですけど……お読みに、なって、ないですかね",
      "angry",
    );
    expect(manual.violation).toBe("criticize");
  });
});

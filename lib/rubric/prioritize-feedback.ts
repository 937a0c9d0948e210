import { admissionWord, apologyOwed, type CallKind, honorPrefix } from "./compose-suggestion";
import type { KeigoSlip } from "./detect-keigo";
import type { ApologyKind, QuestionKind, ViolationKind } from "./labels";
import type { CallerUnderstanding } from "./reflect-caller";

/** One point of feedback on a reply: what a trainer would say first. */
export interface FeedbackPoint {
  key: string;
  tone: "bad" | "warn" | "tip" | "good";
  text: string;
}

export interface FeedbackInput {
  kind: CallKind;
  caller: CallerUnderstanding | null;
  keep: boolean;
  /** The better phrasing only changes the reply's 相づち or 敬語. */
  registerOnly: boolean;
  /** The reply is 相づち and nothing else (ええ、ええ。). */
  tokenOnly?: boolean;
  /** The caller's request the reply took with only a token, as the phrasing reads it back. */
  unconfirmed?: string;
  /** The next step the phrasing adds to a reply that gave none. */
  nextStep?: string;
  /** An earlier operator turn of the call already apologized for the trouble. */
  apologizedBefore?: boolean;
  backchannel: boolean;
  /** The reply opens by thanking the caller for the inquiry: an acknowledgement of its own. */
  thanked: boolean;
  parroting: boolean;
  summarizing: boolean;
  summaryPoints: number;
  question: QuestionKind;
  empathy: boolean;
  cushion: boolean;
  violation: ViolationKind;
  interruption: boolean;
  apology: ApologyKind;
  apologyScoped: boolean;
  casual: boolean;
  /** The casual tokens the reply used (ええ, うん), named in the feedback. */
  casualTokens?: string[];
  /** The reply offers condolence or shares the loss (お悔やみ, お辛い). */
  condoled: boolean;
  /** The reply congratulates (おめでとうございます). */
  congratulated: boolean;
  /** The reply thanks the caller or says it is glad (ありがとう, 嬉しい): the answer kind words need. */
  gladOrThankful?: boolean;
  /** The first 敬語 slip of the reply, if any. */
  keigo: KeigoSlip | null;
  repeatedToken: string | null;
  /** つなぎ言葉 in the spoken reply (えー, あのー). */
  fillers?: string[];
  /** Whole-word quotes of the reply's evidence, per label. */
  quotes: Partial<
    Record<
      | "parroting"
      | "summarizing"
      | "empathy"
      | "cushion"
      | "violation"
      | "apology"
      | "question"
      | "backchannel",
      string
    >
  >;
  /** Lines of the better phrasing the tips can point at. */
  suggested: { empathy: string | null; opening: string; apology: string };
}

const violationPoint: Record<Exclude<ViolationKind, "none">, (q: string, f: FeedbackInput) => string> = {
  criticize: (q, f) =>
    // A lonely caller faulted (the story told twice, a memory doubted) is hurt, not suspected of a mistake.
    f.kind === "lonely"
      ? /(昨日|前回|先日|何度|以前|この前)[^』]{0,12}(お話|おっしゃ|伺|聞|され)|お忘れ|同じお話/.test(q)
        ? `${q}は、お客様を責めているように聞こえます。同じお話でも、初めて聞くつもりで受け止めましょう。`
        : `${q}は、お客様を責めているように聞こえます。まずお話とお気持ちを受け止めましょう。`
      : // What the caller should have read, a guess at the caller's doing, or blame said outright.
        /書いて|記載|明記|お知らせして|ご案内して|(規約|契約書|説明書|ページ|メール|注意書き|要項)[^』]{0,14}(ご覧|お読み|ご確認|目を通)/.test(
            q,
          )
        ? `${q}は、お客様が確認しなかったことを責めるように聞こえます。案内の場所を示すのは、まずご不便を受け止めてからにしましょう。`
        : // (上の階の方に直接お話しされるべきだったのでは: what the caller "should have done" is blame after the fact.)
          /べき|ほうが|方が|ばよかった|ば良かった|ておけば|ておかれれば/.test(q)
          ? `${q}は、お客様の対応に落ち度があったと言っているように聞こえます。あとから「こうすべきだった」と伝える前に、まずお話を受け止めましょう。`
          : /(か|でしょうか|ませんか|可能性|のでは|かと)』$/.test(q)
            ? f.kind === "inquiry" && !f.caller?.defect && f.caller?.asked
              ? `${q}は、お客様のせいではないかと疑っているように聞こえます。まずご質問を受け止め、必要なことをご案内しましょう。`
              : f.kind === "inquiry" && !f.caller?.defect
                ? `${q}は、お客様のせいではないかと疑っているように聞こえます。まずお話を受け止め、必要なことをご案内しましょう。`
                : `${q}は、お客様のせいではないかと疑っているように聞こえます。原因を伺うのは、お話を受け止め、お詫びしてからにしましょう。`
            : `${q}はお客様を責めているように聞こえます。まずお話を受け止めましょう。`,
  argue: (q, f) =>
    // Talking a caller out of a feeling (まだお若いですから大丈夫) is not a policy wall: the lesson is to take the
    // feeling in. A refused request is apologized for; a rebuttal to a story is put after listening.
    /大丈夫|お若い|お元気|心配な|気にな|考えすぎ|前向き|落ち込|悲しま/.test(q) && f.kind !== "angry"
      ? `${q}はお客様の感じ方を否定しています。励ますより先に、まずそのお気持ちを受け止めましょう。`
      : f.kind === "inquiry" && f.caller?.requested
        ? `${q}は突き放した断り方に聞こえます。規定の説明より先に、ご希望に添えないことをお詫びしましょう。`
        : f.kind === "inquiry" && f.caller?.asked
          ? `${q}は反論に聞こえます。まずご質問の内容を受け止め、確かめてからご案内しましょう。`
          : f.kind === "angry" && f.apology === "limited"
            ? `${q}は反論に聞こえます。お詫びのすぐあとに事情の説明を続けると、お詫びが打ち消されてしまいます。まずお気持ちを受け止めましょう。`
            : f.kind === "angry"
              ? `${q}は反論に聞こえます。規定や事情の説明より先に、ご不便へのお詫びとお気持ちへの共感を伝えましょう。`
              : `${q}は反論に聞こえます。事実の説明より先に、まずお客様のお話を受け止めましょう。`,
  advise: (q, f) =>
    f.kind === "lonely"
      ? `${q}は求められていない助言です。解決策を示すより、まずお話とお気持ちを受け止めましょう。`
      : f.kind === "inquiry" && !f.caller?.asked
        ? `${q}は求められていない助言です。お客様のご希望を伺い、それに沿ってご案内しましょう。`
        : `${q}は求められていない助言です。お客様がどうすべきかではなく、こちらでできることをお伝えしましょう。`,
  opinion: (q, f) =>
    f.kind === "inquiry" &&
    ((f.caller?.feeling ?? "neutral") !== "neutral" ||
      /なんて|大した|たかが|困らない|気にし(なくて|ないで)|気にする必要|心配(は|も)?(いら|要ら|ない|ありませ|ござい)/.test(
        q,
      ))
      ? `${q}はあなた自身の評価になっています。お客様のご心配を軽く扱わず、まず受け止めましょう。`
      : f.kind === "inquiry"
        ? `${q}はあなた自身の意見になっています。お客様のご希望を受け止め、判断はお客様にお任せしましょう。`
        : // (そんなふうに思わなくても大丈夫ですよ: the caller told how to feel.)
          /(思わ|考え|気にし|落ち込ま|悲しま)なくても|そんな(こと|ふうに|風に)|大丈夫ですよ|元気(を)?出し|前向き/.test(
              q,
            )
          ? `${q}はお客様の感じ方を否定しています。励ますより先に、まずそのお気持ちを受け止めましょう。`
          : /くらい|ぐらい|程度|大した|たかが|仕方|それほど|そこまで|問題(は)?(ない|ありません|ございません)/.test(
                q,
              )
            ? `${q}はあなた自身の評価になっています。損失の大きさを決めつけず、お客様の受け止め方に寄り添いましょう。`
            : `${q}はあなた自身の意見になっています。お客様の受け止め方を否定せず、まずお話を受け止めましょう。`,
  derail: (q, f) =>
    /番号|お名前|ご住所|生年月日|会員/.test(q)
      ? `${q}でお客様の話題を切り替えています。番号などを伺う前に、まずお話を受け止めましょう。`
      : /フォーム|ホームページ|サイト|マイページ|アプリ|窓口|ダイヤル/.test(q) &&
          !/それより|ところで|そういえば|その前に/.test(q)
        ? `${q}は、別の窓口へ回すだけの応対に聞こえます。ご案内の前に、まずお客様のご事情を受け止めましょう。`
        : /次のお電話|このへんで|このあたりで|失礼します|切らせて/.test(q)
          ? `${q}で、お話の途中で切り上げています。終えるときも、まずお話を受け止めてから、ひと言添えて締めくくりましょう。`
          : f.kind === "lonely"
            ? `${q}でお客様の話題を切り替えています。こちらの話より先に、まずお客様のお話とお気持ちを受け止めましょう。`
            : `${q}でお客様の話題を切り替えています。別のご案内より先に、まずお客様のお話を受け止めましょう。`,
};

/**
 * At most three points, the way a trainer gives them: the violation or interruption first, then the one
 * thing the call most needed and did not get, then praise that names what the trainee actually did.
 * A neutral inquiry is never nagged about apology or empathy.
 */
export function prioritizeFeedback(f: FeedbackInput): FeedbackPoint[] {
  const q = (key: keyof FeedbackInput["quotes"], fallback: string) => {
    const text = f.quotes[key];
    return text ? `『${text}』` : fallback;
  };
  const problems: FeedbackPoint[] = [];
  if (f.violation !== "none") {
    problems.push({
      key: "violation",
      tone: "bad",
      text: violationPoint[f.violation](q("violation", "この言い方"), f),
    });
  }
  if (f.interruption) {
    problems.push({
      key: "interruption",
      tone: "bad",
      text: "お客様が話し終える前に話し始めています。最後まで聞いてから応答しましょう。",
    });
  }
  if (f.apology === "blanket") {
    problems.push({
      key: "apology",
      tone: "bad",
      text: `${q("apology", "この謝罪")}は事実確認の前に全面的に非を認めています。「ご不便をおかけし、申し訳ございません」と、ご不便に限ってお詫びしましょう（限定謝罪）。`,
    });
  }
  // A reply whose only fault is its wording gets no tip its own better phrasing would not follow.
  const tip = f.keep || f.registerOnly ? null : missingTip(f);
  if (tip) problems.push(tip);
  // A lone ええ is polite enough in speech: はい only sounds more formal on the phone, a small point
  // named after the praise.
  const onlyEe =
    f.casual && (f.casualTokens ?? []).length > 0 && (f.casualTokens ?? []).every((t) => /^(ええ)+$/.test(t));
  // A lone はあ can sound half-hearted: a hint, not a fault.
  const onlyHaa =
    f.casual &&
    (f.casualTokens ?? []).length > 0 &&
    (f.casualTokens ?? []).every((t) => /^はあ$|^はぁ$/.test(t));
  // Slips in the 相づち or 敬語 come after what the call needed (the apology, the empathy).
  if (onlyHaa) {
    problems.push({
      key: "register",
      tone: "tip",
      text: "「はあ」は気のない返事に聞こえることがあります。「はい」「さようでございますか」と受け止めましょう。",
    });
  } else if (f.casual && !onlyEe) {
    problems.push({
      key: "register",
      tone: "warn",
      text: `${(f.casualTokens?.length ? f.casualTokens : ["ええ", "うん", "なるほど"]).map((t) => `「${t}」`).join("")}などの相づちは、お客様にはくだけた印象です。「はい」「さようでございますか」を使いましょう。`,
    });
  } else if (f.repeatedToken) {
    problems.push({
      key: "register",
      tone: "warn",
      text: `「${f.repeatedToken}」が続いています。「さようでございますか」「かしこまりました」など、相づちに変化をつけましょう。`,
    });
  }
  // One filler is a small thing, named last, so the phrasing does not drop it unexplained.
  const minor: FeedbackPoint[] = [
    ...(onlyEe
      ? [
          {
            key: "register" as const,
            tone: "tip" as const,
            text: "「ええ」よりも「はい」のほうが、電話ではより改まった印象になります。",
          },
        ]
      : []),
    ...(f.fillers?.length === 1
      ? [
          {
            key: "fillers" as const,
            tone: "tip" as const,
            text: `「${f.fillers[0]}」は入れずに、一呼吸おいてから話すと、より落ち着いて聞こえます。`,
          },
        ]
      : []),
  ];
  if (f.fillers && f.fillers.length > 1) {
    problems.push({
      key: "fillers",
      tone: "warn",
      text: `${f.fillers
        .slice(0, 3)
        .map((w) => `「${w}」`)
        .join("")}などのつなぎ言葉が入っています。言葉に詰まったら、つなぎ言葉の代わりに一呼吸おきましょう。`,
    });
  }
  if (f.keigo) {
    problems.push({
      key: "keigo",
      tone: "warn",
      text: `「${f.keigo.said}」は「${f.keigo.correct}」としましょう。${f.keigo.reason}。`,
    });
  }

  const praise = praiseFor(f);
  // (A reply whose only slip is one えー stands; the verdict says what stands, so the tip does not contradict it.)
  const points =
    f.keep && problems.length === 0
      ? [
          {
            key: "keep",
            tone: "good" as const,
            text: minor.length > 0 ? "内容はこのままで十分です。" : "この返答はこのままで十分です。",
          },
        ]
      : [];
  const room = 3 - points.length - (praise ? 1 : 0);
  return [
    ...points,
    ...problems.slice(0, Math.max(room, 2)),
    ...(praise ? [praise] : []),
    // (A reply good as it stands still hears of its one えー, last: trainers let none pass unmentioned.)
    ...minor,
  ].slice(0, 3);
}

// The one thing this call most needed that the reply did not give.
function missingTip(f: FeedbackInput): FeedbackPoint | null {
  const feeling = f.caller?.feeling ?? "neutral";
  const upset = feeling !== "neutral" && feeling !== "happy";
  // Good news congratulated is good news heard.
  const acknowledged =
    f.backchannel ||
    f.parroting ||
    f.summarizing ||
    f.empathy ||
    f.thanked ||
    f.congratulated ||
    f.caller?.bare === true;
  // A regular's loss is the life she lives with, not news: met with warmth, not a formal condolence.
  if (feeling === "loss" && !f.condoled) {
    return {
      key: "empathy",
      tone: "tip",
      text:
        f.kind === "lonely"
          ? "大切な方を亡くされたお話です。「それはお寂しいですね」と、お気持ちに寄り添う一言を添えましょう。"
          : "大切な方を亡くされたお話です。用件の前に「心よりお悔やみ申し上げます」と、お悔やみの言葉を添えましょう。",
    };
  }
  if (f.kind === "lonely" && f.caller?.praisedOperator && !f.gladOrThankful) {
    return {
      key: "empathy",
      tone: "tip",
      text: "嬉しいお言葉をいただいています。「そうおっしゃっていただけて、嬉しいです」と、お礼の気持ちを伝えましょう。",
    };
  }
  if (feeling === "happy" && f.caller?.celebrating && !f.congratulated) {
    return {
      key: "empathy",
      tone: "tip",
      text: "おめでたいお話です。「それはおめでとうございます」と、お祝いの言葉を添えましょう。",
    };
  }
  // A complaint met with 相づち alone: the caller's words handed back and the apology are what it lacked,
  // one lesson.
  if (
    f.tokenOnly &&
    f.kind === "angry" &&
    f.caller?.reflection &&
    apologyOwed(f.kind, f.caller) &&
    f.apology === "none" &&
    !f.apologizedBefore
  ) {
    return {
      key: "apology",
      tone: "tip",
      text: `相づちだけでは、お話が伝わったかお客様にはわかりません。「${f.caller.reflection}」とお客様の言葉で受け止め、「${f.suggested.apology.replace(/。$/, "")}」とお詫びしましょう。`,
    };
  }
  // (A datum given as asked, 緑町3丁目の12番です, is no new trouble to apologize or feel for.)
  if (
    apologyOwed(f.kind, f.caller) &&
    f.apology === "none" &&
    !f.apologizedBefore &&
    !f.caller?.answeredDatum
  ) {
    return {
      key: "apology",
      tone: "tip",
      // 申し訳ございませんが before a no softens the no; it apologizes for nothing that happened.
      text: `${
        /^申し訳/.test(f.quotes.cushion ?? "")
          ? `『${f.quotes.cushion}』は断りの前置きで、起きたことへのお詫びにはなっていません。`
          : "お詫びの言葉がありません。"
      }「${f.suggested.apology.replace(/。$/, "")}」と、起きたことに限ってお詫びしましょう（限定謝罪）。`,
    };
  }
  if ((upset || feeling === "happy") && !f.empathy && f.suggested.empathy && !f.caller?.answeredDatum) {
    return {
      key: "empathy",
      tone: "tip",
      text: `お気持ちに触れる言葉がありません。「${f.suggested.empathy.replace(/。$/, "")}」のように、お客様の気持ちを言葉にしましょう。`,
    };
  }
  // A rebuttal's point already asks for the apology and empathy a thank-you would stand in for.
  // An inquiry's question is received by naming it, as the better phrasing does (はい、手数料でございますね).
  if (
    !acknowledged &&
    f.violation === "none" &&
    f.kind === "inquiry" &&
    f.caller?.asked &&
    f.caller.askedAbout &&
    !admissionWord.test(f.caller.askedAbout)
  ) {
    return {
      key: "backchannel",
      tone: "tip",
      text: `答える前に「はい、${honorPrefix(f.caller.askedAbout)}でございますね」と、ご質問を受け止めましょう。`,
    };
  }
  if (!acknowledged && f.violation !== "argue") {
    return {
      key: "backchannel",
      tone: "tip",
      text: `まず「${f.suggested.opening.replace(/。$/, "")}」と受け止めてから、話を進めましょう。`,
    };
  }
  if (f.unconfirmed) {
    return {
      key: "parroting",
      tone: "tip",
      text: `先へ進む前に「${f.unconfirmed}」と、ご用件を復唱して確かめましょう。`,
    };
  }
  if (f.nextStep) {
    return {
      key: "question",
      tone: "tip",
      text: `このあと何をするかが伝わっていません。「${f.nextStep.replace(/。$/, "")}」のように、次の対応をお伝えしましょう。`,
    };
  }
  const reflection = f.caller?.reflection;
  if (!f.parroting && !f.summarizing && reflection && f.kind !== "inquiry") {
    return {
      key: "parroting",
      tone: "tip",
      text: `「${reflection}」のように、お客様の言葉を繰り返すと、聞いていることが伝わります。`,
    };
  }
  const data = f.caller?.data ?? [];
  if (!f.parroting && !f.summarizing && data.length > 0 && f.kind === "inquiry") {
    return {
      key: "parroting",
      tone: "tip",
      text: `お客様が伝えた「${data.join("、")}」を復唱して、聞き違いがないか確かめましょう。`,
    };
  }
  if (f.apology === "limited" && !f.apologyScoped && f.kind === "angry") {
    return {
      key: "apology",
      tone: "tip",
      text: "「ご不便をおかけし」など、何に対するお詫びかを添えると、限定謝罪として伝わります。",
    };
  }
  return null;
}

// The best thing the reply did, named with its own words.
function praiseFor(f: FeedbackInput): FeedbackPoint | null {
  const quoted = (key: keyof FeedbackInput["quotes"]) => f.quotes[key];
  // Nothing inside the sentence that broke a don't is praised (「申し訳ございませんが、規定により…」).
  const violationQuote = f.quotes.violation;
  const unflagged = (text: string | undefined) =>
    text !== undefined &&
    (f.violation === "none" ||
      violationQuote === undefined ||
      !(violationQuote.includes(text) || text.includes(violationQuote)));
  const summary = quoted("summarizing");
  // A quote that thanks, apologizes or names a feeling shows no condensed story, whatever earned the label.
  // …nor does one short clause (ご飯が硬くて食べづらいんですね): that is praised as the words handed back.
  const showsSummary = (text: string) =>
    !/ありがと|申し訳|存じます|お察し|ですよね|ますよね|ごめん|すみません/.test(text) &&
    (/[、。\s]/.test(text) || text.length >= 28);
  if (f.summarizing && summary && unflagged(summary) && showsSummary(summary))
    return {
      key: "summarizing",
      tone: "good",
      text: `『${summary}』と、お話の要点をまとめて確認できています。`,
    };
  if (f.summarizing && !summary) {
    return {
      key: "summarizing",
      tone: "good",
      text: `お話の要点を${Math.max(2, f.summaryPoints)}つにまとめて確認できています。`,
    };
  }
  const parroted = quoted("parroting");
  const empathyQuote = quoted("empathy");
  // The caller's feeling handed back (それは心細いですよね) is praised as the empathy it is.
  if (
    f.parroting &&
    parroted &&
    f.empathy &&
    empathyQuote &&
    unflagged(empathyQuote) &&
    (parroted.includes(empathyQuote) || empathyQuote.includes(parroted))
  )
    return { key: "empathy", tone: "good", text: `『${empathyQuote}』と、お気持ちに寄り添えています。` };
  // Their words handed back and the feeling named in another sentence: both are what listening did.
  if (
    f.parroting &&
    parroted &&
    unflagged(parroted) &&
    f.empathy &&
    empathyQuote &&
    unflagged(empathyQuote) &&
    parroted.length + empathyQuote.length <= 60
  )
    return {
      key: "empathy",
      tone: "good",
      text: `『${parroted}』とお客様の言葉で受け止め、『${empathyQuote}』とお気持ちにも寄り添えています。`,
    };
  if (f.parroting && parroted && unflagged(parroted))
    return { key: "parroting", tone: "good", text: `『${parroted}』と、お客様の言葉で復唱できています。` };
  const empathy = quoted("empathy");
  if (f.empathy && empathy && unflagged(empathy))
    return { key: "empathy", tone: "good", text: `『${empathy}』と、お気持ちに寄り添えています。` };
  const apology = quoted("apology");
  if (f.apology === "limited" && f.apologyScoped && apology) {
    return {
      key: "apology",
      tone: "good",
      text: `『${apology}』と、ご不便に限ってお詫びできています（限定謝罪）。`,
    };
  }
  const question = quoted("question");
  // (The question that follows a change of topic carries it on: not praised.)
  if (f.question === "open" && question && unflagged(question) && f.violation !== "derail") {
    return {
      key: "question",
      tone: "good",
      text: `『${question}』と、お客様が話しやすい開かれた質問ができています。`,
    };
  }
  const cushion = quoted("cushion");
  // (A cushion before a don't, 申し訳ございませんが…対応いたしかねます, softened the fault: not praised.)
  if (f.cushion && cushion && unflagged(cushion) && f.violation === "none")
    return { key: "cushion", tone: "good", text: `『${cushion}』と、クッション言葉を添えられています。` };
  if (f.question === "closed" && question && unflagged(question)) {
    return { key: "question", tone: "good", text: `『${question}』と、必要なことを確認できています。` };
  }
  // A 相づち before a rebuttal received nothing: it is not praised next to the fault.
  // はい before an answer to a question is the answer's opening, not listening to be praised.
  if (
    f.backchannel &&
    f.violation === "none" &&
    !f.repeatedToken &&
    // ええ faulted as casual is not praised in the same breath.
    !f.casual &&
    !(f.kind === "inquiry" && f.caller?.asked)
  )
    return {
      key: "backchannel",
      tone: "good",
      text: f.quotes.backchannel
        ? `『${f.quotes.backchannel}』と相づちを打ち、お話をさえぎらずに受け止められています。`
        : "相づちでお話を受け止められています。",
    };
  return null;
}

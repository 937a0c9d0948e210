import type { Span } from "./text-spans";

/** A 敬語 slip a trainer corrects: the caller lowered with 丁寧語, or our own side raised. */
export interface KeigoSlip {
  span: Span;
  /** The words as said and as they should be. */
  said: string;
  correct: string;
  /** Why, in one line a trainer would say. */
  reason: string;
}

const slips: { pattern: RegExp; correct: (said: string) => string; reason: string }[] = [
  {
    // 山田様でございますね: ございます is 丁寧語; the caller is raised with でいらっしゃいます.
    // (Only the caller named: お届け先は佐藤様でございますね reads back a datum, and お子様 / 2名様 count.)
    pattern:
      /(?<=^|[。、\s]|はい)[^、。はがをにの\s]{1,8}?(?<![左同名人0-9０-９皆]|お子|お客|愁傷|お疲れ|ご苦労|お互い|ご馳走|ごちそう|お世話)様でございま(す|した)/g,
    correct: (said) => said.replace("でございま", "でいらっしゃいま"),
    reason: "お客様には尊敬語を使いましょう",
  },
  {
    // 担当の者に伝えておきます: what we pass on inside the company is 申し伝えます.
    pattern:
      /(?<=(担当|者|スタッフ|運転手|係|店長|上司|責任者|ドライバー)(の者)?(に|にも|へ)[^。、]{0,12})伝えて?おきます(ね)?/g,
    correct: () => "申し伝えます",
    reason: "社内の者に伝えるときは謙譲語にしましょう",
  },
  {
    // ご住所を教えてもらえますか: a request to the caller is 教えていただけますか.
    pattern: /教えてもらえ(ます|ません)か/g,
    correct: (said) => said.replace("もらえ", "いただけ"),
    reason: "お客様へのお願いは「いただく」を使いましょう",
  },
  {
    // 要するに、…ということですね: it cuts the caller's story short; a summary is offered, not concluded.
    pattern: /要するに/g,
    correct: () => "整理いたしますと",
    reason: "「要するに」はお話を切り上げる印象を与えます",
  },
  {
    // 不快な思いをおさせしてしまい: a feeling is caused with おかけする, not a humble 〜させる.
    pattern: /思いをおさせして/g,
    correct: () => "思いをおかけして",
    reason: "「思いをさせる」は謙譲語にせず「思いをおかけする」としましょう",
  },
  {
    // お手続きできます: what the caller does is offered with いただけます.
    pattern: /(?<=^|[、。\s])(お手続き|お申し込み|ご利用|ご購入|ご予約)(が)?できます/g,
    correct: (said) => said.replace(/(が)?できます$/, "いただけます"),
    reason: "お客様がなさることは「〜いただけます」としましょう",
  },
  {
    // すみません / ごめんなさい to a customer: an apology is 申し訳ございません, a cushion 恐れ入りますが.
    pattern: /(すみません|すいません|ごめんなさい)(でした|が|けど)?(ね)?/g,
    correct: (said) =>
      /(が|けど)$/.test(said)
        ? "恐れ入りますが"
        : /でした$/.test(said)
          ? "申し訳ございませんでした"
          : "申し訳ございません",
    reason: "「すみません」「ごめんなさい」は、お客様には軽く聞こえます",
  },
  {
    // 承知しました / 了解しました: a request taken from a customer is 承知いたしました or かしこまりました.
    pattern: /(承知|了解)(しました|です)(?=[、。\s！!]|$)/g,
    correct: (said) => (said.startsWith("了解") ? "かしこまりました" : "承知いたしました"),
    reason: "お客様には「かしこまりました」「承知いたしました」を使いましょう",
  },
  {
    // お申し込みされますか: お〜する made respectful with される is a double 敬語: お申し込みになりますか.
    pattern: /お(申し込み|使い|求め|買い求め|持ち|読み|越し|待ち|帰り)され(ます|ました|ません)/g,
    correct: (said) =>
      said.replace(
        /され(ます|ました|ません)$/,
        (_m: string, end: string) => `にな${end.replace(/^ま/, "りま")}`,
      ),
    reason: "「お〜される」は二重敬語です。「お〜になる」としましょう",
  },
  {
    // キャンセルにしますか: what the caller will do is asked with なさいますか.
    pattern: /(?<=(キャンセル|変更|ご予約|予約|解約|延長|お支払い|ご注文)(に|を)?)しますか/g,
    correct: () => "なさいますか",
    reason: "お客様がなさることは尊敬語で伺いましょう",
  },
  {
    // 大丈夫です、集合場所は…: reassurance said on its own is ご安心ください.
    // (日にちの変更、大丈夫です answers a question: only reassurance said on its own is corrected.)
    pattern: /(?<=^|[。\s]|(はい|ええ)[、]?)大丈夫です(よ)?(?=[、。\s]|$)/g,
    correct: () => "ご安心ください",
    reason: "「大丈夫です」は、お客様には軽く聞こえます",
  },
];

/** The 敬語 slips of a reply, in order. */
export function detectKeigoSlips(reply: string): KeigoSlip[] {
  const found: KeigoSlip[] = [];
  for (const slip of slips) {
    for (const m of reply.matchAll(slip.pattern)) {
      const start = m.index ?? 0;
      found.push({
        span: { start, end: start + m[0].length },
        said: m[0],
        correct: slip.correct(m[0]),
        reason: slip.reason,
      });
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** The reply's words with its 敬語 slips corrected. */
export function correctKeigo(text: string): string {
  let out = text;
  for (const slip of detectKeigoSlips(text).reverse())
    out = `${out.slice(0, slip.span.start)}${slip.correct}${out.slice(slip.span.end)}`;
  return out;
}

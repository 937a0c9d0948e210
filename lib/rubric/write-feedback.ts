import type { QuestionKind, ViolationKind } from "./labels";
import type { ReplyRegister, SignalKey } from "./reply-analysis";

export interface FeedbackFacts {
  backchannel: boolean;
  parroting: boolean;
  parrotedPhrase: string | null;
  summarizing: boolean;
  summaryPoints: number;
  question: QuestionKind;
  empathy: boolean;
  empathyPhrase: string | null;
  cushion: boolean;
  cushionPhrase: string | null;
  violation: ViolationKind;
  violationPhrase: string | null;
  interruption: boolean;
  apology: "none" | "limited" | "blanket";
  apologyScoped: boolean;
  register: ReplyRegister;
  /** A key phrase of the caller's latest turn, to show what could have been repeated. */
  callerPhrase: string | null;
}

const violationAdvice: Record<Exclude<ViolationKind, "none">, string> = {
  criticize: "お客様を責める言い方になっています。事実確認の前に、まずお話を受け止めましょう",
  argue: "お客様の言葉に反論しています。『ですから』『でも』で返さず、まずお気持ちを受け止めましょう",
  advise:
    "求められていない助言になっています。お客様がどうすべきかではなく、こちらでできる対応をお伝えしましょう",
  opinion: "ご自身の意見や評価が入っています。お客様のお話を中心に聞きましょう",
  derail: "お客様の話題を受け止める前に話を切り替えています。まずはお話を受け止めましょう",
};

/** One short Japanese feedback line per signal. */
export function writeFeedback(f: FeedbackFacts): Record<SignalKey, string> {
  return {
    backchannel: f.backchannel
      ? "相づちでお話を受け止められています"
      : "最初に『さようでございますか』などの相づちで受け止めましょう",
    parroting: f.parroting
      ? `${quote(f.parrotedPhrase)}と、お客様の言葉で復唱できています`
      : `お客様の言葉${f.callerPhrase ? `（${quote(f.callerPhrase)}）` : ""}をそのまま繰り返して確認しましょう`,
    summarizing: f.summarizing
      ? `お話の要点を${f.summaryPoints}つまとめて確認できています`
      : "要点を二つ以上まとめて『〜ということですね』と確認すると、理解が伝わります",
    question:
      f.question === "open"
        ? "開かれた質問で、お客様が自由に話せるよう促せています"
        : f.question === "closed"
          ? "閉じた質問で事実を確認できています。状況を広く伺うときは『どのような〜』も使いましょう"
          : "質問がありません。『どのような状況でしょうか』と伺ってみましょう",
    empathy: f.empathy
      ? `${quote(f.empathyPhrase)}と、お気持ちに寄り添えています`
      : "『それはお困りでしたよね』など、お気持ちを言葉にしましょう",
    cushion: f.cushion
      ? `${quote(f.cushionPhrase)}で、お願いや質問をやわらげられています`
      : f.question !== "none"
        ? "質問やお願いの前に『恐れ入りますが』などのクッション言葉を添えましょう"
        : "お願いや質問をするときは『恐れ入りますが』を添えましょう",
    violation:
      f.violation === "none"
        ? "批判・反論・助言・私見・話題の切り替えはなく、聞く姿勢を保てています"
        : `${violationAdvice[f.violation]}${f.violationPhrase ? `（${quote(f.violationPhrase)}）` : ""}`,
    interruption: f.interruption
      ? "お客様が話し終える前に話し始めています。最後まで聞いてから応答しましょう"
      : "お客様の話を遮らずに聞けています",
    apology:
      f.apology === "blanket"
        ? "事実確認の前に全面的に非を認めています。『ご不便をおかけし申し訳ございません』と限定して謝罪しましょう"
        : f.apology === "limited"
          ? f.apologyScoped
            ? "ご不便やお気持ちに対して謝罪できています（限定謝罪）"
            : "謝罪できています。『ご不便をおかけし』など、何に対する謝罪かを添えるとより丁寧です"
          : "謝罪はありません。ご不便をおかけした場面では限定謝罪を添えましょう",
    register: f.register.repeatedToken
      ? `『${f.register.repeatedToken}』が続いています。相づちに変化をつけましょう`
      : f.register.casual
        ? "『ええ』『うん』『なるほど』などの相づちは、お客様にはくだけた印象です。『はい』『さようでございますか』を使いましょう"
        : "相づちの言葉づかいは適切です",
  };
}

function quote(text: string | null): string {
  return text ? `『${text}』` : "";
}

import type { PersonaKind } from "@/lib/scenario/schema";

// Fallback lines per persona kind, so that a scenario only writes its own when the character needs it.

export const defaultInterruptedLines: Record<PersonaKind, string[]> = {
  angry: [
    "ちょっと、まだ話してるんだけど！",
    "人の話、最後まで聞いてくれる？",
    "だから、今それを説明してるんでしょ！",
  ],
  lonely: ["あら、まだ途中なのよ…最後まで聞いてちょうだい。", "ちょっと待って、まだお話の続きがあるのよ。"],
  inquiry: ["あ、すみません、まだ途中なんですけど…", "えっと、最後まで言わせてもらっていいですか。"],
  contest: ["あの、すみません、まだ話の途中なんですが…", "えっと、最後まで聞いていただけますか。"],
  custom: ["すみません、まだ話している途中なんですが。", "ちょっと、最後まで聞いてもらえますか。"],
};

export const defaultTimeoutLines: Record<PersonaKind, string[]> = {
  angry: ["もういい、時間の無駄だわ。また掛け直します。", "いつまで待たせるの？もう結構です。"],
  lonely: [
    "あらやだ、もうこんな時間。長々とごめんなさいね、またお電話するわね。",
    "あら、いけない、お鍋を火にかけたままだったわ。また掛けるわね。",
  ],
  inquiry: ["すみません、時間がないのでまた掛け直します。", "ちょっと時間切れなので、また改めます。"],
  contest: [
    "すみません、そろそろ出かけなければならないので、また改めてお電話します。失礼します。",
    "あ、すみません、時間がなくなってしまって…また掛け直します。失礼します。",
  ],
  custom: ["すみません、時間なのでまた掛け直します。"],
};

export const defaultRefuseLines: Record<PersonaKind, string[]> = {
  angry: ["その前に、言うことがあるんじゃないの？", "番号とかより先に、こっちの話を聞いてよ。"],
  lonely: ["あら、なんだったかしら…それより聞いてちょうだいよ。"],
  inquiry: ["あ、それはちょっと後で…先にこちらの話をいいですか。"],
  contest: ["あ、それはちょっと後でもいいですか。先にこちらの話を聞いていただけますか。"],
  custom: ["それは後でお伝えします。"],
};

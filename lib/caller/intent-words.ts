import type { IntentKind } from "@/lib/scenario/schema";

// Keyword lists per intent, written once in their most common spelling; normalizeText folds the
// reply (and these words) so variants like お取替え / オツナギ match too.
export const intentWords: Record<Exclude<IntentKind, "askedFact" | "endedByTrainee">, readonly string[]> = {
  apologized: [
    "申し訳ございません",
    "申し訳ございませんでした",
    "すみません",
    "失礼いたしました",
    "ご迷惑をおかけ",
    "ご不便をおかけ",
    "ご心配をおかけ",
    "お詫び",
  ],
  offeredRemedy: ["交換", "返金", "再送", "再発送", "お取り替え", "お送り直", "代わりの品", "返品"],
  offeredCallback: ["折り返し", "こちらからご連絡", "こちらからお電話", "改めてご連絡", "改めてお電話"],
  triedToClose: [
    "他にご不明な点",
    "ほかにご不明な点",
    "他に何か",
    "ほかに何か",
    "お電話ありがとうございました",
    "失礼いたします",
    "失礼します",
    "そろそろ",
    "また何かございましたら",
    "またお電話ください",
    "またいつでもお電話",
  ],
  properClosing: ["お電話ありがとうございました", "ありがとうございました"],
  declinedPersonalQuestion: [
    "お答えできかねます",
    "お答えいたしかねます",
    "お答えできません",
    "お答えは控え",
    "お答えするのは控え",
    "控えさせていただ",
    "お教えできかねます",
    "お伝えできかねます",
    "お伝えしておりません",
    "ご容赦",
    "ご勘弁",
  ],
  supervisorInMeeting: ["会議中", "会議に出て", "会議に入って", "打ち合わせ中", "ミーティング中"],
  supervisorOut: ["外出", "出かけております"],
  transferred: [
    "おつなぎします",
    "おつなぎいたします",
    "おつなぎしますので",
    "転送",
    "担当部署に回",
    "お回しします",
    "お回しいたします",
    "担当の者に代わ",
    "担当者に代わ",
    "代わりますので",
  ],
  readBack: [
    "復唱",
    "確認させていただきます",
    "確認いたします",
    "念のため",
    "繰り返させて",
    "お間違いない",
    "でよろしいでしょうか",
  ],
  greeted: ["お電話ありがとうございます"],
};

/** A proper closing thanks the caller (properClosing words) and also takes leave with one of these. */
export const farewellWords: readonly string[] = [
  "失礼いたします",
  "失礼します",
  "お待ちしております",
  "承りました",
];

/** Intents that a following refusal (交換はできかねます) cancels. */
export const negatableIntents: readonly IntentKind[] = ["offeredRemedy", "offeredCallback", "transferred"];

import { describe, expect, it } from "vitest";
import { detectIntents, detectPhrases, type Intent } from "@/lib/caller/detect-intents";
import type { Scenario } from "@/lib/scenario/schema";

const scenario: Pick<Scenario, "persona" | "intentWords"> = {
  intentWords: { offeredRemedy: ["休止"] },
  persona: {
    name: "山田",
    age: 50,
    speakingStyle: "早口",
    speakingRate: 8,
    facts: {
      orderNumber: {
        label: "注文番号",
        value: "T-58213",
        askedBy: ["注文番号", "お客様番号", "ご注文の番号"],
        answers: ["T-58213"],
      },
      amount: {
        label: "金額",
        value: "4,980円",
        readBackWords: ["4980円"],
        askedBy: ["金額", "いくら"],
        answers: ["4,980円"],
      },
    },
  },
};

const kinds = (reply: string) => detectIntents(reply, scenario).map((intent) => intent.kind);

// Each intent: replies that must detect it, and near misses that must not.
const cases: { intent: Intent["kind"]; positives: string[]; negatives: string[] }[] = [
  {
    intent: "askedFact",
    positives: [
      "恐れ入りますが、ご注文番号を教えていただけますか。",
      "お客様番号をお願いします",
      "ご注文の番号は？",
    ],
    negatives: [
      "ご注文番号はT-58213でございますね。",
      "注文番号の件、承知しました。",
      "ありがとうございます。",
    ],
  },
  {
    intent: "apologized",
    positives: [
      "申し訳ございません。",
      "大変失礼いたしました",
      "ご迷惑をおかけしました",
      "申し訳ありませんでした",
      "すみません",
    ],
    negatives: ["ありがとうございます。", "失礼いたします。"],
  },
  {
    intent: "offeredRemedy",
    positives: [
      "新しい商品と交換いたします。",
      "ご返金いたします",
      "本日再送いたします",
      "お取替えいたします",
      "しばらく休止もできます",
    ],
    negatives: ["交換はできかねます。", "返金はいたしかねます", "商品をお調べいたします。"],
  },
  {
    intent: "offeredCallback",
    positives: ["戻り次第、折り返しお電話いたします。", "改めてご連絡いたします"],
    negatives: ["折り返しはできかねます。", "少々お待ちください。"],
  },
  {
    intent: "triedToClose",
    positives: [
      "他にご不明な点はございますか。",
      "お電話ありがとうございました。",
      "失礼いたします。",
      "そろそろ失礼いたします",
    ],
    negatives: ["大変失礼いたしました。", "お電話ありがとうございます。", "ご注文番号を教えてください。"],
  },
  {
    intent: "properClosing",
    positives: [
      "お電話ありがとうございました。担当の佐藤が承りました。失礼いたします。",
      "本日はありがとうございました。失礼します。",
    ],
    negatives: ["お電話ありがとうございました。", "失礼いたします。", "他にご不明な点はございますか。"],
  },
  {
    intent: "declinedPersonalQuestion",
    positives: [
      "申し訳ございませんが、私のことはお答えできかねます。",
      "私自身のことは控えさせていただいております。",
      "個人的なことはお答えを控えさせて頂きます",
    ],
    negatives: ["申し訳ございません。", "控えめに申し上げても素敵です。", "お答えいたします。"],
  },
  {
    intent: "supervisorInMeeting",
    positives: ["責任者はただいま会議中でございます。", "上の者は打ち合わせ中です"],
    negatives: ["責任者はただいま外出しております。", "担当者に確認いたします。"],
  },
  {
    intent: "supervisorOut",
    positives: ["あいにく責任者は外出しております。", "ただいま出かけております"],
    negatives: ["責任者は会議中です。", "席におります。"],
  },
  {
    intent: "transferred",
    positives: [
      "担当部署におつなぎします。",
      "お繋ぎいたします",
      "オツナギします",
      "担当部署に回します",
      "転送いたします",
    ],
    negatives: ["これ以上おつなぎすることはいたしません。", "転送はできかねます。", "私が承ります。"],
  },
  {
    intent: "readBack",
    positives: [
      "確認させていただきます。ご注文番号T-58213ですね。",
      "復唱いたします。4,980円を返金いたします。",
      "T58213でお間違いないでしょうか。",
    ],
    negatives: ["確認させていただきます。", "T-58213ですね。", "ご注文番号を確認させていただけますか。"],
  },
  {
    intent: "greeted",
    positives: ["お電話ありがとうございます。みどり荘でございます。"],
    negatives: ["お電話ありがとうございました。", "はい。"],
  },
];

describe("detectIntents", () => {
  for (const { intent, positives, negatives } of cases) {
    it.each(positives)(`${intent}: detects %s`, (reply) => {
      expect(kinds(reply)).toContain(intent);
    });
    it.each(negatives)(`${intent}: ignores %s`, (reply) => {
      expect(kinds(reply)).not.toContain(intent);
    });
  }

  it("names the fact that was asked for", () => {
    expect(detectIntents("恐れ入りますが、金額はおいくらでしたか。", scenario)).toEqual([
      { kind: "askedFact", factId: "amount" },
    ]);
  });

  it("never reports endedByTrainee from text", () => {
    expect(kinds("失礼いたします。切ります。")).not.toContain("endedByTrainee");
  });
});

describe("detectPhrases", () => {
  it.each([
    ["ふたを右に回してください", ["steps"]],
    ["フタをロックしてください", ["steps"]],
    ["少々お待ちください", []],
  ])("%s → %j", (reply, expected) => {
    expect(detectPhrases(reply, { phrases: { steps: ["ふた", "ロック"] } })).toEqual(expected);
  });
});

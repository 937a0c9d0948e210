import { describe, expect, it } from "vitest";
import { builtIn, playCall, type ScriptedTurn, signals } from "@/lib/caller/test-transcripts";

// Scripted operators against the built-in scenarios. Signals are what the rubric analyzer would label
// each reply with; the engine only trusts them, so the tests state them by hand.

const warm = signals({ backchannel: true, parroting: true, empathy: true });
const warmApology = signals({ backchannel: true, parroting: true, empathy: true, apology: "limited" });
const ask = signals({ backchannel: true, cushion: true, question: "closed" });
const askWarm = signals({ backchannel: true, empathy: true, cushion: true, question: "closed" });
const askOpen = signals({ backchannel: true, empathy: true, question: "open" });
const plain = signals({ backchannel: true });
const summary = signals({ backchannel: true, summarizing: true });
const closing = signals({ question: "closed" });
const interrupt = signals({ interruption: true });
const argue = signals({ violation: "argue" });
const criticize = signals({ violation: "criticize" });

const goodCalls: { id: string; turns: ScriptedTurn[]; falling: string }[] = [
  {
    id: "angry-broken-bottle",
    falling: "anger",
    turns: [
      {
        reply:
          "さようでございますか、瓶が割れていたのですね。楽しみにされていたところ、ご不快な思いをおかけして申し訳ございません。",
        signals: warmApology,
      },
      {
        reply:
          "床まで汚れてしまったのですね。お片付けも大変でしたよね。恐れ入りますが、ご注文番号を教えていただけますか。",
        signals: askWarm,
      },
      {
        reply: "ありがとうございます。割れてしまった1本は、新しいものを本日発送で再送いたします。",
        signals: plain,
      },
      {
        reply: "確認させていただきます。ご注文番号T-58213の黒酢ドリンク1本を本日発送で再送いたします。",
        signals: summary,
      },
      {
        reply:
          "ほかにご不明な点はございませんか。お電話ありがとうございました。担当の佐藤が承りました。失礼いたします。",
        signals: closing,
      },
    ],
  },
  {
    id: "angry-cancel-minimum",
    falling: "anger",
    turns: [
      {
        reply: "さようでございましたか。回数のお約束をご存じなかったのですね。驚かれましたよね。",
        signals: warm,
      },
      {
        reply: "お試しのつもりだったのですね。差し支えなければ、解約をご希望の理由をお聞かせいただけますか。",
        signals: signals({ backchannel: true, parroting: true, cushion: true, question: "open" }),
      },
      {
        reply:
          "飲みきれずにたまってしまうのはお困りですよね。恐れ入りますが、ご注文番号を教えていただけますか。",
        signals: askWarm,
      },
      {
        reply: "恐れ入りますが、こちらのコースは4回のお受け取りをお約束いただいております。",
        signals: signals({ backchannel: true, cushion: true }),
      },
      {
        reply: "よろしければ、お届け間隔を3か月ごとに延ばすこともできますが、いかがでしょうか。",
        signals: signals({ cushion: true, question: "closed" }),
      },
      {
        reply:
          "確認させていただきます。ご注文番号S-30417の定期便を、次回から3か月ごとのお届けに変更いたします。",
        signals: summary,
      },
      { reply: "お電話ありがとうございました。担当の佐藤が承りました。失礼いたします。", signals: closing },
    ],
  },
  {
    id: "angry-double-charge",
    falling: "anger",
    turns: [
      {
        reply:
          "さようでございますか、同じ金額が2回請求されているのですね。さぞご不安でしたよね。ご心配をおかけして申し訳ございません。",
        signals: warmApology,
      },
      { reply: "恐れ入りますが、ご注文番号を教えていただけますか。", signals: ask },
      { reply: "ありがとうございます。ご請求の金額と、日付を伺えますでしょうか。", signals: ask },
      {
        reply: "お調べしたところ、2回決済されておりました。2回目のご請求は本日取り消しの手続きをいたします。",
        signals: signals({ apology: "limited" }),
      },
      {
        reply: "確認させていただきます。ご注文番号D-77102、3日の4,980円のうち1件を本日取り消します。",
        signals: summary,
      },
      { reply: "お電話ありがとうございました。担当の佐藤が承りました。失礼いたします。", signals: closing },
    ],
  },
  {
    id: "angry-demand-supervisor",
    falling: "anger",
    turns: [
      {
        reply:
          "さようでございましたか。昨日お約束したご連絡ができず、一日お待たせしてしまい申し訳ございません。",
        signals: warmApology,
      },
      {
        reply: "あいにく責任者はただいま外出しております。私、佐藤が責任を持って承ります。",
        signals: signals({ backchannel: true, cushion: true }),
      },
      { reply: "恐れ入りますが、昨日の受付番号を教えていただけますか。", signals: ask },
      {
        reply:
          "見積もりのご連絡をお待ちだったのですね。責任者が戻り次第、本日15時までに折り返しお電話いたします。",
        signals: warm,
      },
      { reply: "恐れ入りますが、折り返し先のお電話番号を教えていただけますか。", signals: ask },
      {
        reply:
          "復唱いたします。受付番号R-1102の件で、本日15時までに090-3344-5521へ折り返しお電話いたします。",
        signals: summary,
      },
      { reply: "お電話ありがとうございました。私、佐藤が承りました。失礼いたします。", signals: closing },
    ],
  },
  {
    id: "angry-late-gift",
    falling: "anger",
    turns: [
      {
        reply:
          "さようでございますか。お母様のお誕生日に間に合わず、本当に残念なお気持ちですよね。ご迷惑をおかけし申し訳ございません。",
        signals: warmApology,
      },
      {
        reply:
          "特別なご準備をされていたのですね。恐れ入りますが、ご注文番号とお届け先を教えていただけますか。",
        signals: askWarm,
      },
      {
        reply: "お調べしたところ配送センターで止まっておりました。明日の午前中に最短でお届けいたします。",
        signals: plain,
      },
      {
        reply:
          "かしこまりました。確認させていただきます。ご注文番号G-24051、静岡の小林節子様宛てに明日の午前中にお届けいたします。",
        signals: summary,
      },
      { reply: "お電話ありがとうございました。担当の佐藤が承りました。失礼いたします。", signals: closing },
    ],
  },
  {
    id: "lonely-elderly-regular",
    falling: "loneliness",
    turns: [
      { reply: "松本様、いつもありがとうございます。膝が痛むのですね。それはお辛いですね。", signals: warm },
      { reply: "お一人でお買い物に行かれるのは大変ですよね。", signals: warm },
      {
        reply:
          "ありがとうございます。申し訳ございませんが、私自身のことはお答えを控えさせていただいております。",
        signals: signals({ backchannel: true, cushion: true, empathy: true }),
      },
      { reply: "恐れ入りますが、会員番号とご注文の数量を教えていただけますか。", signals: ask },
      {
        reply: "確認させていただきます。会員番号04771の松本ハル様、青汁を1箱お届けいたします。",
        signals: summary,
      },
      {
        reply: "ほかにご不明な点はございませんか。",
        signals: signals({ empathy: true, backchannel: true, question: "closed" }),
      },
      {
        reply: "お膝、お大事になさってください。お電話ありがとうございました。失礼いたします。",
        signals: signals({ empathy: true }),
      },
    ],
  },
  {
    id: "lonely-widow-daily",
    falling: "loneliness",
    turns: [
      {
        reply: "井上様、いつもありがとうございます。恐れ入りますが、会員番号を教えていただけますか。",
        signals: ask,
      },
      { reply: "ご主人様との思い出のお米なのですね。お一人になられて、お寂しいですよね。", signals: warm },
      {
        reply:
          "お気遣いありがとうございます。申し訳ございませんが、私自身のことはお答えを控えさせていただいております。",
        signals: signals({ backchannel: true, cushion: true, empathy: true }),
      },
      { reply: "確認いたしました。次回のお米5キロのお届けは15日でございます。", signals: plain },
      {
        reply: "そうおっしゃっていただけてうれしいです。ほかにご不明な点はございませんか。",
        signals: signals({ empathy: true, backchannel: true, question: "closed" }),
      },
      {
        reply: "どうぞお体を大切になさってください。お電話ありがとうございました。失礼いたします。",
        signals: signals({ empathy: true }),
      },
    ],
  },
  {
    id: "lonely-grandchild-cooker",
    falling: "loneliness",
    turns: [
      {
        reply: "さようでございますか。お孫さんのために肉じゃがを作られるのですね。楽しみですね。",
        signals: warm,
      },
      {
        reply:
          "試合で点を入れられたのですね、うれしいですね。圧力鍋はどのような状態になっていますでしょうか。",
        signals: askOpen,
      },
      { reply: "恐れ入りますが、本体の底にある型番を教えていただけますか。", signals: ask },
      {
        reply:
          "ふたを右に回して、カチッと鳴るまでロックしてから圧力ボタンを押してください。いかがでしょうか。",
        signals: closing,
      },
      { reply: "動いてよかったです。お孫さんと楽しい土曜日をお過ごしください。", signals: warm },
      { reply: "お電話ありがとうございました。失礼いたします。", signals: plain },
    ],
  },
  {
    id: "contest-ryokan-inquiry",
    falling: "confusion",
    turns: [
      {
        reply:
          "お電話ありがとうございます。みどり荘、予約係の佐藤でございます。どのようなご旅行をお考えでしょうか。",
        signals: signals({ question: "open" }),
      },
      {
        reply: "お祝いを兼ねたご旅行なのですね。何かお祝いでいらっしゃいますか。",
        signals: signals({ backchannel: true, parroting: true, question: "closed" }),
      },
      {
        reply: "還暦のお祝い、おめでとうございます。ご人数とご希望の日程を教えていただけますか。",
        signals: signals({ parroting: true, question: "closed" }),
      },
      {
        reply: "かしこまりました。差し支えなければ、何かご配慮が必要な点はございますか。",
        signals: signals({ backchannel: true, cushion: true, question: "closed" }),
      },
      {
        reply: "膝がお悪いと段差はおつらいですよね。段差のない和洋室にベッドのご用意がございます。",
        signals: signals({ empathy: true, parroting: true }),
      },
      {
        reply: "確認させていただきます。8日土曜日から1泊、大人4名様、段差のない和洋室でご用意いたします。",
        signals: summary,
      },
      {
        reply:
          "皆様のお越しをお待ちしております。お電話ありがとうございました。佐藤が承りました。失礼いたします。",
        signals: closing,
      },
    ],
  },
];

describe("good operators reach a resolved ending", () => {
  it.each(goodCalls)("$id", ({ id, turns, falling }) => {
    const scenario = builtIn(id);
    const call = playCall(scenario, turns);
    expect(call.final.ended, JSON.stringify(call.results.map((r) => [r.state.nodeId, r.intents]))).toEqual({
      reason: "resolved",
    });
    expect(call.results).toHaveLength(turns.length);
    expect(call.final.mood[falling]).toBeLessThan(call.moods[0]?.[falling] ?? 0);
    expect(call.final.goalsReached.length).toBeGreaterThanOrEqual(Object.keys(scenario.goals).length - 2);
  });
});

const badCalls: { name: string; id: string; turns: ScriptedTurn[]; reason: string; lastNode?: string }[] = [
  {
    name: "interrupting then arguing",
    id: "angry-broken-bottle",
    reason: "hung_up",
    turns: [
      { reply: "ご注文番号をお願いします。", signals: interrupt },
      { reply: "いえ、配送中の破損は運送会社の責任でして。", signals: argue },
      { reply: "ですから、先ほども申し上げた通りです。", signals: argue },
    ],
  },
  {
    name: "arguing the terms",
    id: "angry-cancel-minimum",
    reason: "hung_up",
    turns: [
      { reply: "でも規約に書いてありますので。", signals: argue },
      { reply: "お申し込みの際に確認されなかったのですか。", signals: criticize },
    ],
  },
  {
    name: "suspecting the caller",
    id: "angry-double-charge",
    reason: "hung_up",
    turns: [
      { reply: "お客様が2回注文されたのではないですか。", signals: criticize },
      { reply: "こちらのシステムでそういうことは起きません。", signals: argue },
    ],
  },
  {
    name: "saying the supervisor is in a meeting",
    id: "angry-demand-supervisor",
    reason: "hung_up",
    lastNode: "hangUp",
    turns: [
      { reply: "責任者はただいま会議中でございます。", signals: plain },
      {
        reply: "会議が終わるまでお待ちいただけますか。",
        signals: signals({ question: "closed", violation: "argue" }),
      },
    ],
  },
  {
    name: "transferring twice",
    id: "angry-demand-supervisor",
    reason: "hung_up",
    lastNode: "hangUpPassedAround",
    turns: [
      { reply: "担当部署におつなぎします。少々お待ちください。", signals: plain },
      { reply: "申し訳ございません、別の担当者におつなぎいたします。", signals: plain },
    ],
  },
  {
    name: "interrupting a grieving daughter",
    id: "angry-late-gift",
    reason: "hung_up",
    turns: [
      { reply: "1日くらいの遅れでしたら…", signals: signals({ interruption: true, violation: "opinion" }) },
      { reply: "配送は運送会社の管轄ですので。", signals: argue },
    ],
  },
];

describe("bad operators drive the caller to hang up", () => {
  it.each(badCalls)("$id: $name", ({ id, turns, reason, lastNode }) => {
    const scenario = builtIn(id);
    const call = playCall(scenario, turns);
    expect(call.final.ended).toEqual({ reason });
    if (lastNode) expect(call.final.nodeId).toBe(lastNode);
    const anger = call.moods.map((mood) => mood.anger ?? 0);
    expect(anger.at(-1)).toBeGreaterThan(anger[0] ?? 100);
  });

  it("an interrupted caller reacts in character before going on", () => {
    const call = playCall(builtIn("angry-broken-bottle"), [{ reply: "ご注文番号を", signals: interrupt }]);
    const lines = call.results[0]?.lines ?? [];
    expect(lines[0]?.kind).toBe("interrupted");
    expect(lines[0]?.text).toMatch(/話してる|聞いて|説明してる/);
    expect(call.results[0]?.moodDelta.anger).toBeGreaterThan(0);
    expect(call.final.factsRevealed).toEqual([]);
  });
});

describe("lonely callers need a kind close", () => {
  const chatter: ScriptedTurn = { reply: "そうなんですね、それは素敵ですね。", signals: warm };

  it.each(["lonely-elderly-regular", "lonely-widow-daily", "lonely-grandchild-cooker"])(
    "%s: chatting along for ever runs out of time",
    (id) => {
      const scenario = builtIn(id);
      const call = playCall(
        scenario,
        Array.from({ length: 40 }, () => chatter),
      );
      expect(call.final.ended).toEqual({ reason: "time_out" });
      expect(call.final.turn).toBe(scenario.maxTurns);
      expect(call.final.goalsReached).not.toContain("kindClosing");
    },
  );

  it("closing before listening makes the caller cling instead of resolving", () => {
    const call = playCall(builtIn("lonely-elderly-regular"), [
      { reply: "お電話ありがとうございました。失礼いたします。", signals: closing },
    ]);
    expect(call.final.ended).toBeNull();
    expect(call.final.nodeId).toBe("clinging");
  });

  it("advice to a widow deepens her loneliness", () => {
    const call = playCall(builtIn("lonely-widow-daily"), [
      { reply: "デイサービスに行かれてはいかがですか。", signals: signals({ violation: "advise" }) },
    ]);
    expect(call.final.nodeId).toBe("adviceHurt");
    expect(call.results[0]?.moodDelta.loneliness).toBeGreaterThan(0);
  });
});

describe("the contest call", () => {
  it("runs out after three minutes", () => {
    const scenario = builtIn("contest-ryokan-inquiry");
    const call = playCall(
      scenario,
      Array.from({ length: 10 }, () => ({ reply: "はい。", signals: plain })),
      {
        secondsPerTurn: 40,
      },
    );
    expect(call.final.ended).toEqual({ reason: "time_out" });
    expect(call.final.elapsedMs).toBeGreaterThan(180_000);
  });
});

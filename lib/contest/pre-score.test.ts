import { describe, expect, it } from "vitest";
import { advanceCall } from "@/lib/caller/advance-call";
import type { CallState } from "@/lib/caller/call-state";
import { drawContestVariant } from "@/lib/caller/contest-variant";
import { startCall } from "@/lib/caller/start-call";
import { builtIn, signals } from "@/lib/caller/test-transcripts";
import type { ListeningSignals } from "@/lib/rubric/labels";
import { marksToScore, toContestMark } from "./categories";
import { type PreScoreTurn, preScoreContest, speaksPolitely } from "./pre-score";

const hotel = builtIn("contest-ryokan-inquiry");
const kneesSeed = (() => {
  for (let seed = 1; ; seed++) if (drawContestVariant(hotel, seed) === "mother-knees") return seed;
})();

/** Plays the replies through the engine and records the transcript as the call service stores it. */
function play(replies: { text: string; signals: ListeningSignals; atSec: number }[]) {
  const started = startCall(hotel, { seed: kneesSeed });
  let state: CallState = started.state;
  const turns: PreScoreTurn[] = started.lines.map((line, seq) => ({
    seq,
    role: "caller",
    kind: line.kind,
    text: line.text,
    atMs: 0,
    speechEndsAtMs: 3000,
    labels: null,
  }));
  for (const reply of replies) {
    const result = advanceCall(hotel, state, {
      reply: reply.text,
      signals: reply.signals,
      elapsedMs: reply.atSec * 1000,
    });
    turns.push({
      seq: turns.length,
      role: "operator",
      kind: "reply",
      text: reply.text,
      atMs: reply.atSec * 1000,
      speechEndsAtMs: null,
      labels: { ...reply.signals, register: { casual: false } },
    });
    for (const line of result.lines) {
      turns.push({
        seq: turns.length,
        role: "caller",
        kind: line.kind,
        text: line.text,
        atMs: reply.atSec * 1000 + 500,
        speechEndsAtMs: reply.atSec * 1000 + 4000,
        labels: null,
      });
    }
    state = result.state;
  }
  return preScoreContest(hotel, state, turns);
}

const good = [
  {
    text: "お電話ありがとうございます。みどり荘、予約係の佐藤でございます。どのようなご旅行をお考えでしょうか。",
    signals: signals({ question: "open" }),
    atSec: 6,
  },
  {
    text: "さようでございますか。ご旅行の目的をお聞かせいただけますか。",
    signals: signals({ backchannel: true, question: "open" }),
    atSec: 20,
  },
  {
    text: "還暦のお祝いなのですね、おめでとうございます。ご人数と日程をお聞かせいただけますか。",
    signals: signals({ parroting: true, empathy: true, question: "open" }),
    atSec: 40,
  },
  {
    text: "かしこまりました。恐れ入りますが、日程はいつがよろしいでしょうか。",
    signals: signals({ backchannel: true, cushion: true, question: "open" }),
    atSec: 55,
  },
  {
    text: "差し支えなければ、何かご配慮が必要な点をお聞かせいただけますか。",
    signals: signals({ cushion: true, question: "open" }),
    atSec: 70,
  },
  {
    text: "膝がお悪いのですね。段差のない和洋室にベッドをご用意できます。還暦祝いプランもございます。チェックインは15時からです。",
    signals: signals({ parroting: true, empathy: true }),
    atSec: 95,
  },
  {
    text: "確認させていただきます。来月8日から1泊、大人4名様、段差のない和洋室で還暦のお祝いでございますね。",
    signals: signals({ summarizing: true }),
    atSec: 120,
  },
  {
    text: "お電話ありがとうございました。みどり荘の佐藤が承りました。失礼いたします。",
    signals: signals(),
    atSec: 140,
  },
];

describe("preScoreContest", () => {
  it("gives every category full marks, with evidence, for a complete call in time", () => {
    const pre = play(good);
    expect(pre.variant?.id).toBe("mother-knees");
    expect(pre.needs).toEqual([
      { id: "occasion", label: "旅行の目的", drawnOut: true },
      { id: "care", label: "配慮が必要な点", drawnOut: true },
    ]);
    expect(pre.information.every((i) => i.given)).toBe(true);
    expect(pre.named).toBe(true);
    expect(pre.closing).toBe(true);
    expect(pre.readBack).toEqual(
      expect.arrayContaining(["人数", "ご希望の日程", "旅行の目的", "配慮が必要な点"]),
    );
    expect(pre.overtimeSec).toBe(0);
    expect(pre.categories.map((c) => [c.label, c.mark])).toEqual([
      ["第一印象", 5],
      ["基本応対（相づち・復唱）", 5],
      ["コミュニケーション", 5],
      ["情報提供", 5],
      ["クロージング", 5],
      ["総合印象", 5],
    ]);
    const first = pre.categories[0]!;
    expect(first.evidence).toContain("名乗りがあります");
    expect(pre.categories[4]!.evidence).toContain("最後に名乗っています");
  });

  it("names the needs missed, the information not given and the missing 名乗り and 復唱", () => {
    const pre = play([
      { text: "はい、もしもし。", signals: signals(), atSec: 5 },
      { text: "人数は何名ですか。", signals: signals({ question: "closed" }), atSec: 20 },
      { text: "ベッドのお部屋がありますよ。", signals: signals(), atSec: 40 },
    ]);
    expect(pre.named).toBe(false);
    const byId = Object.fromEntries(pre.categories.map((c) => [c.id, c]));
    expect(byId.firstImpression?.evidence).toContain("名乗りがありません");
    expect(byId.communication?.evidence).toEqual(
      expect.arrayContaining([
        "引き出せなかったニーズ：旅行の目的",
        "引き出せなかったニーズ：配慮が必要な点",
      ]),
    );
    expect(byId.information?.evidence).toContain("案内していない：チェックインの時刻");
    expect(byId.basicSkills?.evidence).toContain("聞き取った情報の復唱がありません");
    expect(byId.firstImpression!.score).toBeLessThan(40);
    expect(byId.information!.score).toBe(33);
  });

  it("shows a reply after the limit as overtime instead of dropping it", () => {
    const late = [...good.slice(0, 3), { ...good[7]!, atSec: 197 }];
    const pre = play(late);
    expect(pre.overtimeSec).toBe(17);
    expect(pre.repliesAfterLimit).toBe(1);
    const overall = pre.categories.find((c) => c.id === "overall")!;
    expect(overall.evidence.join("\n")).toContain("時間超過：17秒");
  });
});

describe("the contest scale", () => {
  it.each([
    [0, 1],
    [19, 1],
    [20, 2],
    [59, 3],
    [79, 4],
    [80, 5],
    [100, 5],
  ])("a score of %i is the mark %i", (score, mark) => {
    expect(toContestMark(score)).toBe(mark);
  });

  it("scales six marks to 100", () => {
    expect(marksToScore([5, 5, 5, 5, 5, 5])).toBe(100);
    expect(marksToScore([1, 1, 1, 1, 1, 1])).toBe(20);
    expect(marksToScore([4, 3, 4, 5, 3, 4])).toBe(76.7);
  });
});

describe("the register a judge hears", () => {
  it("hears empathy said with よね as polite, and です・ますよ or んで as casual", () => {
    expect(speaksPolitely("さようでございますか。お熱が続いているのですね。それはご心配ですよね。")).toBe(
      true,
    );
    expect(speaksPolitely("それはお困りでしたよね。すぐにお調べいたします。")).toBe(true);
    expect(speaksPolitely("大丈夫ですよ。")).toBe(false);
    expect(speaksPolitely("空いてるんで、入れときます。")).toBe(false);
  });
});

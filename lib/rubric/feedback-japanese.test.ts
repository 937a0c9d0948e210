import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeReply } from "./analyze-reply";
import { cutQuotes, hasBrokenJapanese, sharedSentenceShare } from "./check-phrasing";
import { getFullTokenizer } from "./japanese";
import type { Turn } from "./labels";
import type { ReplyAnalysis } from "./reply-analysis";

// Bad Japanese fails these: the better phrasing and the feedback over the corpus's read part (angry, lonely,
// inquiry and contest calls; written, recognizer, verbatim, long-call and real-operator styles).

interface Item {
  id: string;
  scenario: string;
  context: Turn[];
  reply: string;
}

const corpus = path.join(import.meta.dirname, "corpus");
const items: Item[] = readFileSync(path.join(corpus, "read.jsonl"), "utf8")
  .split(/\r?\n/)
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as Item);
const kindOf = (scenario: string) =>
  scenario === "contest" ? "inquiry" : (scenario as "angry" | "lonely" | "inquiry");
const analysed: { item: Item; analysis: ReplyAnalysis }[] = items.map((item) => ({
  item,
  analysis: analyzeReply({ context: item.context, reply: item.reply, kind: kindOf(item.scenario) }),
}));

describe("the better phrasing reads as an operator's Japanese", () => {
  it("has no broken conjugation or join", () => {
    const bad = analysed
      .filter(({ analysis }) => hasBrokenJapanese(analysis.suggestion))
      .map(({ item, analysis }) => `${item.id}: ${analysis.suggestion}`);
    expect(bad).toEqual([]);
  });

  it("varies its opening and its closing sentence", () => {
    const phrasings = analysed.map(({ analysis }) => analysis.suggestion).filter((s) => s !== "");
    expect(phrasings.length).toBeGreaterThan(100);
    expect(sharedSentenceShare(phrasings, "first")).toBeLessThanOrEqual(0.4);
    expect(sharedSentenceShare(phrasings, "last")).toBeLessThanOrEqual(0.25);
  });

  it("never meets news with the wrong feeling", () => {
    for (const { analysis, item } of analysed) {
      const caller = item.context.filter((t) => t.role === "caller").at(-1)?.text ?? "";
      if (/中止|キャンセル|亡くな|がっかり|残念/.test(caller))
        expect(analysis.suggestion, item.id).not.toMatch(/嬉しい|よかったですね/);
      // A neutral question gets no trouble template; a caller whose own machine broke is in trouble (and the
      // trainee's own words, kept, are theirs).
      if (
        item.scenario === "inquiry" &&
        !/[!！]|壊れ|割れ|故障|起動しな|動かな|届いてな|届いていな|届かな|来ない|来てない/.test(caller) &&
        !/お困り/.test(item.reply)
      )
        expect(analysis.suggestion, item.id).not.toMatch(/お困り/);
    }
  });

  it("says so when a reply has nothing to fix", () => {
    const kept = analysed.filter(({ analysis }) => analysis.suggestion === "");
    expect(kept.length).toBeGreaterThan(50);
    for (const { analysis } of kept) {
      expect(analysis.violation).toBe("none");
      expect(analysis.points[0]?.text).toMatch(/^(この返答|内容)はこのままで十分です。$/);
    }
  });
});

describe("feedback points", () => {
  const tokenizer = getFullTokenizer();

  it("are at most three, the violation first", () => {
    for (const { analysis, item } of analysed) {
      expect(analysis.points.length, item.id).toBeLessThanOrEqual(3);
      if (analysis.violation !== "none") expect(analysis.points[0]?.key, item.id).toBe("violation");
    }
  });

  it("quote whole words of the reply", () => {
    const cut = analysed.flatMap(({ analysis, item }) =>
      cutQuotes(
        item.reply,
        analysis,
        tokenizer,
        item.context.filter((t) => t.role === "caller").map((t) => t.text),
      ).map((quote) => `${item.id}: 『${quote}』`),
    );
    expect(cut).toEqual([]);
  });
});

describe("two different replies to one caller turn", () => {
  const context: Turn[] = [
    { role: "caller", text: "誕生日に届くはずの花束がまだ届かないんですけど！ 母に渡すつもりだったのに。" },
  ];
  const replies = [
    "はい、はい。で、ご注文番号は？",
    "お届け日はあくまで目安でございます。",
    "次回は早めにご注文いただくのがおすすめです。",
    "ご注文の際にお届け日をご確認いただけましたでしょうか。",
    "1日くらいでしたら、お母様もそれほど気にされないかと存じます。",
    "申し訳ございません。",
  ];

  it("get different phrasings unless both were already good", () => {
    const phrasings = replies.map((reply) => analyzeReply({ context, reply, kind: "angry" }).suggestion);
    expect(phrasings.every((p) => p !== "")).toBe(true);
    expect(new Set(phrasings).size).toBe(phrasings.length);
    for (const phrasing of phrasings) {
      expect(phrasing).toMatch(/花束がまだ届かないのですね/);
      expect(phrasing).not.toMatch(/目安|おすすめ|ご確認いただけましたでしょうか|気にされない/);
    }
  });
});

describe("the quote check", () => {
  it("finds a quote that stops inside a verb's inflection, though on a morpheme boundary", () => {
    const reply = "修理工場からもせかされていて、ご不安なことと存じます。";
    const points = (quote: string) =>
      ({
        points: [
          { key: "parroting", tone: "good", text: `『${quote}』と、お客様の言葉で復唱できています。` },
        ],
      }) as unknown as ReplyAnalysis;
    expect(cutQuotes(reply, points("修理工場からもせかさ"), getFullTokenizer())).toEqual([
      "修理工場からもせかさ",
    ]);
    expect(cutQuotes(reply, points("修理工場からもせかされていて"), getFullTokenizer())).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import type { StoredAnalysis, TurnView } from "@/lib/calls/call-view";
import { correctAnalysis } from "@/lib/review/corrected-turns";
import { neutralSignals } from "@/lib/rubric/labels";
import {
  betterPhrasing,
  collectSourceMarks,
  listFeedback,
  listReplyChips,
  listReplyMarks,
} from "./reply-marks";

const signals = [
  "backchannel",
  "parroting",
  "summarizing",
  "question",
  "empathy",
  "cushion",
  "apology",
  "violation",
  "interruption",
  "register",
];

function analysis(overrides: Partial<StoredAnalysis> = {}): StoredAnalysis {
  return {
    ...neutralSignals(),
    register: { casual: false, repeatedToken: null },
    evidence: Object.fromEntries(signals.map((s) => [s, { spans: [] }])),
    feedback: Object.fromEntries(signals.map((s) => [s, `${s} line`])),
    points: [],
    suggestion: "",
    overlapping: false,
    contextSeqs: [],
    ...overrides,
  };
}

function turn(seq: number, role: TurnView["role"], a: StoredAnalysis | null = null): TurnView {
  return {
    seq,
    role,
    kind: role === "caller" ? "line" : "reply",
    text: "",
    atMs: 0,
    speechEndsAtMs: null,
    analysis: a,
    mood: null,
  };
}

describe("listReplyChips", () => {
  it("lists problems in red or amber first, then hit labels in green", () => {
    const chips = listReplyChips(
      analysis({
        backchannel: true,
        question: "open",
        apology: "limited",
        violation: "argue",
        interruption: true,
        register: { casual: true, repeatedToken: "はい" },
      }),
    );
    expect(chips.map((c) => [c.label, c.tone])).toEqual([
      ["反論", "bad"],
      ["遮り", "bad"],
      ["くだけた相づち", "warn"],
      ["同じ相づちの繰り返し", "warn"],
      ["相づち", "good"],
      ["質問（オープン）", "good"],
      ["限定謝罪", "good"],
    ]);
  });

  it("names closed questions and is empty for a reply that did nothing", () => {
    expect(listReplyChips(analysis({ question: "closed" })).map((c) => c.label)).toEqual([
      "質問（クローズド）",
    ]);
    expect(listReplyChips(analysis())).toEqual([]);
  });
});

describe("listFeedback and betterPhrasing", () => {
  it("show the analyzer's prioritized points, and say so when nothing needs changing", () => {
    const points = [
      { key: "violation", tone: "bad" as const, text: "『お届け日はあくまで目安です』は反論に聞こえます。" },
      {
        key: "parroting",
        tone: "good" as const,
        text: "『瓶が割れていたのですね』と、お客様の言葉で復唱できています。",
      },
    ];
    expect(listFeedback(analysis({ points, violation: "argue" }))).toEqual(points);
    expect(betterPhrasing(analysis({ suggestion: "" }))).toBe("この返答はこのままで十分です。");
    expect(betterPhrasing(analysis({ suggestion: "さようでございますか。" }))).toBe("さようでございますか。");
  });

  it("says the wording was right when only its timing was wrong", () => {
    expect(betterPhrasing(analysis({ suggestion: "", interruption: true }))).toBe(
      "言い方はこのままで十分です。お客様が話し終えてから伝えましょう。",
    );
  });
});

describe("listReplyMarks", () => {
  it("marks evidence only for signals the reply hit", () => {
    const marks = listReplyMarks(
      analysis({
        empathy: true,
        violation: "advise",
        evidence: {
          empathy: { spans: [{ start: 0, end: 4 }] },
          violation: { spans: [{ start: 5, end: 9 }] },
          parroting: { spans: [{ start: 1, end: 2 }] },
        },
      }),
    );
    expect(marks).toEqual([
      { start: 0, end: 4, tone: "good", label: "共感" },
      { start: 5, end: 9, tone: "bad", label: "助言の押し付け" },
    ]);
  });
});

describe("listFeedback", () => {
  it("puts what went well first, then problems, then tips, and drops all-is-well problem lines", () => {
    const items = listFeedback(analysis({ backchannel: true, interruption: true }));
    expect(items.map((i) => [i.key, i.tone])).toEqual([
      ["backchannel", "good"],
      ["interruption", "bad"],
      ["parroting", "tip"],
      ["summarizing", "tip"],
      ["question", "tip"],
      ["empathy", "tip"],
      ["cushion", "tip"],
      ["apology", "tip"],
    ]);
  });
});

describe("collectSourceMarks", () => {
  it("maps reflected caller spans through contextSeqs to the caller turns", () => {
    const reply = analysis({
      parroting: true,
      summarizing: true,
      contextSeqs: [0, 2, 4],
      evidence: {
        parroting: { spans: [], sources: [{ turn: 2, start: 3, end: 7 }] },
        summarizing: {
          spans: [],
          sources: [
            { turn: 0, start: 0, end: 2 },
            { turn: 9, start: 0, end: 1 },
          ],
        },
      },
    });
    const marks = collectSourceMarks([
      turn(0, "caller"),
      turn(2, "caller"),
      turn(4, "caller"),
      turn(5, "operator", reply),
    ]);
    expect(marks.get(4)).toEqual([
      { start: 3, end: 7, tone: "source", label: "オウム返しで繰り返された言葉" },
    ]);
    expect(marks.get(0)).toEqual([{ start: 0, end: 2, tone: "source", label: "要約で使われた言葉" }]);
    expect(marks.size).toBe(2);
  });

  it("ignores sources of labels the reply did not earn", () => {
    const reply = analysis({
      contextSeqs: [0],
      evidence: { parroting: { spans: [], sources: [{ turn: 0, start: 0, end: 1 }] } },
    });
    expect(collectSourceMarks([turn(1, "operator", reply)]).size).toBe(0);
  });
});

describe("a reply a trainer corrected", () => {
  it("shows no green chip, highlight or praise for a label turned off, and the trainer's violation first", () => {
    const praised = analysis({
      backchannel: true,
      summarizing: true,
      evidence: {
        summarizing: { spans: [{ start: 0, end: 4 }] },
        backchannel: { spans: [{ start: 5, end: 7 }] },
      },
      points: [
        { key: "summarizing", tone: "good", text: "『瓶が割れて』と要約できています。" },
        { key: "backchannel", tone: "good", text: "相づちでお話を受け止められています。" },
      ],
    });
    const corrected = correctAnalysis(praised, [
      { label: "summarizing", value: false },
      { label: "violation", value: "argue" },
    ]);
    expect(listReplyChips(corrected).map((c) => [c.label, c.tone])).toEqual([
      ["反論", "bad"],
      ["相づち", "good"],
    ]);
    expect(listReplyMarks(corrected).map((m) => m.label)).toEqual(["相づち"]);
    expect(listFeedback(corrected).map((f) => f.text)).toEqual(["相づちでお話を受け止められています。"]);
  });
});

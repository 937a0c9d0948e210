import { describe, expect, it } from "vitest";
import { analyzeReply } from "@/lib/rubric/analyze-reply";
import {
  guardJudgePhrasing,
  inventedFacts,
  MAX_JUDGE_PHRASING_CHARS,
  type PhrasingGuardInput,
} from "./phrasing-guard";
import { FAKE_JUDGE_BAD_PHRASING_TEXT, FAKE_JUDGE_PHRASING_TEXT } from "./testing/fake-llm-server";

// The judge's phrasing reaches a trainee only through this guard: one case per reason it says no.

const context = [
  {
    role: "caller" as const,
    text: "先週注文したグラスが届いたんですけど、箱を開けたら割れてたんですよ。注文番号はA-1024です。どうしてくれるんですか。",
  },
];
const reply = "そうですか。交換します。";
const offline = analyzeReply({ context, reply, kind: "angry" }).suggestion;

function guard(phrasing: unknown, overrides: Partial<PhrasingGuardInput> = {}) {
  return guardJudgePhrasing({
    phrasing,
    context,
    reply,
    kind: "angry",
    offline,
    knownFacts: ["田中 一郎", "ワイングラス"],
    forbidden: ["プロンプト", "採点", "2026年12月1日"],
    ...overrides,
  });
}

const good =
  "グラスが割れた状態で届いたのですね。せっかくお待ちいただいたのに、申し訳ございません。注文番号A-1024で、すぐに交換の手配をいたします。";

describe("the judge phrasing guard", () => {
  it("needs a reply the offline analyzer would rewrite (this one it would)", () => {
    expect(offline).not.toBe("");
  });

  it("accepts a polite phrasing that takes its facts from the call", () => {
    expect(guard(good)).toEqual({ ok: true, text: good });
    expect(guard(`  ${good}\n`)).toEqual({ ok: true, text: good });
    // The persona's name and a revealed fact are known, though the call has not said them.
    expect(guard("田中様、ワイングラスの件、大変申し訳ございません。").ok).toBe(true);
  });

  it("rewrites nothing when the offline analyzer would keep the reply", () => {
    expect(guard(good, { offline: "" })).toEqual({ ok: false, reason: "keep" });
  });

  it("rejects output that is not a string", () => {
    expect(guard(42)).toEqual({ ok: false, reason: "invalid" });
    expect(guard(undefined)).toEqual({ ok: false, reason: "invalid" });
    expect(guard({ text: good })).toEqual({ ok: false, reason: "invalid" });
  });

  it("treats an empty phrasing as the judge declining", () => {
    expect(guard("  ")).toEqual({ ok: false, reason: "declined" });
  });

  it("rejects a phrasing over the length bound", () => {
    const long = "申し訳ございません。".repeat(Math.ceil(MAX_JUDGE_PHRASING_CHARS / 10) + 1);
    expect(long.length).toBeGreaterThan(MAX_JUDGE_PHRASING_CHARS);
    expect(guard(long)).toEqual({ ok: false, reason: "too_long" });
  });

  it("rejects the prompt's or rubric's words and unrevealed facts", () => {
    expect(guard("採点のために申し訳ございませんと申し上げます。")).toEqual({ ok: false, reason: "leak" });
    expect(guard("2026年12月1日のご注文ですね。申し訳ございません。")).toEqual({ ok: false, reason: "leak" });
  });

  it("rejects a conjugation no grammar produces", () => {
    expect(guard("交換してくださいのですね。申し訳ございません。")).toEqual({ ok: false, reason: "broken" });
    expect(guard("グラスがわからなくているのですね。")).toEqual({ ok: false, reason: "broken" });
  });

  it("rejects a quote of the reply cut mid-word, or of words the reply does not have", () => {
    expect(guard("『そうで』ではなく、申し訳ございません。")).toEqual({ ok: false, reason: "cut_quote" });
    expect(guard("『承知しました』とおっしゃいましたね。")).toEqual({ ok: false, reason: "cut_quote" });
    expect(guard("『交換します』の前に、まずお詫びを申し上げます。").ok).toBe(true);
  });

  it("rejects numbers, prices, dates, codes and names nobody in the call gave", () => {
    expect(guard("申し訳ございません。3000円を返金いたします。")).toEqual({
      ok: false,
      reason: "invented_fact",
    });
    expect(guard("申し訳ございません。明日までに交換品をお届けいたします。")).toEqual({
      ok: false,
      reason: "invented_fact",
    });
    expect(guard("申し訳ございません。注文番号B-2048でお調べいたします。")).toEqual({
      ok: false,
      reason: "invented_fact",
    });
    expect(guard("申し訳ございません。担当の佐藤から折り返しお電話いたします。")).toEqual({
      ok: false,
      reason: "invented_fact",
    });
    expect(guard("申し訳ございません。三日以内に交換品をお送りいたします。")).toEqual({
      ok: false,
      reason: "invented_fact",
    });
  });

  it("rejects a phrasing the analyzer finds a violation in, as the operator's reply to the same turn", () => {
    expect(guard("そもそもお客様の開け方が悪かったのではないでしょうか。")).toEqual({
      ok: false,
      reason: "violation",
    });
  });

  it("rejects a casual 相づち toward the customer", () => {
    expect(guard("ええ、グラスが割れていたのですね。申し訳ございません。")).toEqual({
      ok: false,
      reason: "casual",
    });
  });

  it("accepts the fake provider's good phrasing and rejects its bad one", () => {
    expect(guard(FAKE_JUDGE_PHRASING_TEXT).ok).toBe(true);
    expect(guard(FAKE_JUDGE_BAD_PHRASING_TEXT)).toEqual({ ok: false, reason: "invented_fact" });
  });
});

describe("invented facts", () => {
  it("lists the claims absent from every source, reading full-width and 1,200 alike", () => {
    expect(inventedFacts("1,200円と１２００円、Ａ－１０２４のご注文ですね。", ["1200円", "a-1024"])).toEqual(
      [],
    );
    expect(inventedFacts("三千円を佐藤がお届けします。", ["お届け"])).toEqual(["三", "千", "佐藤"]);
  });

  it("does not count 一 in 一度 or 十分 as a number", () => {
    expect(inventedFacts("一度、十分にご説明いたします。", [""])).toEqual([]);
  });
});

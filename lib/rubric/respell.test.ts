import { describe, expect, it } from "vitest";
import { analyzeReply } from "./analyze-reply";
import { getFullTokenizer, getJapaneseTokenizer } from "./japanese";
import { normalizeSpoken, toOriginalSpan } from "./normalize-spoken";
import { respellCallerWords } from "./respell";

const full = getFullTokenizer();
const content = getJapaneseTokenizer();
const respell = (reply: string, caller: string, homophones = true) =>
  respellCallerWords(normalizeSpoken(reply, full), [normalizeSpoken(caller, full).text], content, {
    homophones,
  });

describe("respellCallerWords: the caller's word said back with another spelling", () => {
  it("writes a recognizer's homophone as the caller's word (決行 → 欠航, 講座 → 口座)", () => {
    expect(respell("決行になったのですね", "飛行機が欠航になったんです").text).toBe("欠航になったのですね");
    expect(respell("お引き落とし講座の変更ですね", "引き落としの口座を変えたいんです").text).toContain(
      "お引き落とし口座の変更",
    );
  });

  it("writes a word left in kana as the caller wrote it (かいじょう → 会場)", () => {
    expect(respell("かいじょうをお探しなのですね", "結婚式の会場を探してるんです").text).toBe(
      "会場をお探しなのですね",
    );
  });

  it("leaves words the caller did not say, and typed replies' kanji, as they are", () => {
    expect(respell("お届け日を確認いたします", "荷物がまだ届かないんです").text).toBe(
      "お届け日を確認いたします",
    );
    // (Homophones are read only where a recognizer wrote the reply: a typed one keeps its kanji.)
    expect(respell("決行になったのですね", "飛行機が欠航になったんです", false).text).toBe(
      "決行になったのですね",
    );
  });

  it("keeps every offset pointing into the reply as it was said", () => {
    const reply = "はいかいじょうをお探しなのですね";
    const respelled = respell(reply, "結婚式の会場を探してるんです");
    const at = respelled.text.indexOf("会場");
    const span = toOriginalSpan(respelled, { start: at, end: at + 2 });
    expect(reply.slice(span.start, span.end)).toBe("かいじょう");
    expect(respelled.respelled).toEqual([{ start: at, end: at + 2 }]);
  });
});

describe("analyzeReply reads a recognizer's slip as the caller's word", () => {
  it("counts the read-back, quotes it with the caller's word and phrases it so", () => {
    const analysis = analyzeReply({
      context: [
        { role: "caller", text: "欠航になったのに、払い戻しに手数料3000円取るってどういうことですか?" },
      ],
      reply: "決行になったのですね",
      kind: "angry",
    });
    expect(analysis.parroting).toBe(true);
    expect(analysis.points.map((p) => p.text).join("\n")).toContain("『欠航になったのですね』");
    expect(analysis.suggestion).toContain("欠航になったのですね");
    expect(analysis.suggestion).not.toContain("決行");
  });
});

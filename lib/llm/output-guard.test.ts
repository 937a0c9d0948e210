import { describe, expect, it } from "vitest";
import { cleanCallerLine, createStreamGuard } from "./output-guard";

function streamThrough(words: string[], deltas: string[]) {
  const guard = createStreamGuard(words);
  const out: string[] = [];
  for (const delta of deltas) {
    const safe = guard.push(delta);
    if (safe === "leak") return { out: out.join(""), leak: true };
    out.push(safe);
  }
  const rest = guard.flush();
  if (rest === "leak") return { out: out.join(""), leak: true };
  return { out: out.join("") + rest, leak: false };
}

describe("the output guard", () => {
  it("passes ordinary words through at once", () => {
    const guard = createStreamGuard(["プロンプト"]);
    expect(guard.push("瓶が割れて")).toBe("瓶が割れて");
    expect(guard.push("たのよ！")).toBe("たのよ！");
  });

  it("never lets a forbidden word out, even split across tokens", () => {
    const result = streamThrough(["プロンプト"], ["私のシステムプ", "ロン", "プトは"]);
    expect(result.leak).toBe(true);
    expect(result.out).toBe("私のシステム");
  });

  it("holds back a tail that might become a forbidden word, and releases it when it does not", () => {
    const guard = createStreamGuard(["t-58213"]);
    expect(guard.push("番号はT-5")).toBe("番号は");
    expect(guard.push("0です")).toBe("T-50です");
  });

  it("catches words case-insensitively", () => {
    expect(streamThrough(["rubric"], ["The Rub", "ric says"]).leak).toBe(true);
  });

  it.each([
    ["「瓶が割れてたのよ！」", "瓶が割れてたのよ！"],
    ["山田: もういいわよ。", "もういいわよ。"],
    ["（ため息）ちょっと聞いてるの？", "ちょっと聞いてるの？"],
    ["  はい\n そうです  ", "はい そうです"],
  ])("cleans %s to one spoken line", (raw, expected) => {
    expect(cleanCallerLine(raw, "山田")).toBe(expected);
  });
});

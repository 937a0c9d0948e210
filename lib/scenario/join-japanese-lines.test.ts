import { describe, expect, it } from "vitest";
import { loadBuiltInScenarios } from "./built-ins";
import { joinJapaneseLines } from "./join-japanese-lines";

const strayBetweenJapanese =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー、。！？」』] [\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー「『]/u;

describe("joinJapaneseLines", () => {
  it.each([
    ["お客様。 まず", "お客様。まず"],
    ["お気持ちを 台無しに", "お気持ちを台無しに"],
    ["型番は E-52 です", "型番は E-52 です"],
    ["Wi-Fi の設定", "Wi-Fi の設定"],
  ])("%s → %s", (text, joined) => {
    expect(joinJapaneseLines(text)).toBe(joined);
  });

  it("keeps a name's space as a full-width one", () => {
    expect(joinJapaneseLines("小林 美穂", true)).toBe("小林\u3000美穂");
  });

  it("leaves no half-width space between Japanese characters in any built-in scenario", () => {
    for (const { file, result } of loadBuiltInScenarios()) {
      if (!result.ok) throw new Error(`${file} does not load`);
      const text = JSON.stringify(result.scenario);
      expect(strayBetweenJapanese.exec(text)?.[0] ?? null, file).toBeNull();
    }
  });
});

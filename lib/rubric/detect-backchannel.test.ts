import { describe, expect, it } from "vitest";
import { detectBackchannel } from "./detect-backchannel";
import type { Turn } from "./labels";

const caller: Turn[] = [{ role: "caller", text: "荷物がまだ届かないんですけど。" }];

describe("detectBackchannel", () => {
  it.each([
    ["はい", true, true],
    ["ええ、ええ。", true, true],
    ["うん、うん。", true, true],
    ["なるほど……。", true, true],
    ["さようでございますか。", true, true],
    ["左様ですか。お調べいたします。", true, false],
    ["そうでしたか、まだ届いていないのですね。", true, false],
    ["はい、では番号をどうぞ。", true, false],
    ["あ、はい、できますよー。", true, false],
    ["えー、そうなんですか!", true, true],
    ["ごもっともです。", true, true],
    ["おっしゃる通りでございます。", true, false],
    // The guideline's clarification: acknowledging what the caller just said.
    ["かしこまりました。確認いたします。", true, false],
    ["承知いたしました。", true, true],
    // negatives
    ["お支払いはお済みでしょうか。", false, false],
    ["ええと、お名前をお願いします。", false, false],
    ["届きそうですか。", false, false],
    ["大変申し訳ございません。", false, false],
  ])("%s → %s", (reply, present, only) => {
    const result = detectBackchannel(reply, caller);
    expect(result.present).toBe(present);
    expect(result.only).toBe(only);
  });

  it("does not count the greeting that opens the call", () => {
    expect(detectBackchannel("はい、みなと通販でございます。", []).present).toBe(false);
    const operatorOnly: Turn[] = [{ role: "operator", text: "お電話ありがとうございます。" }];
    expect(detectBackchannel("はい、担当の森でございます。", operatorOnly).present).toBe(false);
  });

  it("returns normalized tokens with spans", () => {
    const result = detectBackchannel("はい、左様でございますか。", caller);
    expect(result.tokens).toEqual(["はい", "さようでございますか"]);
    expect(result.spans[0]).toEqual({ start: 0, end: 2 });
  });
});

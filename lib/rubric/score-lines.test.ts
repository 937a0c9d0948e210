import { describe, expect, it } from "vitest";
import type { ReplyAnalysis } from "./reply-analysis";
import { scoreLines } from "./score-lines";

// The script's pure part is tested with a stub analyzer: the analyzer has its own tests.
const stub = (input: { reply: string }) =>
  ({ backchannel: input.reply.startsWith("はい") }) as unknown as ReplyAnalysis;

describe("scoreLines", () => {
  it("scores valid lines in order and reports malformed ones by line number", () => {
    const lines = [
      JSON.stringify({ id: "a", context: [{ role: "caller", text: "届かない" }], reply: "はい", gold: {} }),
      "{not json",
      JSON.stringify({ id: "b", context: [{ role: "someone", text: "x" }], reply: "y" }),
      "",
      JSON.stringify({ id: 4, context: [], reply: "いいえ" }),
    ];
    const { outputs, errors } = scoreLines(lines, stub);
    expect(outputs.map((o) => JSON.parse(o))).toEqual([
      { id: "a", backchannel: true },
      { id: 4, backchannel: false },
    ]);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^line 2: invalid JSON/);
    expect(errors[1]).toMatch(/^line 3: invalid item \(context\.0\.role/);
  });
});

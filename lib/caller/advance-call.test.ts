import { describe, expect, it } from "vitest";
import { advanceCall } from "@/lib/caller/advance-call";
import { callStateSchema } from "@/lib/caller/call-state";
import { modelReplyFor } from "@/lib/caller/model-reply";
import { parseCallState } from "@/lib/caller/parse-call-state";
import { startCall } from "@/lib/caller/start-call";
import { builtIn, playCall, type ScriptedTurn, signals } from "@/lib/caller/test-transcripts";

const bottle = builtIn("angry-broken-bottle");
const warm = signals({ backchannel: true, parroting: true, empathy: true, apology: "limited" });
const turns: ScriptedTurn[] = [
  { reply: "瓶が割れていたのですね。ご不快な思いをおかけし申し訳ございません。", signals: warm },
  {
    reply: "恐れ入りますが、ご注文番号を教えていただけますか。",
    signals: signals({ cushion: true, question: "closed" }),
  },
  { reply: "はい。", signals: signals({ backchannel: true }) },
  { reply: "はい。", signals: signals({ backchannel: true }) },
];

describe("startCall", () => {
  it("opens at the start node with a fresh, valid state", () => {
    const { state, lines } = startCall(bottle, { seed: 7 });
    expect(callStateSchema.safeParse(state).success).toBe(true);
    expect(state).toMatchObject({ nodeId: "opening", turn: 0, mood: { anger: 70, trust: 30 }, ended: null });
    expect(lines).toHaveLength(1);
    expect(bottle.nodes.opening?.lines).toContain(lines[0]?.text);
  });

  it("different seeds open with different variants", () => {
    const openings = new Set(
      Array.from({ length: 20 }, (_, seed) => startCall(bottle, { seed }).lines[0]?.text),
    );
    expect(openings.size).toBeGreaterThan(1);
  });
});

describe("advanceCall", () => {
  it("is deterministic for a seed", () => {
    expect(playCall(bottle, turns, { seed: 42 })).toEqual(playCall(bottle, turns, { seed: 42 }));
  });

  it("resumes from a JSON round trip exactly as if never stopped", () => {
    const straight = playCall(bottle, turns, { seed: 3 });
    const half = playCall(bottle, turns.slice(0, 2), { seed: 3 });
    const stored: unknown = JSON.parse(JSON.stringify(half.final));
    const parsed = parseCallState(bottle, stored);
    if (!parsed.ok) throw new Error(parsed.issues.join("; "));
    let state = parsed.state;
    for (const [index, turn] of turns.slice(2).entries()) {
      const result = advanceCall(bottle, state, { ...turn, elapsedMs: (index + 3) * 20_000 });
      expect(result).toEqual(straight.results[index + 2]);
      state = result.state;
    }
  });

  it("reveals a fact only when asked, as a fact line", () => {
    const call = playCall(bottle, turns.slice(0, 2));
    const second = call.results[1];
    expect(second?.lines[0]).toMatchObject({ kind: "fact", text: expect.stringContaining("T-58213") });
    expect(call.final.factsRevealed).toEqual(["orderNumber"]);
    expect(second?.goalsReached).toEqual(["confirmOrder"]);
  });

  it("refuses a fact while the caller is still too angry", () => {
    const call = playCall(bottle, [
      { reply: "でも配送業者の問題ですので。", signals: signals({ violation: "argue" }) },
      { reply: "ご注文番号を教えていただけますか。", signals: signals({ question: "closed" }) },
    ]);
    expect(call.final.factsRevealed).toEqual([]);
    expect(bottle.persona.facts.orderNumber?.refuseLines).toContain(call.results[1]?.lines[0]?.text);
  });

  it("does not say the same stay line twice in a row", () => {
    const idle = Array.from({ length: 6 }, () => ({ reply: "はい。", signals: signals() }));
    const texts = playCall(bottle, idle).results.map((result) => result.lines[0]?.text);
    for (let i = 1; i < texts.length; i++) expect(texts[i]).not.toBe(texts[i - 1]);
  });

  it("ends when the trainee hangs up, without more caller lines", () => {
    const call = playCall(bottle, [{ reply: "失礼します。", signals: signals(), endedByTrainee: true }]);
    expect(call.final.ended).toEqual({ reason: "ended_by_trainee" });
    expect(call.results[0]?.lines).toEqual([]);
    expect(call.results[0]?.intents).toContainEqual({ kind: "endedByTrainee" });
  });

  it("ignores a reply that arrives after the time limit", () => {
    const { state } = startCall(bottle, { seed: 1 });
    const late = advanceCall(bottle, state, {
      reply: "申し訳ございません。",
      signals: warm,
      elapsedMs: 601_000,
    });
    expect(late.ended).toEqual({ reason: "time_out" });
    expect(late.goalsReached).toEqual([]);
    expect(late.state.mood).toEqual(state.mood);
  });

  it("does nothing once the call has ended", () => {
    const ended = playCall(bottle, [
      { reply: "失礼します。", signals: signals(), endedByTrainee: true },
    ]).final;
    const again = advanceCall(bottle, ended, { reply: "もしもし", signals: warm, elapsedMs: 99_000 });
    expect(again.state).toBe(ended);
    expect(again.lines).toEqual([]);
  });

  it("keeps elapsed time monotonic when the clock reports less", () => {
    const first = playCall(bottle, turns.slice(0, 1), { secondsPerTurn: 30 }).final;
    const next = advanceCall(bottle, first, { ...turns[1]!, elapsedMs: 10_000 });
    expect(next.state.elapsedMs).toBe(30_000);
  });
});

describe("parseCallState", () => {
  const { state } = startCall(bottle, { seed: 1 });
  it.each([
    ["not an object", "nope"],
    ["a mood out of range", { ...state, mood: { anger: 140, trust: 30 } }],
    ["an unknown key", { ...state, extra: 1 }],
    ["another scenario", { ...state, scenarioId: "other" }],
    ["a missing node", { ...state, nodeId: "gone" }],
    ["a missing mood variable", { ...state, mood: { anger: 70 } }],
  ])("rejects %s", (_, stored) => {
    expect(parseCallState(bottle, stored).ok).toBe(false);
  });
});

describe("modelReplyFor", () => {
  it("gives the node's polite model reply", () => {
    expect(modelReplyFor(bottle, "opening")).toContain("申し訳ございません");
    expect(modelReplyFor(bottle, "resolved")).toBeUndefined();
    expect(modelReplyFor(bottle, "nowhere")).toBeUndefined();
  });
});

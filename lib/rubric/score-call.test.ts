import { describe, expect, it } from "vitest";
import { neutralSignals } from "./labels";
import { type ScorableReply, scoreCall, stepLabelsJa } from "./score-call";

const reply = (overrides: Partial<ScorableReply> = {}): ScorableReply => ({
  ...neutralSignals(),
  register: { casual: false, repeatedToken: null },
  ...overrides,
});

describe("scoreCall", () => {
  it("gives full marks to a model call", () => {
    const replies = [
      reply({ backchannel: true, parroting: true, empathy: true, apology: "limited" }),
      reply({ backchannel: true, parroting: true, question: "open", cushion: true }),
      reply({ backchannel: true, summarizing: true, parroting: true, empathy: true }),
      reply({ backchannel: true, question: "open", cushion: true }),
    ];
    const card = scoreCall(replies, { callerTurns: 4 });
    expect(card.steps).toEqual({
      backchannel: 100,
      parroting: 100,
      summarizing: 100,
      question: 100,
      notInterrupting: 100,
    });
    expect(card).toMatchObject({ empathy: 100, cushion: 100, limitedApology: 100, overall: 100 });
  });

  it.each([
    // [what, replies, callerTurns, key, expected]
    ["backchannel share below target", [reply({ backchannel: true }), reply()], 2, "backchannel", 63],
    [
      "casual and repeated 相づち are deducted",
      [reply({ backchannel: true, register: { casual: true, repeatedToken: "うん" } })],
      1,
      "backchannel",
      85,
    ],
    ["parroting: one of four turns", [reply({ parroting: true })], 4, "parroting", 50],
    ["summary target grows with the call", [reply({ summarizing: true })], 8, "summarizing", 50],
    ["question: all closed, no reflections", [reply({ question: "closed" })], 1, "question", 0],
    [
      "question: open, one reflection per two questions",
      [reply({ question: "open", parroting: true }), reply({ question: "closed" })],
      2,
      "question",
      75,
    ],
    ["no questions scores 0", [reply()], 1, "question", 0],
    [
      "interruptions and violations are deducted",
      [reply({ interruption: true }), reply({ violation: "advise" })],
      2,
      "notInterrupting",
      65,
    ],
  ] as const)("%s", (_what, replies, callerTurns, key, expected) => {
    expect(scoreCall([...replies], { callerTurns }).steps[key]).toBe(expected);
  });

  it.each([
    [[reply({ apology: "limited" })], 100],
    [[reply()], 50],
    // Three grades: a scoped apology, none, a blanket admission of fault (below none).
    [[reply({ apology: "limited" }), reply({ apology: "blanket" })], 0],
    [[reply({ apology: "blanket" })], 0],
  ])("limited apology score %#", (replies, expected) => {
    expect(scoreCall(replies, { callerTurns: 1 }).limitedApology).toBe(expected);
  });

  it("scores cushions per question and counts everything", () => {
    const card = scoreCall([reply({ question: "closed", cushion: true }), reply({ question: "open" })], {
      callerTurns: 2,
    });
    expect(card.cushion).toBe(50);
    expect(card.counts).toMatchObject({ replies: 2, questions: 2, openQuestions: 1, cushions: 1 });
  });

  it("explains every score in Japanese", () => {
    const card = scoreCall([reply({ backchannel: true })], { callerTurns: 1 });
    for (const key of Object.keys(stepLabelsJa)) expect(card.explanations[key]).toMatch(/[ぁ-ん]/);
    expect(card.explanations.backchannel).toContain("1回のうち1回");
  });

  it("scores an empty call as zero", () => {
    const card = scoreCall([], { callerTurns: 0 });
    expect(card.overall).toBe(0);
    expect(Object.values(card.steps)).toEqual([0, 0, 0, 0, 0]);
  });
});

import { describe, expect, it } from "vitest";
import { applyMood, initialMood } from "@/lib/caller/apply-mood";
import type { Intent } from "@/lib/caller/detect-intents";
import { signals } from "@/lib/caller/test-transcripts";
import type { ListeningSignals } from "@/lib/rubric/labels";
import { defaultMoodModels, resolveMoodModel } from "@/lib/scenario/mood-defaults";

const angry = defaultMoodModels.angry;
const lonely = defaultMoodModels.lonely;

describe("applyMood (angry defaults, from anger 70 / trust 30)", () => {
  const cases: {
    name: string;
    signals: ListeningSignals;
    intents?: Intent[];
    anger: number;
    trust: number;
  }[] = [
    { name: "nothing", signals: signals(), anger: 0, trust: 0 },
    { name: "backchannel", signals: signals({ backchannel: true }), anger: -2, trust: 0 },
    { name: "parroting", signals: signals({ parroting: true }), anger: -4, trust: 3 },
    { name: "summarizing", signals: signals({ summarizing: true }), anger: -6, trust: 5 },
    { name: "empathy", signals: signals({ empathy: true }), anger: -8, trust: 5 },
    { name: "cushion", signals: signals({ cushion: true }), anger: -2, trust: 2 },
    { name: "open question", signals: signals({ question: "open" }), anger: 0, trust: 2 },
    { name: "limited apology", signals: signals({ apology: "limited" }), anger: -8, trust: 4 },
    { name: "blanket apology", signals: signals({ apology: "blanket" }), anger: -3, trust: -3 },
    { name: "criticize", signals: signals({ violation: "criticize" }), anger: 20, trust: -15 },
    { name: "argue", signals: signals({ violation: "argue" }), anger: 18, trust: -12 },
    { name: "advise", signals: signals({ violation: "advise" }), anger: 10, trust: -6 },
    { name: "opinion", signals: signals({ violation: "opinion" }), anger: 10, trust: -8 },
    { name: "derail", signals: signals({ violation: "derail" }), anger: 12, trust: -8 },
    { name: "interruption", signals: signals({ interruption: true }), anger: 15, trust: -8 },
    { name: "会議中", signals: signals(), intents: [{ kind: "supervisorInMeeting" }], anger: 25, trust: -15 },
    { name: "remedy", signals: signals(), intents: [{ kind: "offeredRemedy" }], anger: -10, trust: 8 },
    {
      name: "two facts asked count once",
      signals: signals(),
      intents: [
        { kind: "askedFact", factId: "a" },
        { kind: "askedFact", factId: "b" },
      ],
      anger: 0,
      trust: 0,
    },
    {
      name: "a polite violation earns no listening credit",
      signals: signals({
        backchannel: true,
        cushion: true,
        empathy: true,
        apology: "limited",
        violation: "argue",
      }),
      anger: 18,
      trust: -12,
    },
    {
      name: "effects add up",
      signals: signals({ backchannel: true, empathy: true, interruption: true }),
      anger: -2 - 8 + 15,
      trust: 5 - 8,
    },
  ];

  it.each(cases)("$name", ({ signals: given, intents, anger, trust }) => {
    const result = applyMood(angry, { anger: 70, trust: 30 }, given, intents ?? []);
    expect(result.delta).toEqual({ anger, trust });
    expect(result.mood).toEqual({ anger: 70 + anger, trust: 30 + trust });
  });

  it("clamps to 0–100 and reports the clamped change", () => {
    const result = applyMood(angry, { anger: 95, trust: 3 }, signals({ violation: "criticize" }), []);
    expect(result.mood).toEqual({ anger: 100, trust: 0 });
    expect(result.delta).toEqual({ anger: 5, trust: -3 });
  });

  it("does not touch its input", () => {
    const mood = { anger: 70, trust: 30 };
    applyMood(angry, mood, signals({ empathy: true }), []);
    expect(mood).toEqual({ anger: 70, trust: 30 });
  });
});

describe("mood models", () => {
  it("lonely callers warm up when listened to", () => {
    const { mood } = applyMood(lonely, initialMood(lonely), signals({ empathy: true, parroting: true }), []);
    expect(mood.loneliness).toBeLessThan(80);
    expect(mood.attachment).toBeGreaterThan(30);
  });

  it.each(["angry", "lonely", "inquiry", "custom"] as const)("%s has defaults for every label", (kind) => {
    const { effects, variables } = defaultMoodModels[kind];
    expect(Object.keys(variables).length).toBeGreaterThan(0);
    for (const key of [
      "backchannel",
      "parroting",
      "summarizing",
      "empathy",
      "cushion",
      "interruption",
    ] as const) {
      expect(effects[key]).toBeDefined();
    }
    expect(Object.keys(effects.violation ?? {})).toEqual([
      "criticize",
      "argue",
      "advise",
      "opinion",
      "derail",
    ]);
  });

  it("a scenario overrides single numbers and keeps the other defaults", () => {
    const model = resolveMoodModel("angry", {
      variables: { anger: { start: 85 } },
      effects: { empathy: { anger: -12 }, violation: { argue: { anger: 30 } } },
    });
    expect(model.variables.anger?.start).toBe(85);
    expect(model.variables.trust?.start).toBe(30);
    expect(model.effects.empathy).toEqual({ anger: -12, trust: 5 });
    expect(model.effects.violation?.argue).toEqual({ anger: 30, trust: -12 });
    expect(model.effects.violation?.criticize).toEqual({ anger: 20, trust: -15 });
  });
});

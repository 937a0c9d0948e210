import { describe, expect, it } from "vitest";
import { advanceCall } from "@/lib/caller/advance-call";
import type { CallState } from "@/lib/caller/call-state";
import { contestVariantOf, drawContestVariant, withContestVariant } from "@/lib/caller/contest-variant";
import { parseCallState } from "@/lib/caller/parse-call-state";
import { startCall } from "@/lib/caller/start-call";
import { builtIn, playCall, type ScriptedTurn, signals } from "@/lib/caller/test-transcripts";
import { loadBuiltInScenarios } from "@/lib/scenario/built-ins";
import type { Scenario } from "@/lib/scenario/schema";

const contests = loadBuiltInScenarios().flatMap(({ result }) =>
  result.ok && result.scenario.kind === "contest" ? [result.scenario] : [],
);
const hotel = builtIn("contest-ryokan-inquiry");

describe("drawContestVariant", () => {
  it("is the same for the same seed, and stored with the call so a reload resumes it", () => {
    for (const seed of [0, 1, 7, 123_456, 2 ** 31 - 2]) {
      const first = startCall(hotel, { seed }).state;
      expect(first.variant).toBe(drawContestVariant(hotel, seed));
      // The stored state round-trips through JSON (the jsonb column) with its variant.
      const reloaded = parseCallState(hotel, JSON.parse(JSON.stringify(first)));
      expect(reloaded.ok && reloaded.state.variant).toBe(first.variant);
    }
  });

  it("draws every variant over many attempts, roughly evenly", () => {
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 2000; seed++) {
      const id = drawContestVariant(hotel, seed) ?? "none";
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(["father-allergy", "mother-knees"]);
    for (const count of counts.values()) expect(count).toBeGreaterThan(800);
  });

  it("draws nothing for a scenario without variants", () => {
    expect(drawContestVariant(builtIn("angry-broken-bottle"), 5)).toBeUndefined();
    expect(startCall(builtIn("angry-broken-bottle"), { seed: 5 }).state.variant).toBeUndefined();
  });
});

describe("withContestVariant", () => {
  it("turns the variant's needs into facts and its information words into phrases", () => {
    const knees = withContestVariant(hotel, "mother-knees");
    const allergy = withContestVariant(hotel, "father-allergy");
    expect(knees.persona.facts.care?.value).toBe("母の膝が悪く階段や段差がつらい");
    expect(knees.persona.facts.care?.label).toBe("配慮が必要な点");
    expect(allergy.persona.facts.care?.value).toBe("父が海老や蟹の甲殻類アレルギー");
    expect(knees.phrases?.careProposal).toContain("バリアフリー");
    expect(allergy.phrases?.careProposal).not.toContain("バリアフリー");
    expect(allergy.phrases?.checkIn).toEqual(["15時", "午後3時", "チェックイン"]);
    expect(contestVariantOf(hotel, "father-allergy")?.label).toBe("両親の結婚40周年、父に甲殻類アレルギー");
  });
});

describe("hidden needs", () => {
  const knees = seedFor(hotel, "mother-knees");
  const afterOpening = (): CallState => {
    const { state } = startCall(hotel, { seed: knees });
    return advanceCall(hotel, state, {
      reply: "お電話ありがとうございます。みどり荘の佐藤でございます。",
      signals: signals(),
      elapsedMs: 5000,
    }).state;
  };

  it("are not told unasked", () => {
    const result = advanceCall(hotel, afterOpening(), {
      reply: "さようでございますか。",
      signals: signals({ backchannel: true }),
      elapsedMs: 10_000,
    });
    expect(result.state.factsRevealed).toEqual([]);
  });

  it("are confirmed briefly by a fitting closed question, told in full to an open one", () => {
    const closed = advanceCall(hotel, afterOpening(), {
      reply: "お体で何かご心配な点はございますか。",
      signals: signals({ question: "closed" }),
      elapsedMs: 10_000,
    });
    expect(closed.lines[0]?.text).toBe("ええ、母の膝が少し悪くて。");
    expect(closed.state.factsRevealed).toEqual(["care"]);
    const open = advanceCall(hotel, afterOpening(), {
      reply: "お体で何かご心配な点はございますか。",
      signals: signals({ question: "open" }),
      elapsedMs: 10_000,
    });
    expect(hotel.contest?.variants?.[0]?.needs.care?.answers).toContain(open.lines[0]?.text);
  });

  it("come out one at a time to a broad open question, never to a broad closed one", () => {
    const broad = "ほかに何かご要望はございますか。";
    const closed = advanceCall(hotel, afterOpening(), {
      reply: broad,
      signals: signals({ question: "closed" }),
      elapsedMs: 10_000,
    });
    expect(closed.state.factsRevealed).toEqual([]);
    const open = advanceCall(hotel, afterOpening(), {
      reply: broad,
      signals: signals({ question: "open" }),
      elapsedMs: 10_000,
    });
    expect(open.state.factsRevealed).toEqual(["care"]);
  });
});

// Every built-in contest can be won in every variant by asking, informing, reading back and closing.
describe.each(contests.map((s) => [s.id, s] as const))("contest %s", (_, scenario) => {
  it("has a problem card, three minutes and at least two variants", () => {
    expect(scenario.timeLimitSec).toBe(180);
    expect(scenario.contest?.problemCard?.situation.length).toBeGreaterThan(80);
    expect(scenario.contest?.variants?.length).toBeGreaterThanOrEqual(2);
  });

  it.each((scenario.contest?.variants ?? []).map((v) => [v.id]))("variant %s can be won", (variantId) => {
    const call = playCall(scenario, winningScript(scenario, variantId), {
      seed: seedFor(scenario, variantId),
      secondsPerTurn: 8,
    });
    expect(call.final.variant).toBe(variantId);
    expect(call.final.ended).toEqual({ reason: "resolved" });
    expect(call.final.goalsReached.sort()).toEqual(Object.keys(scenario.goals).sort());
  });
});

function seedFor(scenario: Scenario, variantId: string): number {
  for (let seed = 1; seed < 1000; seed++) if (drawContestVariant(scenario, seed) === variantId) return seed;
  throw new Error(`no seed draws ${variantId}`);
}

/** A mechanical operator: greets, asks for every fact and need, gives every item, reads back, closes. */
function winningScript(base: Scenario, variantId: string): ScriptedTurn[] {
  const scenario = withContestVariant(base, variantId);
  const facts = Object.values(scenario.persona.facts);
  const items = Object.keys(base.contest?.information ?? {}).map((id) => scenario.phrases?.[id]?.[0] ?? id);
  return [
    { reply: "お電話ありがとうございます。担当の佐藤でございます。", signals: signals() },
    ...facts.map((fact) => ({
      reply: `${fact.askedBy[0]}についてお聞かせいただけますか。`,
      signals: signals({ question: "open" }),
    })),
    ...items.map((word) => ({ reply: `${word}でご案内いたします。`, signals: signals() })),
    {
      reply: `確認させていただきます。${facts.map((fact) => fact.value).join("、")}ですね。`,
      signals: signals({ summarizing: true }),
    },
    { reply: "お電話ありがとうございました。佐藤が承りました。失礼いたします。", signals: signals() },
  ];
}

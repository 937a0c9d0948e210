import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenario } from "@/lib/scenario/load-scenario";
import { formatIssue } from "@/lib/scenario/scenario-issue";

// The hotel contest scenario, broken one thing at a time: every problem comes back at its line and field.
const hotel = readFileSync("scenarios/contest-ryokan-inquiry.yaml", "utf8");

function lineOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`fixture lacks ${needle}`);
  return text.slice(0, at).split("\n").length;
}

function issuesOf(yaml: string) {
  const result = loadScenario(yaml, "hotel.yaml");
  return result.ok ? [] : result.issues;
}

describe("contest scenario checks", () => {
  it("loads the hotel contest with the three-minute default and no hints", () => {
    const result = loadScenario(hotel.replace("timeLimitSec: 180\n", ""), "hotel.yaml");
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
    expect(result.scenario.timeLimitSec).toBe(180);
    expect(result.scenario.hintsAllowed).toBe(false);
    expect(result.scenario.contest?.problemCard?.readingSec).toBe(60);
    expect(result.scenario.contest?.variants?.map((v) => v.id)).toEqual(["mother-knees", "father-allergy"]);
  });

  it("needs at least two variants", () => {
    const start = hotel.indexOf("    - id: father-allergy");
    const issues = issuesOf(hotel.slice(0, start));
    expect(issues.map((i) => [i.line, i.path, i.messageJa])).toContainEqual([
      lineOf(hotel, "    - id: mother-knees"),
      "contest.variants",
      "コンクールのシナリオにはニーズの異なるバリエーション（variants）が2つ以上必要です（現在 1 つ）",
    ]);
  });

  it("needs every declared need filled in by every variant", () => {
    const second = hotel.indexOf("    - id: father-allergy");
    const care = hotel.indexOf("        care:", second);
    const end = hotel.indexOf("      information:", care);
    const issues = issuesOf(hotel.slice(0, care) + hotel.slice(end));
    expect(issues.map((i) => [i.line, i.path, i.message])).toContainEqual([
      lineOf(hotel, "      needs:", second),
      "contest.variants[1].needs",
      'variant "father-allergy" does not fill in need "care"',
    ]);
  });

  it("refuses a need or an information item that is not declared", () => {
    const issues = issuesOf(
      hotel
        .replace("        care:\n          value: 父が", "        diet:\n          value: 父が")
        .replace("        careProposal: { words: [アレルギー対応", "        menu: { words: [アレルギー対応"),
    );
    const second = hotel.indexOf("    - id: father-allergy");
    expect(issues.map((i) => [i.line, i.path, i.messageJa])).toEqual(
      expect.arrayContaining([
        [
          lineOf(hotel, "        care:", second),
          "contest.variants[1].needs.diet",
          'ニーズ "diet" は contest.needs に定義されていません',
        ],
        [
          lineOf(hotel, "        careProposal: { words: [アレルギー対応"),
          "contest.variants[1].information.menu",
          '伝えるべき情報 "menu" は contest.information に定義されていません',
        ],
      ]),
    );
  });

  it("needs the problem card, and a reading time in range", () => {
    const noCard = hotel.replace(/ {2}problemCard:\n(?: {4}.*\n)+/, "");
    expect(issuesOf(noCard).map((i) => i.messageJa)).toContain(
      "コンクールのシナリオには 問題カード（problemCard） が必要です",
    );
    const issues = issuesOf(hotel.replace("readingSec: 60", "readingSec: 5"));
    expect(issues.map((i) => [i.line, i.path])).toEqual([
      [lineOf(hotel, "readingSec: 60"), "contest.problemCard.readingSec"],
    ]);
  });

  it("lets conditions name needs and information items, and flags a typo in them", () => {
    const issues = issuesOf(hotel.replace("when: { facts: [care] }", "when: { facts: [cares] }"));
    expect(issues.map((i) => [i.line, i.messageJa])).toEqual([
      [lineOf(hotel, "when: { facts: [care] }"), '情報 "cares" は persona.facts に定義されていません'],
    ]);
  });

  it("refuses contest parts on a scenario of another kind", () => {
    const issues = issuesOf(hotel.replace("kind: contest", "kind: inquiry"));
    expect(issues.map((i) => [i.line, i.path])).toEqual([[lineOf(hotel, "kind: contest"), "kind"]]);
  });

  it("needs a contest block for kind contest", () => {
    const start = hotel.indexOf("contest:\n  problemCard");
    const issues = issuesOf(hotel.slice(0, start));
    expect(issues.map((i) => [i.line, i.message])).toContainEqual([
      lineOf(hotel, "kind: contest"),
      "kind contest needs a contest block (problemCard, needs, information, variants)",
    ]);
  });
});

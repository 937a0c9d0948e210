import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadBuiltInScenarios } from "@/lib/scenario/built-ins";
import { generateScenarioJsonSchema } from "@/lib/scenario/json-schema";
import { formatIssue } from "@/lib/scenario/scenario-issue";
import type { Scenario } from "@/lib/scenario/schema";

const builtIns = loadBuiltInScenarios();
const scenarios = builtIns.flatMap(({ result }) => (result.ok ? [result.scenario] : []));

describe("built-in scenarios", () => {
  it.each(builtIns.map(({ file, result }) => [file, result] as const))(
    "%s passes the checker",
    (_, result) => {
      expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([]);
    },
  );

  it("cover the required situations", () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(8);
    const count = (kind: Scenario["kind"]) => scenarios.filter((s) => s.kind === kind).length;
    expect(count("angry")).toBeGreaterThanOrEqual(5);
    expect(count("lonely")).toBeGreaterThanOrEqual(3);
    // The 応対コンクール: a municipal office, a hotel, a clinic, a mail-order shop and a utility.
    expect(scenarios.filter((s) => s.kind === "contest").map((s) => s.id)).toEqual([
      "contest-city-hall-move-in",
      "contest-clinic-appointment",
      "contest-gas-start",
      "contest-mail-order-gift",
      "contest-ryokan-inquiry",
    ]);
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(scenarios.length);
  });

  it.each(builtIns.map(({ file }) => file))("%s points editors at the JSON Schema", (file) => {
    expect(readFileSync(file, "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=./schema.json");
  });

  // Replays must differ: every node the caller returns to has several wordings. The contest's
  // opening line is fixed by the contest rules.
  it.each(scenarios.map((s) => [s.id, s] as const))("%s varies its caller lines", (_, scenario) => {
    for (const [id, node] of Object.entries(scenario.nodes)) {
      if (scenario.contest && id === scenario.start) continue;
      const variants = node.lines.length + (node.stayLines?.length ?? 0);
      expect(variants, `${scenario.id}.${id}`).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(scenarios.filter((s) => s.contest).map((s) => [s.id, s] as const))(
    "contest %s has a three-minute limit and one fixed opening line",
    (_, contest) => {
      expect(contest.timeLimitSec).toBe(180);
      expect(contest.nodes[contest.start]?.lines).toHaveLength(1);
    },
  );

  it("scenarios/schema.json is up to date (npm run scenarios:schema)", () => {
    const onDisk: unknown = JSON.parse(readFileSync("scenarios/schema.json", "utf8"));
    expect(onDisk).toEqual(generateScenarioJsonSchema());
  });
});

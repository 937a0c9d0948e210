import { describe, expect, it } from "vitest";
import { loadScenario } from "@/lib/scenario/load-scenario";
import { formatIssue } from "@/lib/scenario/scenario-issue";
import { minimalScenarioYaml } from "@/lib/scenario/test-fixture";

const replace = (from: string, to: string) => {
  if (!minimalScenarioYaml.includes(from)) throw new Error(`fixture lacks ${from}`);
  return minimalScenarioYaml.replace(from, to);
};

describe("loadScenario", () => {
  it("loads a valid scenario with defaults applied", () => {
    const result = loadScenario(minimalScenarioYaml, "tiny.yaml");
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
    expect(result.scenario.hintsAllowed).toBe(true);
    expect(result.scenario.tags).toEqual([]);
    expect(result.scenario.mood.variables.anger?.start).toBe(70);
    expect(result.scenario.mood.effects.interruption).toEqual({ anger: 15, trust: -8 });
  });

  // Each case breaks one thing; the issue must point at the offending line and column.
  const cases: {
    name: string;
    yaml: string;
    line: number;
    column: number;
    message: RegExp;
    path?: string;
  }[] = [
    {
      name: "broken YAML",
      yaml: replace("title: 小さな例", "title: [小さな例"),
      line: 3,
      column: 1,
      message: /^YAML:/,
    },
    {
      name: "a tab-indented block",
      yaml: replace("  age: 40", "\tage: 40"),
      line: 8,
      column: 1,
      message: /^YAML:/,
    },
    {
      name: "a duplicate key",
      yaml: replace("title: 小さな例", "title: 小さな例\ntitle: 別"),
      line: 3,
      column: 1,
      message: /unique/,
    },
    {
      name: "an unknown top-level key",
      yaml: replace("start: opening", "start: opening\nstrat: opening"),
      line: 22,
      column: 1,
      message: /unknown key "strat"/,
      path: "strat",
    },
    {
      name: "an unknown nested key",
      yaml: replace(
        "    modelReply: さようでございますか。",
        "    modelReply: さようでございますか。\n    lnes: [x]",
      ),
      line: 26,
      column: 5,
      message: /unknown key "lnes"/,
      path: "nodes.opening.lnes",
    },
    {
      name: "a wrong type",
      yaml: replace("age: 40", "age: forty"),
      line: 8,
      column: 8,
      message: /expected number/,
      path: "persona.age",
    },
    {
      name: "an enum typo",
      yaml: replace("kind: angry", "kind: angy"),
      line: 4,
      column: 7,
      message: /angry/,
      path: "kind",
    },
    {
      name: "a missing required key",
      yaml: replace("title: 小さな例\n", ""),
      line: 1,
      column: 1,
      message: /missing required key "title"/,
      path: "title",
    },
    {
      name: "empty lines",
      yaml: replace("lines: [もういい！]", "lines: []"),
      line: 32,
      column: 12,
      message: /at least 1|>=1|too small/i,
      path: "nodes.angry.lines",
    },
    {
      name: "a bad intent in a condition",
      yaml: replace("intent: properClosing", "intent: closing"),
      line: 28,
      column: 25,
      message: /properClosing/,
      path: "nodes.opening.transitions[0].when.intent",
    },
    {
      name: "a bad item of a one-or-many list",
      yaml: replace("intent: properClosing", "intent: [properClosing, closing]"),
      line: 28,
      column: 41,
      message: /properClosing/,
      path: "nodes.opening.transitions[0].when.intent[1]",
    },
    {
      name: "a transition to a missing node",
      yaml: replace("- to: done", "- to: dne"),
      line: 27,
      column: 13,
      message: /missing node "dne"/,
      path: "nodes.opening.transitions[0].to",
    },
    {
      name: "a missing start node",
      yaml: replace("start: opening", "start: begin"),
      line: 21,
      column: 8,
      message: /start node "begin" does not exist/,
    },
    {
      name: "an unknown fact in a goal",
      yaml: replace("facts: [orderNumber]", "facts: [orderNo]"),
      line: 20,
      column: 21,
      message: /unknown fact "orderNo"/,
    },
    {
      name: "an unknown mood variable",
      yaml: replace("when: { listening: poor }", "when: { mood: { rage: { gte: 90 } } }"),
      line: 30,
      column: 25,
      message: /unknown mood variable "rage"/,
    },
    {
      name: "a node without a model reply",
      yaml: replace("    modelReply: さようでございますか。\n", ""),
      line: 23,
      column: 3,
      message: /needs a modelReply/,
    },
    { name: "a scalar document", yaml: "just text", line: 1, column: 1, message: /expected object/ },
    { name: "an empty document", yaml: "", line: 1, column: 1, message: /expected object/ },
  ];

  it.each(cases)("locates $name", ({ yaml, line, column, message, path }) => {
    const result = loadScenario(yaml, "tiny.yaml");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues.find((candidate) => message.test(candidate.message));
    expect(issue, result.issues.map(formatIssue).join("\n")).toBeDefined();
    expect(issue).toMatchObject({ file: "tiny.yaml", line, column });
    if (path) expect(issue?.path).toBe(path);
  });

  it("reports every problem at once, in source order", () => {
    const yaml = replace("age: 40", "age: forty").replace("kind: angry", "kind: angy");
    const result = loadScenario(yaml, "tiny.yaml");
    expect(result.ok ? [] : result.issues.map((i) => i.line)).toEqual([4, 8]);
  });

  it("reports a bad transition target beside a schema problem elsewhere", () => {
    const yaml = replace("age: 40", "age: forty").replace("- to: done", "- to: dne");
    const result = loadScenario(yaml, "tiny.yaml");
    expect(result.ok ? [] : result.issues.map((i) => [i.line, i.column, i.path])).toEqual([
      [8, 8, "persona.age"],
      [27, 13, "nodes.opening.transitions[0].to"],
    ]);
  });

  it("reports a target that breaks the id rule once, as the schema sees it", () => {
    const result = loadScenario(replace("- to: done", "- to: 'no such'"), "tiny.yaml");
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(["nodes.opening.transitions[0].to"]);
  });

  it("formats issues as file:line:column: message", () => {
    const result = loadScenario(replace("age: 40", "age: forty"), "scenarios/tiny.yaml");
    expect(result.ok ? "" : formatIssue(result.issues[0]!)).toMatch(
      /^scenarios\/tiny\.yaml:8:8: .*expected number.* \(persona\.age\)$/,
    );
  });
});

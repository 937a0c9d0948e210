import { describe, expect, it } from "vitest";
import { loadScenario } from "@/lib/scenario/load-scenario";
import { starterScenarioYaml } from "./starter-template";
import { addFormEntry, removeFormEntry } from "./yaml-entries";
import { readFormFields } from "./yaml-fields";

const starter = starterScenarioYaml("team-abc123");

function added(
  yaml: string,
  ...args: Parameters<typeof addFormEntry> extends [string, ...infer R] ? R : never
) {
  const result = addFormEntry(yaml, ...args);
  if (!result.ok) throw new Error(result.message);
  return result.yaml;
}

/** The lines of `after` that are not in `before`, assuming `before`'s lines all survive in order. */
function insertedLines(before: string, after: string): string[] {
  const kept = before.split("\n");
  const extra: string[] = [];
  let next = 0;
  for (const line of after.split("\n")) {
    if (line === kept[next]) next++;
    else extra.push(line);
  }
  expect(next, "every original line survives, in order").toBe(kept.length);
  return extra;
}

describe("adding form entries", () => {
  it("adds a fact after the last one, keeping every other line and passing the checks", () => {
    const yaml = added(starter, "fact", "deliveryDate");
    expect(insertedLines(starter, yaml)).toEqual([
      "    deliveryDate:",
      "      label: 新しい情報",
      "      value: （値）",
      "      askedBy:",
      "        - （この情報を尋ねる言葉）",
      "      answers:",
      "        - （尋ねられたときのお客様の答え）",
    ]);
    expect(readFormFields(yaml)?.facts.map((fact) => fact.id)).toEqual(["orderNumber", "deliveryDate"]);
    expect(loadScenario(yaml, "x.yaml")).toMatchObject({ ok: true });
  });

  it("writes a goal in the flow style of its siblings", () => {
    const yaml = added(starter, "goal", "closing");
    expect(insertedLines(starter, yaml)).toEqual([
      "  closing: { label: 新しい目標, when: { listening: good } }",
    ]);
    expect(loadScenario(yaml, "x.yaml")).toMatchObject({ ok: true });
  });

  it("adds a node with one caller line, which the checker then asks to connect", () => {
    const yaml = added(starter, "node", "askAgain");
    expect(insertedLines(starter, yaml)).toEqual([
      "  askAgain:",
      "    lines:",
      "      - （お客様のセリフ）",
      "    modelReply: （模範となる応答）",
    ]);
    expect(readFormFields(yaml)?.nodes.at(-1)).toEqual({
      id: "askAgain",
      lines: ["（お客様のセリフ）"],
      end: "",
    });
    const result = loadScenario(yaml, "x.yaml");
    expect(result.ok ? [] : result.issues.map((issue) => issue.messageJa)).toEqual([
      'ノード "askAgain" には開始ノードからたどり着けません',
    ]);
  });

  it("adds to a map written on one line, or one that is missing", () => {
    const flow = added("id: x\npersona:\n  facts: {}\ngoals: {}\n", "fact", "phone");
    expect(readFormFields(flow)?.facts.map((fact) => fact.id)).toEqual(["phone"]);
    expect(flow).toContain("  facts:\n    phone:\n");
    const missing = added("id: x\n", "goal", "first");
    expect(readFormFields(missing)?.goals).toEqual([{ id: "first", label: "新しい目標" }]);
    const empty = added("id: x\npersona:\ngoals:\n", "fact", "phone");
    expect(readFormFields(empty)?.facts.map((fact) => fact.id)).toEqual(["phone"]);
    expect(readFormFields(added("goals:\n", "goal", "first"))?.goals.map((goal) => goal.id)).toEqual([
      "first",
    ]);
    expect(addFormEntry("goals: 3\n", "goal", "first")).toEqual({
      ok: false,
      message: "goals が「キー: 値」の形になっていないため追加できません。",
    });
    expect(addFormEntry("persona: [a]\n", "fact", "x")).toMatchObject({ ok: false });
  });

  it("refuses bad and taken ids, and text that is not YAML", () => {
    expect(addFormEntry(starter, "node", "1st")).toEqual({
      ok: false,
      message: "ID は英字で始め、英字・数字・「_」「-」だけで書いてください。",
    });
    expect(addFormEntry(starter, "node", "  ")).toMatchObject({ ok: false });
    expect(addFormEntry(starter, "node", "calmer")).toEqual({
      ok: false,
      message: 'ID "calmer" はすでに使われています。',
    });
    expect(addFormEntry("a: [", "goal", "x")).toMatchObject({ ok: false });
  });
});

describe("removing form entries", () => {
  it("cuts exactly the entry's lines, trailing comment included", () => {
    const yaml = removeFormEntry(starter, "node", "calmer");
    expect(insertedLines(yaml, starter)).toEqual(
      starter
        .split("\n")
        .slice(starter.split("\n").indexOf("  calmer:"), starter.split("\n").indexOf("  resolved:")),
    );
    expect(readFormFields(yaml)?.nodes.map((node) => node.id)).toEqual(["opening", "resolved", "hangUp"]);
    const commented = "goals:\n  a: { label: A } # first\n  b: { label: B }\nstart: s\n";
    expect(removeFormEntry(commented, "goal", "a")).toBe("goals:\n  b: { label: B }\nstart: s\n");
    expect(removeFormEntry(commented, "goal", "b")).toBe("goals:\n  a: { label: A } # first\nstart: s\n");
  });

  it("removes the last node of a file without a final newline, and the only entry of a map", () => {
    expect(removeFormEntry("nodes:\n  a:\n    lines: [x]\n  b:\n    lines: [y]", "node", "b")).toBe(
      "nodes:\n  a:\n    lines: [x]\n",
    );
    const onlyFact = removeFormEntry(starter, "fact", "orderNumber");
    expect(readFormFields(onlyFact)?.facts).toEqual([]);
    const result = loadScenario(onlyFact, "x.yaml");
    expect(result.ok ? [] : result.issues.map((issue) => issue.messageJa)).toContain(
      '情報 "orderNumber" は persona.facts に定義されていません',
    );
  });

  it("leaves the text alone for an unknown id or text that is not YAML", () => {
    expect(removeFormEntry(starter, "goal", "nope")).toBe(starter);
    expect(removeFormEntry("a: [", "goal", "x")).toBe("a: [");
  });
});

import { describe, expect, it } from "vitest";
import { loadScenario } from "@/lib/scenario/load-scenario";
import { newScenarioSlug, starterScenarioYaml } from "./starter-template";
import { readFormFields, readYamlIdentity, renameScenarioYaml, setYamlField } from "./yaml-fields";

const starter = starterScenarioYaml("team-abc123");

describe("the starter template", () => {
  it("passes the same checks as scenarios:check", () => {
    expect(loadScenario(starter, "starter.yaml")).toMatchObject({ ok: true });
  });

  it("makes ids the schema accepts", () => {
    expect(newScenarioSlug("team", () => 0)).toBe("team-000000");
    expect(newScenarioSlug("x", () => 0.999999999)).toMatch(/^x-[0-9a-z]{6}$/);
  });
});

describe("form edits of the YAML text", () => {
  it("change one line only, keeping comments and order", () => {
    const edited = setYamlField(starter, ["persona", "age"], 60);
    const before = starter.split("\n");
    const after = edited.split("\n");
    expect(after).toHaveLength(before.length);
    expect(after.filter((line, i) => line !== before[i])).toEqual(["  age: 60"]);
    expect(setYamlField(starter, ["title"], "キャンセル: 返金").split("\n")[3]).toBe(
      'title: "キャンセル: 返金"',
    );
  });

  it("replace lists and multi-line text, and keep comments elsewhere", () => {
    const edited = setYamlField(starter, ["nodes", "calmer", "lines"], ["一つ目", "二つ目"]);
    expect(readFormFields(edited)?.nodes.find((n) => n.id === "calmer")?.lines).toEqual(["一つ目", "二つ目"]);
    expect(edited).toContain("# 研修生に尋ねられたときだけ答える情報");
    expect(loadScenario(edited, "x.yaml")).toMatchObject({ ok: true });
    const described = setYamlField(starter, ["description"], "一行目\n二行目");
    expect(readFormFields(described)?.description).toBe("一行目\n二行目");
  });

  it("remove a key for undefined, and leave broken YAML untouched", () => {
    expect(readFormFields(setYamlField(starter, ["timeLimitSec"], undefined))?.timeLimitSec).toBe("");
    expect(setYamlField("a: [", ["title"], "x")).toBe("a: [");
  });
});

describe("reading the form's fields", () => {
  it("reads every main field of the starter", () => {
    const fields = readFormFields(starter);
    expect(fields).toMatchObject({
      title: "新しいシナリオ",
      kind: "angry",
      difficulty: "normal",
      timeLimitSec: "600",
      persona: { name: "高橋 健一", age: "45", speakingRate: "8" },
      facts: [{ id: "orderNumber", label: "注文番号", value: "A-10234" }],
    });
    expect(fields?.goals.map((g) => g.id)).toEqual(["empathy", "confirmOrder", "offerRemedy"]);
    expect(fields?.nodes.map((n) => [n.id, n.end])).toEqual([
      ["opening", ""],
      ["calmer", ""],
      ["resolved", "resolved"],
      ["hangUp", "hung_up"],
    ]);
  });

  it("is null for text that is not YAML, and reads identity leniently", () => {
    expect(readFormFields("a: [")).toBeNull();
    expect(readYamlIdentity("id: x\ntitle: ' 題 '\nnodes: 3")).toEqual({ id: "x", title: "題" });
    expect(readYamlIdentity("- 1")).toEqual({});
    expect(readYamlIdentity(renameScenarioYaml(starter, { id: "n", title: "新" }))).toEqual({
      id: "n",
      title: "新",
    });
  });
});

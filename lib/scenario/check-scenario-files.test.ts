import { describe, expect, it } from "vitest";
import { checkScenarioFiles } from "@/lib/scenario/check-scenario-files";
import { minimalScenarioYaml } from "@/lib/scenario/test-fixture";

describe("checkScenarioFiles", () => {
  it("accepts distinct valid files", () => {
    const other = minimalScenarioYaml.replace("id: tiny", "id: other");
    const { scenarios, issues } = checkScenarioFiles([
      { fileName: "a.yaml", text: minimalScenarioYaml },
      { fileName: "b.yaml", text: other },
    ]);
    expect(issues).toEqual([]);
    expect(scenarios.map((s) => s.id)).toEqual(["tiny", "other"]);
  });

  it("reports every file's problems and ids used twice", () => {
    const { issues } = checkScenarioFiles([
      { fileName: "a.yaml", text: minimalScenarioYaml },
      { fileName: "b.yaml", text: minimalScenarioYaml },
      { fileName: "c.yaml", text: "id: [" },
    ]);
    expect(issues.map((i) => `${i.file}:${i.line}`)).toEqual(["b.yaml:1", "c.yaml:1"]);
    expect(issues[0]?.message).toBe('id "tiny" is also used by a.yaml');
  });
});

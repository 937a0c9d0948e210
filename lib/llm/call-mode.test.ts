import { describe, expect, it } from "vitest";
import { loadScenario } from "@/lib/scenario/load-scenario";
import { minimalScenarioYaml } from "@/lib/scenario/test-fixture";
import { resolveCallMode } from "./call-mode";

describe("the call mode", () => {
  it.each([
    [undefined, "llm", false, "scripted"],
    ["llm", "scripted", false, "scripted"],
    [undefined, "llm", true, "llm"],
    [undefined, "scripted", true, "scripted"],
    ["llm", "scripted", true, "llm"],
    ["scripted", "llm", true, "scripted"],
  ] as const)("pinned %s, asked %s, configured %s → %s", (pinned, requested, configured, expected) => {
    expect(resolveCallMode(pinned, requested, configured)).toBe(expected);
  });

  it("is pinned by an optional top-level mode in the scenario YAML", () => {
    const pinned = loadScenario(`mode: llm\n${minimalScenarioYaml}`, "pinned.yaml");
    expect(pinned.ok && pinned.scenario.mode).toBe("llm");
    const free = loadScenario(minimalScenarioYaml, "free.yaml");
    expect(free.ok && free.scenario.mode).toBeUndefined();
    expect(loadScenario(`mode: voice\n${minimalScenarioYaml}`, "bad.yaml").ok).toBe(false);
  });
});

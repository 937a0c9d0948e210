import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { minimalScenarioYaml } from "@/lib/scenario/test-fixture";

// The real command line, as CI and trainers run it.
function runChecker(args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/check-scenarios.ts", ...args], {
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("scripts/check-scenarios.ts", () => {
  it("passes the built-in scenarios", () => {
    const result = runChecker([]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\d+ file\(s\) checked, \d+ valid, 0 problem\(s\)/);
  });

  it("prints file:line:column for broken files and exits 1", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "scenarios-"));
    const broken = path.join(dir, "broken.yaml");
    writeFileSync(
      broken,
      minimalScenarioYaml.replace("- to: done", "- to: dne").replace("age: 40", "age: forty"),
    );
    const garbage = path.join(dir, "garbage.yaml");
    writeFileSync(garbage, "id: [\n  : : :\n\t-");
    const result = runChecker([broken, garbage, path.join(dir, "missing.yaml")]);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines.some((line) => /broken\.yaml:8:8: .*expected number/.test(line))).toBe(true);
    expect(lines.some((line) => /garbage\.yaml:\d+:\d+: YAML:/.test(line))).toBe(true);
    expect(lines.some((line) => /missing\.yaml:1:1: cannot read file/.test(line))).toBe(true);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

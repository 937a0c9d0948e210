import { loadScenario } from "@/lib/scenario/load-scenario";
import type { ScenarioIssue } from "@/lib/scenario/scenario-issue";
import type { Scenario } from "@/lib/scenario/schema";

/** Check several scenario files together: each on its own, then ids that clash between files. */
export function checkScenarioFiles(files: readonly { fileName: string; text: string }[]): {
  scenarios: Scenario[];
  issues: ScenarioIssue[];
} {
  const scenarios: Scenario[] = [];
  const issues: ScenarioIssue[] = [];
  const firstFileById = new Map<string, string>();
  for (const { fileName, text } of files) {
    const result = loadScenario(text, fileName);
    if (!result.ok) {
      issues.push(...result.issues);
      continue;
    }
    const other = firstFileById.get(result.scenario.id);
    if (other) {
      issues.push({
        file: fileName,
        line: 1,
        column: 1,
        path: "id",
        message: `id "${result.scenario.id}" is also used by ${other}`,
        messageJa: `id "${result.scenario.id}" は ${other} でも使われています`,
      });
    } else {
      firstFileById.set(result.scenario.id, fileName);
    }
    scenarios.push(result.scenario);
  }
  return { scenarios, issues };
}

import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { checkScenarioGraph } from "@/lib/scenario/check-graph";
import { checkScenarioReferences } from "@/lib/scenario/check-references";
import { locateInYaml } from "@/lib/scenario/locate-in-yaml";
import { resolveMoodModel } from "@/lib/scenario/mood-defaults";
import { formatPath, type PathIssue, type ScenarioIssue } from "@/lib/scenario/scenario-issue";
import { type Scenario, scenarioFileSchema } from "@/lib/scenario/schema";

export type LoadScenarioResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** Parse, validate and graph-check one scenario file; every problem comes back located in the YAML. */
export function loadScenario(yamlText: string, fileName: string): LoadScenarioResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return fail(
      doc.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return { file: fileName, line, column: col, path: "", message: `YAML: ${firstLine(error.message)}` };
      }),
    );
  }

  const locate = (issue: PathIssue): ScenarioIssue => ({
    file: fileName,
    ...locateInYaml(doc, lineCounter, issue.path, issue.atKey),
    path: formatPath(issue.path),
    message: issue.message,
  });

  const data = readYamlData(doc);
  if (!data.ok) return fail([locate({ path: [], message: data.message })]);

  const parsed = scenarioFileSchema.safeParse(data.value);
  if (!parsed.success) return fail(parsed.error.issues.flatMap(toPathIssues).map(locate));

  const { mood: moodSettings, ...file } = parsed.data;
  const mood = resolveMoodModel(file.kind, moodSettings);
  const problems = [...checkScenarioGraph(parsed.data), ...checkScenarioReferences(parsed.data, mood)];
  if (problems.length > 0) return fail(problems.map(locate));
  return { ok: true, scenario: { ...file, mood } };
}

// toJS is the one yaml call that throws on well-formed input (e.g. too many aliases), so its
// failure becomes an issue like any other.
function readYamlData(
  doc: ReturnType<typeof parseDocument>,
): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    return {
      ok: false,
      message: `YAML: ${error instanceof Error ? firstLine(error.message) : String(error)}`,
    };
  }
}

function toPathIssues(issue: z.core.$ZodIssue): PathIssue[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      path: [...issue.path, key],
      atKey: true,
      message: `unknown key "${key}"`,
    }));
  }
  if (issue.code === "invalid_union") {
    // A one-or-many field fails both branches; the first branch (a single value) explains it best.
    const first = issue.errors[0]?.[0];
    if (first) return toPathIssues({ ...first, path: [...issue.path, ...first.path] });
  }
  const last = issue.path[issue.path.length - 1];
  if (issue.code === "invalid_type" && issue.message.endsWith("received undefined") && last !== undefined) {
    return [{ path: issue.path, message: `missing required key "${String(last)}" (${issue.expected})` }];
  }
  return [{ path: issue.path, message: issue.message }];
}

function fail(issues: ScenarioIssue[]): LoadScenarioResult {
  const sorted = [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, issues: sorted };
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}

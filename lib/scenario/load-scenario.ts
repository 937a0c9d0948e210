import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { checkScenarioGraph, checkTransitionTargets } from "@/lib/scenario/check-graph";
import { checkScenarioReferences } from "@/lib/scenario/check-references";
import { joinJapaneseLinesDeep } from "@/lib/scenario/join-japanese-lines";
import { locateInYaml } from "@/lib/scenario/locate-in-yaml";
import { resolveMoodModel } from "@/lib/scenario/mood-defaults";
import { formatPath, type PathIssue, type ScenarioIssue } from "@/lib/scenario/scenario-issue";
import { type Scenario, scenarioFileSchema } from "@/lib/scenario/schema";
import { translateYamlDataError, translateYamlError } from "@/lib/scenario/translate-yaml-error";
import { translateZodIssue } from "@/lib/scenario/translate-zod-issue";

export type LoadScenarioResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** Parse, validate and graph-check one scenario file; every problem comes back located in the YAML. */
export function loadScenario(yamlText: string, fileName: string): LoadScenarioResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return fail(
      doc.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        const lineEnd = yamlText.indexOf("\n", error.pos[0]);
        const source = yamlText.slice(error.pos[0], lineEnd === -1 ? undefined : lineEnd);
        return {
          file: fileName,
          line,
          column: col,
          path: "",
          message: `YAML: ${firstLine(error.message)}`,
          messageJa: translateYamlError(error, { line, column: col, source }),
        };
      }),
    );
  }

  const locate = (issue: PathIssue): ScenarioIssue => ({
    file: fileName,
    ...locateInYaml(doc, lineCounter, issue.path, issue.atKey),
    path: formatPath(issue.path),
    message: issue.message,
    messageJa: issue.messageJa,
  });

  const data = readYamlData(doc);
  if (!data.ok) return fail([locate({ path: [], message: data.message, messageJa: data.messageJa })]);

  // The input is kept on each issue so the Japanese message can say what was written instead.
  const parsed = scenarioFileSchema.safeParse(joinJapaneseLinesDeep(data.value), { reportInput: true });
  if (!parsed.success) {
    // The graph's targets are still checked, so that a trainer sees every problem in one pass.
    const schemaIssues = parsed.error.issues.flatMap(toPathIssues);
    const flagged = new Set(schemaIssues.map((issue) => formatPath(issue.path)));
    const targetIssues = checkTransitionTargets(data.value).filter(
      (issue) => !flagged.has(formatPath(issue.path)),
    );
    return fail([...schemaIssues, ...targetIssues].map(locate));
  }

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
): { ok: true; value: unknown } | { ok: false; message: string; messageJa: string } {
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    const text = error instanceof Error ? firstLine(error.message) : String(error);
    return { ok: false, message: `YAML: ${text}`, messageJa: translateYamlDataError(text) };
  }
}

function toPathIssues(issue: z.core.$ZodIssue): PathIssue[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      path: [...issue.path, key],
      atKey: true,
      message: `unknown key "${key}"`,
      messageJa: `不明なキー "${key}" です`,
    }));
  }
  if (issue.code === "invalid_union") {
    // A one-or-many field fails both branches. The branch that got furthest into the value explains it
    // (a bad item of a list), and on a tie the first one (a single value).
    const branch = issue.errors.reduce<z.core.$ZodIssue[] | undefined>(
      (best, errors) => (depth(errors) > depth(best) ? errors : best),
      undefined,
    );
    if (branch?.length)
      return branch.flatMap((inner) => toPathIssues({ ...inner, path: [...issue.path, ...inner.path] }));
  }
  if (issue.code === "invalid_key") {
    // A record key (a node, fact or goal id) that is not a valid id: say why, at the key.
    const first = issue.issues[0];
    if (first) {
      return toPathIssues({ ...first, path: issue.path }).map((inner) => ({ ...inner, atKey: true }));
    }
  }
  const last = issue.path[issue.path.length - 1];
  const messageJa = translateZodIssue(issue);
  if (issue.code === "invalid_type" && issue.message.endsWith("received undefined") && last !== undefined) {
    return [
      { path: issue.path, message: `missing required key "${String(last)}" (${issue.expected})`, messageJa },
    ];
  }
  return [{ path: issue.path, message: issue.message, messageJa }];
}

function depth(errors: z.core.$ZodIssue[] | undefined): number {
  return errors?.length ? Math.max(...errors.map((inner) => inner.path.length)) : -1;
}

function fail(issues: ScenarioIssue[]): LoadScenarioResult {
  const sorted = [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, issues: sorted };
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}

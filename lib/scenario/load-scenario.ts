import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { checkScenarioGraph, checkTransitionTargets } from "@/lib/scenario/check-graph";
import { checkScenarioReferences } from "@/lib/scenario/check-references";
import { joinJapaneseLinesDeep } from "@/lib/scenario/join-japanese-lines";
import { MAX_SCENARIO_ISSUES, MAX_SCENARIO_NESTING, MAX_SCENARIO_YAML_CHARS } from "@/lib/scenario/limits";
import { locateInYaml } from "@/lib/scenario/locate-in-yaml";
import { resolveMoodModel } from "@/lib/scenario/mood-defaults";
import { formatPath, type PathIssue, type ScenarioIssue } from "@/lib/scenario/scenario-issue";
import { DEFAULT_CONTEST_TIME_LIMIT_SEC, type Scenario, scenarioFileSchema } from "@/lib/scenario/schema";
import { translateYamlDataError, translateYamlError } from "@/lib/scenario/translate-yaml-error";
import { translateZodIssue } from "@/lib/scenario/translate-zod-issue";

export type LoadScenarioResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** Parse, validate and graph-check one scenario file; every problem comes back located in the YAML. */
export function loadScenario(yamlText: string, fileName: string): LoadScenarioResult {
  // Before parsing: a huge file would cost its whole parse (and in the editor, every keystroke).
  if (yamlText.length > MAX_SCENARIO_YAML_CHARS) return tooLarge(yamlText, fileName);
  const control = findControlCharacters(yamlText, fileName);
  if (control.length > 0) return fail(control);
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

  // Deeper than any scenario: refused before the recursive steps below (toJS, zod, line joining),
  // which a deep enough file would take past the call stack.
  // Deeper than any scenario: refused before the recursive steps below (toJS, zod, line joining),
  // which a deep enough file would take past the call stack.
  const structure = findStructureProblem(doc.contents);
  if (structure) {
    const { line, col } = lineCounter.linePos(structure.offset);
    const deep = structure.kind === "deep";
    return fail([
      {
        file: fileName,
        line,
        column: col,
        path: formatPath(structure.path),
        message: deep
          ? `nested more than ${MAX_SCENARIO_NESTING} levels deep`
          : 'the key "__proto__" is not allowed',
        messageJa: deep
          ? `入れ子（字下げや [ ] { } の重なり）が深すぎます（${MAX_SCENARIO_NESTING}段まで）`
          : 'キー "__proto__" は使えません',
      },
    ]);
  }

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
    return fail(capped([...schemaIssues, ...targetIssues]).map(locate));
  }

  const { mood: moodSettings, ...file } = parsed.data;
  const mood = resolveMoodModel(file.kind, moodSettings);
  const problems = [...checkScenarioGraph(parsed.data), ...checkScenarioReferences(parsed.data, mood)];
  if (problems.length > 0) return fail(capped(problems).map(locate));
  // A contest is three minutes unless the scenario says otherwise, and never gives live hints.
  if (file.kind === "contest") {
    return {
      ok: true,
      scenario: {
        ...file,
        timeLimitSec: file.timeLimitSec ?? DEFAULT_CONTEST_TIME_LIMIT_SEC,
        hintsAllowed: false,
        mood,
      },
    };
  }
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

/**
 * At most MAX_SCENARIO_ISSUES problems to locate, then one saying how many more there are: locating
 * each walks the YAML, and 10,000 unknown keys took over a minute to list.
 */
function capped(issues: PathIssue[]): PathIssue[] {
  if (issues.length <= MAX_SCENARIO_ISSUES) return issues;
  return [
    ...issues.slice(0, MAX_SCENARIO_ISSUES),
    { path: [], ...moreIssues(issues.length - MAX_SCENARIO_ISSUES) },
  ];
}

function moreIssues(rest: number): { message: string; messageJa: string } {
  return {
    message: `${rest} more problems not listed`,
    messageJa: `ほかに ${rest} 件の問題があります（先頭の ${MAX_SCENARIO_ISSUES} 件を表示しています）`,
  };
}

function tooLarge(yamlText: string, fileName: string): LoadScenarioResult {
  const limit = MAX_SCENARIO_YAML_CHARS.toLocaleString("en-US");
  return fail([
    {
      file: fileName,
      // The line where the file crosses the limit.
      ...positionOf(yamlText, MAX_SCENARIO_YAML_CHARS),
      path: "",
      message: `file too large: ${yamlText.length} characters (at most ${MAX_SCENARIO_YAML_CHARS})`,
      messageJa: `ファイルが大きすぎます（${yamlText.length.toLocaleString("en-US")}文字。${limit}文字まで）。この行で上限を超えています`,
    },
  ]);
}

// Characters no scenario needs: PostgreSQL refuses NUL in text, and the others hide in the editor.
// Tab, line feed and carriage return are whitespace (YAML itself reports a misplaced tab).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function findControlCharacters(yamlText: string, fileName: string): ScenarioIssue[] {
  return [...yamlText.matchAll(controlCharacter)].slice(0, MAX_SCENARIO_ISSUES).map((match) => {
    const code = `U+${(match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
    return {
      file: fileName,
      ...positionOf(yamlText, match.index),
      path: "",
      message: `control character ${code} is not allowed`,
      messageJa: `制御文字（${code}）は使えません。削除してください`,
    };
  });
}

/** 1-based line and column of an offset, without parsing. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

type StructureProblem = { kind: "deep" | "prototype"; offset: number; path: PropertyKey[] };

/**
 * The first map or list nested deeper than MAX_SCENARIO_NESTING, or the first "__proto__" key (plain
 * objects built from it would take it as their prototype and drop it silently). Walked without
 * recursion, since the point is input deep enough to exhaust the call stack.
 */
function findStructureProblem(root: unknown): StructureProblem | undefined {
  const stack: { node: unknown; depth: number; path: PropertyKey[] }[] = [{ node: root, depth: 1, path: [] }];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { node, depth, path } = entry;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_SCENARIO_NESTING) return { kind: "deep", offset: node.range?.[0] ?? 0, path };
    for (const [index, item] of node.items.entries()) {
      if (!isPair(item)) {
        stack.push({ node: item, depth: depth + 1, path: [...path, index] });
        continue;
      }
      const key = isScalar(item.key) ? item.key.value : undefined;
      if (key === "__proto__") {
        return {
          kind: "prototype",
          offset: isScalar(item.key) ? (item.key.range?.[0] ?? 0) : 0,
          path: [...path, key],
        };
      }
      stack.push({ node: item.value, depth: depth + 1, path: [...path, String(key ?? "")] });
      // A map or list used as a key nests too.
      stack.push({ node: item.key, depth: depth + 1, path });
    }
  }
  return undefined;
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
  // YAML syntax errors arrive here uncapped (they cost little to place); a broken file can have hundreds.
  if (sorted.length <= MAX_SCENARIO_ISSUES + 1) return { ok: false, issues: sorted };
  const last = sorted[MAX_SCENARIO_ISSUES - 1]!;
  const more = { ...last, path: "", ...moreIssues(sorted.length - MAX_SCENARIO_ISSUES) };
  return { ok: false, issues: [...sorted.slice(0, MAX_SCENARIO_ISSUES), more] };
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}

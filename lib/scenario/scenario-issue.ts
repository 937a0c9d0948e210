/** One problem in a scenario file, located in the YAML source (1-based line and column). */
export interface ScenarioIssue {
  file: string;
  line: number;
  column: number;
  /** Dotted path to the offending value, e.g. `nodes.opening.transitions[0].to`. */
  path: string;
  /** English, for developers (`npm run scenarios:check`, logs). */
  message: string;
  /** The same problem in Japanese, for trainers (the editor, publish and import answers). */
  messageJa: string;
}

/** A problem found on the parsed data, before it is located in the source. */
export interface PathIssue {
  path: readonly PropertyKey[];
  message: string;
  messageJa: string;
  /** Point at the key itself rather than its value (unknown keys). */
  atKey?: boolean;
}

/** `file:line:column: message`, the format editors and CI annotate. */
export function formatIssue(issue: ScenarioIssue): string {
  const where = issue.path ? ` (${issue.path})` : "";
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.message}${where}`;
}

/** `nodes.opening.transitions[0].to` from ["nodes", "opening", "transitions", 0, "to"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += text ? `.${String(segment)}` : String(segment);
  }
  return text;
}

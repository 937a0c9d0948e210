import { Document, isMap, isScalar, isSeq, parseDocument } from "yaml";

// The form view edits the YAML text through the yaml Document API, so a form edit changes one value and
// keeps every comment, key order and untouched line of the trainer's file. Pure: runs in the browser.

export type FieldPath = readonly (string | number)[];

export interface ScenarioFormFields {
  title: string;
  description: string;
  kind: string;
  difficulty: string;
  timeLimitSec: string;
  persona: { name: string; age: string; speakingStyle: string; speakingRate: string };
  facts: { id: string; label: string; value: string }[];
  goals: { id: string; label: string }[];
  nodes: { id: string; lines: string[]; end: string }[];
}

/** The form's values read from YAML text, or null when the text is not well-formed YAML. */
export function readFormFields(yamlText: string): ScenarioFormFields | null {
  const doc = parseDocument(yamlText, { uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  const text = (path: FieldPath) => scalarText(doc.getIn(path));
  return {
    title: text(["title"]),
    description: text(["description"]),
    kind: text(["kind"]),
    difficulty: text(["difficulty"]),
    timeLimitSec: text(["timeLimitSec"]),
    persona: {
      name: text(["persona", "name"]),
      age: text(["persona", "age"]),
      speakingStyle: text(["persona", "speakingStyle"]),
      speakingRate: text(["persona", "speakingRate"]),
    },
    facts: mapKeys(doc.getIn(["persona", "facts"])).map((id) => ({
      id,
      label: text(["persona", "facts", id, "label"]),
      value: text(["persona", "facts", id, "value"]),
    })),
    goals: mapKeys(doc.getIn(["goals"])).map((id) => ({ id, label: text(["goals", id, "label"]) })),
    nodes: mapKeys(doc.getIn(["nodes"])).map((id) => ({
      id,
      lines: seqTexts(doc.getIn(["nodes", id, "lines"])),
      end: text(["nodes", id, "end"]),
    })),
  };
}

/**
 * The YAML text with one value set (or removed, for undefined). Text that is not well-formed YAML is
 * returned unchanged: the YAML view is where it gets fixed.
 */
export function setYamlField(yamlText: string, path: FieldPath, value: unknown): string {
  const doc = parseDocument(yamlText, { uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return yamlText;
  const current = doc.getIn(path, true);
  // A one-line scalar replacing a scalar: splice it into the source so every other byte stays as written.
  const isBlock = isScalar(current) && (current.type === "BLOCK_FOLDED" || current.type === "BLOCK_LITERAL");
  if (isScalar(current) && current.range && !isBlock && isInlineScalar(value)) {
    const [start, end] = current.range;
    const rendered = new Document(value).toString({ lineWidth: 0 }).trimEnd();
    return `${yamlText.slice(0, start)}${rendered}${yamlText.slice(end)}`;
  }
  if (value === undefined) doc.deleteIn(path);
  else if (isBlock && typeof value === "string") current.value = value;
  else doc.setIn(path, doc.createNode(value));
  return doc.toString({ flowCollectionPadding: false });
}

function isInlineScalar(value: unknown): value is string | number | boolean {
  return (
    typeof value === "number" ||
    typeof value === "boolean" ||
    (typeof value === "string" && value !== "" && !value.includes("\n"))
  );
}

/** The id and title a YAML text declares, read leniently (for list titles and file names). */
export function readYamlIdentity(yamlText: string): { id?: string; title?: string } {
  const doc = parseDocument(yamlText, { uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return {};
  const id = doc.get("id");
  const title = doc.get("title");
  return {
    ...(typeof id === "string" && id.trim() ? { id: id.trim() } : {}),
    ...(typeof title === "string" && title.trim() ? { title: title.trim() } : {}),
  };
}

/** The YAML text with a new id and title (duplicating a scenario), or unchanged when not YAML. */
export function renameScenarioYaml(yamlText: string, identity: { id: string; title: string }): string {
  return setYamlField(setYamlField(yamlText, ["id"], identity.id), ["title"], identity.title);
}

function scalarText(node: unknown): string {
  const value = isScalar(node) ? node.value : node;
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : "";
}

function mapKeys(node: unknown): string[] {
  if (!isMap(node)) return [];
  return node.items.map((pair) => scalarText(pair.key)).filter((key) => key !== "");
}

function seqTexts(node: unknown): string[] {
  if (!isSeq(node)) return [];
  return node.items.map(scalarText);
}

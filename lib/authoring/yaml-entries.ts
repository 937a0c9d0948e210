import {
  Document,
  isCollection,
  isMap,
  isPair,
  isScalar,
  type Node,
  parseDocument,
  type YAMLMap,
} from "yaml";
import { idSchema } from "@/lib/scenario/schema";
import type { FieldPath } from "./yaml-fields";

// The form adds and removes whole facts, goals and nodes. The yaml Document API finds where an entry
// lives; the edit is then spliced into the text, so every other line (comments, blank lines, the
// trainer's flow or block style) stays byte for byte. Only odd layouts (an empty or flow-style map)
// fall back to re-printing the document.

export type FormEntryKind = "fact" | "goal" | "node";

const entryPaths: Record<FormEntryKind, FieldPath> = {
  fact: ["persona", "facts"],
  goal: ["goals"],
  node: ["nodes"],
};

// Valid against the schema, so only what the trainer has to wire up (a new node's transitions) is left
// for the checker to report.
const templates: Record<FormEntryKind, Record<string, unknown>> = {
  fact: {
    label: "新しい情報",
    value: "（値）",
    askedBy: ["（この情報を尋ねる言葉）"],
    answers: ["（尋ねられたときのお客様の答え）"],
  },
  goal: { label: "新しい目標", when: { listening: "good" } },
  node: { lines: ["（お客様のセリフ）"], modelReply: "（模範となる応答）" },
};

export type AddEntryResult = { ok: true; yaml: string } | { ok: false; message: string };

/** The YAML text with a new fact, goal or node `id` (from a template) after the existing ones. */
export function addFormEntry(yamlText: string, kind: FormEntryKind, id: string): AddEntryResult {
  const doc = parseDocument(yamlText, { uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    return { ok: false, message: "YAML の書き方に誤りがあるため追加できません。" };
  }
  const trimmed = id.trim();
  if (!idSchema.safeParse(trimmed).success) {
    return { ok: false, message: "ID は英字で始め、英字・数字・「_」「-」だけで書いてください。" };
  }
  const path = entryPaths[kind];
  const parent = doc.getIn(path, true);
  if (isMap(parent) && parent.has(trimmed)) {
    return { ok: false, message: `ID "${trimmed}" はすでに使われています。` };
  }
  const layout = isMap(parent) ? blockLayout(yamlText, parent) : null;
  if (!layout) {
    if (!insertIntoDocument(doc, path, trimmed, templates[kind])) {
      return { ok: false, message: `${path.join(".")} が「キー: 値」の形になっていないため追加できません。` };
    }
    return { ok: true, yaml: doc.toString({ flowCollectionPadding: false }) };
  }
  return { ok: true, yaml: spliceEntry(yamlText, layout, trimmed, templates[kind]) };
}

/** The YAML text without the fact, goal or node `id`; unchanged when it is not there. */
export function removeFormEntry(yamlText: string, kind: FormEntryKind, id: string): string {
  const doc = parseDocument(yamlText, { uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return yamlText;
  const path = entryPaths[kind];
  const parent = doc.getIn(path, true);
  if (!isMap(parent) || !parent.has(id)) return yamlText;
  const pair = parent.items.find((item) => isPair(item) && keyText(item.key) === id);
  const span = parent.items.length > 1 && !parent.flow && pair ? pairSpan(yamlText, pair) : null;
  if (!span) {
    doc.deleteIn([...path, id]);
    return doc.toString({ flowCollectionPadding: false });
  }
  return `${yamlText.slice(0, span.start)}${yamlText.slice(span.end)}`;
}

// The new entry printed on its own, indented like its siblings and inserted after the last of them.
function spliceEntry(yamlText: string, layout: BlockLayout, id: string, value: unknown): string {
  const entry = new Document({ [id]: value });
  const node = entry.get(id, true);
  if (isCollection(node)) node.flow = layout.flowValues;
  const rendered = entry
    .toString({ lineWidth: 0 })
    .trimEnd()
    .split("\n")
    .map((line) => `${" ".repeat(layout.indent)}${line}\n`)
    .join("");
  const before = yamlText.slice(0, layout.end);
  const glue = before.endsWith("\n") ? "" : "\n";
  return `${before}${glue}${rendered}${yamlText.slice(layout.end)}`;
}

// Creates what is missing (or empty) on the way, in block style; false when a non-map is in the way.
function insertIntoDocument(doc: Document, path: FieldPath, id: string, value: unknown): boolean {
  for (let depth = 1; depth <= path.length; depth++) {
    const prefix = path.slice(0, depth);
    const node = doc.getIn(prefix, true);
    if (node === undefined || (isScalar(node) && node.value === null)) {
      const nested = path
        .slice(depth)
        .reduceRight<unknown>((inner, key) => ({ [key]: inner }), { [id]: value });
      doc.setIn(prefix, doc.createNode(nested));
      return true;
    }
    if (!isMap(node)) return false;
    if (depth === path.length) {
      node.flow = false;
      node.set(id, doc.createNode(value));
    }
  }
  return true;
}

interface BlockLayout {
  /** The column of the entries' keys. */
  indent: number;
  /** Where a new entry goes: after the last entry's last line. */
  end: number;
  /** The entries are written `id: { … }`, so a new one is too. */
  flowValues: boolean;
}

function blockLayout(text: string, map: YAMLMap): BlockLayout | null {
  const last = map.items[map.items.length - 1];
  if (map.flow || !last) return null;
  const span = pairSpan(text, last);
  if (!span) return null;
  return {
    indent: span.indent,
    end: span.end,
    flowValues: isCollection(last.value) && last.value.flow === true,
  };
}

// From the start of the key's line to the end of the value's last line, when the key begins its line.
function pairSpan(
  text: string,
  pair: { key: unknown; value: unknown },
): { start: number; end: number; indent: number } | null {
  const keyStart = rangeOf(pair.key)?.[0];
  const valueEnd = (rangeOf(pair.value) ?? rangeOf(pair.key))?.[2];
  if (keyStart === undefined || valueEnd === undefined) return null;
  const start = text.lastIndexOf("\n", keyStart - 1) + 1;
  if (text.slice(start, keyStart).trim() !== "") return null;
  const newline = text[valueEnd - 1] === "\n" ? valueEnd - 1 : text.indexOf("\n", valueEnd);
  const end = newline === -1 ? text.length : newline + 1;
  return { start, end, indent: keyStart - start };
}

function rangeOf(node: unknown): [number, number, number] | undefined {
  return (node as Node | null)?.range ?? undefined;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === "string" ? key : undefined;
}

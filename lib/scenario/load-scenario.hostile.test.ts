import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Document, isMap, isPair, isScalar, isSeq, parseDocument } from "yaml";
import { nextRandom, seedRandom } from "@/lib/caller/prng";
import { listScenarioFiles } from "@/lib/scenario/built-ins";
import { MAX_SCENARIO_ISSUES, MAX_SCENARIO_NESTING, MAX_SCENARIO_YAML_CHARS } from "@/lib/scenario/limits";
import { type LoadScenarioResult, loadScenario } from "@/lib/scenario/load-scenario";
import { minimalScenarioYaml } from "@/lib/scenario/test-fixture";

// Hostile input for the loader that import, save, publish and the editor all use: the whole built-in
// files mutated where it hurts (fields deleted, duplicated or given the wrong type, numbers out of
// range, transitions to nowhere, truncation, flipped bytes), then attacks (alias bombs, deep nesting,
// huge files, thousands of keys). Every file comes back as a scenario or as located problems, never
// an exception. Seeded: a failure names its iteration, which reproduces it.

const seed = 20261206;
const iterations = 1000;
type Random = (n: number) => number;

const builtIns = listScenarioFiles("scenarios").map((file) => ({
  name: path.basename(file),
  text: readFileSync(file, "utf8"),
}));

/** Loads, failing the test with the iteration's name on an exception (the one outcome not allowed). */
function load(text: string, name: string, label: string): LoadScenarioResult {
  try {
    return loadScenario(text, name);
  } catch (error) {
    throw new Error(`${label} threw: ${error instanceof Error ? error.stack : String(error)}`);
  }
}

/** Every refusal: problems in Japanese, each at a line and column that exist in the file. */
function expectLocated(result: LoadScenarioResult, text: string, name: string, label: string) {
  if (result.ok) return;
  expect(result.issues.length, label).toBeGreaterThan(0);
  expect(result.issues.length, label).toBeLessThanOrEqual(MAX_SCENARIO_ISSUES + 1);
  const lines = text.split("\n").length;
  for (const issue of result.issues) {
    const where = `${label}: ${issue.line}:${issue.column} ${issue.message}`;
    expect(issue.file, where).toBe(name);
    expect(Number.isInteger(issue.line) && issue.line >= 1 && issue.line <= lines, where).toBe(true);
    expect(Number.isInteger(issue.column) && issue.column >= 1, where).toBe(true);
    expect(issue.message.length, where).toBeGreaterThan(0);
    expect(issue.messageJa, where).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  }
}

describe("loadScenario on mutated built-ins", () => {
  it(`refuses ${iterations} mutated built-in files with located problems, never an exception`, () => {
    let rng = seedRandom(seed);
    const random: Random = (n) => {
      const draw = nextRandom(rng);
      rng = draw.state;
      return Math.floor(draw.value * n);
    };
    const outcomes: Record<string, { loaded: number; refused: number }> = {};
    for (let i = 0; i < iterations; i++) {
      const source = builtIns[random(builtIns.length)]!;
      const mutation = mutations[i % mutations.length]!;
      const { text, field } = mutation.apply(source.text, random);
      const label = `iteration ${i} (${mutation.name} of ${source.name}${field ? ` at ${field}` : ""})`;
      const result = load(text, source.name, label);
      expectLocated(result, text, source.name, label);
      // A field made wrong is named: some problem is at that field, inside it, or (a node removed,
      // an id changed) at what refers to it.
      if (!result.ok && field !== undefined && mutation.namesField) {
        expect(
          result.issues.some((issue) => issue.path !== ""),
          `${label}: ${JSON.stringify(result.issues)}`,
        ).toBe(true);
      }
      const tally = outcomes[mutation.name] ?? { loaded: 0, refused: 0 };
      tally[result.ok ? "loaded" : "refused"]++;
      outcomes[mutation.name] = tally;
    }
    // Each kind of mutation broke files (the test is not feeding the loader valid files only).
    for (const [name, tally] of Object.entries(outcomes)) expect(tally.refused, name).toBeGreaterThan(0);
    expect(outcomes.retype!.refused).toBeGreaterThan(outcomes.retype!.loaded);
  }, 120_000);
});

describe("loadScenario under attack", () => {
  const lol = (n: number, name: string, ref: string) =>
    `${name}: &${name} [${Array(n).fill(ref).join(", ")}]`;
  const attacks: Record<string, string> = {
    "billion laughs": [
      `lol0: &lol0 "lol"`,
      ...Array.from({ length: 9 }, (_, i) => lol(10, `lol${i + 1}`, `*lol${i}`)),
      minimalScenarioYaml,
    ].join("\n"),
    "billion laughs inside a field": minimalScenarioYaml.replace(
      /^description: .*$/m,
      `description: [${Array(9).fill("*b").join(",")}]\nx: &b [${Array(9).fill("*c").join(",")}]\ny: &c [${Array(9).fill("*d").join(",")}]\nz: &d [${Array(9).fill('"lol"').join(",")}]`,
    ),
    "merge-key bomb": `a: &a {x: 1}\n${Array.from({ length: 300 }, (_, i) => `b${i}: {<<: *a}`).join("\n")}`,
    "an alias before its anchor": `id: *nowhere\n${minimalScenarioYaml.split("\n").slice(1).join("\n")}`,
    "deep flow lists": `title: ${"[".repeat(5000)}${"]".repeat(5000)}`,
    "deep flow maps": `title: ${"{a: ".repeat(3000)}1${"}".repeat(3000)}`,
    "flow lists just too deep": minimalScenarioYaml.replace(
      /^title: .*$/m,
      `title: ${"[".repeat(MAX_SCENARIO_NESTING)}${"]".repeat(MAX_SCENARIO_NESTING)}`,
    ),
    "deep block maps": Array.from({ length: 300 }, (_, i) => `${" ".repeat(i)}k:`).join("\n"),
    "deep block lists": `${Array.from({ length: 200 }, (_, i) => `${" ".repeat(i * 2)}-`).join("\n")} x`,
    "a huge file": `${minimalScenarioYaml}# ${"あ".repeat(5_000_000)}\n`,
    "a file one character too long": `${minimalScenarioYaml}#${"a".repeat(MAX_SCENARIO_YAML_CHARS - minimalScenarioYaml.length)}`,
    "a huge single line": `title: ${"長".repeat(MAX_SCENARIO_YAML_CHARS - 20)}`,
    "thousands of unknown keys": Array.from({ length: 8000 }, (_, i) => `k${i}: ${i}`).join("\n"),
    "thousands of nodes": minimalScenarioYaml.replace(
      /^nodes:\n/m,
      `nodes:\n${Array.from({ length: 2000 }, (_, i) => `  n${i}: {lines: [あ], transitions: [{to: n${i + 1}}]}`).join("\n")}\n`,
    ),
    "thousands of transitions to nowhere": minimalScenarioYaml.replace(
      /^ {4}transitions:\n/m,
      `    transitions:\n${Array.from({ length: 3000 }, (_, i) => `      - to: nowhere${i}`).join("\n")}\n`,
    ),
    "NUL and control characters": minimalScenarioYaml.replace("小さな例", "小さな\u0000例\u0007\u001b[31m"),
    "several documents": `${minimalScenarioYaml}---\n${minimalScenarioYaml}`,
    "only a document marker": "---\n",
    "an empty file": "",
    "only whitespace": " \n\t\n   ",
    "a scalar": "42",
    "a list": "- a\n- b\n",
    "a custom tag": `id: !!js/function "function () {}"\n${minimalScenarioYaml.split("\n").slice(1).join("\n")}`,
    "__proto__ keys": minimalScenarioYaml.replace(/^goals:\n/m, "goals:\n  __proto__: { polluted: true }\n"),
    "a key over 1024 characters": `${"k".repeat(2000)}: 1\n${minimalScenarioYaml}`,
  };

  it.each(Object.entries(attacks))(
    "refuses %s with located problems",
    (name, text) => {
      const result = load(text, "attack.yaml", name);
      expectLocated(result, text, "attack.yaml", name);
      expect(result.ok, name).toBe(false);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
    20_000,
  );

  // Odd but harmless: loaded as written.
  const tolerated: Record<string, string> = {
    "a byte-order mark and CRLF": `\ufeff${minimalScenarioYaml.replaceAll("\n", "\r\n")}`,
    "lone surrogates": minimalScenarioYaml.replace("小さな例", "\ud800例\udfff"),
  };
  it.each(Object.entries(tolerated))("loads %s", (name, text) => {
    expect(load(text, "odd.yaml", name)).toMatchObject({ ok: true });
  });

  it("says what the problem is for the attacks with a message of their own", () => {
    const messageOf = (name: string) => {
      const result = load(attacks[name]!, "attack.yaml", name);
      return result.ok ? "" : result.issues.map((issue) => issue.messageJa).join(" / ");
    };
    expect(messageOf("billion laughs")).toContain("エイリアス（*）の参照が多すぎます");
    expect(messageOf("NUL and control characters")).toContain("制御文字（U+0000）は使えません");
    expect(messageOf("__proto__ keys")).toContain('キー "__proto__" は使えません');
    for (const deep of ["deep flow lists", "deep flow maps", "flow lists just too deep", "deep block maps"]) {
      expect(messageOf(deep), deep).toContain("入れ子（字下げや [ ] { } の重なり）が深すぎます");
    }
    expect(messageOf("a huge file")).toMatch(/^ファイルが大きすぎます（5,000,\d{3}文字。100,000文字まで）/);
    expect(messageOf("thousands of unknown keys")).toMatch(
      /ほかに 79\d\d 件の問題があります（先頭の 100 件を表示しています）/,
    );
  });

  it("still loads every built-in (the limits leave room for real scenarios)", () => {
    for (const { name, text } of builtIns) expect(load(text, name, name).ok, name).toBe(true);
  });
});

interface Mutation {
  name: string;
  /** Whether a refusal must name a field (the file is still valid YAML, so the schema or graph speaks). */
  namesField: boolean;
  apply(text: string, random: Random): { text: string; field?: string };
}

const wrongValues: unknown[] = ["文字列", 42, -1, 3.5, true, null, [], {}, ["x", 1], { a: 1 }, ""];
const badNumbers = [-1, -1e9, 1e9, 0, 0.5, 1e308, Number.POSITIVE_INFINITY, Number.NaN, 2 ** 53 + 1];
const badTargets: unknown[] = ["nowhere", "", "Opening", "done ", 7, null, ["opening"], { to: "opening" }];

const mutations: Mutation[] = [
  {
    name: "delete",
    namesField: true,
    apply: (text, random) =>
      editDocument(
        text,
        random,
        () => true,
        (doc, at) => doc.deleteIn(at),
      ),
  },
  {
    name: "retype",
    namesField: true,
    apply: (text, random) =>
      editDocument(
        text,
        random,
        () => true,
        (doc, at) => doc.setIn(at, wrongValues[random(wrongValues.length)]),
      ),
  },
  {
    name: "number out of range",
    namesField: true,
    apply: (text, random) =>
      editDocument(
        text,
        random,
        (node) => isScalar(node) && typeof node.value === "number",
        (doc, at) => doc.setIn(at, badNumbers[random(badNumbers.length)]),
      ),
  },
  {
    name: "bad transition target",
    namesField: true,
    apply: (text, random) =>
      editDocument(
        text,
        random,
        (_node, at) => at.at(-1) === "to" || at.at(-1) === "start",
        (doc, at) => doc.setIn(at, badTargets[random(badTargets.length)]),
      ),
  },
  {
    name: "duplicate key",
    namesField: false,
    apply: (text, random) => {
      const lines = text.split("\n");
      const keyed = lines.flatMap((line, i) => (/^\s*[A-Za-z][\w-]*:/.test(line) ? [i] : []));
      const at = keyed[random(keyed.length)] ?? 0;
      lines.splice(at + 1, 0, lines[at] ?? "");
      return { text: lines.join("\n") };
    },
  },
  {
    name: "truncate",
    namesField: false,
    apply: (text, random) => ({ text: text.slice(0, random(text.length)) }),
  },
  {
    name: "byte flips",
    namesField: false,
    apply: (text, random) => {
      const bytes = Buffer.from(text, "utf8");
      for (let n = 1 + random(8); n > 0; n--) {
        const at = random(bytes.length);
        bytes[at] = (bytes[at] ?? 0) ^ (1 << random(8));
      }
      return { text: bytes.toString("utf8") };
    },
  },
];

/** Parses a file, picks one node where `where` holds, changes it with `edit`, and prints the file again. */
function editDocument(
  text: string,
  random: Random,
  where: (node: unknown, at: (string | number)[]) => boolean,
  edit: (doc: Document, at: (string | number)[]) => void,
): { text: string; field?: string } {
  const parsed = parsedSources.get(text) ?? parseSource(text);
  const candidates = parsed.paths.filter(({ node, at }) => where(node, at));
  const picked = candidates[random(candidates.length)];
  if (!picked) return { text };
  const doc = parsed.doc.clone();
  edit(doc, picked.at);
  return { text: doc.toString({ lineWidth: 0 }), field: picked.at.join(".") };
}

// Each built-in is parsed once; a mutation edits a clone.
const parsedSources = new Map<
  string,
  { doc: Document; paths: { node: unknown; at: (string | number)[] }[] }
>();
function parseSource(text: string) {
  const doc = parseDocument(text);
  const parsed = { doc, paths: collectPaths(doc.contents, []) };
  parsedSources.set(text, parsed);
  return parsed;
}

function collectPaths(node: unknown, at: (string | number)[]): { node: unknown; at: (string | number)[] }[] {
  const here = at.length > 0 ? [{ node, at }] : [];
  if (isMap(node)) {
    return [
      ...here,
      ...node.items.flatMap((pair) =>
        isPair(pair) && isScalar(pair.key) ? collectPaths(pair.value, [...at, String(pair.key.value)]) : [],
      ),
    ];
  }
  if (isSeq(node)) return [...here, ...node.items.flatMap((item, i) => collectPaths(item, [...at, i]))];
  return here;
}

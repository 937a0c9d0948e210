import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { nextRandom, seedRandom } from "@/lib/caller/prng";
import { listScenarioFiles } from "@/lib/scenario/built-ins";
import { loadScenario } from "@/lib/scenario/load-scenario";
import { minimalScenarioYaml } from "@/lib/scenario/test-fixture";

// Thousands of mutated built-in files: each must come back as a scenario or as located issues, never
// as an exception. Seeded, so a failure reproduces with the same iteration number.
const seed = 20240513;
const iterations = 2000;
const fragments = [
  ":",
  ": ",
  "-",
  "- ",
  "\n",
  "  ",
  "\t",
  "{",
  "}",
  "[",
  "]",
  "'",
  '"',
  "#",
  "&a ",
  "*a",
  "!!int ",
  "? ",
  "|",
  ">",
  "null",
  "~",
  "123",
  "-1",
  "1e999",
  "true",
  "瓶",
  "、",
  "\u3000",
  "%YAML 1.2\n",
  "---\n",
  "...\n",
  "<<: *a\n",
  "to: nowhere",
  "end: resolved",
  "when: {}",
  "x: [",
  "\\u0000",
];

describe("loadScenario fuzz", () => {
  // Parsing dominates the cost, so the corpus is the small fixture and the head of every built-in
  // (persona and facts: block and flow maps, sequences, folded strings, comments).
  const sources = [
    minimalScenarioYaml,
    ...listScenarioFiles("scenarios").map((file) =>
      readFileSync(file, "utf8").split("\n").slice(0, 40).join("\n"),
    ),
  ];

  it(`survives ${iterations} mutated files`, () => {
    let rng = seedRandom(seed);
    const random = (n: number) => {
      const draw = nextRandom(rng);
      rng = draw.state;
      return Math.floor(draw.value * n);
    };
    let loaded = 0;
    for (let i = 0; i < iterations; i++) {
      let text = sources[random(sources.length)] ?? "";
      const mutations = 1 + random(4);
      for (let m = 0; m < mutations; m++) text = mutate(text, random);
      const result = (() => {
        try {
          return loadScenario(text, "fuzz.yaml");
        } catch (error) {
          throw new Error(`iteration ${i} threw: ${String(error)}`);
        }
      })();
      if (result.ok) {
        loaded++;
        continue;
      }
      expect(result.issues.length, `iteration ${i}`).toBeGreaterThan(0);
      for (const issue of result.issues) {
        expect(issue.file).toBe("fuzz.yaml");
        expect(Number.isInteger(issue.line) && issue.line >= 1, `iteration ${i}: ${issue.message}`).toBe(
          true,
        );
        expect(Number.isInteger(issue.column) && issue.column >= 1).toBe(true);
        expect(issue.message.length).toBeGreaterThan(0);
        // Trainers read messageJa: it must be a Japanese sentence whatever the mutation broke.
        expect(issue.messageJa, `iteration ${i}: ${issue.message}`).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      }
    }
    // Some mutations (inside a comment or a string) leave the file valid; most must not.
    expect(loaded).toBeGreaterThan(0);
    expect(loaded).toBeLessThan(iterations);
  });
});

function mutate(text: string, random: (n: number) => number): string {
  const at = random(text.length + 1);
  const lines = text.split("\n");
  switch (random(7)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1 + random(40));
    case 1:
      return text.slice(0, at) + (fragments[random(fragments.length)] ?? "") + text.slice(at);
    case 2: {
      const line = random(lines.length);
      lines.splice(line, 0, lines[random(lines.length)] ?? "");
      return lines.join("\n");
    }
    case 3: {
      const line = random(lines.length);
      lines[line] = ` ${lines[line] ?? ""}`;
      return lines.join("\n");
    }
    case 4: {
      const line = random(lines.length);
      lines[line] = (lines[line] ?? "").replace(/^ {1,2}/, "");
      return lines.join("\n");
    }
    case 5:
      return text.slice(0, at);
    default: {
      const [a, b] = [random(lines.length), random(lines.length)];
      [lines[a], lines[b]] = [lines[b] ?? "", lines[a] ?? ""];
      return lines.join("\n");
    }
  }
}

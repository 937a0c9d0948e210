import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The scenario format and the caller engine are pure core: no framework, database, network or env.
// Only built-ins.ts (reads scenarios/ from disk) and test support may touch node:.
const allowed = [/^zod$/, /^yaml$/, /^@\/lib\/(scenario|caller)\//, /^@\/lib\/rubric\/labels$/];
const mayUseNode = new Set(["built-ins.ts", "test-transcripts.ts"]);

const coreFiles = ["lib/scenario", "lib/caller"].flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
    .map((name) => path.join(dir, name)),
);

describe("core imports", () => {
  it.each(coreFiles)("%s imports only the core", (file) => {
    const imports = [...readFileSync(file, "utf8").matchAll(/from "([^"]+)"/g)].map(
      (match) => match[1] ?? "",
    );
    const foreign = imports.filter(
      (name) =>
        !allowed.some((pattern) => pattern.test(name)) &&
        !(mayUseNode.has(path.basename(file)) && name.startsWith("node:")),
    );
    expect(foreign).toEqual([]);
    expect(readFileSync(file, "utf8")).not.toMatch(/process\.env|Date\.now|Math\.random/);
  });
});

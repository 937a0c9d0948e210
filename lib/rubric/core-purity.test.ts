import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The rubric core is pure: no framework, database, network or env, so every rule stays a unit test.
describe("lib/rubric purity", () => {
  const dir = path.resolve(__dirname);
  const sources = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

  it.each(sources)("%s imports no framework, database, network or env", (file) => {
    const text = readFileSync(path.join(dir, file), "utf8");
    const imports = [...text.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
    for (const source of imports) expect(source).toMatch(/^(\.\/|zod$|node:module$)/);
    expect(text).not.toMatch(/process\.env|fetch\(/);
  });
});

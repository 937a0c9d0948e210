import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The voice core is pure: the browser's audio, the server and the database stay outside it.
describe("lib/voice purity", () => {
  const dir = path.resolve(__dirname);
  const sources = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

  it.each(sources)("%s imports only zod, itself, the rubric core and the text check", (file) => {
    const text = readFileSync(path.join(dir, file), "utf8");
    const imports = [...text.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
    for (const source of imports)
      expect(source).toMatch(/^(\.\/|zod$|@\/lib\/rubric\/[a-z-]+$|@\/lib\/validation\/plain-text$)/);
    expect(text).not.toMatch(/process\.env|fetch\(|Date\.now|Math\.random/);
  });
});

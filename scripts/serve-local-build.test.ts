import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildIsStale } from "./serve-local-build";

describe("buildIsStale", () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
  });

  function project(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "kikite-serve-"));
    roots.push(root);
    fs.mkdirSync(path.join(root, "app", "trainer"), { recursive: true });
    fs.writeFileSync(path.join(root, "app", "trainer", "page.tsx"), "page");
    fs.writeFileSync(path.join(root, "next.config.ts"), "config");
    return root;
  }

  function build(root: string, at: Date) {
    fs.mkdirSync(path.join(root, ".next"), { recursive: true });
    fs.writeFileSync(path.join(root, ".next", "BUILD_ID"), "id");
    fs.utimesSync(path.join(root, ".next", "BUILD_ID"), at, at);
  }

  const past = new Date(Date.now() - 60_000);
  const future = new Date(Date.now() + 60_000);

  it("builds when there is no build", () => {
    expect(buildIsStale(project())).toBe("no build yet");
  });

  it("serves a build newer than every source", () => {
    const root = project();
    build(root, future);
    expect(buildIsStale(root)).toBeNull();
  });

  it("rebuilds when a source is newer, naming it, but not for a test file", () => {
    const root = project();
    build(root, past);
    expect(buildIsStale(root)).toMatch(/^(app\/trainer\/page\.tsx|next\.config\.ts) changed$/);
    const old = new Date(past.getTime() - 60_000);
    fs.utimesSync(path.join(root, "app", "trainer", "page.tsx"), old, old);
    fs.utimesSync(path.join(root, "next.config.ts"), old, old);
    fs.writeFileSync(path.join(root, "app", "trainer", "page.test.ts"), "test");
    expect(buildIsStale(root)).toBeNull();
  });
});

import fs from "node:fs";
import path from "node:path";

// What the production bundle is built from. Tests are not: editing one needs no new build.
const inputDirs = ["app", "components", "lib", "scenarios", "public"];
const inputFiles = ["next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

/** Why the production build in `root/.next` must be (re)built, or null when it is up to date. */
export function buildIsStale(root: string): string | null {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return "no build yet";
  const builtAt = fs.statSync(buildId).mtimeMs;
  const newer = listInputs(root).find((file) => fs.statSync(file).mtimeMs > builtAt);
  return newer ? `${path.relative(root, newer)} changed` : null;
}

function listInputs(root: string): string[] {
  const files = inputFiles.map((name) => path.join(root, name)).filter((file) => fs.existsSync(file));
  for (const dir of inputDirs) {
    const full = path.join(root, dir);
    if (!fs.existsSync(full)) continue;
    for (const relative of fs.readdirSync(full, { recursive: true, encoding: "utf8" })) {
      const file = path.join(full, relative);
      if (/\.test\.tsx?$/.test(relative) || !fs.statSync(file).isFile()) continue;
      files.push(file);
    }
  }
  return files;
}

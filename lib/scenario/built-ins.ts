import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type LoadScenarioResult, loadScenario } from "@/lib/scenario/load-scenario";

export const builtInScenarioDir = path.join(process.cwd(), "scenarios");

/** Every scenarios/*.yaml file with its load result, in file-name order. */
export function loadBuiltInScenarios(
  dir: string = builtInScenarioDir,
): { file: string; result: LoadScenarioResult }[] {
  return listScenarioFiles(dir).map((file) => ({
    file,
    result: loadScenario(readFileSync(file, "utf8"), path.relative(process.cwd(), file)),
  }));
}

/** The scenario files of a folder: *.yaml and *.yml, sorted. */
export function listScenarioFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

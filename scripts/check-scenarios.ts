// npm run scenarios:check [-- FILE…]: validate the built-in scenarios (or the given files) and print
// every problem as file:line:column: message. Exits 1 on any problem.
import { readFileSync } from "node:fs";
import path from "node:path";
import { builtInScenarioDir, listScenarioFiles } from "@/lib/scenario/built-ins";
import { checkScenarioFiles } from "@/lib/scenario/check-scenario-files";
import { formatIssue, type ScenarioIssue } from "@/lib/scenario/scenario-issue";

function main(args: string[]): number {
  const paths = args.length > 0 ? args : listScenarioFiles(builtInScenarioDir);
  const unreadable: ScenarioIssue[] = [];
  const files: { fileName: string; text: string }[] = [];
  for (const file of paths) {
    const fileName = path.relative(process.cwd(), path.resolve(file));
    try {
      files.push({ fileName, text: readFileSync(file, "utf8") });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      unreadable.push({
        file: fileName,
        line: 1,
        column: 1,
        path: "",
        message: `cannot read file: ${reason}`,
        messageJa: `ファイルを読み込めません：${reason}`,
      });
    }
  }
  const { scenarios, issues } = checkScenarioFiles(files);
  const all = [...unreadable, ...issues];
  for (const issue of all) console.error(formatIssue(issue));
  const summary = `${files.length} file(s) checked, ${scenarios.length} valid, ${all.length} problem(s)`;
  if (all.length > 0) console.error(summary);
  else console.log(summary);
  return all.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));

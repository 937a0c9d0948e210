// Prints P/R/F1 and Cohen's kappa per rubric label against the `gold` labels of a JSONL file.
// Usage: npm run --silent score:eval -- path/to/items.jsonl [--errors]
import { readFileSync } from "node:fs";
import { analyzeReply } from "@/lib/rubric/analyze-reply";
import { evaluateItems, formatReport } from "@/lib/rubric/evaluate-items";

function main(): number {
  const [path, ...flags] = process.argv.slice(2);
  if (!path) {
    process.stderr.write("usage: score:eval -- <items.jsonl> [--errors]\n");
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    process.stderr.write(
      `score:eval: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  const report = evaluateItems(text.split(/\r?\n/), (item) => analyzeReply(item));
  for (const error of report.errors) process.stderr.write(`score:eval: ${error}\n`);
  process.stdout.write(formatReport(report, { showErrors: flags.includes("--errors") }));
  return 0;
}

process.exitCode = main();

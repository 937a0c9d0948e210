// Prints the analyzer's agreement with the `gold` labels of JSONL files, next to the keyword baseline's,
// for all items and per `style` (written, recognizer, verbatim, …).
// Usage: npm run --silent score:eval -- items.jsonl [more.jsonl …] [--errors] [--full] [--rules-only]
// --rules-only leaves the learned layer out (what the rules alone decide).
import { readFileSync } from "node:fs";
import { analyzeReply } from "@/lib/rubric/analyze-reply";
import { evaluateItems, formatComparison, formatReport, groupByStyle } from "@/lib/rubric/evaluate-items";
import { scoreWithKeywords } from "@/lib/rubric/keyword-baseline";

function main(): number {
  const args = process.argv.slice(2);
  const paths = args.filter((a) => !a.startsWith("--"));
  if (paths.length === 0) {
    process.stderr.write("usage: score:eval -- <items.jsonl> [more.jsonl …] [--errors] [--full]\n");
    return 2;
  }
  const lines: string[] = [];
  for (const path of paths) {
    try {
      lines.push(...readFileSync(path, "utf8").split(/\r?\n/));
    } catch (error) {
      process.stderr.write(
        `score:eval: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      return 1;
    }
  }
  for (const [style, group] of groupByStyle(lines)) {
    const rulesOnly = args.includes("--rules-only");
    const analyzer = evaluateItems(group, (item) =>
      analyzeReply(item, undefined, undefined, rulesOnly ? null : undefined),
    );
    const baseline = evaluateItems(group, scoreWithKeywords);
    if (style === "all") for (const error of analyzer.errors) process.stderr.write(`score:eval: ${error}\n`);
    process.stdout.write(`\n== ${style}: ${analyzer.items} items\n`);
    process.stdout.write(
      formatComparison([
        { name: "analyzer", report: analyzer },
        { name: "baseline", report: baseline },
      ]),
    );
    if (style === "all" && (args.includes("--full") || args.includes("--errors")))
      process.stdout.write(`\n${formatReport(analyzer, { showErrors: args.includes("--errors") })}`);
  }
  return 0;
}

process.exitCode = main();

// Labels operator replies: JSONL items on stdin → JSONL labels on stdout, errors on stderr.
import { readFileSync } from "node:fs";
import { analyzeReply } from "@/lib/rubric/analyze-reply";
import { scoreLines } from "@/lib/rubric/score-lines";

function main(): number {
  let input: string;
  try {
    input = readFileSync(0, "utf8");
  } catch (error) {
    process.stderr.write(
      `score: cannot read stdin: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  const { outputs, errors } = scoreLines(input.split(/\r?\n/), (item) => analyzeReply(item));
  for (const error of errors) process.stderr.write(`score: ${error}\n`);
  if (outputs.length > 0) process.stdout.write(`${outputs.join("\n")}\n`);
  return 0;
}

process.exitCode = main();

// Prints how the better phrasings and feedback quotes read over JSONL items (any file: a sealed part too,
// since it reports only counts): broken conjugations, quotes cut mid-word, and the most shared opening and
// closing sentence. Usage: npm run --silent feedback:check -- items.jsonl [more.jsonl …]
import { readFileSync } from "node:fs";
import { analyzeReply } from "@/lib/rubric/analyze-reply";
import { cutQuotes, hasBrokenJapanese, sharedSentenceShare } from "@/lib/rubric/check-phrasing";
import { getFullTokenizer } from "@/lib/rubric/japanese";
import { scoreItemSchema } from "@/lib/rubric/score-lines";

const kinds = { angry: "angry", lonely: "lonely", inquiry: "inquiry", contest: "inquiry" } as const;

function main(): number {
  const paths = process.argv.slice(2);
  if (paths.length === 0) {
    process.stderr.write("usage: feedback:check -- <items.jsonl> [more.jsonl …]\n");
    return 2;
  }
  const tokenizer = getFullTokenizer();
  let replies = 0;
  let broken = 0;
  let quotes = 0;
  let cut = 0;
  let kept = 0;
  const phrasings: string[] = [];
  for (const path of paths) {
    for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
      if (line.trim() === "") continue;
      const raw = JSON.parse(line) as { scenario?: keyof typeof kinds };
      const item = scoreItemSchema.parse(raw);
      const analysis = analyzeReply({ ...item, kind: raw.scenario ? kinds[raw.scenario] : undefined });
      replies += 1;
      if (analysis.suggestion === "") kept += 1;
      else phrasings.push(analysis.suggestion);
      if (hasBrokenJapanese(analysis.suggestion)) broken += 1;
      quotes += analysis.points.reduce((n, p) => n + (p.text.match(/『/g)?.length ?? 0), 0);
      cut += cutQuotes(
        item.reply,
        analysis,
        tokenizer,
        item.context.filter((t) => t.role === "caller").map((t) => t.text),
      ).length;
    }
  }
  const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
  process.stdout.write(
    `${[
      `replies: ${replies} (nothing to fix: ${kept}, rephrased: ${phrasings.length})`,
      `broken conjugation or join: ${broken} (${pct(broken, replies)})`,
      `quotes cut mid-word: ${cut} of ${quotes} (${pct(cut, quotes)})`,
      `most shared opening sentence: ${pct(sharedSentenceShare(phrasings, "first") * phrasings.length, phrasings.length)}`,
      `most shared closing sentence: ${pct(sharedSentenceShare(phrasings, "last") * phrasings.length, phrasings.length)}`,
    ].join("\n")}\n`,
  );
  return 0;
}

process.exitCode = main();

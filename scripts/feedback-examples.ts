// Writes docs/feedback-examples.md: 40 replies from the corpus's read part (every call kind and style, good
// and bad), each with the caller's turn, the reply, the feedback points and the better phrasing.
// Usage: npm run feedback:examples
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { analyzeReply } from "@/lib/rubric/analyze-reply";
import type { Turn } from "@/lib/rubric/labels";

interface Item {
  id: string;
  scenario: "angry" | "lonely" | "inquiry" | "contest";
  style: string;
  context: Turn[];
  reply: string;
  gold: { violation: string };
}

const perGroup = 3; // per call kind × style, up to 40 in all
const kinds = { angry: "angry", lonely: "lonely", inquiry: "inquiry", contest: "inquiry" } as const;
const kindJa = { angry: "クレーム", lonely: "寂しいお客様", inquiry: "問い合わせ", contest: "コンクール" };
const styleJa: Record<string, string> = {
  written: "入力",
  recognizer: "音声認識",
  verbatim: "話し言葉",
  long: "長い通話",
  real: "実際の応対",
};

function main(): void {
  const root = process.cwd();
  const items = readFileSync(path.join(root, "lib/rubric/corpus/read.jsonl"), "utf8")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Item);
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = `${item.scenario}/${item.style}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  // From each group: a reply with a violation, one without, and one more, spread over the group.
  const picked: Item[] = [];
  for (const group of groups.values()) {
    const bad = group.filter((i) => i.gold.violation !== "none");
    const good = group.filter((i) => i.gold.violation === "none");
    const choices = [
      bad[Math.floor(bad.length / 3)],
      good[Math.floor(good.length / 2)],
      bad[Math.floor((2 * bad.length) / 3)],
    ];
    for (const choice of choices.slice(0, perGroup))
      if (choice && !picked.includes(choice)) picked.push(choice);
  }
  const examples = picked.slice(0, 40);
  const out = [
    "# Feedback examples",
    "",
    "Forty replies from our corpus (`lib/rubric/corpus/read.jsonl`; every call kind, typed and spoken), as the",
    "analyzer answers them today: at most three points, the most important first, and the better phrasing.",
    "Regenerate with `npm run feedback:examples` after changing `lib/rubric`; read it before you merge.",
    "",
  ];
  examples.forEach((item, n) => {
    const analysis = analyzeReply({ context: item.context, reply: item.reply, kind: kinds[item.scenario] });
    const caller = item.context.filter((t) => t.role === "caller").at(-1)?.text ?? "";
    out.push(
      `## ${n + 1}. ${kindJa[item.scenario]}・${styleJa[item.style] ?? item.style} (${item.id})`,
      "",
      `- お客様: ${caller}`,
      `- 研修生: ${item.reply}`,
      ...analysis.points.map((p) => `- ${p.tone === "good" ? "✓" : p.tone === "bad" ? "✗" : "・"} ${p.text}`),
      `- より良い言い方: ${analysis.suggestion === "" ? "この返答はこのままで十分です。" : analysis.suggestion}`,
      "",
    );
  });
  writeFileSync(path.join(root, "docs/feedback-examples.md"), `${out.join("\n")}`);
  process.stdout.write(`wrote docs/feedback-examples.md (${examples.length} examples)\n`);
}

main();

// Prints analyzer load time, per-reply latency (median, p99) and memory after load.
// Replies are analysed as in a practice call: every reply of a call re-reads the same caller turns.
import { readFileSync } from "node:fs";
import path from "node:path";
import { getFullTokenizer, getJapaneseTokenizer } from "@/lib/rubric/japanese";
import type { Turn } from "@/lib/rubric/labels";
import { splitSentences } from "@/lib/rubric/text-spans";

interface DevItem {
  context: Turn[];
  reply: string;
}

const repliesPerCall = 13;
const devPath = path.resolve(process.cwd(), "../shared/rubric/dev.jsonl");

// A few replies of our own, so the benchmark does not only see the dev set's wording.
const ownReplies = [
  "はい、さようでございますか。",
  "恐れ入りますが、ご注文番号を教えていただけますか。",
  "それはさぞお困りでしたよね。すぐにお調べいたします。",
  "うん、うん。",
  "ですから、先ほども申し上げた通りでございます。",
  "次回からはお受け取りの際にご確認いただくといいですよ。",
];

async function main(): Promise<void> {
  const items = readFileSync(devPath, "utf8")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as DevItem);
  const sentencesOf = items.map((item) => splitSentences(item.reply).map((s) => s.text));
  const pool = [...sentencesOf.flat(), ...ownReplies];

  // Load = the analyzer module with its learned layer (JSON weights, checked by zod) + the dictionary.
  const loadStart = performance.now();
  const { analyzeReply } = await import("@/lib/rubric/analyze-reply");
  const tokenizer = getJapaneseTokenizer();
  tokenizer.tokenize("辞書を読み込みます。"); // the first call finishes WASM initialisation
  getFullTokenizer().tokenize("えーと、辞書を読み込みます。");
  const loadMs = performance.now() - loadStart;
  const memory = process.memoryUsage();

  // Calls: each dev context gets 13 distinct replies built by recombining sentences, so reply text is
  // new while the caller turns repeat, as in a real call.
  const jobs: { context: Turn[]; reply: string }[] = [];
  items.forEach((item, k) => {
    for (let j = 0; j < repliesPerCall; j += 1) {
      const first = pool[(k * 7 + j * 13) % pool.length] ?? "";
      const second = pool[(k * 11 + j * 29 + 5) % pool.length] ?? "";
      jobs.push({ context: item.context, reply: j === 0 ? item.reply : `${first}${second}` });
    }
  });

  const times: number[] = [];
  for (const job of jobs) {
    const start = performance.now();
    analyzeReply(job, tokenizer);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  // Spoken replies (a browser recognizer's output, verbatim transcripts) take the morphology path.
  const spoken = readFileSync(path.resolve(process.cwd(), "lib/rubric/corpus/read.jsonl"), "utf8")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as DevItem & { style: string })
    .filter((item) => item.style === "recognizer" || item.style === "verbatim");
  const spokenTimes = spoken.map((item) => {
    const start = performance.now();
    analyzeReply(item, tokenizer);
    return performance.now() - start;
  });
  spokenTimes.sort((a, b) => a - b);
  const spokenMedian = spokenTimes[Math.floor(spokenTimes.length / 2)] ?? 0;
  const after = process.memoryUsage();
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const lines = [
    `analyzer load (module and learned layer, lindera IPADIC, first tokenize): ${loadMs.toFixed(0)} ms`,
    `memory after load: rss ${mb(memory.rss)}, heapUsed ${mb(memory.heapUsed)}`,
    `replies analysed: ${times.length} (${items.length} calls × ${repliesPerCall})`,
    `per reply: median ${at(0.5).toFixed(3)} ms, p90 ${at(0.9).toFixed(3)} ms, p99 ${at(0.99).toFixed(3)} ms, max ${at(1).toFixed(3)} ms`,
    `spoken replies (corpus, recognizer + verbatim): ${spokenTimes.length}, median ${spokenMedian.toFixed(3)} ms`,
    `memory after run: rss ${mb(after.rss)}, heapUsed ${mb(after.heapUsed)}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

void main();

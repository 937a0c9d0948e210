import { z } from "zod";
import type { AnalyzeReplyInput } from "./analyze-reply";
import { turnSchema } from "./labels";
import type { ReplyAnalysis } from "./reply-analysis";

/** One input line of `npm run score` (extra fields, such as gold labels, are ignored). */
export const scoreItemSchema = z.object({
  id: z.union([z.string(), z.number()]),
  context: z.array(turnSchema),
  reply: z.string(),
  timing: z.object({ replyStartedMs: z.number(), callerSpeechEndsMs: z.number() }).optional(),
});
export type ScoreItem = z.infer<typeof scoreItemSchema>;

export interface ScoredLines {
  /** One JSON line per valid input line, in input order. */
  outputs: string[];
  /** One message per malformed line, naming its 1-based line number. */
  errors: string[];
}

/** Scores JSONL lines; a malformed line becomes an error message and does not stop the others. */
export function scoreLines(
  lines: string[],
  analyze: (input: AnalyzeReplyInput) => ReplyAnalysis,
): ScoredLines {
  const outputs: string[] = [];
  const errors: string[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    const lineNumber = index + 1;
    const parsed = parseLine(line);
    if (!parsed.ok) {
      errors.push(`line ${lineNumber}: ${parsed.message}`);
      return;
    }
    const { id, context, reply, timing } = parsed.item;
    outputs.push(JSON.stringify({ id, ...analyze({ context, reply, timing }) }));
  });
  return { outputs, errors };
}

function parseLine(line: string): { ok: true; item: ScoreItem } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { ok: false, message: `invalid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const result = scoreItemSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    return { ok: false, message: `invalid item (${issues})` };
  }
  return { ok: true, item: result.data };
}

import type OpenAI from "openai";
import { z } from "zod";
import { type RubricLabels, rubricLabelsSchema } from "@/lib/rubric/labels";
import type { ChatMessage } from "./caller-prompt";
import { MAX_JUDGE_PHRASING_CHARS } from "./phrasing-guard";
import type { AttemptRecord } from "./stream-caller-line";

// The optional second opinion: a judge model labels the operator's reply with the analyzer's seven
// labels through structured output, validated by the same zod schema. It never changes a score. When
// the analyzer would rewrite the reply, the same request also asks for a better phrasing (one request,
// not two: the conversation is sent once); phrasing-guard.ts decides whether anyone sees it.

const labelsJsonSchema = toStrictJsonSchema(rubricLabelsSchema);
const labelsAndPhrasingJsonSchema = toStrictJsonSchema(
  rubricLabelsSchema.extend({
    phrasing: z.string().describe("より良い言い方。直す必要がなければ空文字。"),
  }),
);

function toStrictJsonSchema(schema: z.ZodObject): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return { ...rest, additionalProperties: false };
}

const judgeInstructions = [
  "あなたはコールセンターの応対研修の評価者です。担当者（オペレーター）の1つの返答に、次のラベルを付けてください。",
  "- backchannel: 相づち（はい、さようでございますか 等）があるか",
  "- parroting: お客様の言葉をそのまま繰り返す（オウム返し）があるか",
  "- summarizing: お客様の話を要約して確認しているか",
  "- question: 質問の種類。none / closed（はい・いいえで答える）/ open（自由に答える）",
  "- empathy: お客様の気持ちへの共感を言葉にしているか",
  "- cushion: クッション言葉（恐れ入りますが 等）があるか",
  "- violation: してはいけない応答。none / criticize（批判）/ argue（反論）/ advise（助言の押し付け）/ opinion（個人的な意見）/ derail（話をそらす）",
  "JSON だけを返してください。",
].join("\n");

const phrasingInstructions = [
  "- phrasing: この返答をより良くした言い方。担当者がこのお客様の最後の発言にそのまま言える、丁寧な敬語の返答にしてください。",
  `  ${MAX_JUDGE_PHRASING_CHARS}字以内。返答の良いところは残し、足りないところ（受け止め、限定的な謝罪、共感、確認や質問）を補ってください。`,
  "  会話と【わかっていること】に出てこない数字・日付・金額・名前・番号は書かないでください。直す必要がなければ空文字にしてください。",
].join("\n");

export interface JudgeInput {
  model: string;
  timeoutMs: number;
  /** The turns before the reply, oldest first. */
  context: readonly { role: "caller" | "operator"; text: string }[];
  reply: string;
  /** Ask for a better phrasing too, given what the call has established (revealed facts). */
  phrasing?: { knownFacts: readonly string[] };
}

export type JudgeResult =
  | {
      ok: true;
      labels: RubricLabels /** The raw `phrasing` field when asked for; unvalidated. */;
      phrasing?: unknown;
    }
  | { ok: false; cause: unknown };

/** The judge's labels for one reply; ok:false on any provider failure or invalid output (no retry). */
export async function judgeReply(
  client: OpenAI,
  input: JudgeInput,
  onAttempt: (record: AttemptRecord) => void,
): Promise<JudgeResult> {
  const started = performance.now();
  const messages: ChatMessage[] = [
    {
      role: "system",
      content: input.phrasing ? `${judgeInstructions}\n${phrasingInstructions}` : judgeInstructions,
    },
    {
      role: "user",
      content: [
        ...(input.phrasing && input.phrasing.knownFacts.length > 0
          ? [`【わかっていること】${input.phrasing.knownFacts.join("、")}`]
          : []),
        "【会話】",
        ...input.context.slice(-6).map((t) => `${t.role === "caller" ? "お客様" : "担当者"}: ${t.text}`),
        `【評価する返答】${input.reply}`,
      ].join("\n"),
    },
  ];
  let content: string;
  try {
    const completion = await client.chat.completions.create(
      {
        model: input.model,
        messages,
        temperature: 0,
        response_format: {
          type: "json_schema",
          json_schema: input.phrasing
            ? { name: "rubric_labels_and_phrasing", strict: true, schema: labelsAndPhrasingJsonSchema }
            : { name: "rubric_labels", strict: true, schema: labelsJsonSchema },
        },
      },
      { timeout: input.timeoutMs, maxRetries: 0 },
    );
    onAttempt({
      ok: true,
      promptTokens: completion.usage?.prompt_tokens ?? 0,
      completionTokens: completion.usage?.completion_tokens ?? 0,
      latencyMs: performance.now() - started,
    });
    content = completion.choices[0]?.message.content ?? "";
  } catch (error) {
    onAttempt({ ok: false, promptTokens: 0, completionTokens: 0, latencyMs: performance.now() - started });
    return { ok: false, cause: error };
  }
  const json = parseJson(content);
  const parsed = rubricLabelsSchema.safeParse(json);
  if (!parsed.success) return { ok: false, cause: parsed.error };
  // The labels stand on their own; a missing or bad phrasing is the guard's to reject.
  const phrasing =
    input.phrasing && typeof json === "object" && json !== null
      ? (json as { phrasing?: unknown }).phrasing
      : undefined;
  return { ok: true, labels: parsed.data, ...(input.phrasing ? { phrasing } : {}) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON at all: the schema check below reports it as invalid output.
    return undefined;
  }
}

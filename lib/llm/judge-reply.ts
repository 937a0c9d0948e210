import type OpenAI from "openai";
import { z } from "zod";
import { type RubricLabels, rubricLabelsSchema } from "@/lib/rubric/labels";
import type { ChatMessage } from "./caller-prompt";
import type { AttemptRecord } from "./stream-caller-line";

// The optional second opinion: a judge model labels the operator's reply with the analyzer's seven
// labels through structured output, validated by the same zod schema. It never changes a score.

const labelsJsonSchema = (() => {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(rubricLabelsSchema) as Record<string, unknown>;
  return { ...schema, additionalProperties: false };
})();

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

export interface JudgeInput {
  model: string;
  timeoutMs: number;
  /** The turns before the reply, oldest first. */
  context: readonly { role: "caller" | "operator"; text: string }[];
  reply: string;
}

export type JudgeResult = { ok: true; labels: RubricLabels } | { ok: false; cause: unknown };

/** The judge's labels for one reply; ok:false on any provider failure or invalid output (no retry). */
export async function judgeReply(
  client: OpenAI,
  input: JudgeInput,
  onAttempt: (record: AttemptRecord) => void,
): Promise<JudgeResult> {
  const started = performance.now();
  const messages: ChatMessage[] = [
    { role: "system", content: judgeInstructions },
    {
      role: "user",
      content: [
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
          json_schema: { name: "rubric_labels", strict: true, schema: labelsJsonSchema },
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
  const parsed = rubricLabelsSchema.safeParse(parseJson(content));
  return parsed.success ? { ok: true, labels: parsed.data } : { ok: false, cause: parsed.error };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON at all: the schema check below reports it as invalid output.
    return undefined;
  }
}

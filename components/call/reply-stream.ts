import type { ReplyResult, TurnView } from "@/lib/calls/call-view";
import { readServerEvents } from "./server-events";

// How the text and the voice call screens send a reply in LLM play and follow its streamed answer:
// the scored reply first, then the caller's words as the model writes them, then the finished line.

/** Shown when an LLM call's provider failed and the script took over (also after a reload). */
export const fallbackNotice =
  "AI のお客様の応答が途切れたため、ここからは台本どおりのお客様の発言で続けます。";

/** What a streamed answer tells its screen, in order. */
export interface ReplyStreamHandlers {
  reply(result: ReplyResult): void;
  delta(seq: number, text: string): void;
  line(turn: TurnView): void;
  /** The provider failed and the script took over. */
  fallback(message: string): void;
}

/** An LLM caller whose words still come from the model: its answers are streamed. */
export function streamsReplies(call: { mode: string; llmFallback: boolean }): boolean {
  return call.mode === "llm" && !call.llmFallback;
}

/** The reply request's headers: a streamed answer is asked for when the caller's words are generated. */
export function replyHeaders(streamed: boolean): Record<string, string> {
  return {
    "content-type": "application/json",
    ...(streamed ? { accept: "text/event-stream, application/json" } : {}),
  };
}

/** The answer's body when it is a stream of events (the server answers JSON when nothing is generated). */
export function eventStreamOf(response: Response): ReadableStream<Uint8Array> | null {
  return response.ok && response.body && response.headers.get("content-type")?.includes("text/event-stream")
    ? response.body
    : null;
}

/** Reads a streamed answer to its end, handing each event to its handler. */
export async function followReplyStream(
  body: ReadableStream<Uint8Array>,
  handlers: ReplyStreamHandlers,
): Promise<void> {
  for await (const { event, data } of readServerEvents(body)) {
    const payload: unknown = JSON.parse(data);
    if (event === "reply") handlers.reply(payload as ReplyResult);
    else if (event === "delta") {
      const { seq, text } = payload as { seq: number; text: string };
      handlers.delta(seq, text);
    } else if (event === "line") handlers.line(payload as TurnView);
    else if (event === "fallback") handlers.fallback((payload as { message: string }).message);
  }
}

/** The turns with a streamed piece of a pending caller line added. */
export function appendDelta(turns: TurnView[], seq: number, text: string): TurnView[] {
  return turns.map((t) => (t.seq === seq && t.pending ? { ...t, text: t.text + text } : t));
}

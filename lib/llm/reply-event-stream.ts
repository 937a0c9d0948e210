import "server-only";
import type { ReplyResult } from "@/lib/calls/call-view";
import { describeErrorForLog } from "@/lib/http/safe-error-log";
import type { VoiceListener } from "./reply-follow-up";

// The reply answered as Server-Sent Events: first the scored reply (as the JSON answer would be), then
// the caller's words as they are generated, then the final line. Leaving the page closes the stream but
// not the generation: that runs to the end and writes the database either way.

export type ReplyEvent =
  | { event: "reply"; data: ReplyResult }
  | { event: "delta"; data: { seq: number; text: string } }
  | { event: "line"; data: Parameters<VoiceListener["line"]>[0] }
  | { event: "fallback"; data: { message: string } }
  | { event: "done"; data: Record<string, never> };

/** An SSE response for a reply whose follow-up `run` reports to the listener it is given. */
export function replyEventStream(
  result: ReplyResult,
  run: (listener: VoiceListener) => Promise<void>,
): Response {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let open = true;
  const send = (message: ReplyEvent) => {
    if (!open || !controller) return;
    controller.enqueue(encoder.encode(`event: ${message.event}\ndata: ${JSON.stringify(message.data)}\n\n`));
  };
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      send({ event: "reply", data: result });
    },
    cancel() {
      open = false;
    },
  });
  // The first words leave at once; words arriving in a burst behind them (a provider sends many
  // chunks per network read) leave together on the next turn of the event loop: one event and one
  // write instead of one per chunk, with no delay a trainee could see.
  let held: { seq: number; text: string } | undefined;
  let first = true;
  const release = () => {
    if (held) send({ event: "delta", data: held });
    held = undefined;
  };
  const listener: VoiceListener = {
    delta: (seq, text) => {
      if (first) {
        first = false;
        send({ event: "delta", data: { seq, text } });
      } else if (held && held.seq === seq) {
        held.text += text;
      } else {
        release();
        held = { seq, text };
        setImmediate(release);
      }
    },
    line: (turn) => {
      release();
      send({ event: "line", data: turn });
    },
    fallback: (message) => {
      release();
      send({ event: "fallback", data: { message } });
    },
  };
  void run(listener)
    // A failed write's error holds the query and the call's text: logged by its SQLSTATE only.
    .catch((error: unknown) => console.error(`[llm] reply follow-up failed: ${describeErrorForLog(error)}`))
    .finally(() => {
      release();
      send({ event: "done", data: {} });
      if (open) controller?.close();
      open = false;
    });
  return new Response(body, {
    status: 201,
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: no compression, which would hold each event back in a gzip buffer. Proxies
      // (nginx) must pass the events through as they come.
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
    },
  });
}

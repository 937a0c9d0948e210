import { describe, expect, it } from "vitest";
import type { TurnView } from "@/lib/calls/call-view";
import { appendDelta, eventStreamOf, followReplyStream, replyHeaders, streamsReplies } from "./reply-stream";

const turn = (seq: number, text: string, pending?: boolean): TurnView => ({
  seq,
  role: "caller",
  kind: "line",
  text,
  atMs: 0,
  speechEndsAtMs: null,
  analysis: null,
  mood: null,
  ...(pending ? { pending } : {}),
});

function streamOf(...parts: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
      controller.close();
    },
  });
}

describe("followReplyStream", () => {
  it("hands every event to its handler in order, across chunks", async () => {
    const seen: string[] = [];
    const reply = { call: { id: "c" }, added: [], changed: [] };
    await followReplyStream(
      streamOf(
        `event: reply\ndata: ${JSON.stringify(reply)}\n\nevent: delta\ndata: {"seq":2,"te`,
        'xt":"あのですね、"}\n\nevent: fallback\ndata: {"message":"台本で続けます"}\n\n',
        `event: line\ndata: ${JSON.stringify(turn(2, "あのですね、瓶が"))}\n\nevent: done\ndata: {}\n\n`,
      ),
      {
        reply: (result) => seen.push(`reply ${JSON.stringify(result)}`),
        delta: (seq, text) => seen.push(`delta ${seq} ${text}`),
        line: (t) => seen.push(`line ${t.seq} ${t.text}`),
        fallback: (message) => seen.push(`fallback ${message}`),
      },
    );
    expect(seen).toEqual([
      `reply ${JSON.stringify(reply)}`,
      "delta 2 あのですね、",
      "fallback 台本で続けます",
      "line 2 あのですね、瓶が",
    ]);
  });
});

describe("the reply request of LLM play", () => {
  it("asks for a stream only while the model voices the caller", () => {
    expect(streamsReplies({ mode: "llm", llmFallback: false })).toBe(true);
    expect(streamsReplies({ mode: "llm", llmFallback: true })).toBe(false);
    expect(streamsReplies({ mode: "scripted", llmFallback: false })).toBe(false);
    expect(replyHeaders(true).accept).toContain("text/event-stream");
    expect(replyHeaders(false)).toEqual({ "content-type": "application/json" });
  });

  it("reads a body as events only when the server answered a stream", () => {
    const sse = new Response("event: done\ndata: {}\n\n", {
      headers: { "content-type": "text/event-stream; charset=utf-8" },
    });
    expect(eventStreamOf(sse)).not.toBeNull();
    expect(eventStreamOf(Response.json({ ok: true }))).toBeNull();
    expect(
      eventStreamOf(new Response("x", { status: 409, headers: { "content-type": "text/event-stream" } })),
    ).toBeNull();
  });

  it("adds streamed words to the pending line only", () => {
    const turns = [turn(0, "もしもし"), turn(2, "あの", true)];
    expect(appendDelta(turns, 2, "ですね").map((t) => t.text)).toEqual(["もしもし", "あのですね"]);
    expect(appendDelta(turns, 0, "？").map((t) => t.text)).toEqual(["もしもし", "あの"]);
  });
});

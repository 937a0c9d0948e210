import { describe, expect, it } from "vitest";
import { readServerEvents } from "@/components/call/server-events";
import type { ReplyResult, TurnView } from "@/lib/calls/call-view";
import { replyEventStream } from "./reply-event-stream";

const reply = { call: { status: "active" }, added: [], changed: [] } as unknown as ReplyResult;
const line = { seq: 3, text: "あのですね、割れていたのよ。" } as unknown as TurnView;

async function eventsOf(response: Response) {
  const events: { event: string; data: unknown }[] = [];
  for await (const { event, data } of readServerEvents(response.body!)) {
    events.push({ event, data: JSON.parse(data) });
  }
  return events;
}

describe("the reply's event stream", () => {
  it("sends the reply, the first words at once, a burst of words as one event, then the line", async () => {
    const response = replyEventStream(reply, async (listener) => {
      listener.delta(3, "あの");
      // The rest of a provider's chunks, arriving in one read.
      for (const text of ["です", "ね、", "割れて", "いたのよ。"]) listener.delta(3, text);
      await new Promise((resolve) => setTimeout(resolve, 5));
      listener.line(line);
    });
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("no-transform");
    expect(await eventsOf(response)).toEqual([
      { event: "reply", data: reply },
      { event: "delta", data: { seq: 3, text: "あの" } },
      { event: "delta", data: { seq: 3, text: "ですね、割れていたのよ。" } },
      { event: "line", data: line },
      { event: "done", data: {} },
    ]);
  });

  it("sends words held back before a fallback notice and before the end", async () => {
    const response = replyEventStream(reply, async (listener) => {
      listener.delta(3, "あの");
      listener.delta(3, "です");
      listener.fallback("ここからは台本どおりです。");
      listener.delta(3, "ね");
    });
    const events = await eventsOf(response);
    expect(events.map((e) => e.event)).toEqual(["reply", "delta", "delta", "fallback", "delta", "done"]);
    expect(events.filter((e) => e.event === "delta").map((e) => (e.data as { text: string }).text)).toEqual([
      "あの",
      "です",
      "ね",
    ]);
  });
});

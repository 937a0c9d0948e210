import { describe, expect, it } from "vitest";
import { readServerEvents, splitEvents } from "./server-events";

describe("server events", () => {
  it("splits complete events and keeps the tail", () => {
    const { events, rest } = splitEvents('event: reply\ndata: {"a":1}\n\nevent: delta\ndata: {"t');
    expect(events).toEqual([{ event: "reply", data: '{"a":1}' }]);
    expect(rest).toBe('event: delta\ndata: {"t');
  });

  it("reads events split across chunks", async () => {
    const parts = ["event: delta\nda", 'ta: {"text":"瓶が"}\n\nevent: done\n', "data: {}\n\n"];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
        controller.close();
      },
    });
    const events = [];
    for await (const event of readServerEvents(body)) events.push(event);
    expect(events).toEqual([
      { event: "delta", data: '{"text":"瓶が"}' },
      { event: "done", data: "{}" },
    ]);
  });
});

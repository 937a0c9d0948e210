// Reads a Server-Sent Events body (the streamed reply of LLM play) in the browser.

export interface ServerEvent {
  event: string;
  data: string;
}

/** Splits complete events off a buffer; the incomplete tail stays for the next chunk. */
export function splitEvents(buffer: string): { events: ServerEvent[]; rest: string } {
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop() ?? "";
  const events = blocks.flatMap((block) => {
    let event = "message";
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith("event:")) event = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    return data.length > 0 ? [{ event, data: data.join("\n") }] : [];
  });
  return { events, rest };
}

/** Every event of a streamed body, in order, as it arrives. */
export async function* readServerEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const { events, rest } = splitEvents(buffer + decoder.decode(value, { stream: true }));
    buffer = rest;
    yield* events;
  }
  yield* splitEvents(`${buffer}\n\n`).events;
}

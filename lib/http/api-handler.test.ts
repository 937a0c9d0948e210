import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { CONTROL_CHARACTERS_MESSAGE } from "@/lib/validation/plain-text";
import { handleApi, handleMutation, readJsonBody } from "./api-handler";

const url = "http://127.0.0.1:3000/api/calls";
const schema = z.object({
  text: z.string().refine((t) => !t.includes("\u0000"), CONTROL_CHARACTERS_MESSAGE),
});

/** A body of `total` bytes in `chunk`-byte pieces, without Content-Length, counting what was pulled. */
function chunkedBody(total: number, chunk = 1024) {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      const size = Math.min(chunk, total - counter.pulled);
      counter.pulled += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  const request = new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: stream,
    duplex: "half",
  } as RequestInit);
  return { request, counter };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("readJsonBody", () => {
  it("stops reading a chunked body without Content-Length just past the cap (413)", async () => {
    const { request, counter } = chunkedBody(10 * 1024 * 1024);
    expect(request.headers.get("content-length")).toBeNull();
    const error = await refusal(readJsonBody(request, schema, { maxBytes: 16 * 1024 }));
    expect(error.status).toBe(413);
    expect(error.message).toBe("送信された内容が大きすぎます。");
    // One chunk past the cap, plus what the stream queued ahead: nowhere near the 10 MB sent.
    expect(counter.pulled).toBeLessThanOrEqual(16 * 1024 + 4 * 1024);
  });

  it("refuses a declared Content-Length over the cap without reading (413)", async () => {
    const { request, counter } = chunkedBody(64 * 1024);
    const declared = new Request(request, { headers: { "content-length": String(64 * 1024) } });
    const error = await refusal(readJsonBody(declared, schema, { maxBytes: 16 * 1024 }));
    expect(error.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(4 * 1024);
  });

  it("reads a body exactly at the cap", async () => {
    const text = JSON.stringify({ text: "あ".repeat(10) });
    const request = new Request(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: text,
    });
    expect(await readJsonBody(request, schema, { maxBytes: Buffer.byteLength(text) })).toEqual({
      text: "あ".repeat(10),
    });
  });

  it.each([
    ["text/plain", "text/plain;charset=UTF-8"],
    ["a form", "application/x-www-form-urlencoded"],
    ["no type at all", null],
  ])("refuses a body sent as %s (415)", async (_name, type) => {
    const request = new Request(url, {
      method: "POST",
      headers: type ? { "content-type": type } : {},
      body: new TextEncoder().encode('{"text":"はい"}'),
    });
    const error = await refusal(readJsonBody(request, schema));
    expect(error.status).toBe(415);
    expect(error.message).toBe("リクエストは JSON（application/json）で送信してください。");
  });

  it("reads no body at all as {}", async () => {
    const request = new Request(url, { method: "POST" });
    expect(await readJsonBody(request, z.object({ role: z.string().default("trainee") }))).toEqual({
      role: "trainee",
    });
  });

  it.each([
    ["malformed JSON", "{"],
    ["invalid UTF-8", new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d])],
  ])("refuses %s (422)", async (_name, body) => {
    const request = new Request(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    const error = await refusal(readJsonBody(request, schema));
    expect(error.status).toBe(422);
    expect(error.message).toBe("リクエストの形式が正しくありません（JSON ではありません）。");
  });

  it("names control characters in its own words (422)", async () => {
    const request = new Request(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ text: "a\u0000b" }),
    });
    const error = await refusal(readJsonBody(request, schema));
    expect(error.status).toBe(422);
    expect(error.message).toBe(CONTROL_CHARACTERS_MESSAGE);
  });
});

describe("handleMutation", () => {
  const ran = vi.fn(async () => Response.json({ ok: true }));
  afterEach(() => ran.mockClear());

  async function answer(headers: Record<string, string>, body?: string) {
    const response = await handleMutation(new Request(url, { method: "POST", headers, body }), ran);
    return { status: response.status, body: (await response.json()) as { error?: { message: string } } };
  }

  it.each([
    ["another port", { "sec-fetch-site": "same-site", origin: "http://127.0.0.1:3999" }],
    ["another site", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }],
    ["a foreign Origin without Sec-Fetch-Site", { origin: "http://127.0.0.1:3999" }],
  ])("refuses a request from %s with 403 before the handler runs", async (_name, headers) => {
    const { status, body } = await answer({ ...headers, "content-type": "application/json" }, "{}");
    expect(status).toBe(403);
    expect(body.error?.message).toMatch(/操作を受け付けませんでした/);
    expect(ran).not.toHaveBeenCalled();
  });

  it("refuses a form post with 415 before the handler runs", async () => {
    const { status, body } = await answer({ "content-type": "text/plain" }, "text=hello");
    expect(status).toBe(415);
    expect(body.error?.message).toMatch(/JSON/);
    expect(ran).not.toHaveBeenCalled();
  });

  it.each([
    ["the call screen's fetch", { "sec-fetch-site": "same-origin", origin: "http://127.0.0.1:3000" }],
    ["a client that is not a browser", {}],
    ["an empty form post from this origin", { "content-type": "text/plain", "content-length": "0" }],
  ])("lets %s through", async (_name, headers) => {
    const { status } = await answer({ host: "127.0.0.1:3000", ...headers });
    expect(status).toBe(200);
    expect(ran).toHaveBeenCalledOnce();
  });
});

describe("handleApi", () => {
  it("logs a failed query by its SQLSTATE, never the statement or the user's text", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const secret = "研修生の返答\u0000パスワード";
    const cause = Object.assign(new Error(`invalid byte sequence for encoding "UTF8": 0x00 (${secret})`), {
      code: "22021",
      table: "turns",
    });
    const query = Object.assign(
      new Error(`Failed query: insert into "turns" values ($1)\nparams: ${secret}`),
      {
        query: 'insert into "turns" values ($1)',
        params: [secret],
        cause,
      },
    );
    const response = await handleApi(async () => {
      throw query;
    });
    expect(response.status).toBe(500);
    const logged = log.mock.calls.flat().map(String).join("\n");
    log.mockRestore();
    expect(logged).toContain("SQLSTATE 22021");
    expect(logged).toContain("table=turns");
    expect(logged).not.toContain("研修生の返答");
    expect(logged).not.toContain("insert into");
  });
});

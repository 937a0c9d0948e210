import { afterEach, describe, expect, it } from "vitest";
import { GUIDE_MARKER } from "./caller-prompt";
import { getLlmClient } from "./llm-client";
import { type AttemptRecord, streamCallerLine } from "./stream-caller-line";
import {
  FAKE_VOICE_PREFIX,
  type FakeBehaviour,
  type FakeLlmServer,
  startFakeLlmServer,
} from "./testing/fake-llm-server";

const messages = [
  { role: "system" as const, content: "あなたはお客様です。" },
  { role: "user" as const, content: "お電話ありがとうございます。" },
  { role: "system" as const, content: `${GUIDE_MARKER}瓶が割れて届いたんですけど！` },
];

let server: FakeLlmServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(
  options: { behaviours?: FakeBehaviour[]; firstTokenDelayMs?: number; timeoutMs?: number } = {},
  onDelta: (delta: string) => "stop" | undefined = () => undefined,
) {
  const behaviours = options.behaviours ?? [];
  server = await startFakeLlmServer({
    firstTokenDelayMs: options.firstTokenDelayMs,
    behave: (_request, index) => behaviours[index] ?? { kind: "ok" },
  });
  const deltas: string[] = [];
  const attempts: AttemptRecord[] = [];
  const result = await streamCallerLine(getLlmClient({ apiKey: undefined, baseUrl: server.url }), {
    model: "fake-caller",
    messages,
    timeoutMs: options.timeoutMs ?? 2000,
    maxRetries: 2,
    onDelta: (delta) => {
      deltas.push(delta);
      return onDelta(delta);
    },
    onAttempt: (record) => attempts.push(record),
    sleep: async () => undefined,
  });
  return { result, deltas, attempts };
}

describe("streaming a caller line through the real openai client", () => {
  it("streams the line token by token with its usage", async () => {
    const { result, deltas, attempts } = await run();
    expect(result).toEqual({
      ok: true,
      text: `${FAKE_VOICE_PREFIX}瓶が割れて届いたんですけど！`,
      stopped: false,
    });
    expect(deltas.length).toBeGreaterThan(3);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ ok: true });
    expect(attempts[0]!.completionTokens).toBeGreaterThan(0);
    expect(attempts[0]!.promptTokens).toBeGreaterThan(0);
  });

  it("retries 429, 500 and 503 and then succeeds", async () => {
    const { result, attempts } = await run({
      behaviours: [
        { kind: "status", status: 503 },
        { kind: "status", status: 429, retryAfterSec: 1 },
      ],
    });
    expect(result.ok).toBe(true);
    expect(attempts.map((a) => a.ok)).toEqual([false, false, true]);
  });

  it("gives up after the bounded retries when the provider stays down", async () => {
    const down: FakeBehaviour = { kind: "status", status: 500 };
    const { result, attempts } = await run({ behaviours: [down, down, down, down] });
    expect(result).toMatchObject({ ok: false, reason: "unavailable" });
    expect(attempts).toHaveLength(3);
  });

  it("does not retry a request the provider refuses (400)", async () => {
    const { result, attempts } = await run({ behaviours: [{ kind: "status", status: 400 }] });
    expect(result).toMatchObject({ ok: false, reason: "unavailable" });
    expect(attempts).toHaveLength(1);
  });

  it("gives up on a provider slower than the time-out", async () => {
    const { result, attempts } = await run({ firstTokenDelayMs: 400, timeoutMs: 100 });
    expect(result).toMatchObject({ ok: false, reason: "unavailable" });
    expect(attempts).toHaveLength(3);
  });

  it("reports a stream that breaks after words were sent, without retrying", async () => {
    const { result, deltas, attempts } = await run({ behaviours: [{ kind: "break", afterChunks: 2 }] });
    expect(result).toMatchObject({ ok: false, reason: "broken" });
    expect(deltas).toHaveLength(2);
    expect(attempts).toHaveLength(1);
  });

  it("stops early when the listener says so", async () => {
    const { result, deltas } = await run({}, () => "stop");
    expect(result).toMatchObject({ ok: true, stopped: true });
    expect(deltas).toHaveLength(1);
  });
});

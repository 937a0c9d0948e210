import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("accepts an empty development environment (embedded defaults)", () => {
    const result = parseEnv({});
    expect(result.ok).toBe(true);
  });

  it.each([
    [{ NODE_ENV: "production" }, ["AUTH_SECRET is required in production"]],
    [{ DATABASE_URL: "mysql://x" }, ["DATABASE_URL must be a postgres:// or postgresql:// URL"]],
    [{ AUTH_SECRET: "short" }, ["AUTH_SECRET must be at least 32 characters"]],
    [{ AUTH_GOOGLE_ID: "id" }, ["AUTH_GOOGLE_SECRET is required with AUTH_GOOGLE_ID"]],
    [{ KIKITE_SEED_DEMO: "yes" }, ["KIKITE_SEED_DEMO"]],
  ])("reports %o", (source, expected) => {
    const result = parseEnv(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const fragment of expected) expect(result.problems.join("\n")).toContain(fragment);
  });

  it("names every bad variable at once", () => {
    const result = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: "nope",
      AUTH_MICROSOFT_ENTRA_ID_SECRET: "s",
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toHaveLength(3);
  });

  it("accepts a production configuration", () => {
    const result = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgres://u@db:5432/kikite",
      AUTH_SECRET: "0123456789abcdef0123456789abcdef",
    });
    expect(result).toMatchObject({ ok: true, env: { DATABASE_URL: "postgres://u@db:5432/kikite" } });
  });

  it("leaves LLM play off unless a caller model is set", () => {
    const result = parseEnv({ OPENAI_API_KEY: "sk-test" });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.env.KIKITE_LLM_CALLER_MODEL).toBeUndefined();
  });

  it.each([
    [{ KIKITE_LLM_CALLER_MODEL: "m" }, "OPENAI_API_KEY or OPENAI_BASE_URL is required"],
    [{ KIKITE_LLM_JUDGE_MODEL: "m", OPENAI_API_KEY: "k" }, "KIKITE_LLM_CALLER_MODEL is required"],
    [{ OPENAI_BASE_URL: "not a url" }, "OPENAI_BASE_URL"],
    [{ KIKITE_LLM_RATE_LIMIT_PER_HOUR: "0" }, "KIKITE_LLM_RATE_LIMIT_PER_HOUR"],
    [{ KIKITE_LLM_PRICE_INPUT_USD_PER_MTOK: "cheap" }, "KIKITE_LLM_PRICE_INPUT_USD_PER_MTOK"],
  ])("reports a bad LLM setting %o", (source, fragment) => {
    const result = parseEnv(source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join("\n")).toContain(fragment);
  });

  it.each([
    [{ KIKITE_SIGNIN_MAX_FAILURES_PER_ACCOUNT: "0" }, "KIKITE_SIGNIN_MAX_FAILURES_PER_ACCOUNT"],
    [{ KIKITE_SIGNIN_MAX_FAILURES_PER_ADDRESS: "many" }, "KIKITE_SIGNIN_MAX_FAILURES_PER_ADDRESS"],
    [{ KIKITE_SIGNIN_WINDOW_MINUTES: "1.5" }, "KIKITE_SIGNIN_WINDOW_MINUTES"],
  ])("reports a bad sign-in throttle setting %o", (source, fragment) => {
    const result = parseEnv(source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join("\n")).toContain(fragment);
  });

  it("accepts a local model server without a key", () => {
    const result = parseEnv({
      OPENAI_BASE_URL: "http://localhost:11434/v1",
      KIKITE_LLM_CALLER_MODEL: "qwen2.5:7b",
      KIKITE_LLM_TIMEOUT_MS: "5000",
    });
    expect(result).toMatchObject({ ok: true, env: { KIKITE_LLM_TIMEOUT_MS: 5000 } });
  });

  it("takes server text to speech only with somewhere to send it", () => {
    const alone = parseEnv({ KIKITE_TTS_MODEL: "gpt-4o-mini-tts" });
    expect(alone.ok).toBe(false);
    if (!alone.ok) expect(alone.problems.join("\n")).toContain("KIKITE_TTS_BASE_URL is required");
    expect(
      parseEnv({
        KIKITE_TTS_MODEL: "kokoro",
        KIKITE_TTS_BASE_URL: "http://127.0.0.1:8880/v1",
        KIKITE_TTS_VOICES: "jf_alpha, jm_kumo",
      }),
    ).toMatchObject({ ok: true });
    expect(parseEnv({ KIKITE_TTS_MODEL: "tts-1", KIKITE_TTS_BASE_URL: "not a url" }).ok).toBe(false);
  });
});

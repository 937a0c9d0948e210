import OpenAI from "openai";
import type { LlmEnv } from "@/lib/env";

// One client per configuration. Retries are Kikite's own (retry-policy.ts), so the SDK's are off:
// the call must fall back to the script within a bounded time, not after the SDK's own back-off.

const clients = new Map<string, OpenAI>();

/** The OpenAI-compatible client for this configuration (OpenAI, Azure OpenAI v1, Ollama, vLLM…). */
export function getLlmClient(llm: Pick<LlmEnv, "apiKey" | "baseUrl">): OpenAI {
  const key = `${llm.baseUrl ?? ""}\n${llm.apiKey ?? ""}`;
  let client = clients.get(key);
  if (!client) {
    client = new OpenAI({
      // Local servers ignore the key, but the client insists on one.
      apiKey: llm.apiKey ?? "not-needed",
      baseURL: llm.baseUrl,
      maxRetries: 0,
    });
    clients.set(key, client);
  }
  return client;
}

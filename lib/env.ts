import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

// The only module that reads process.env. Every other module asks getEnv(), so a bad variable is
// reported once, at start-up, together with every other bad variable.

const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional();

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

// A number from the environment; blank means "use the default".
function optionalNumber(min: number, integer = false) {
  const number = integer ? z.coerce.number<string>().int().min(min) : z.coerce.number<string>().min(min);
  return optionalText.pipe(number.optional());
}

const proxyTrustShape = {
  // Auth.js reads AUTH_URL itself; Kikite takes the public origin from it too (invite links, checks).
  AUTH_URL: optionalText.pipe(z.url().optional()),
  KIKITE_TRUSTED_PROXIES: optionalNumber(0, true),
};

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
        .optional(),
    ),
    KIKITE_DATA_DIR: z.string().default(".data"),
    KIKITE_SEED_DEMO: booleanFlag,
    AUTH_SECRET: optionalText.pipe(z.string().min(32, "must be at least 32 characters").optional()),
    AUTH_MICROSOFT_ENTRA_ID_ID: optionalText,
    AUTH_MICROSOFT_ENTRA_ID_SECRET: optionalText,
    AUTH_MICROSOFT_ENTRA_ID_ISSUER: optionalText.pipe(z.url().optional()),
    AUTH_GOOGLE_ID: optionalText,
    AUTH_GOOGLE_SECRET: optionalText,
    OPENAI_API_KEY: optionalText,
    OPENAI_BASE_URL: optionalText.pipe(z.url().optional()),
    KIKITE_LLM_CALLER_MODEL: optionalText,
    KIKITE_LLM_JUDGE_MODEL: optionalText,
    KIKITE_LLM_PRICE_INPUT_USD_PER_MTOK: optionalNumber(0),
    KIKITE_LLM_PRICE_OUTPUT_USD_PER_MTOK: optionalNumber(0),
    KIKITE_LLM_RATE_LIMIT_PER_HOUR: optionalNumber(1, true),
    KIKITE_LLM_TIMEOUT_MS: optionalNumber(100, true),
    KIKITE_LLM_MAX_RETRIES: optionalNumber(0, true),
    KIKITE_STT_MODEL: optionalText,
    KIKITE_STT_BASE_URL: optionalText.pipe(z.url().optional()),
    KIKITE_STT_TIMEOUT_MS: optionalNumber(100, true),
    KIKITE_TTS_MODEL: optionalText,
    KIKITE_TTS_BASE_URL: optionalText.pipe(z.url().optional()),
    KIKITE_TTS_VOICES: optionalText,
    KIKITE_TTS_TIMEOUT_MS: optionalNumber(100, true),
    KIKITE_SIGNIN_MAX_FAILURES_PER_ACCOUNT: optionalNumber(1, true),
    KIKITE_SIGNIN_MAX_FAILURES_PER_ADDRESS: optionalNumber(1, true),
    KIKITE_SIGNIN_WINDOW_MINUTES: optionalNumber(1, true),
    ...proxyTrustShape,
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production" });
    }
    const pairs = [
      ["AUTH_MICROSOFT_ENTRA_ID_ID", "AUTH_MICROSOFT_ENTRA_ID_SECRET"],
      ["AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET"],
    ] as const;
    if (env.KIKITE_LLM_CALLER_MODEL && !env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["OPENAI_API_KEY"],
        message: "or OPENAI_BASE_URL is required with KIKITE_LLM_CALLER_MODEL",
      });
    }
    if (env.KIKITE_STT_MODEL && !env.OPENAI_API_KEY && !env.OPENAI_BASE_URL && !env.KIKITE_STT_BASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["OPENAI_API_KEY"],
        message: "or KIKITE_STT_BASE_URL is required with KIKITE_STT_MODEL",
      });
    }
    if (env.KIKITE_TTS_MODEL && !env.OPENAI_API_KEY && !env.OPENAI_BASE_URL && !env.KIKITE_TTS_BASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["OPENAI_API_KEY"],
        message: "or KIKITE_TTS_BASE_URL is required with KIKITE_TTS_MODEL",
      });
    }
    if (env.KIKITE_LLM_JUDGE_MODEL && !env.KIKITE_LLM_CALLER_MODEL) {
      ctx.addIssue({
        code: "custom",
        path: ["KIKITE_LLM_CALLER_MODEL"],
        message: "is required with KIKITE_LLM_JUDGE_MODEL",
      });
    }
    for (const [id, secret] of pairs) {
      if (Boolean(env[id]) !== Boolean(env[secret])) {
        ctx.addIssue({
          code: "custom",
          path: [env[id] ? secret : id],
          message: `is required with ${env[id] ? id : secret}`,
        });
      }
    }
  });

export type RawEnv = z.infer<typeof envSchema>;

export interface Env {
  nodeEnv: RawEnv["NODE_ENV"];
  isProduction: boolean;
  databaseUrl: string | undefined;
  dataDir: string;
  seedDemo: boolean;
  authSecret: string;
  sso: {
    microsoftEntraId?: { clientId: string; clientSecret: string; issuer: string | undefined };
    google?: { clientId: string; clientSecret: string };
  };
  /** LLM-driven callers; undefined when no caller model is configured (scripted play only). */
  llm: LlmEnv | undefined;
  /** Server speech-to-text for voice calls; undefined: the browser's own recognition is used. */
  stt: SttEnv | undefined;
  /** Server text-to-speech for voice calls; undefined: the browser's speechSynthesis voices the caller. */
  tts: TtsEnv | undefined;
  signInLimits: SignInLimits;
  proxyTrust: ProxyTrust;
}

/** Where the public origin and the client's address come from (lib/http/request-origin.ts). */
export interface ProxyTrust {
  /** AUTH_URL: the public URL, when set it is the origin, whatever the headers say. */
  publicUrl: string | undefined;
  /** How many proxies in front of Kikite set X-Forwarded-For/-Host/-Proto; 0: none is believed. */
  trustedProxies: number;
}

/** An OpenAI-compatible audio.transcriptions endpoint (OpenAI, or a local Whisper server). */
export interface SttEnv {
  apiKey: string | undefined;
  baseUrl: string | undefined;
  model: string;
  timeoutMs: number;
}

/** An OpenAI-compatible audio.speech endpoint (OpenAI, or a local server that speaks that API). */
export interface TtsEnv {
  apiKey: string | undefined;
  baseUrl: string | undefined;
  model: string;
  /** Each persona keeps one of these voices (its name picks it). */
  voices: string[];
  timeoutMs: number;
}

/** Failed sign-ins allowed in a sliding window before further attempts are refused unchecked. */
export interface SignInLimits {
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  windowMs: number;
}

export interface LlmEnv {
  /** Local servers need none; the client still sends a placeholder. */
  apiKey: string | undefined;
  baseUrl: string | undefined;
  callerModel: string;
  judgeModel: string | undefined;
  /** US dollars per million tokens, for the cost estimate. */
  priceInputPerMTok: number;
  priceOutputPerMTok: number;
  /** Provider requests (caller and judge) per user per hour. */
  rateLimitPerHour: number;
  /** Per attempt: time to the first token (streaming) or to the whole answer. */
  timeoutMs: number;
  maxRetries: number;
}

export type EnvResult = { ok: true; env: RawEnv } | { ok: false; problems: string[] };

/** Validates an environment; every problem is named, not only the first. */
export function parseEnv(source: Record<string, string | undefined>): EnvResult {
  const result = envSchema.safeParse(source);
  if (result.success) return { ok: true, env: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => `${issue.path.join(".") || "(env)"} ${issue.message}`),
  };
}

let cached: Env | undefined;

/** Server speech-to-text from a validated environment (also read by `npm run eval:stt`). */
export function sttEnvOf(raw: RawEnv): SttEnv | undefined {
  if (!raw.KIKITE_STT_MODEL) return undefined;
  return {
    apiKey: raw.OPENAI_API_KEY,
    baseUrl: raw.KIKITE_STT_BASE_URL ?? raw.OPENAI_BASE_URL,
    model: raw.KIKITE_STT_MODEL,
    timeoutMs: raw.KIKITE_STT_TIMEOUT_MS ?? 10_000,
  };
}

/** The validated environment of this process; throws one error listing every bad variable. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = parseEnv(process.env);
  if (!parsed.ok) {
    throw new Error(`Invalid environment:\n${parsed.problems.map((p) => `  - ${p}`).join("\n")}`);
  }
  const raw = parsed.env;
  const dataDir = path.resolve(raw.KIKITE_DATA_DIR);
  const isProduction = raw.NODE_ENV === "production";
  cached = {
    nodeEnv: raw.NODE_ENV,
    isProduction,
    databaseUrl: raw.DATABASE_URL,
    dataDir,
    seedDemo: raw.KIKITE_SEED_DEMO ?? !isProduction,
    authSecret: raw.AUTH_SECRET ?? readOrCreateDevSecret(dataDir),
    sso: {
      microsoftEntraId:
        raw.AUTH_MICROSOFT_ENTRA_ID_ID && raw.AUTH_MICROSOFT_ENTRA_ID_SECRET
          ? {
              clientId: raw.AUTH_MICROSOFT_ENTRA_ID_ID,
              clientSecret: raw.AUTH_MICROSOFT_ENTRA_ID_SECRET,
              issuer: raw.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
            }
          : undefined,
      google:
        raw.AUTH_GOOGLE_ID && raw.AUTH_GOOGLE_SECRET
          ? { clientId: raw.AUTH_GOOGLE_ID, clientSecret: raw.AUTH_GOOGLE_SECRET }
          : undefined,
    },
    llm: raw.KIKITE_LLM_CALLER_MODEL
      ? {
          apiKey: raw.OPENAI_API_KEY,
          baseUrl: raw.OPENAI_BASE_URL,
          callerModel: raw.KIKITE_LLM_CALLER_MODEL,
          judgeModel: raw.KIKITE_LLM_JUDGE_MODEL,
          priceInputPerMTok: raw.KIKITE_LLM_PRICE_INPUT_USD_PER_MTOK ?? 0,
          priceOutputPerMTok: raw.KIKITE_LLM_PRICE_OUTPUT_USD_PER_MTOK ?? 0,
          rateLimitPerHour: raw.KIKITE_LLM_RATE_LIMIT_PER_HOUR ?? 120,
          timeoutMs: raw.KIKITE_LLM_TIMEOUT_MS ?? 8000,
          maxRetries: raw.KIKITE_LLM_MAX_RETRIES ?? 2,
        }
      : undefined,
    stt: sttEnvOf(raw),
    tts: raw.KIKITE_TTS_MODEL
      ? {
          apiKey: raw.OPENAI_API_KEY,
          baseUrl: raw.KIKITE_TTS_BASE_URL ?? raw.OPENAI_BASE_URL,
          model: raw.KIKITE_TTS_MODEL,
          voices: splitVoices(raw.KIKITE_TTS_VOICES),
          timeoutMs: raw.KIKITE_TTS_TIMEOUT_MS ?? 10_000,
        }
      : undefined,
    signInLimits: {
      maxFailuresPerAccount: raw.KIKITE_SIGNIN_MAX_FAILURES_PER_ACCOUNT ?? 10,
      // An office behind one address holds many operators: room for several of them to mistype.
      maxFailuresPerAddress: raw.KIKITE_SIGNIN_MAX_FAILURES_PER_ADDRESS ?? 50,
      windowMs: (raw.KIKITE_SIGNIN_WINDOW_MINUTES ?? 15) * 60_000,
    },
    proxyTrust: toProxyTrust(raw),
  };
  return cached;
}

let cachedTrust: ProxyTrust | undefined;

/**
 * Only the proxy settings, for the request checks every mutation runs: read without the rest of the
 * environment (nothing else is needed there, and tests of those checks need no AUTH_SECRET).
 */
export function getProxyTrust(): ProxyTrust {
  if (cached) return cached.proxyTrust;
  if (cachedTrust) return cachedTrust;
  const result = z.object(proxyTrustShape).safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join(".")} ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  cachedTrust = toProxyTrust(result.data);
  return cachedTrust;
}

function toProxyTrust(raw: { AUTH_URL?: string; KIKITE_TRUSTED_PROXIES?: number }): ProxyTrust {
  return { publicUrl: raw.AUTH_URL, trustedProxies: raw.KIKITE_TRUSTED_PROXIES ?? 0 };
}

// Development only (production requires AUTH_SECRET): a secret generated once and kept under the data
// directory, so sessions survive restarts without the newcomer configuring anything.
function readOrCreateDevSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
    return secret;
  } catch (error) {
    // Another process won the race: use its secret.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return fs.readFileSync(file, "utf8").trim();
    throw error;
  }
}

/** For DB tests: a PostgreSQL to run them on as well as PGlite, when one is configured. */
export function readTestDatabaseUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL?.trim();
  return url ? url : undefined;
}

// "coral, ash" → ["coral", "ash"]; nothing usable → OpenAI's "coral".
function splitVoices(list: string | undefined): string[] {
  const voices = (list ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");
  return voices.length > 0 ? voices : ["coral"];
}

import "server-only";
import { z } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { getProxyTrust } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { CONTROL_CHARACTERS_MESSAGE } from "@/lib/validation/plain-text";
import { describeErrorForLog } from "./safe-error-log";
import { checkSameOrigin } from "./same-origin";

/** Largest JSON body any Kikite API accepts; replies are far smaller (MAX_REPLY_CHARS). */
const MAX_BODY_BYTES = 16 * 1024;

export type ApiErrorBody = { error: { code: string; message: string; details?: unknown } };

/** Maps a route handler's failures to JSON: AppError → its status, anything else → a logged 500. */
export async function handleApi(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (isAppError(error)) {
      if (error.status >= 500) {
        console.error(`[api] ${error.code}: ${error.message}\n${describeErrorForLog(error.cause ?? error)}`);
      }
      return errorResponse(
        error.status,
        error.code,
        error.message,
        error.status < 500 ? error.details : undefined,
      );
    }
    if (isDatabaseUnavailable(error)) {
      // Only the error's code: the failed query may hold the user's words.
      console.error("[api] database unavailable", errorCodeOf(error));
      return errorResponse(
        503,
        "unavailable",
        "データベースに接続できません。しばらくしてからもう一度お試しください。",
      );
    }
    console.error(`[api] unexpected error: ${describeErrorForLog(error)}`);
    return errorResponse(
      500,
      "internal",
      "サーバーでエラーが発生しました。しばらくしてからもう一度お試しください。",
    );
  }
}

function errorCodeOf(error: unknown): string {
  const cause = error instanceof Error && error.cause ? error.cause : error;
  const code = (cause as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "no code";
}

function errorResponse(status: number, code: string, message: string, details?: unknown): Response {
  const body: ApiErrorBody = { error: { code, message, ...(details === undefined ? {} : { details }) } };
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/**
 * For every state-changing route handler (POST, PUT, PATCH, DELETE): refuses a request a browser sent
 * from another origin (403) and a body that is not JSON (415) before the handler runs, then as handleApi.
 */
export function handleMutation(request: Request, run: () => Promise<Response>): Promise<Response> {
  return handleApi(async () => {
    if (!checkSameOrigin(request.headers, request.url, getProxyTrust()).ok) {
      throw new AppError(
        "forbidden",
        "このページ以外から送信されたため、操作を受け付けませんでした。Kikite の画面から操作してください。",
      );
    }
    // A form post (text/plain, urlencoded, multipart) is what a page can send without asking; JSON is
    // not. A request with no body at all (hanging up) needs no type.
    if (request.headers.has("content-type") && !isJson(request.headers) && declaresBody(request)) {
      throw unsupportedType();
    }
    return run();
  });
}

/**
 * Reads and validates a JSON body: 415 when not JSON, 413 when larger than maxBytes (stopping there,
 * whether or not Content-Length was sent), 422 when malformed or invalid. No body at all reads as {}.
 */
export async function readJsonBody<T extends z.ZodType>(
  request: Request,
  schema: T,
  options: { maxBytes?: number } = {},
): Promise<z.infer<T>> {
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge();
  const bytes = await readBodyUpTo(request, maxBytes);
  if (bytes.length > 0 && !isJson(request.headers)) throw unsupportedType();
  let json: unknown;
  try {
    json = bytes.length === 0 ? {} : JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError("invalid_input", "リクエストの形式が正しくありません（JSON ではありません）。");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    // The one refusal a person can cause by pasting text gets its own words; the rest are a client's bug.
    const controlCharacters = issues.some((i) => i.message === CONTROL_CHARACTERS_MESSAGE);
    throw new AppError(
      "invalid_input",
      controlCharacters ? CONTROL_CHARACTERS_MESSAGE : "リクエストの内容が正しくありません。",
      { details: issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
    );
  }
  return parsed.data;
}

// Reads at most maxBytes + 1 bytes: a chunked body without Content-Length is refused as soon as it
// passes the cap, never held whole in memory.
async function readBodyUpTo(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel().catch(() => undefined); // the client may already be gone; the 413 stands
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, length);
}

function isJson(headers: Headers): boolean {
  const type = headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  return type === "application/json";
}

// Content-Length: 0 is an empty form; without the header, any stream may hold bytes. (A body with no
// type at all is refused by readJsonBody where a body is read; a route that reads none ignores it.)
function declaresBody(request: Request): boolean {
  const length = request.headers.get("content-length");
  if (length !== null) return Number(length) !== 0;
  return request.body !== null;
}

function unsupportedType(): AppError {
  return new AppError("unsupported_media_type", "リクエストは JSON（application/json）で送信してください。");
}

function tooLarge(): AppError {
  return new AppError("payload_too_large", "送信された内容が大きすぎます。");
}

export const uuidParam = z.uuid();

/** A path id that is not a UUID cannot name anything: "not found", like an id of someone else's. */
export function parseId(id: string): string {
  const parsed = uuidParam.safeParse(id);
  if (!parsed.success) throw new AppError("not_found", "見つかりません。");
  return parsed.data;
}

export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: { "cache-control": "no-store" } });
}

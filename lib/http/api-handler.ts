import "server-only";
import { z } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { AppError, isAppError } from "@/lib/errors";

/** Largest JSON body any Kikite API accepts; replies are far smaller (MAX_REPLY_CHARS). */
const MAX_BODY_BYTES = 16 * 1024;

export type ApiErrorBody = { error: { code: string; message: string; details?: unknown } };

/** Maps a route handler's failures to JSON: AppError → its status, anything else → a logged 500. */
export async function handleApi(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (isAppError(error)) {
      if (error.status >= 500) console.error(`[api] ${error.code}`, error, error.cause ?? "");
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
    console.error("[api] unexpected error", error);
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

/** Reads and validates a JSON body: 413 when too large, 422 when malformed or invalid. */
export async function readJsonBody<T extends z.ZodType>(
  request: Request,
  schema: T,
  options: { maxBytes?: number } = {},
): Promise<z.infer<T>> {
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge();
  let json: unknown;
  try {
    json = text === "" ? {} : JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "リクエストの形式が正しくありません（JSON ではありません）。");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new AppError("invalid_input", "リクエストの内容が正しくありません。", {
      details: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  return parsed.data;
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

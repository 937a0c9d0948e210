import type { ScenarioIssue } from "@/lib/scenario/scenario-issue";

// The editor's calls to the authoring API, with the API's Japanese error message and any located issues.

export type ApiAnswer<T> = { ok: true; data: T } | { ok: false; message: string; issues: ScenarioIssue[] };

/** Sends JSON to an authoring route and reads its answer; a network failure is an answer too. */
export async function callAuthoringApi<T>(
  path: string,
  method: string,
  body?: unknown,
): Promise<ApiAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, message: "通信に失敗しました。もう一度お試しください。", issues: [] };
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: json as T };
  const error = (json as { error?: { message?: unknown; details?: { issues?: ScenarioIssue[] } } } | null)
    ?.error;
  return {
    ok: false,
    message: typeof error?.message === "string" ? error.message : "処理できませんでした。",
    issues: Array.isArray(error?.details?.issues) ? error.details.issues : [],
  };
}

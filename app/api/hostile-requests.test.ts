import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/accounts/users";
import type { DbHandle } from "@/lib/db/open-database";
import { encodeWav, synthesizeParts } from "@/lib/speech/testing/synthetic-audio";
import { MAX_TRANSCRIPTION_BODY_BYTES } from "@/lib/speech/wav-upload";
import { apiSession } from "@/lib/testing/api-session-stub";
import { setUpTwoTeams } from "@/lib/testing/team-fixture";
import { testDatabaseTargets } from "@/lib/testing/test-databases";
import { CONTROL_CHARACTERS_MESSAGE } from "@/lib/validation/plain-text";

// Every state-changing API route, enumerated from the file system, answers hostile requests with a
// 4xx and a Japanese message, never a 500: another origin, a form body, oversized bodies with and
// without Content-Length, an empty body, malformed JSON, control characters in its text fields. A new
// route file, or a new method in one, fails this test until it has an entry below.

vi.mock("@/lib/auth/session", () => import("@/lib/testing/api-session-stub"));
vi.mock("@/lib/db/client", () => import("@/lib/testing/api-session-stub"));
vi.mock("@/lib/env", async (original) => ({
  ...(await original<typeof import("@/lib/env")>()),
  getEnv: () => ({ llm: undefined }),
}));

type Method = "POST" | "PUT" | "PATCH" | "DELETE";
type Actor = "trainee" | "trainer" | "admin";
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface Entry {
  /** Who sends it: someone the route lets in, so the refusal comes from the request itself. */
  actor: Actor;
  /** A body that passes every check but the ones tried here; absent when the route reads none. */
  body?: Record<string, unknown>;
  /** The text field that gets the control characters. */
  textField?: string;
  /** A route that takes more than the usual 16 KB (voice audio): the oversized body exceeds this. */
  bodyLimitBytes?: number;
}

/** A tiny WAV of a quiet room, base64, as the voice call screen sends an utterance. */
const quietWav = Buffer.from(encodeWav(synthesizeParts([{ silenceMs: 50 }]))).toString("base64");

const STATE_CHANGING: Method[] = ["POST", "PUT", "PATCH", "DELETE"];
const apiDir = path.join(import.meta.dirname);

const entries: Record<string, Entry> = {
  "POST /api/admin/teams": { actor: "admin", body: { name: "新チーム" }, textField: "name" },
  "PATCH /api/admin/teams/[id]": { actor: "admin", body: { name: "改名" }, textField: "name" },
  "POST /api/admin/teams/[id]/invites": { actor: "admin", body: { role: "trainee" } },
  "PATCH /api/admin/users/[id]": { actor: "admin", body: { role: "trainer" } },
  "POST /api/calls": { actor: "trainee", body: { scenarioId: randomUUID() } },
  "POST /api/calls/[id]/comments": {
    actor: "trainer",
    body: { seq: 1, body: "良い相づちです。" },
    textField: "body",
  },
  "POST /api/calls/[id]/end": { actor: "trainee" },
  "PUT /api/calls/[id]/overrides/[seq]/[label]": {
    actor: "trainer",
    body: { value: true, reason: "共感が伝わっています。" },
    textField: "reason",
  },
  "DELETE /api/calls/[id]/overrides/[seq]/[label]": { actor: "trainer" },
  "PUT /api/calls/[id]/judgements": {
    actor: "trainer",
    body: {
      marks: Object.fromEntries(
        ["firstImpression", "basicSkills", "communication", "information", "closing", "overall"].map((id) => [
          id,
          { mark: 4, comment: "" },
        ]),
      ),
    },
  },
  "POST /api/calls/[id]/replies": {
    actor: "trainee",
    body: { text: "さようでございますか。" },
    textField: "text",
  },
  "POST /api/calls/[id]/transcriptions": {
    actor: "trainee",
    body: { audio: quietWav },
    bodyLimitBytes: MAX_TRANSCRIPTION_BODY_BYTES,
  },
  "POST /api/calls/[id]/recordings": {
    actor: "trainee",
    body: { replyId: randomUUID(), audio: quietWav },
    bodyLimitBytes: MAX_TRANSCRIPTION_BODY_BYTES,
  },
  "DELETE /api/calls/[id]/recordings": { actor: "trainer" },
  "PUT /api/trainer/audio-retention": { actor: "trainer", body: { days: 30 } },
  "POST /api/trainer/assignments": {
    actor: "trainer",
    body: {
      scenarioId: randomUUID(),
      traineeIds: [randomUUID()],
      dueAt: "2030-01-01T00:00:00Z",
      note: "今週中に",
    },
    textField: "note",
  },
  "DELETE /api/trainer/assignments/[id]": { actor: "trainer" },
  "PUT /api/trainer/contest-leaderboard": { actor: "trainer", body: { forTrainees: true } },
  "POST /api/trainer/scenarios": {
    actor: "trainer",
    body: { from: "yaml", yaml: "id: x\n" },
    textField: "yaml",
  },
  "PUT /api/trainer/scenarios/[id]": { actor: "trainer", body: { yaml: "id: x\n" }, textField: "yaml" },
  "POST /api/trainer/scenarios/[id]/archive": { actor: "trainer", body: { archived: true } },
  "POST /api/trainer/scenarios/[id]/publish": {
    actor: "trainer",
    body: { yaml: "id: x\n" },
    textField: "yaml",
  },
  "POST /api/trainer/scenarios/playtest": { actor: "trainer", body: { yaml: "id: x\n" }, textField: "yaml" },
};

interface Route {
  key: string;
  handler: Handler;
  params: Record<string, string>;
  url: string;
}

/** Every route file under app/api except next-auth's (it has its own CSRF token). */
function listRouteFiles(dir = apiDir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "auth" && dir === apiDir ? [] : listRouteFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

async function loadRoutes(): Promise<Route[]> {
  const routes: Route[] = [];
  for (const file of listRouteFiles()) {
    const pattern = `/api/${path.relative(apiDir, path.dirname(file)).split(path.sep).join("/")}`;
    const module = (await import(file)) as Partial<Record<Method, Handler>>;
    for (const method of STATE_CHANGING) {
      const handler = module[method];
      if (!handler) continue;
      const params: Record<string, string> = {};
      const url = pattern.replace(/\[(\w+)\]/g, (_match, name: string) => {
        params[name] = name === "seq" ? "1" : name === "label" ? "empathy" : randomUUID();
        return params[name]!;
      });
      routes.push({ key: `${method} ${pattern}`, handler, params, url });
    }
  }
  return routes;
}

const origin = "http://127.0.0.1:3000";
const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe.each(testDatabaseTargets())(
  "hostile requests to every state-changing API route on $name",
  (target) => {
    let handle: DbHandle;
    let actors: Record<Actor, SessionUser>;
    let routes: Route[];

    beforeAll(async () => {
      handle = await target.open();
      apiSession.handle = handle;
      const { teamA, admin } = await setUpTwoTeams(handle.db);
      actors = { trainee: teamA.trainees[0]!, trainer: teamA.trainer, admin };
      routes = await loadRoutes();
    });
    afterAll(() => handle.close());

    it("has an entry for every state-changing route and no entry for a route that is gone", () => {
      expect(routes.map((r) => r.key).sort()).toEqual(Object.keys(entries).sort());
    });

    async function send(route: Route, init: RequestInit & { headers?: Record<string, string> }) {
      const entry = entries[route.key]!;
      apiSession.user = actors[entry.actor];
      const method = route.key.split(" ")[0]!;
      const request = new Request(`${origin}${route.url}`, {
        method,
        ...init,
        headers: { host: "127.0.0.1:3000", ...init.headers },
        ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
      } as RequestInit);
      const response = await route.handler(request, { params: Promise.resolve(route.params) });
      const body = (await response.json()) as { error?: { message?: string } };
      return { status: response.status, message: body.error?.message ?? "" };
    }

    function expectRefusal(answer: { status: number; message: string }, status?: number) {
      if (status !== undefined) expect(answer.status).toBe(status);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(answer.message).toMatch(japanese);
    }

    const json = (body: unknown) => ({
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    });

    it.each(Object.keys(entries))("%s: refused from another origin (403)", async (key) => {
      const route = routes.find((r) => r.key === key)!;
      const body = entries[key]!.body ?? {};
      const foreign: Record<string, string>[] = [
        { "sec-fetch-site": "same-site", origin: "http://127.0.0.1:3999" },
        { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
        { origin: "http://127.0.0.1:3999" },
      ];
      for (const headers of foreign) {
        const answer = await send(route, {
          body: JSON.stringify(body),
          headers: { ...headers, "content-type": "application/json" },
        });
        expectRefusal(answer, 403);
      }
    });

    it.each(Object.keys(entries))("%s: a form body is refused (415)", async (key) => {
      const route = routes.find((r) => r.key === key)!;
      for (const type of [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
      ]) {
        expectRefusal(await send(route, { body: "text=hello", headers: { "content-type": type } }), 415);
      }
    });

    it.each(Object.keys(entries))(
      "%s: oversized, empty, malformed and control characters answered 4xx",
      async (key) => {
        const route = routes.find((r) => r.key === key)!;
        const entry = entries[key]!;
        const big = "a".repeat(Math.max(600 * 1024, (entry.bodyLimitBytes ?? 0) + 1024));
        const oversized = JSON.stringify({ ...entry.body, padding: big });
        const chunked = new ReadableStream<Uint8Array>({
          start(controller) {
            const bytes = new TextEncoder().encode(oversized);
            for (let at = 0; at < bytes.length; at += 16 * 1024)
              controller.enqueue(bytes.slice(at, at + 16 * 1024));
            controller.close();
          },
        });
        const declared = await send(route, {
          body: oversized,
          headers: {
            "content-type": "application/json",
            "content-length": String(Buffer.byteLength(oversized)),
          },
        });
        const streamed = await send(route, {
          body: chunked,
          headers: { "content-type": "application/json" },
        });
        const empty = await send(route, {
          headers: { "content-type": "application/json", "content-length": "0" },
        });
        const malformed = await send(route, {
          body: '{"text": "はい"',
          headers: { "content-type": "application/json" },
        });
        if (entry.body) {
          expectRefusal(declared, 413);
          expectRefusal(streamed, 413);
          expectRefusal(malformed, 422);
        } else {
          // No body is read: the request is judged on its path (nothing there to find).
          for (const answer of [declared, streamed, malformed]) expectRefusal(answer);
        }
        expectRefusal(empty);
        if (entry.textField) {
          for (const control of ["\u0000", "\u0007", "\u001b", "\u007f"]) {
            const body = { ...entry.body, [entry.textField]: `はい${control}です` };
            expectRefusal(await send(route, json(body)), 422);
            expect((await send(route, json(body))).message).toBe(CONTROL_CHARACTERS_MESSAGE);
          }
        }
      },
    );
  },
);

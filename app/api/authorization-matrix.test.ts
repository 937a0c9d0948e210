import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createScenarioDraft } from "@/lib/authoring/scenario-authoring";
import { sendReply, startCallForUser } from "@/lib/calls/call-service";
import type { CallView } from "@/lib/calls/call-view";
import type { DbHandle } from "@/lib/db/open-database";
import { turnRecordings, turns } from "@/lib/db/schema";
import { encodeWav, synthesizeParts } from "@/lib/speech/testing/synthetic-audio";
import { createAssignments } from "@/lib/team/assignments";
import { apiSession } from "@/lib/testing/api-session-stub";
import { type MatrixWorld, matrixActors, setUpMatrixWorld } from "@/lib/testing/team-fixture";
import { testDatabaseTargets } from "@/lib/testing/test-databases";

// Every route handler under app/api (enumerated from the file system: a new route or method fails
// until it has an entry), tried as anonymous, two trainees of team A, a trainee and the trainer of
// team B, team A's trainer and an admin, against resources owned by team A and by team B. Every cell
// is asserted. (Pages are in e2e/access-matrix.spec.ts; the same-origin check of every state-changing
// route is in hostile-requests.test.ts.)

vi.mock("@/lib/auth/session", () => import("@/lib/testing/api-session-stub"));
vi.mock("@/lib/db/client", () => import("@/lib/testing/api-session-stub"));
vi.mock("@/lib/env", async (original) => ({
  ...(await original<typeof import("@/lib/env")>()),
  getEnv: () => ({ llm: undefined }),
}));

const actors = matrixActors;
type Actor = (typeof matrixActors)[number];
type Owner = keyof MatrixWorld["teamIds"];
type World = MatrixWorld;
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface Target {
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
}

interface Entry {
  /** Resources owned by each team, or none (a route about the caller alone). */
  owners: Owner[] | null;
  /** The resource a cell acts on, made fresh for the cell when it changes anything. */
  target?: (world: World, owner: Owner | null, actor: Actor) => Promise<Target> | Target;
  expected: (actor: Actor, owner: Owner | null) => number;
}

// Policies, the same few everywhere.
const teamOf = (actor: Actor): Owner | null =>
  actor.endsWith("B") ? "B" : actor.endsWith("A") || actor.startsWith("traineeA") ? "A" : null;
const isTrainee = (actor: Actor) => actor.startsWith("trainee");
const signedIn = (ok: number) => (actor: Actor) => (actor === "anonymous" ? 401 : ok);
const adminsOnly = (ok: number) => (actor: Actor) =>
  actor === "anonymous" ? 401 : actor === "admin" ? ok : 403;
/** The trainee who made the call; for anyone else it does not exist. */
const callOwner = (ok: number) => (actor: Actor, owner: Owner | null) =>
  actor === "anonymous" ? 401 : actor === (owner === "A" ? "traineeA1" : "traineeB") ? ok : 404;
/** A call's owner, its team's trainer and admins; anyone else is told it does not exist. */
const callViewers = (ok: number) => (actor: Actor, owner: Owner | null) => {
  if (actor === "anonymous") return 401;
  const ownerActor = owner === "A" ? "traineeA1" : "traineeB";
  return actor === ownerActor || actor === "admin" || actor === `trainer${owner}` ? ok : 404;
};
/** Trainer tools on a call: trainees may not (403); another team's trainer finds nothing (404). */
const callReviewers = (ok: number) => (actor: Actor, owner: Owner | null) => {
  if (actor === "anonymous") return 401;
  if (isTrainee(actor)) return 403;
  return actor === "admin" || actor === `trainer${owner}` ? ok : 404;
};
/** The team workspace: trainers of the team, admins naming it with ?team=. */
const teamWorkspace = (ok: number) => (actor: Actor, owner: Owner | null) => {
  if (actor === "anonymous") return 401;
  if (isTrainee(actor)) return 403;
  return owner === null || actor === "admin" || teamOf(actor) === owner ? ok : 404;
};
/** Authoring needs a team of one's own: an admin without one is refused like a trainee. */
const authoring = (ok: number) => (actor: Actor, owner: Owner | null) => {
  if (actor === "anonymous") return 401;
  if (isTrainee(actor) || actor === "admin") return 403;
  return owner === null || teamOf(actor) === owner ? ok : 404;
};

const call = (owner: Owner | null, world: World) => world.endedCalls[owner!];
const replySeq = (view: CallView) => String(view.turns.find((t) => t.role === "operator")!.seq);
/** ?team= naming the owner's team: an admin's way in, and a trainer's way to ask for another team. */
const teamQuery = (world: World, owner: Owner | null) => ({ team: world.teamIds[owner ?? "A"] });
const trainerOf = (world: World, owner: Owner) => world.users[owner === "A" ? "trainerA" : "trainerB"];
const traineeOf = (world: World, owner: Owner) => world.users[owner === "A" ? "traineeA1" : "traineeB"];
const both: Owner[] = ["A", "B"];
const utteranceBase64 = () => Buffer.from(encodeWav(synthesizeParts([{ speechMs: 300 }]))).toString("base64");

/** A fresh call of the owner's trainee with one voice reply (its id kept for the recording). */
async function voiceReply(w: World, o: Owner) {
  const trainee = traineeOf(w, o);
  const fresh = await startCallForUser(w.db, trainee, { scenarioId: w.scenarioId, mode: "scripted" });
  const replyId = randomUUID();
  const result = await sendReply(w.db, trainee, fresh.id, { text: "さようでございますか。", replyId });
  return { id: fresh.id, replyId, seq: result.added.find((t) => t.role === "operator")!.seq };
}

/** The same reply with its audio kept (stored as the team had retention on). */
async function recordedReply(w: World, o: Owner) {
  const reply = await voiceReply(w, o);
  const [turn] = await w.db
    .select({ id: turns.id })
    .from(turns)
    .where(and(eq(turns.callId, reply.id), eq(turns.seq, reply.seq)));
  await w.db.insert(turnRecordings).values({
    turnId: turn!.id,
    callId: reply.id,
    wav: Buffer.from(utteranceBase64(), "base64"),
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return reply;
}

const entries: Record<string, Entry> = {
  "GET /api/health": { owners: null, expected: () => 200 },
  "GET /api/scenarios": { owners: null, expected: signedIn(200) },
  "GET /api/assignments": { owners: null, expected: signedIn(200) },
  "GET /api/calls": { owners: null, expected: signedIn(200) },
  "POST /api/calls": {
    owners: null,
    target: (w) => ({ body: { scenarioId: w.scenarioId } }),
    expected: signedIn(201),
  },
  "GET /api/calls/[id]": {
    owners: both,
    target: (w, o) => ({ params: { id: call(o, w).id } }),
    // The call screen's resume: its trainee's alone (trainers read a call through its review page).
    expected: callOwner(200),
  },
  "POST /api/calls/[id]/end": {
    owners: both,
    target: (w, o) => ({ params: { id: call(o, w).id } }),
    // Only the trainee hangs up their own call; for anyone else it does not exist.
    expected: callOwner(200),
  },
  "POST /api/calls/[id]/replies": {
    owners: both,
    target: async (w, o) => {
      const fresh = await startCallForUser(w.db, traineeOf(w, o!), {
        scenarioId: w.scenarioId,
        mode: "scripted",
      });
      return { params: { id: fresh.id }, body: { text: "さようでございますか。" } };
    },
    expected: callOwner(201),
  },
  "POST /api/calls/[id]/transcriptions": {
    owners: both,
    target: async (w, o) => {
      const fresh = await startCallForUser(w.db, traineeOf(w, o!), {
        scenarioId: w.scenarioId,
        mode: "scripted",
      });
      return {
        params: { id: fresh.id },
        body: { audio: Buffer.from(encodeWav(synthesizeParts([{ speechMs: 300 }]))).toString("base64") },
      };
    },
    // Only the call's trainee may send it audio. This environment has no transcription endpoint, so the
    // owner is let through to a 503 (lib/speech/transcribe.test.ts covers the words).
    expected: callOwner(503),
  },
  "POST /api/calls/[id]/recordings": {
    owners: both,
    target: async (w, o) => {
      const { id, replyId } = await voiceReply(w, o!);
      return { params: { id }, body: { replyId, audio: utteranceBase64() } };
    },
    // Only the call's trainee sends its audio; the matrix teams keep none, so nothing is stored (200).
    expected: callOwner(200),
  },
  "GET /api/calls/[id]/recordings/[seq]": {
    owners: both,
    target: async (w, o) => {
      const { id, seq } = await recordedReply(w, o!);
      return { params: { id, seq: String(seq) } };
    },
    expected: callViewers(200),
  },
  "DELETE /api/calls/[id]/recordings": {
    owners: both,
    target: async (w, o) => ({ params: { id: (await recordedReply(w, o!)).id } }),
    // The team's trainers (and admins) delete a call's audio; its trainee may not.
    expected: callReviewers(200),
  },
  "GET /api/calls/[id]/speech/[seq]": {
    owners: both,
    target: (w, o) => ({ params: { id: call(o, w).id, seq: "0" } }),
    // A caller line's audio is its trainee's alone (getCallForUser: the team's trainer gets 404 too). This
    // environment has no text-to-speech endpoint, so the owner is let through to a 503.
    expected: callOwner(503),
  },
  "GET /api/calls/[id]/comments": {
    owners: both,
    target: (w, o) => ({ params: { id: call(o, w).id } }),
    expected: callViewers(200),
  },
  "POST /api/calls/[id]/comments": {
    owners: both,
    target: (w, o) => ({
      params: { id: call(o, w).id },
      body: { seq: Number(replySeq(call(o, w))), body: "良い相づちです。" },
    }),
    expected: callReviewers(201),
  },
  "GET /api/calls/[id]/overrides": {
    owners: both,
    target: (w, o) => ({ params: { id: call(o, w).id } }),
    expected: callViewers(200),
  },
  "PUT /api/calls/[id]/overrides/[seq]/[label]": {
    owners: both,
    target: (w, o) => ({
      params: { id: call(o, w).id, seq: replySeq(call(o, w)), label: "empathy" },
      body: { value: true, reason: "共感が伝わっています。" },
    }),
    expected: callReviewers(200),
  },
  "DELETE /api/calls/[id]/overrides/[seq]/[label]": {
    owners: both,
    target: async (w, o) => {
      const view = call(o, w);
      const { setOverride } = await import("@/lib/review/annotations");
      await setOverride(w.db, trainerOf(w, o!), {
        callId: view.id,
        seq: Number(replySeq(view)),
        label: "summarizing",
        value: true,
        reason: "要約できています。",
      });
      return { params: { id: view.id, seq: replySeq(view), label: "summarizing" } };
    },
    expected: callReviewers(200),
  },
  "GET /api/calls/[id]/judgements": {
    owners: both,
    target: (w, o) => ({ params: { id: w.contestCalls[o!].id } }),
    // Judges are the team's trainers and admins; the trainee sees the result on the review instead.
    expected: callReviewers(200),
  },
  "PUT /api/calls/[id]/judgements": {
    owners: both,
    target: (w, o) => ({
      params: { id: w.contestCalls[o!].id },
      body: {
        marks: Object.fromEntries(
          ["firstImpression", "basicSkills", "communication", "information", "closing", "overall"].map(
            (id) => [id, { mark: 4, comment: "" }],
          ),
        ),
      },
    }),
    expected: callReviewers(200),
  },
  "GET /api/calls/[id]/usage": {
    owners: both,
    target: (w, o) => ({ params: { id: call(o, w).id } }),
    expected: callReviewers(200),
  },
  "PUT /api/trainer/contest-leaderboard": {
    owners: both,
    target: (w, o) => ({ body: { forTrainees: false, team: w.teamIds[o!] } }),
    expected: teamWorkspace(200),
  },
  "PUT /api/trainer/audio-retention": {
    owners: both,
    target: (w, o) => ({ body: { days: null, team: w.teamIds[o!] } }),
    expected: teamWorkspace(200),
  },
  "GET /api/trainer/calls": {
    owners: both,
    target: (w, o) => ({ query: teamQuery(w, o) }),
    expected: teamWorkspace(200),
  },
  "GET /api/trainer/results.csv": {
    owners: both,
    target: (w, o) => ({ query: teamQuery(w, o) }),
    expected: teamWorkspace(200),
  },
  "GET /api/trainer/assignments": {
    owners: both,
    target: (w, o) => ({ query: teamQuery(w, o) }),
    expected: teamWorkspace(200),
  },
  "POST /api/trainer/assignments": {
    owners: both,
    // To the trainees of team `owner`, in that team (?team=).
    target: (w, o) => ({
      query: teamQuery(w, o),
      body: { scenarioId: w.scenarioId, traineeIds: [traineeOf(w, o!).id], dueAt: "2099-01-01T00:00:00Z" },
    }),
    expected: teamWorkspace(201),
  },
  "DELETE /api/trainer/assignments/[id]": {
    owners: both,
    target: async (w, o) => {
      const [id] = await createAssignments(w.db, trainerOf(w, o!), {
        teamId: w.teamIds[o!],
        scenarioId: w.scenarioId,
        traineeIds: [traineeOf(w, o!).id],
        dueAt: new Date("2099-01-01T00:00:00Z"),
      });
      return { params: { id: id! }, query: teamQuery(w, o) };
    },
    expected: teamWorkspace(200),
  },
  "GET /api/trainer/scenarios": { owners: null, expected: authoring(200) },
  "POST /api/trainer/scenarios": {
    owners: null,
    target: () => ({ body: { from: "template" } }),
    expected: authoring(201),
  },
  "POST /api/trainer/scenarios/playtest": {
    owners: null,
    target: () => ({ body: { yaml: "id: x\n" } }),
    // Stateless: the trainer's own YAML, here with problems (422) — but never for a trainee.
    expected: (actor) => (actor === "anonymous" ? 401 : isTrainee(actor) ? 403 : 422),
  },
  ...Object.fromEntries(
    (
      [
        ["GET /api/trainer/scenarios/[id]", 200, undefined],
        ["PUT /api/trainer/scenarios/[id]", 200, { yaml: "id: x\n" }],
        ["GET /api/trainer/scenarios/[id]/export", 200, undefined],
        ["POST /api/trainer/scenarios/[id]/archive", 200, { archived: true }],
        ["POST /api/trainer/scenarios/[id]/publish", 201, {}],
      ] as const
    ).map(([key, ok, body]): [string, Entry] => [
      key,
      {
        owners: both,
        target: async (w, o) => ({
          params: { id: (await createScenarioDraft(w.db, trainerOf(w, o!))).id },
          body,
        }),
        expected: authoring(ok),
      },
    ]),
  ),
  "GET /api/admin/teams": { owners: null, expected: adminsOnly(200) },
  "POST /api/admin/teams": {
    owners: null,
    target: () => ({ body: { name: "新チーム" } }),
    expected: adminsOnly(201),
  },
  "PATCH /api/admin/teams/[id]": {
    owners: both,
    target: (w, o) => ({ params: { id: w.teamIds[o!] }, body: { name: `チーム${o}` } }),
    expected: adminsOnly(200),
  },
  "POST /api/admin/teams/[id]/invites": {
    owners: both,
    target: (w, o) => ({ params: { id: w.teamIds[o!] }, body: { role: "trainee" } }),
    expected: adminsOnly(201),
  },
  "GET /api/admin/users": { owners: null, expected: adminsOnly(200) },
  "PATCH /api/admin/users/[id]": {
    owners: both,
    // Moving team A's second trainee (or team B's) to the team they are in: allowed for admins only.
    target: (w, o) => ({
      params: { id: o === "A" ? w.users.traineeA2.id : w.users.traineeB.id },
      body: { teamId: w.teamIds[o!] },
    }),
    expected: adminsOnly(200),
  },
};

const apiDir = import.meta.dirname;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function listRouteFiles(dir = apiDir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "auth" && dir === apiDir ? [] : listRouteFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

async function loadHandlers(): Promise<Map<string, Handler>> {
  const handlers = new Map<string, Handler>();
  for (const file of listRouteFiles()) {
    const pattern = `/api/${path.relative(apiDir, path.dirname(file)).split(path.sep).join("/")}`.replace(
      /\/$/,
      "",
    );
    const module = (await import(file)) as Partial<Record<(typeof METHODS)[number], Handler>>;
    for (const method of METHODS) {
      const handler = module[method];
      if (handler) handlers.set(`${method} ${pattern}`, handler);
    }
  }
  return handlers;
}

const origin = "http://127.0.0.1:3000";

describe.each(testDatabaseTargets())("who may call each API route on $name", (databaseTarget) => {
  let handle: DbHandle;
  let world: World;
  let handlers: Map<string, Handler>;

  beforeAll(async () => {
    handle = await databaseTarget.open();
    apiSession.handle = handle;
    world = await setUpMatrixWorld(handle.db);
    handlers = await loadHandlers();
  });
  afterAll(() => handle.close());

  it("has an entry for every route handler and none for a route that is gone", () => {
    expect([...handlers.keys()].sort()).toEqual(Object.keys(entries).sort());
  });

  it.each(Object.keys(entries))("%s", async (key) => {
    const entry = entries[key]!;
    const [method, pattern] = key.split(" ") as [string, string];
    const handler = handlers.get(key)!;
    const cells: string[] = [];
    const wrong: string[] = [];
    for (const owner of entry.owners ?? [null]) {
      for (const actor of actors) {
        const target = (await entry.target?.(world, owner, actor)) ?? {};
        const params = target.params ?? {};
        const url = new URL(
          pattern.replace(/\[(\w+)\]/g, (_m, name: string) => params[name]!),
          origin,
        );
        for (const [name, value] of Object.entries(target.query ?? {})) url.searchParams.set(name, value);
        apiSession.user = actor === "anonymous" ? null : world.users[actor];
        const request = new Request(url, {
          method,
          headers: {
            host: "127.0.0.1:3000",
            ...(target.body === undefined ? {} : { "content-type": "application/json" }),
          },
          body: target.body === undefined ? undefined : JSON.stringify(target.body),
        });
        const response = await handler(request, { params: Promise.resolve(params) });
        const expected = entry.expected(actor, owner);
        const cell = `${actor}${owner ? ` on ${owner}'s` : ""}: ${response.status}`;
        cells.push(cell);
        if (response.status !== expected) wrong.push(`${cell}, expected ${expected}`);
      }
    }
    expect(wrong, cells.join("\n")).toEqual([]);
  });
});

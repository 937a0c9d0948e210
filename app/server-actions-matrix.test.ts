import fs from "node:fs";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createInvite } from "@/lib/accounts/invites";
import type { SessionUser } from "@/lib/accounts/users";
import type { CallView } from "@/lib/calls/call-view";
import type { DbHandle } from "@/lib/db/open-database";
import { assignments, invites } from "@/lib/db/schema";
import { createAssignments } from "@/lib/team/assignments";
import { type MatrixWorld, matrixActors, setUpMatrixWorld } from "@/lib/testing/team-fixture";
import { testDatabaseTargets } from "@/lib/testing/test-databases";

// Every server action (each export of app/**/actions.ts, enumerated from the file system: a new one
// fails until it has an entry), tried as anonymous, two trainees of team A, a trainee and the trainer
// of team B, team A's trainer and an admin, against resources of each team. Next.js itself refuses an
// action posted from another origin (e2e/hostile-requests.spec.ts); this is who may run each one.

const session = vi.hoisted(() => ({ user: null as SessionUser | null, db: null as unknown }));

class Navigation extends Error {
  constructor(readonly to: string) {
    super(to);
  }
}

vi.mock("@/lib/auth/session", async () => ({
  requireUser: async () => {
    if (!session.user) throw new Navigation("signin");
    return session.user;
  },
  requireRole: async (roles: readonly string[]) => {
    if (!session.user) throw new Navigation("signin");
    if (!roles.includes(session.user.role)) throw new Navigation("forbidden");
    return session.user;
  },
}));
vi.mock("@/lib/db/client", () => ({ getDb: async () => session.db }));
vi.mock("@/lib/env", async (original) => ({
  ...(await original<typeof import("@/lib/env")>()),
  getEnv: () => ({
    llm: undefined,
    signInLimits: { maxFailuresPerAccount: 10, maxFailuresPerAddress: 50, windowMs: 15 * 60_000 },
  }),
}));
vi.mock("@/lib/auth/config", () => ({ signIn: async () => undefined, signOut: async () => undefined }));
// next-auth's package entry needs Next's runtime; the sign-in action only uses its error class.
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Navigation(to);
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "127.0.0.1:3000" }) }));

const actors = matrixActors;
type Actor = (typeof matrixActors)[number];
type Owner = keyof MatrixWorld["teamIds"];
type World = MatrixWorld;
/** What the person sees: the sign-in page, the 403 page, an error in the form, or it worked. */
type Outcome = "signin" | "forbidden" | "error" | "ok";
type Action = (...args: unknown[]) => Promise<unknown>;

interface Entry {
  owners: Owner[] | null;
  /** The action's arguments for one cell (resources made fresh when the action changes them). */
  args: (world: World, owner: Owner | null) => Promise<unknown[]> | unknown[];
  /** For actions that answer nothing: whether the resource changed. */
  changed?: (world: World, args: unknown[]) => Promise<boolean>;
  expected: (actor: Actor, owner: Owner | null) => Outcome;
}

const form = (values: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) {
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  }
  return data;
};
const teamOf = (actor: Actor): Owner | null =>
  actor === "trainerA" || actor.startsWith("traineeA") ? "A" : actor.endsWith("B") ? "B" : null;
const isTrainee = (actor: Actor) => actor.startsWith("trainee");
const trainerOf = (w: World, o: Owner) => w.users[o === "A" ? "trainerA" : "trainerB"];
const traineeOf = (w: World, o: Owner) => w.users[o === "A" ? "traineeA1" : "traineeB"];
const replySeq = (view: CallView) => view.turns.find((t) => t.role === "operator")!.seq;
const both: Owner[] = ["A", "B"];

const everyone = (outcome: Outcome) => () => outcome;
const signedIn = (actor: Actor): Outcome => (actor === "anonymous" ? "signin" : "ok");
const adminsOnly = (actor: Actor): Outcome =>
  actor === "anonymous" ? "signin" : actor === "admin" ? "ok" : "forbidden";
/** Trainer tools on a team's data: another team's trainer is told it is not there. */
const teamTrainers = (actor: Actor, owner: Owner | null): Outcome => {
  if (actor === "anonymous") return "signin";
  if (isTrainee(actor)) return "forbidden";
  return actor === "admin" || teamOf(actor) === owner ? "ok" : "error";
};

const entries: Record<string, Entry> = {
  "admin/actions.ts createTeamAdminAction": {
    owners: null,
    args: () => [{}, form({ name: "新しいチーム" })],
    expected: adminsOnly,
  },
  "admin/actions.ts renameTeamAction": {
    owners: both,
    args: (w, o) => [{}, form({ teamId: w.teamIds[o!], name: `チーム${o}` })],
    expected: adminsOnly,
  },
  "admin/actions.ts updateUserAction": {
    owners: both,
    // Leaves team `owner`'s second member where and what they are.
    args: (w, o) => [
      {},
      form({
        userId: (o === "A" ? w.users.traineeA2 : w.users.traineeB).id,
        teamId: w.teamIds[o!],
        role: "trainee",
      }),
    ],
    expected: adminsOnly,
  },
  "admin/actions.ts createInviteAdminAction": {
    owners: both,
    args: (w, o) => [{}, form({ teamId: w.teamIds[o!], role: "trainee" })],
    expected: adminsOnly,
  },
  "calls/[id]/review/actions.ts addCommentAction": {
    owners: both,
    args: (w, o) => [
      { callId: w.endedCalls[o!].id, seq: replySeq(w.endedCalls[o!]) },
      {},
      form({ body: "良い相づちです。" }),
    ],
    expected: teamTrainers,
  },
  "calls/[id]/review/actions.ts setOverrideAction": {
    owners: both,
    args: (w, o) => [
      { callId: w.endedCalls[o!].id, seq: replySeq(w.endedCalls[o!]) },
      {},
      form({ label: "empathy", value: "true", reason: "共感が伝わっています。" }),
    ],
    expected: teamTrainers,
  },
  "calls/[id]/review/actions.ts removeOverrideAction": {
    owners: both,
    args: async (w, o) => {
      const { setOverride } = await import("@/lib/review/annotations");
      const view = w.endedCalls[o!];
      await setOverride(w.db, trainerOf(w, o!), {
        callId: view.id,
        seq: replySeq(view),
        label: "summarizing",
        value: true,
        reason: "要約できています。",
      });
      return [{ callId: view.id, seq: replySeq(view), label: "summarizing" }, {}, form({})];
    },
    expected: teamTrainers,
  },
  "invite/[token]/actions.ts acceptInviteAction": {
    owners: null,
    // Open to anyone holding a link: an unknown one is refused the same way for everyone.
    args: () => [
      "unknown-token-0123456789",
      {},
      form({ name: "新人", email: `new-${Date.now()}@example.com`, password: "long-enough-password" }),
    ],
    expected: everyone("error"),
  },
  "practice/actions.ts startCallAction": {
    owners: null,
    args: (w) => [form({ scenarioId: w.scenarioId })],
    // Into the new call's page (a redirect that is not the sign-in page).
    expected: signedIn,
  },
  "signin/actions.ts signInAction": {
    owners: null,
    args: () => [{}, form({ email: "", password: "" })],
    expected: everyone("error"),
  },
  "signin/actions.ts signInWithProviderAction": {
    owners: null,
    args: () => ["google"],
    expected: everyone("ok"),
  },
  "signin/actions.ts signOutAction": { owners: null, args: () => [], expected: everyone("ok") },
  "trainer/actions.ts createInviteAction": {
    owners: null,
    args: () => [{}, form({})],
    // A trainer invites to their own team; an admin without a team is asked to make one first.
    expected: (actor) =>
      actor === "anonymous" ? "signin" : isTrainee(actor) ? "forbidden" : actor === "admin" ? "error" : "ok",
  },
  "trainer/actions.ts revokeInviteAction": {
    owners: both,
    args: async (w, o) => {
      await createInvite(w.db, { teamId: w.teamIds[o!], createdById: trainerOf(w, o!).id, now: new Date() });
      const [invite] = await w.db
        .select({ id: invites.id })
        .from(invites)
        .where(and(eq(invites.teamId, w.teamIds[o!]), isNull(invites.revokedAt)))
        .limit(1);
      return [form({ inviteId: invite!.id })];
    },
    changed: async (w, args) => {
      const inviteId = (args[0] as FormData).get("inviteId") as string;
      const [invite] = await w.db.select().from(invites).where(eq(invites.id, inviteId));
      return invite!.revokedAt !== null;
    },
    // Only the team's own trainer: the action scopes to the user's team (an admin has none).
    expected: (actor, owner) =>
      actor === "anonymous"
        ? "signin"
        : isTrainee(actor)
          ? "forbidden"
          : teamOf(actor) === owner
            ? "ok"
            : "error",
  },
  "trainer/actions.ts createTeamAction": {
    owners: null,
    args: () => [{}, form({ name: "新しいチーム" })],
    // Only a trainer (or admin) without a team; everyone in the fixture's trainer roles has one but the admin.
    expected: (actor) =>
      actor === "anonymous" ? "signin" : isTrainee(actor) ? "forbidden" : actor === "admin" ? "ok" : "error",
  },
  "trainer/actions.ts createAssignmentAction": {
    owners: both,
    args: (w, o) => [
      w.teamIds[o!],
      {},
      form({ scenarioId: w.scenarioId, traineeIds: [traineeOf(w, o!).id], dueDate: "2099-01-01" }),
    ],
    expected: teamTrainers,
  },
  "trainer/actions.ts deleteAssignmentAction": {
    owners: both,
    args: async (w, o) => {
      const [id] = await createAssignments(w.db, trainerOf(w, o!), {
        teamId: w.teamIds[o!],
        scenarioId: w.scenarioId,
        traineeIds: [traineeOf(w, o!).id],
        dueAt: new Date("2099-01-01T00:00:00Z"),
      });
      return [w.teamIds[o!], form({ assignmentId: id! })];
    },
    changed: async (w, args) => {
      const id = (args[1] as FormData).get("assignmentId") as string;
      return (await w.db.select().from(assignments).where(eq(assignments.id, id))).length === 0;
    },
    expected: teamTrainers,
  },
};

const appDir = import.meta.dirname;

function listActionFiles(dir = appDir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listActionFiles(full);
    return entry.name === "actions.ts" ? [full] : [];
  });
}

async function loadActions(): Promise<Map<string, Action>> {
  const found = new Map<string, Action>();
  for (const file of listActionFiles()) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === "function") found.set(`${path.relative(appDir, file)} ${name}`, value as Action);
    }
  }
  return found;
}

async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const result = await run();
    const error = (result as { error?: unknown } | undefined)?.error;
    return typeof error === "string" ? "error" : "ok";
  } catch (thrown) {
    if (!(thrown instanceof Navigation)) throw thrown;
    return thrown.to === "signin" ? "signin" : thrown.to === "forbidden" ? "forbidden" : "ok";
  }
}

describe.each(testDatabaseTargets())("who may run each server action on $name", (databaseTarget) => {
  let handle: DbHandle;
  let world: World;
  let actions: Map<string, Action>;

  beforeAll(async () => {
    handle = await databaseTarget.open();
    session.db = handle.db;
    world = await setUpMatrixWorld(handle.db);
    actions = await loadActions();
  });
  afterAll(() => handle.close());

  it("has an entry for every server action and none for one that is gone", () => {
    expect([...actions.keys()].sort()).toEqual(Object.keys(entries).sort());
  });

  it.each(Object.keys(entries))("%s", async (key) => {
    const entry = entries[key]!;
    const action = actions.get(key)!;
    const cells: string[] = [];
    const wrong: string[] = [];
    for (const owner of entry.owners ?? [null]) {
      for (const actor of actors) {
        const args = await entry.args(world, owner);
        session.user = actor === "anonymous" ? null : world.users[actor];
        let outcome = await outcomeOf(() => action(...args));
        if (entry.changed && outcome === "ok" && !(await entry.changed(world, args))) outcome = "error";
        const expected = entry.expected(actor, owner);
        const cell = `${actor}${owner ? ` on ${owner}'s` : ""}: ${outcome}`;
        cells.push(cell);
        if (outcome !== expected) wrong.push(`${cell}, expected ${expected}`);
      }
    }
    expect(wrong, cells.join("\n")).toEqual([]);
  });
});

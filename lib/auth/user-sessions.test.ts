import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTeam, updateUser } from "@/lib/accounts/admin";
import type { DbHandle } from "@/lib/db/open-database";
import { createTestTeam, createTestUser } from "@/lib/testing/team-fixture";
import { testDatabaseTargets } from "@/lib/testing/test-databases";
import {
  createUserSession,
  endAllUserSessions,
  endUserSession,
  getUserForSession,
  isUserSessionActive,
} from "./user-sessions";

const HOUR = 60 * 60 * 1000;

describe.each(testDatabaseTargets())("user sessions on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(() => handle.close());

  const now = new Date();
  const open = (userId: string, at = now) =>
    createUserSession(handle.db, { userId, now: at, maxAgeMs: 12 * HOUR });

  it("vouches for an open session and reads its user with the team, fresh", async () => {
    const { team, trainees } = await createTestTeam(handle.db, "セッション");
    const trainee = trainees[0]!;
    const claims = { userId: trainee.id, sessionId: await open(trainee.id) };
    expect(await isUserSessionActive(handle.db, claims, now)).toBe(true);
    expect(await getUserForSession(handle.db, claims, now)).toEqual({ ...trainee, teamName: team.name });
  });

  it("refuses a session id claimed for another user, and a made-up one", async () => {
    const { trainees } = await createTestTeam(handle.db, "なりすまし");
    const a = trainees[0]!;
    const b = trainees[1]!;
    const sessionId = await open(a.id);
    expect(await isUserSessionActive(handle.db, { userId: b.id, sessionId }, now)).toBe(false);
    expect(await getUserForSession(handle.db, { userId: b.id, sessionId }, now)).toBeUndefined();
    const madeUp = { userId: a.id, sessionId: "00000000-0000-4000-8000-000000000000" };
    expect(await isUserSessionActive(handle.db, madeUp, now)).toBe(false);
  });

  it("ends one session at sign-out: that cookie is refused, the user's other browser is not", async () => {
    const user = await createTestUser(handle.db, { name: "二台持ち", role: "trainee", team: null });
    const laptop = { userId: user.id, sessionId: await open(user.id) };
    const phone = { userId: user.id, sessionId: await open(user.id) };
    await endUserSession(handle.db, laptop.sessionId);
    expect(await isUserSessionActive(handle.db, laptop, now)).toBe(false);
    expect(await getUserForSession(handle.db, laptop, now)).toBeUndefined();
    expect(await isUserSessionActive(handle.db, phone, now)).toBe(true);
    await endAllUserSessions(handle.db, user.id);
    expect(await isUserSessionActive(handle.db, phone, now)).toBe(false);
  });

  it("refuses a session past its expiry, and drops a user's expired rows at their next sign-in", async () => {
    const user = await createTestUser(handle.db, { name: "期限切れ", role: "trainee", team: null });
    const old = { userId: user.id, sessionId: await open(user.id, new Date(now.getTime() - 13 * HOUR)) };
    expect(await isUserSessionActive(handle.db, old, now)).toBe(false);
    expect(await isUserSessionActive(handle.db, old, new Date(now.getTime() - 12.5 * HOUR))).toBe(true);
    await open(user.id);
    expect(await isUserSessionActive(handle.db, old, new Date(now.getTime() - 12.5 * HOUR))).toBe(false);
  });

  it("ends every session of a user whose role changes or who leaves a team, and no one else's", async () => {
    const admin = await createTestUser(handle.db, { name: "管理者", role: "admin", team: null });
    const { trainer, trainees } = await createTestTeam(handle.db, "異動");
    const moved = trainees[0]!;
    const bystander = trainees[1]!;
    const elsewhere = await createTeam(handle.db, `異動先 ${Date.now()}`);
    const cases = [
      { userId: moved.id, change: { role: "trainer" as const } },
      { userId: moved.id, change: { teamId: elsewhere.id } },
      { userId: moved.id, change: { teamId: null } },
      { userId: trainer.id, change: { role: "trainee" as const } },
    ];
    for (const { userId, change } of cases) {
      const sessions = [
        { userId, sessionId: await open(userId) },
        { userId, sessionId: await open(userId) },
      ];
      const other = { userId: bystander.id, sessionId: await open(bystander.id) };
      await updateUser(handle.db, { actorId: admin.id, userId, change });
      for (const s of sessions)
        expect(await isUserSessionActive(handle.db, s, now), JSON.stringify(change)).toBe(false);
      expect(await isUserSessionActive(handle.db, other, now)).toBe(true);
    }
  });

  it("keeps the sessions when an update changes nothing (the same team again)", async () => {
    const admin = await createTestUser(handle.db, { name: "管理者", role: "admin", team: null });
    const { team, trainees } = await createTestTeam(handle.db, "据え置き", 1);
    const trainee = trainees[0]!;
    const claims = { userId: trainee.id, sessionId: await open(trainee.id) };
    await updateUser(handle.db, {
      actorId: admin.id,
      userId: trainee.id,
      change: { teamId: team.id, role: "trainee" },
    });
    expect(await isUserSessionActive(handle.db, claims, now)).toBe(true);
  });
});

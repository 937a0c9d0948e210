import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/open-database";
import { createTestTeam, createTestUser } from "@/lib/testing/team-fixture";
import { testDatabaseTargets } from "@/lib/testing/test-databases";
import { createTeam, listUsersForAdmin, renameTeam, updateUser } from "./admin";
import { getSessionUserById } from "./users";

describe.each(testDatabaseTargets())("admin team management on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(() => handle.close());

  it("creates and renames teams, moves users and changes roles, and refuses what cannot be", async () => {
    const admin = await createTestUser(handle.db, { name: "管理者", role: "admin", team: null });
    const { team, trainees } = await createTestTeam(handle.db, "移動元", 1);
    const trainee = trainees[0]!;
    const target = await createTeam(handle.db, "移動先");
    expect(await renameTeam(handle.db, { teamId: target.id, name: "移動先（改）" })).toMatchObject({
      name: "移動先（改）",
    });

    await updateUser(handle.db, { actorId: admin.id, userId: trainee.id, change: { teamId: target.id } });
    expect(await getSessionUserById(handle.db, trainee.id)).toMatchObject({
      teamId: target.id,
      teamName: "移動先（改）",
      role: "trainee",
    });
    await updateUser(handle.db, { actorId: admin.id, userId: trainee.id, change: { role: "trainer" } });
    expect(await getSessionUserById(handle.db, trainee.id)).toMatchObject({
      teamId: target.id,
      role: "trainer",
    });
    await updateUser(handle.db, { actorId: admin.id, userId: trainee.id, change: { teamId: null } });
    expect((await getSessionUserById(handle.db, trainee.id))?.teamId).toBeNull();
    expect((await listUsersForAdmin(handle.db)).find((u) => u.id === trainee.id)).toMatchObject({
      teamName: null,
    });

    const unknown = "00000000-0000-4000-8000-000000000000";
    await expect(
      updateUser(handle.db, { actorId: admin.id, userId: trainee.id, change: { teamId: unknown } }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      updateUser(handle.db, { actorId: admin.id, userId: unknown, change: { teamId: team.id } }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      updateUser(handle.db, { actorId: admin.id, userId: admin.id, change: { role: "trainer" } }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(renameTeam(handle.db, { teamId: unknown, name: "x" })).rejects.toMatchObject({
      status: 404,
    });
  });
});

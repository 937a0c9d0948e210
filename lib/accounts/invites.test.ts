import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/open-database";
import { teams, users } from "@/lib/db/schema";
import { testDatabaseTargets, uniqueSuffix } from "@/lib/testing/test-databases";
import { acceptInvite, createInvite, getInviteStatus, joinInviteTeam, revokeInvite } from "./invites";
import { verifyPassword } from "./passwords";
import { findUserByEmail, getSessionUserById } from "./users";

describe.each(testDatabaseTargets())("invites on $name", (target) => {
  let handle: DbHandle;
  let teamId: string;
  let trainerId: string;
  const now = new Date("2026-11-23T10:00:00Z");
  const account = (tag: string) => ({
    name: "山本 新",
    email: `new-${tag}-${uniqueSuffix()}@example.com`,
    password: "long-enough-pw",
  });

  beforeAll(async () => {
    handle = await target.open();
    const [team] = await handle.db
      .insert(teams)
      .values({ name: `テストチーム ${uniqueSuffix()}` })
      .returning();
    const [trainer] = await handle.db
      .insert(users)
      .values({
        email: `trainer-${uniqueSuffix()}@example.com`,
        name: "講師",
        role: "trainer",
        teamId: team!.id,
      })
      .returning();
    teamId = team!.id;
    trainerId = trainer!.id;
  });
  afterAll(() => handle.close());

  it("creates an account in the invite's team, with a hashed password, and the link stays usable", async () => {
    const { token } = await createInvite(handle.db, { teamId, createdById: trainerId, now });
    const first = account("a");
    const { userId } = await acceptInvite(handle.db, { token, account: first, now });
    const user = await getSessionUserById(handle.db, userId);
    expect(user).toMatchObject({ role: "trainee", teamId, name: "山本 新" });
    const stored = await findUserByEmail(handle.db, first.email.toUpperCase());
    expect(stored?.passwordHash).not.toContain(first.password);
    expect(await verifyPassword(stored!.passwordHash!, first.password)).toBe(true);
    await acceptInvite(handle.db, { token, account: account("b"), now });
    const status = await getInviteStatus(handle.db, token, now);
    expect(status.status === "valid" && status.invite.uses).toBe(2);
  });

  it("refuses an expired link", async () => {
    const { token, expiresAt } = await createInvite(handle.db, { teamId, createdById: trainerId, now });
    const later = new Date(expiresAt.getTime() + 1000);
    expect((await getInviteStatus(handle.db, token, later)).status).toBe("expired");
    await expect(acceptInvite(handle.db, { token, account: account("c"), now: later })).rejects.toMatchObject(
      { status: 404 },
    );
  });

  it("refuses a revoked link, and another team cannot revoke it", async () => {
    const { token } = await createInvite(handle.db, { teamId, createdById: trainerId, now });
    const status = await getInviteStatus(handle.db, token, now);
    if (status.status !== "valid") throw new Error("expected a valid invite");
    const [otherTeam] = await handle.db
      .insert(teams)
      .values({ name: `別チーム ${uniqueSuffix()}` })
      .returning();
    await expect(
      revokeInvite(handle.db, { inviteId: status.invite.id, teamId: otherTeam!.id, now }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    await revokeInvite(handle.db, { inviteId: status.invite.id, teamId, now });
    await expect(acceptInvite(handle.db, { token, account: account("d"), now })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("refuses an email that already has an account, whatever its case", async () => {
    const { token } = await createInvite(handle.db, { teamId, createdById: trainerId, now });
    const first = account("e");
    await acceptInvite(handle.db, { token, account: first, now });
    await expect(
      acceptInvite(handle.db, { token, account: { ...first, email: first.email.toUpperCase() }, now }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("lets an existing account without a team join the invite's team, and no other", async () => {
    const { token } = await createInvite(handle.db, { teamId, createdById: trainerId, now });
    const [otherTeam] = await handle.db
      .insert(teams)
      .values({ name: `他チーム ${uniqueSuffix()}` })
      .returning();
    const insertUser = async (tag: string, role: "trainee" | "trainer" | "admin", team: string | null) => {
      const [row] = await handle.db
        .insert(users)
        .values({ email: `${tag}-${uniqueSuffix()}@example.com`, name: tag, role, teamId: team })
        .returning({ id: users.id });
      return row!.id;
    };
    const teamless = await insertUser("teamless", "trainee", null);
    const member = await insertUser("member", "trainee", otherTeam!.id);
    const admin = await insertUser("admin", "admin", null);
    const trainer = await insertUser("trainer", "trainer", null);
    const uses = async () => {
      const status = await getInviteStatus(handle.db, token, now);
      return status.status === "valid" ? status.invite.uses : -1;
    };

    expect(await joinInviteTeam(handle.db, { token, userId: teamless, now })).toBe("joined");
    expect(await getSessionUserById(handle.db, teamless)).toMatchObject({ teamId, role: "trainee" });
    expect(await uses()).toBe(1);
    // A member of another team stays there; an admin stays an admin without a team.
    expect(await joinInviteTeam(handle.db, { token, userId: member, now })).toBe("kept");
    expect(await getSessionUserById(handle.db, member)).toMatchObject({ teamId: otherTeam!.id });
    expect(await joinInviteTeam(handle.db, { token, userId: admin, now })).toBe("kept");
    expect(await getSessionUserById(handle.db, admin)).toMatchObject({ teamId: null, role: "admin" });
    // A trainee's link never makes a trainer the team's trainer.
    expect(await joinInviteTeam(handle.db, { token, userId: trainer, now })).toBe("kept");
    expect(await getSessionUserById(handle.db, trainer)).toMatchObject({ teamId: null, role: "trainer" });
    expect(await uses()).toBe(1);
  });

  it("joins no one through an expired, revoked or unknown link", async () => {
    const { token, expiresAt } = await createInvite(handle.db, { teamId, createdById: trainerId, now });
    const [row] = await handle.db
      .insert(users)
      .values({ email: `late-${uniqueSuffix()}@example.com`, name: "遅刻", role: "trainee" })
      .returning({ id: users.id });
    const later = new Date(expiresAt.getTime() + 1000);
    expect(await joinInviteTeam(handle.db, { token, userId: row!.id, now: later })).toBe("invalid");
    expect(await joinInviteTeam(handle.db, { token: "no-such-token-123", userId: row!.id, now })).toBe(
      "invalid",
    );
    const status = await getInviteStatus(handle.db, token, now);
    if (status.status !== "valid") throw new Error("expected a valid invite");
    await revokeInvite(handle.db, { inviteId: status.invite.id, teamId, now });
    expect(await joinInviteTeam(handle.db, { token, userId: row!.id, now })).toBe("invalid");
    expect(await getSessionUserById(handle.db, row!.id)).toMatchObject({ teamId: null });
  });

  it("treats an unknown token as unknown", async () => {
    expect((await getInviteStatus(handle.db, "no-such-token-123", now)).status).toBe("unknown");
  });
});

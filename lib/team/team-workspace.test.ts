import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/accounts/users";
import { startCallForUser } from "@/lib/calls/call-service";
import type { DbHandle } from "@/lib/db/open-database";
import { parseCsv } from "@/lib/testing/parse-csv";
import { ManualClock, playEndedCall, setUpTwoTeams, type TwoTeams } from "@/lib/testing/team-fixture";
import { testDatabaseTargets } from "@/lib/testing/test-databases";
import {
  createAssignments,
  deleteAssignment,
  listAssignmentsForTrainee,
  listTeamAssignments,
} from "./assignments";
import { toResultsCsv } from "./results-csv";
import { listTeamAttempts } from "./team-attempts";
import { resolveTeamScope } from "./team-scope";

describe.each(testDatabaseTargets())("the team workspace on $name", (target) => {
  let handle: DbHandle;
  let teamA: TwoTeams["teamA"];
  let teamB: TwoTeams["teamB"];
  let admin: SessionUser;
  let scenarioId: string;
  let otherScenarioId: string;
  const t0 = Date.parse("2026-11-20T01:00:00Z");

  beforeAll(async () => {
    handle = await target.open();
    const setUp = await setUpTwoTeams(handle.db);
    ({ teamA, teamB, admin } = setUp);
    scenarioId = setUp.scenarioIdOf("angry-broken-bottle");
    otherScenarioId = setUp.scenarioIdOf("lonely-elderly-regular");
    await playEndedCall(handle.db, teamA.trainees[0]!, {
      scenarioId,
      replies: ["さようでございますか。"],
      startMs: t0,
    });
    await playEndedCall(handle.db, teamB.trainees[0]!, { scenarioId, replies: ["はい。"], startMs: t0 });
  });
  afterAll(() => handle.close());

  it("scopes a trainer to their own team and lets an admin pick any", async () => {
    expect(await resolveTeamScope(handle.db, teamA.trainer, undefined)).toMatchObject({
      teamId: teamA.team.id,
    });
    await expect(resolveTeamScope(handle.db, teamA.trainer, teamB.team.id)).rejects.toMatchObject({
      status: 404,
    });
    expect(await resolveTeamScope(handle.db, admin, teamB.team.id)).toMatchObject({ teamId: teamB.team.id });
    expect(await resolveTeamScope(handle.db, admin, undefined)).toBeNull();
    await expect(
      resolveTeamScope(handle.db, admin, "00000000-0000-4000-8000-000000000000"),
    ).rejects.toMatchObject({ status: 404 });
    await expect(resolveTeamScope(handle.db, teamA.trainees[0]!, undefined)).rejects.toMatchObject({
      status: 403,
    });
  });

  it("lists only the team's calls, filtered by scenario and period, and exports them as CSV", async () => {
    const attempts = await listTeamAttempts(handle.db, teamA.team.id, {});
    expect(attempts.map((a) => a.userId)).toEqual([teamA.trainees[0]!.id]);
    expect(await listTeamAttempts(handle.db, teamA.team.id, { scenarioId: otherScenarioId })).toEqual([]);
    expect(await listTeamAttempts(handle.db, teamA.team.id, { since: new Date(t0 + 3_600_000) })).toEqual([]);

    const csv = toResultsCsv(attempts);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toContain("総合点");
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(rows[0]!.map((h, i) => [h, rows[1]![i]]));
    expect(row).toMatchObject({
      日時: "2026-11-20T10:00:00+09:00",
      研修生: teamA.trainees[0]!.name,
      メールアドレス: teamA.trainees[0]!.email,
      モード: "シナリオ",
      終了理由: "研修生が終了",
      総合点: String(attempts[0]!.overallScore),
    });
  });

  it("assigns a scenario to the team's trainees only, and derives the status from their calls", async () => {
    const [first, second] = teamA.trainees;
    const now = new Date();
    const dueAt = new Date(now.getTime() + 7 * 86_400_000);
    const ids = await createAssignments(handle.db, teamA.trainer, {
      teamId: teamA.team.id,
      scenarioId,
      traineeIds: [first!.id, second!.id],
      dueAt,
      note: " オウム返しを意識して ",
    });
    expect(ids).toHaveLength(2);
    await expect(
      createAssignments(handle.db, teamA.trainer, {
        teamId: teamA.team.id,
        scenarioId,
        traineeIds: [teamB.trainees[0]!.id],
        dueAt,
      }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      createAssignments(handle.db, teamA.trainer, {
        teamId: teamA.team.id,
        scenarioId,
        traineeIds: [first!.id],
        dueAt: new Date(now.getTime() - 86_400_000),
      }),
    ).rejects.toMatchObject({ status: 422, message: "期限には今日以降の日付を指定してください。" });

    // The call played before the assignment does not count.
    const statusOf = async (trainee: SessionUser) =>
      (await listAssignmentsForTrainee(handle.db, trainee, new Date()))[0]?.status;
    expect(await statusOf(first!)).toBe("not_started");
    await startCallForUser(
      handle.db,
      first!,
      { scenarioId, mode: "scripted" },
      new ManualClock(Date.now() + 1000),
    );
    expect(await statusOf(first!)).toBe("in_progress");
    await playEndedCall(handle.db, first!, { scenarioId, replies: ["はい。"], startMs: Date.now() + 2000 });
    expect(await statusOf(first!)).toBe("completed");
    const later = new Date(dueAt.getTime() + 1000);
    expect((await listAssignmentsForTrainee(handle.db, second!, later))[0]).toMatchObject({
      status: "overdue",
      note: "オウム返しを意識して",
      assignedByName: teamA.trainer.name,
    });

    expect(await listTeamAssignments(handle.db, teamB.team.id, now)).toEqual([]);
    expect(await listAssignmentsForTrainee(handle.db, teamB.trainees[0]!, now)).toEqual([]);
    await expect(
      deleteAssignment(handle.db, { teamId: teamB.team.id, assignmentId: ids[0]! }),
    ).rejects.toMatchObject({ status: 404 });
    await deleteAssignment(handle.db, { teamId: teamA.team.id, assignmentId: ids[0]! });
    expect(await listTeamAssignments(handle.db, teamA.team.id, now)).toHaveLength(1);
  });
});

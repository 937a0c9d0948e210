import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/accounts/users";
import type { DbHandle } from "@/lib/db/open-database";
import { createTestUser, playEndedCall, setUpTwoTeams, type TwoTeams } from "@/lib/testing/team-fixture";
import { testDatabaseTargets } from "@/lib/testing/test-databases";
import type { ContestCategoryId } from "./categories";
import { type JudgementMarks, judgementRequestSchema } from "./judgement-request";
import { getContestResult, getJudgingSheet, submitJudgement } from "./judging";
import { getContestLeaderboard, setLeaderboardForTrainees } from "./leaderboard";

const sheet = (mark: number, comment = ""): JudgementMarks => {
  const ids: ContestCategoryId[] = [
    "firstImpression",
    "basicSkills",
    "communication",
    "information",
    "closing",
    "overall",
  ];
  return Object.fromEntries(ids.map((id) => [id, { mark, comment }])) as JudgementMarks;
};

describe.each(testDatabaseTargets())("contest judging on $name", (target) => {
  let handle: DbHandle;
  let world: TwoTeams;
  let secondTrainer: SessionUser;
  let callId: string;
  let plainCallId: string;

  beforeAll(async () => {
    handle = await target.open();
    world = await setUpTwoTeams(handle.db);
    secondTrainer = await createTestUser(handle.db, {
      name: "副トレーナー",
      role: "trainer",
      team: world.teamA.team,
    });
    const trainee = world.teamA.trainees[0]!;
    const contest = await playEndedCall(handle.db, trainee, {
      scenarioId: world.scenarioIdOf("contest-gas-start"),
      replies: ["お電話ありがとうございます。みなとガスお客さまセンターの伊藤でございます。"],
      startMs: Date.parse("2026-12-02T01:00:00Z"),
    });
    callId = contest.id;
    const plain = await playEndedCall(handle.db, trainee, {
      scenarioId: world.scenarioIdOf("angry-broken-bottle"),
      replies: ["さようでございますか。"],
      startMs: Date.parse("2026-12-02T02:00:00Z"),
    });
    plainCallId = plain.id;
  });
  afterAll(() => handle.close());

  it("hides the other judges' marks until one's own sheet is in, then shows the mean of two", async () => {
    const { trainer } = world.teamA;
    const before = await getJudgingSheet(handle.db, trainer, callId);
    expect(before).toMatchObject({ judges: 0, mine: null, panel: null });
    expect(before.preScore.categories).toHaveLength(6);

    const first = await submitJudgement(handle.db, trainer, callId, sheet(4, "明るい第一声でした。"));
    expect(first.panel?.final).toMatchObject({ rule: "mean", judges: 1, score: 80 });

    const second = await getJudgingSheet(handle.db, secondTrainer, callId);
    expect(second).toMatchObject({ judges: 1, mine: null, panel: null });
    const ownerSees = await getContestResult(handle.db, world.teamA.trainees[0]!, callId, before.preScore);
    expect(ownerSees.panel?.final.score).toBe(80);
    const secondBeforeSubmit = await getContestResult(handle.db, secondTrainer, callId, before.preScore);
    expect(secondBeforeSubmit).toMatchObject({ panel: null, judges: 1, viewerSubmitted: false });

    const both = await submitJudgement(handle.db, secondTrainer, callId, sheet(3));
    expect(both.panel?.final).toMatchObject({ rule: "mean", judges: 2, score: 70 });
    expect(both.panel?.sheets.map((s) => s.judgeName)).toEqual([trainer.name, "副トレーナー"]);
    expect(both.panel?.agreement[0]).toMatchObject({ min: 3, max: 4, judges: "close", mark: 3.5 });

    // A judge may revise: still one sheet each.
    const revised = await submitJudgement(handle.db, secondTrainer, callId, sheet(5));
    expect(revised.panel?.final).toMatchObject({ judges: 2, score: 90 });
  });

  it("drops the highest and lowest sheet once five judges have marked", async () => {
    const extra = [];
    for (const name of ["審査員C", "審査員D", "審査員E"]) {
      extra.push(await createTestUser(handle.db, { name, role: "trainer", team: world.teamA.team }));
    }
    await submitJudgement(handle.db, extra[0]!, callId, sheet(1));
    await submitJudgement(handle.db, extra[1]!, callId, sheet(3));
    const view = await submitJudgement(handle.db, extra[2]!, callId, sheet(3));
    // Sheets: 80, 100, 20, 60, 60 → drop 100 and 20 → mean of 80, 60, 60.
    expect(view.panel?.final).toMatchObject({ rule: "trimmed", judges: 5, score: 66.7 });
    expect(view.panel?.final.dropped).toEqual({ highest: secondTrainer.id, lowest: extra[0]!.id });
  });

  it("lets an admin judge, refuses trainees (403) and hides the call from another team (404)", async () => {
    await expect(getJudgingSheet(handle.db, world.admin, callId)).resolves.toMatchObject({ mine: null });
    await expect(getJudgingSheet(handle.db, world.teamA.trainees[0]!, callId)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(getJudgingSheet(handle.db, world.teamA.trainees[1]!, callId)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(getJudgingSheet(handle.db, world.teamB.trainer, callId)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(submitJudgement(handle.db, world.teamB.trainer, callId, sheet(5))).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("ranks the judged attempt on the team's leaderboard, open to trainees only when a trainer says so", async () => {
    const scenarioId = world.scenarioIdOf("contest-gas-start");
    const trainee = world.teamA.trainees[0]!;
    const board = await getContestLeaderboard(handle.db, world.teamA.trainer, { scenarioId });
    expect(board.scenarios).toHaveLength(5);
    expect(board.board.rows.map((r) => [r.userName, r.best.score, r.latest.callId])).toEqual([
      [trainee.name, 66.7, callId],
    ]);
    await expect(getContestLeaderboard(handle.db, trainee, { scenarioId })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      getContestLeaderboard(handle.db, world.teamB.trainer, { teamId: world.teamA.team.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      setLeaderboardForTrainees(handle.db, world.teamB.trainer, {
        teamId: world.teamA.team.id,
        forTrainees: true,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await setLeaderboardForTrainees(handle.db, world.teamA.trainer, { forTrainees: true });
    const seen = await getContestLeaderboard(handle.db, trainee, { scenarioId });
    expect(seen.board.rows[0]?.best.score).toBe(66.7);
    // Another team's trainees still see nothing of team A.
    await expect(
      getContestLeaderboard(handle.db, world.teamB.trainees[0]!, { teamId: world.teamA.team.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    const admin = await getContestLeaderboard(handle.db, world.admin, {
      teamId: world.teamA.team.id,
      scenarioId,
    });
    expect(admin.board.rows).toHaveLength(1);
  });

  it("refuses to judge a call that is not a contest", async () => {
    await expect(getJudgingSheet(handle.db, world.teamA.trainer, plainCallId)).rejects.toMatchObject({
      code: "invalid_input",
      message: "審査できるのは、終了したコンクール形式の通話だけです。",
    });
  });
});

describe("the judging request", () => {
  it("needs every category marked 1–5 and keeps comments short", () => {
    expect(judgementRequestSchema.safeParse({ marks: sheet(4) }).success).toBe(true);
    const { overall: _missing, ...five } = sheet(4);
    expect(judgementRequestSchema.safeParse({ marks: five }).success).toBe(false);
    expect(judgementRequestSchema.safeParse({ marks: sheet(6) }).success).toBe(false);
    expect(judgementRequestSchema.safeParse({ marks: sheet(2.5) }).success).toBe(false);
    expect(judgementRequestSchema.safeParse({ marks: sheet(3, "あ".repeat(501)) }).success).toBe(false);
    expect(judgementRequestSchema.safeParse({ marks: sheet(3, "\u0000") }).success).toBe(false);
  });
});

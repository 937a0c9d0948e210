import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/accounts/users";
import type { CallView } from "@/lib/calls/call-view";
import type { DbHandle } from "@/lib/db/open-database";
import { playEndedCall, setUpTwoTeams, type TwoTeams } from "@/lib/testing/team-fixture";
import { testDatabaseTargets } from "@/lib/testing/test-databases";
import { CONTROL_CHARACTERS_MESSAGE } from "@/lib/validation/plain-text";
import { addComment, listComments, listOverrides, removeOverride, setOverride } from "./annotations";
import { accessToCall, getCallForViewer } from "./call-access";

describe("who may see a call", () => {
  const call = { userId: "owner", teamId: "team-a" };
  it.each([
    [{ id: "owner", role: "trainee", teamId: "team-a" }, "owner"],
    [{ id: "t-a", role: "trainer", teamId: "team-a" }, "trainer"],
    [{ id: "t-b", role: "trainer", teamId: "team-b" }, null],
    [{ id: "t-none", role: "trainer", teamId: null }, null],
    [{ id: "mate", role: "trainee", teamId: "team-a" }, null],
    [{ id: "admin", role: "admin", teamId: null }, "admin"],
  ] as const)("%o → %s", (viewer, expected) => {
    expect(accessToCall(viewer, call)).toBe(expected);
  });
  it("a call made without a team is seen by no trainer", () => {
    expect(accessToCall({ id: "t", role: "trainer", teamId: "team-a" }, { userId: "x", teamId: null })).toBe(
      null,
    );
  });
});

describe.each(testDatabaseTargets())("call review and annotations on $name", (target) => {
  let handle: DbHandle;
  let teamA: TwoTeams["teamA"];
  let teamB: TwoTeams["teamB"];
  let admin: SessionUser;
  let owner: SessionUser;
  let call: CallView;
  let replySeq: number;

  beforeAll(async () => {
    handle = await target.open();
    const setUp = await setUpTwoTeams(handle.db);
    ({ teamA, teamB, admin } = setUp);
    owner = teamA.trainees[0]!;
    call = await playEndedCall(handle.db, owner, {
      scenarioId: setUp.scenarioIdOf("angry-broken-bottle"),
      replies: ["さようでございますか。"],
      startMs: Date.parse("2026-11-20T10:00:00Z"),
    });
    replySeq = call.turns.find((t) => t.role === "operator")!.seq;
  });
  afterAll(() => handle.close());

  it("opens the call for its owner, the team's trainer and an admin; anyone else gets 404", async () => {
    expect((await getCallForViewer(handle.db, owner, call.id)).access).toBe("owner");
    const viewed = await getCallForViewer(handle.db, teamA.trainer, call.id);
    expect(viewed).toMatchObject({ access: "trainer", owner: { id: owner.id, name: owner.name } });
    expect(viewed.call.turns.map((t) => t.text)).toEqual(call.turns.map((t) => t.text));
    expect((await getCallForViewer(handle.db, admin, call.id)).access).toBe("admin");
    for (const outsider of [teamA.trainees[1]!, teamB.trainer, teamB.trainees[0]!]) {
      await expect(getCallForViewer(handle.db, outsider, call.id)).rejects.toMatchObject({ status: 404 });
      await expect(listComments(handle.db, outsider, call.id)).rejects.toMatchObject({ status: 404 });
      await expect(listOverrides(handle.db, outsider, call.id)).rejects.toMatchObject({ status: 404 });
    }
  });

  it("lets the team's trainer comment on a turn, shows it to the owner, and refuses everyone else", async () => {
    const comment = await addComment(handle.db, teamA.trainer, {
      callId: call.id,
      seq: replySeq,
      body: "  最初の相づち、落ち着いていて良いですね。 ",
    });
    expect(comment).toMatchObject({ seq: replySeq, body: "最初の相づち、落ち着いていて良いですね。" });
    expect(await listComments(handle.db, owner, call.id)).toEqual([comment]);
    await expect(
      addComment(handle.db, owner, { callId: call.id, seq: replySeq, body: "自分で" }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      addComment(handle.db, teamB.trainer, { callId: call.id, seq: replySeq, body: "他チーム" }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      addComment(handle.db, teamA.trainer, { callId: call.id, seq: 999, body: "ない発言" }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      addComment(handle.db, teamA.trainer, { callId: call.id, seq: replySeq, body: "   " }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it("counts an override in the stored score, keeps who and why, and restores the score when removed", async () => {
    const reply = call.turns.find((t) => t.seq === replySeq)!;
    expect(reply.analysis?.summarizing).toBe(false);
    const before = call.scorecard!;
    const result = await setOverride(handle.db, teamA.trainer, {
      callId: call.id,
      seq: replySeq,
      label: "summarizing",
      value: true,
      reason: "お客様のお話を短くまとめています",
    });
    const after = await getCallForViewer(handle.db, owner, call.id);
    expect(after.call.scorecard!.steps.summarizing).toBeGreaterThan(before.steps.summarizing);
    expect(result.overallScore).toBe(after.call.scorecard!.overall);
    expect(after.call.scorecard!.overall).toBeGreaterThan(before.overall);
    // The analyzer's own label stays as it was.
    expect(after.call.turns.find((t) => t.seq === replySeq)?.analysis?.summarizing).toBe(false);
    expect(await listOverrides(handle.db, owner, call.id)).toEqual([
      expect.objectContaining({
        seq: replySeq,
        label: "summarizing",
        value: true,
        reason: "お客様のお話を短くまとめています",
        authorName: teamA.trainer.name,
      }),
    ]);

    // Setting it again replaces the value and the reason (one override per turn and label).
    await setOverride(handle.db, admin, {
      callId: call.id,
      seq: replySeq,
      label: "summarizing",
      value: true,
      reason: "管理者が確認",
    });
    expect(await listOverrides(handle.db, owner, call.id)).toHaveLength(1);

    await removeOverride(handle.db, teamA.trainer, { callId: call.id, seq: replySeq, label: "summarizing" });
    const restored = await getCallForViewer(handle.db, owner, call.id);
    expect(restored.call.scorecard!.overall).toBe(before.overall);
    expect(restored.call.scorecard!.steps).toEqual(before.steps);
    expect(await listOverrides(handle.db, owner, call.id)).toEqual([]);
  });

  it("refuses values of the wrong type, unknown labels, caller turns and outsiders", async () => {
    const base = { callId: call.id, seq: replySeq, reason: "理由" };
    await expect(
      setOverride(handle.db, teamA.trainer, { ...base, label: "question", value: true }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      setOverride(handle.db, teamA.trainer, { ...base, label: "interruption", value: false }),
    ).rejects.toMatchObject({ status: 404 });
    const callerSeq = call.turns.find((t) => t.role === "caller")!.seq;
    await expect(
      setOverride(handle.db, teamA.trainer, { ...base, seq: callerSeq, label: "empathy", value: true }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      setOverride(handle.db, teamB.trainer, { ...base, label: "empathy", value: true }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      setOverride(handle.db, owner, { ...base, label: "empathy", value: true }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      setOverride(handle.db, teamA.trainer, { ...base, label: "empathy", value: true, reason: " " }),
    ).rejects.toMatchObject({ status: 422 });
  });

  // The review page's server actions pass form text straight here: these checks are their only guard.
  it("refuses control characters in a comment or a reason with 422 before writing", async () => {
    for (const text of ["NUL\u0000です", "ベル\u0007", "削除\u007F"]) {
      await expect(
        addComment(handle.db, teamA.trainer, { callId: call.id, seq: replySeq, body: text }),
      ).rejects.toMatchObject({ status: 422, message: CONTROL_CHARACTERS_MESSAGE });
      await expect(
        setOverride(handle.db, teamA.trainer, {
          callId: call.id,
          seq: replySeq,
          label: "empathy",
          value: true,
          reason: text,
        }),
      ).rejects.toMatchObject({ status: 422, message: CONTROL_CHARACTERS_MESSAGE });
    }
    const comment = await addComment(handle.db, teamA.trainer, {
      callId: call.id,
      seq: replySeq,
      body: "一行目\n\t二行目",
    });
    expect(comment.body).toBe("一行目\n\t二行目");
  });
});

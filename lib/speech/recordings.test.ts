import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendReply, startCallForUser } from "@/lib/calls/call-service";
import type { DbHandle } from "@/lib/db/open-database";
import { turnRecordings } from "@/lib/db/schema";
import { ManualClock, setUpTwoTeams, type TwoTeams } from "@/lib/testing/team-fixture";
import { testDatabaseTargets } from "@/lib/testing/test-databases";
import {
  deleteCallRecordings,
  getAudioRetention,
  getRecordingPolicyForOwner,
  listRecordedSeqs,
  purgeExpiredRecordings,
  readTurnRecording,
  setAudioRetention,
  storeTurnRecording,
} from "./recordings";
import { audioRetentionRequestSchema, isWithinUploadWindow, recordingExpiresAt } from "./retention";
import { encodeWav, synthesizeParts } from "./testing/synthetic-audio";

const DAY = 24 * 60 * 60 * 1000;
const wav = () => new Uint8Array(encodeWav(synthesizeParts([{ speechMs: 600 }, { silenceMs: 100 }])));

describe("retention rules", () => {
  it("accepts 1–90 whole days or null (off) and says why anything else is refused", () => {
    expect(audioRetentionRequestSchema.parse({ days: 30 })).toEqual({ days: 30 });
    expect(audioRetentionRequestSchema.parse({ days: null })).toEqual({ days: null });
    const messages = [0, 91, 1.5].map(
      (days) => audioRetentionRequestSchema.safeParse({ days }).error?.issues[0]?.message,
    );
    expect(messages).toEqual([
      "保存期間は1日以上にしてください。",
      "保存期間は90日以内にしてください。",
      "保存期間は整数の日数で入力してください。",
    ]);
  });

  it("expires a recording the given number of days later and takes it only just after its reply", () => {
    const now = new Date("2026-12-06T00:00:00Z");
    expect(recordingExpiresAt(now, 7).toISOString()).toBe("2026-12-13T00:00:00.000Z");
    expect(isWithinUploadWindow(now, new Date(now.getTime() + 5_000))).toBe(true);
    expect(isWithinUploadWindow(now, new Date(now.getTime() + 11 * 60_000))).toBe(false);
  });
});

describe.each(testDatabaseTargets())("voice recordings on $name", (target) => {
  let handle: DbHandle;
  let world: TwoTeams;

  beforeAll(async () => {
    handle = await target.open();
    world = await setUpTwoTeams(handle.db);
  });
  afterAll(() => handle.close());

  /** A trainee's call with one voice reply sent at `clock`'s time; returns its id and the reply's. */
  async function callWithReply(clock: ManualClock, trainee = world.teamA.trainees[0]!) {
    const call = await startCallForUser(
      handle.db,
      trainee,
      { scenarioId: world.scenarioIdOf("angry-broken-bottle"), mode: "scripted" },
      clock,
    );
    clock.advance(8_000);
    const replyId = randomUUID();
    const result = await sendReply(
      handle.db,
      trainee,
      call.id,
      { text: "さようでございますか。", replyId },
      clock,
    );
    const seq = result.added.find((t) => t.role === "operator")!.seq;
    return { callId: call.id, replyId, seq };
  }

  it("stores nothing while the team keeps no audio", async () => {
    const clock = new ManualClock(Date.now());
    const trainee = world.teamA.trainees[0]!;
    expect(await getAudioRetention(handle.db, world.teamA.team.id)).toBeNull();
    const { callId, replyId } = await callWithReply(clock);
    expect(await getRecordingPolicyForOwner(handle.db, trainee, callId)).toBeNull();
    const result = await storeTurnRecording(handle.db, trainee, callId, { replyId, wav: wav() }, clock);
    expect(result).toEqual({ stored: false });
    const rows = await handle.db.select().from(turnRecordings);
    expect(rows.filter((r) => r.callId === callId)).toEqual([]);
  });

  it("keeps a reply's audio for the team's days: the owner, its trainer and an admin hear it, others do not", async () => {
    const { teamA, teamB, admin } = world;
    const trainee = teamA.trainees[0]!;
    await setAudioRetention(handle.db, teamA.trainer, { days: 7 });
    const clock = new ManualClock(Date.now());
    const { callId, replyId, seq } = await callWithReply(clock);
    expect(await getRecordingPolicyForOwner(handle.db, trainee, callId)).toBe(7);
    const audio = wav();
    const stored = await storeTurnRecording(handle.db, trainee, callId, { replyId, wav: audio }, clock);
    expect(stored).toEqual({ stored: true, expiresAt: recordingExpiresAt(clock.now(), 7).toISOString() });

    const now = clock.now();
    expect(await listRecordedSeqs(handle.db, callId, now)).toEqual([seq]);
    for (const viewer of [trainee, teamA.trainer, admin]) {
      expect(Buffer.from(await readTurnRecording(handle.db, viewer, callId, seq, now))).toEqual(
        Buffer.from(audio),
      );
    }
    for (const stranger of [teamA.trainees[1]!, teamB.trainer, teamB.trainees[0]!]) {
      await expect(readTurnRecording(handle.db, stranger, callId, seq, now)).rejects.toMatchObject({
        code: "not_found",
      });
    }
    // Someone else's call, or a reply id that is not the caller's own: not found.
    await expect(
      storeTurnRecording(handle.db, teamA.trainees[1]!, callId, { replyId, wav: audio }, clock),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      storeTurnRecording(handle.db, trainee, callId, { replyId: randomUUID(), wav: audio }, clock),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a recording sent long after its reply", async () => {
    const clock = new ManualClock(Date.now());
    const trainee = world.teamA.trainees[0]!;
    const { callId, replyId } = await callWithReply(clock);
    clock.advance(11 * 60_000);
    await expect(
      storeTurnRecording(handle.db, trainee, callId, { replyId, wav: wav() }, clock),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("stops serving a recording at its expiry and purges it", async () => {
    await setAudioRetention(handle.db, world.teamA.trainer, { days: 1 });
    const clock = new ManualClock(Date.now());
    const trainee = world.teamA.trainees[0]!;
    const { callId, replyId, seq } = await callWithReply(clock);
    await storeTurnRecording(handle.db, trainee, callId, { replyId, wav: wav() }, clock);
    const later = new Date(clock.now().getTime() + DAY + 1);
    expect(await listRecordedSeqs(handle.db, callId, later)).toEqual([]);
    await expect(readTurnRecording(handle.db, trainee, callId, seq, later)).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await purgeExpiredRecordings(handle.db, later)).toBeGreaterThanOrEqual(1);
    const rows = await handle.db.select().from(turnRecordings);
    expect(rows.filter((r) => r.callId === callId)).toEqual([]);
  });

  it("lets the team's trainer delete a call's recordings, not its trainee or another team's trainer", async () => {
    const { teamA, teamB } = world;
    await setAudioRetention(handle.db, teamA.trainer, { days: 30 });
    const clock = new ManualClock(Date.now());
    const trainee = teamA.trainees[0]!;
    const { callId, replyId } = await callWithReply(clock);
    await storeTurnRecording(handle.db, trainee, callId, { replyId, wav: wav() }, clock);
    await expect(deleteCallRecordings(handle.db, trainee, callId)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(deleteCallRecordings(handle.db, teamB.trainer, callId)).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await deleteCallRecordings(handle.db, teamA.trainer, callId)).toEqual({ deleted: 1 });
    expect(await listRecordedSeqs(handle.db, callId, clock.now())).toEqual([]);
  });

  it("turning retention off deletes what the team kept; only the team's trainer or an admin may change it", async () => {
    const { teamA, teamB, admin } = world;
    await setAudioRetention(handle.db, teamA.trainer, { days: 30 });
    const clock = new ManualClock(Date.now());
    const { callId, replyId } = await callWithReply(clock);
    await storeTurnRecording(handle.db, teamA.trainees[0]!, callId, { replyId, wav: wav() }, clock);
    // Team B's recording survives team A turning off.
    await setAudioRetention(handle.db, admin, { days: 3, team: teamB.team.id });
    const other = await callWithReply(clock, teamB.trainees[0]!);
    await storeTurnRecording(handle.db, teamB.trainees[0]!, other.callId, { ...other, wav: wav() }, clock);

    await expect(setAudioRetention(handle.db, teamA.trainees[0]!, { days: null })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      setAudioRetention(handle.db, teamB.trainer, { days: null, team: teamA.team.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    const off = await setAudioRetention(handle.db, teamA.trainer, { days: null });
    expect(off).toMatchObject({ teamId: teamA.team.id, days: null });
    expect(off.deleted).toBeGreaterThanOrEqual(1);
    expect(await getAudioRetention(handle.db, teamA.team.id)).toBeNull();
    expect(await listRecordedSeqs(handle.db, callId, clock.now())).toEqual([]);
    expect(await listRecordedSeqs(handle.db, other.callId, clock.now())).toEqual([other.seq]);
  });
});

import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/accounts/users";
import type { DbHandle } from "@/lib/db/open-database";
import { createTestTeam } from "@/lib/testing/team-fixture";
import { testDatabaseTargets } from "@/lib/testing/test-databases";
import { type Clock, endCallForUser, getCallForUser, sendReply, startCallForUser } from "./call-service";
import type { CallView } from "./call-view";
import { listPlayableScenarios, syncBuiltInScenarios } from "./scenario-store";

class FakeClock implements Clock {
  constructor(private ms: number) {}
  now() {
    return new Date(this.ms);
  }
  /** Moves to just after the caller's last line ends (ms since the call started). */
  afterCallerFinishes(call: CallView, startedAt: number) {
    const ends = Math.max(...call.turns.filter((t) => t.role === "caller").map((t) => t.speechEndsAtMs ?? 0));
    this.ms = Math.max(this.ms, startedAt + ends + 500);
  }
  advance(ms: number) {
    this.ms += ms;
  }
}

describe.each(testDatabaseTargets())("the call service on $name", (target) => {
  let handle: DbHandle;
  let trainee: SessionUser;
  let other: SessionUser;
  let scenarioId: string;
  const t0 = Date.parse("2026-11-23T10:00:00Z");

  beforeAll(async () => {
    handle = await target.open();
    await syncBuiltInScenarios(handle.db);
    const team = await createTestTeam(handle.db, "チーム");
    trainee = team.trainees[0]!;
    other = team.trainees[1]!;
    const catalog = await listPlayableScenarios(handle.db, trainee);
    scenarioId = catalog.find((e) => e.id === "angry-broken-bottle")!.scenarioId;
  });
  afterAll(() => handle.close());

  it("syncs built-ins idempotently: a second sync adds no version", async () => {
    expect((await syncBuiltInScenarios(handle.db)).added).toBe(0);
  });

  it("opens with the caller's line and resumes with every turn", async () => {
    const clock = new FakeClock(t0);
    const call = await startCallForUser(handle.db, trainee, { scenarioId, mode: "scripted" }, clock);
    expect(call.status).toBe("active");
    expect(call.turns).toHaveLength(1);
    expect(call.turns[0]).toMatchObject({ role: "caller", atMs: 0 });
    clock.afterCallerFinishes(call, t0);
    const replied = await sendReply(
      handle.db,
      trainee,
      call.id,
      { text: "さようでございますか。瓶が割れていたのですね。" },
      clock,
    );
    expect(replied.added[0]).toMatchObject({ role: "operator", kind: "reply" });
    expect(replied.added[0]!.analysis).toMatchObject({
      backchannel: true,
      parroting: true,
      interruption: false,
    });
    expect(replied.added.slice(1).every((t) => t.role === "caller")).toBe(true);
    const resumed = await getCallForUser(handle.db, trainee, call.id, clock);
    // The answer is built from what was written, not read back: a re-read must show the same turns.
    expect(resumed.turns).toEqual([...call.turns, ...replied.added]);
    expect(resumed).toMatchObject({ mood: replied.call.mood, status: replied.call.status });
  });

  it("counts substantive talk over the caller as an interruption and cuts the caller off", async () => {
    const clock = new FakeClock(t0);
    const call = await startCallForUser(handle.db, trainee, { scenarioId, mode: "scripted" }, clock);
    const opening = call.turns[0]!;
    clock.advance(800);
    const result = await sendReply(
      handle.db,
      trainee,
      call.id,
      { text: "ご注文番号を教えていただけますか。" },
      clock,
    );
    expect(result.added[0]!.analysis?.interruption).toBe(true);
    expect(result.changed).toEqual([expect.objectContaining({ seq: opening.seq, speechEndsAtMs: 800 })]);
    const resumed = await getCallForUser(handle.db, trainee, call.id, clock);
    expect(resumed.turns.find((t) => t.seq === opening.seq)).toEqual(result.changed[0]);
    expect(resumed.turns.slice(1)).toEqual(result.added);
    expect(result.call.mood.anger).toBeGreaterThan(call.mood.anger!);
    expect(result.added.some((t) => t.kind === "interrupted")).toBe(true);
  });

  it("hears a 相づち during the caller's speech without an interruption or a caller answer", async () => {
    const clock = new FakeClock(t0);
    const call = await startCallForUser(handle.db, trainee, { scenarioId, mode: "scripted" }, clock);
    clock.advance(800);
    const result = await sendReply(handle.db, trainee, call.id, { text: "はい" }, clock);
    expect(result.added).toHaveLength(1);
    expect(result.added[0]).toMatchObject({
      kind: "backchannel",
      analysis: { interruption: false, backchannel: true },
    });
    expect(result.call.mood).toEqual(call.mood);
  });

  it("stores a voice reply's measured timing and judges the cut-in from the caller's audio as heard", async () => {
    const clock = new FakeClock(t0);
    const call = await startCallForUser(handle.db, trainee, { scenarioId, mode: "scripted" }, clock);
    const opening = call.turns[0]!;
    // The synthesized voice was slower than the text clock: the trainee spoke before it had finished.
    const heardEnd = opening.speechEndsAtMs! + 3000;
    clock.advance(heardEnd + 500);
    const startedAtMs = heardEnd - 1500;
    const timing = {
      segments: [
        { speaker: "caller" as const, startMs: 0, endMs: heardEnd },
        { speaker: "operator" as const, startMs: 1200, endMs: 1500, text: "はい" },
        {
          speaker: "operator" as const,
          startMs: startedAtMs,
          endMs: heardEnd + 400,
          text: "ご注文番号を教えていただけますか",
        },
      ],
    };
    const result = await sendReply(
      handle.db,
      trainee,
      call.id,
      { text: "ご注文番号を教えていただけますか", startedAtMs, timing },
      clock,
    );
    expect(result.added[0]!.analysis?.interruption).toBe(true);
    expect(result.added[0]!.timing?.overlaps.map((o) => o.kind)).toEqual(["backchannel", "interruption"]);
    expect(result.changed).toEqual([
      expect.objectContaining({ seq: opening.seq, speechEndsAtMs: startedAtMs }),
    ]);
    const resumed = await getCallForUser(handle.db, trainee, call.id, clock);
    expect(resumed.turns.find((t) => t.seq === result.added[0]!.seq)?.timing).toEqual(
      result.added[0]!.timing,
    );
    const ended = await endCallForUser(handle.db, trainee, call.id, clock);
    expect(ended.scorecard?.counts.interruptions).toBe(1);
  });

  it("a voice reply that waited for the caller's audio to end is no interruption, even if the text clock says so", async () => {
    const clock = new FakeClock(t0);
    const call = await startCallForUser(handle.db, trainee, { scenarioId, mode: "scripted" }, clock);
    const heardEnd = 1000; // a fast voice: the line was over long before its text-clock end
    clock.advance(2000);
    const timing = {
      segments: [
        { speaker: "caller" as const, startMs: 0, endMs: heardEnd },
        { speaker: "operator" as const, startMs: 1400, endMs: 1900, text: "さようでございますか" },
      ],
    };
    const result = await sendReply(
      handle.db,
      trainee,
      call.id,
      { text: "さようでございますか。瓶が割れていたのですね。", startedAtMs: 1400, timing },
      clock,
    );
    expect(result.added[0]).toMatchObject({ kind: "reply", analysis: { interruption: false } });
    expect(result.added[0]!.timing?.overlaps).toEqual([]);
    expect(result.changed).toEqual([]);
  });

  it("refuses empty, oversized and late replies, and other users' calls, without losing turns", async () => {
    const clock = new FakeClock(t0);
    const call = await startCallForUser(handle.db, trainee, { scenarioId, mode: "scripted" }, clock);
    await expect(sendReply(handle.db, trainee, call.id, { text: "   " }, clock)).rejects.toMatchObject({
      status: 422,
    });
    await expect(
      sendReply(handle.db, trainee, call.id, { text: "あ".repeat(401) }, clock),
    ).rejects.toMatchObject({ status: 413 });
    await expect(sendReply(handle.db, other, call.id, { text: "はい" }, clock)).rejects.toMatchObject({
      status: 404,
    });
    await expect(getCallForUser(handle.db, other, call.id, clock)).rejects.toMatchObject({ status: 404 });
    await expect(endCallForUser(handle.db, other, call.id, clock)).rejects.toMatchObject({ status: 404 });
    const ended = await endCallForUser(handle.db, trainee, call.id, clock);
    expect(ended).toMatchObject({ status: "ended", endReason: "ended_by_trainee" });
    expect(ended.scorecard?.goals.length).toBeGreaterThan(0);
    await expect(sendReply(handle.db, trainee, call.id, { text: "はい" }, clock)).rejects.toMatchObject({
      status: 409,
    });
    expect((await getCallForUser(handle.db, trainee, call.id, clock)).turns).toHaveLength(1);
  });

  it("stores two replies sent at once to the same call one after the other, losing neither", async () => {
    const clock = new FakeClock(t0);
    const call = await startCallForUser(handle.db, trainee, { scenarioId, mode: "scripted" }, clock);
    clock.afterCallerFinishes(call, t0);
    const texts = ["さようでございますか。瓶が割れていたのですね。", "ご注文番号を教えていただけますか。"];
    // Both read the call before either writes: the second is scored again on the call as it then is.
    const results = await Promise.all(
      texts.map((text) => sendReply(handle.db, trainee, call.id, { text }, clock)),
    );
    const resumed = await getCallForUser(handle.db, trainee, call.id, clock);
    expect(resumed.turns.map((t) => t.seq)).toEqual(resumed.turns.map((_, i) => i));
    // Which of two replies sent at the same instant takes the call's lock first is the database's to
    // decide: both are kept, one after the other.
    const stored = resumed.turns.filter((t) => t.role === "operator").map((t) => t.text);
    expect([...stored].sort()).toEqual([...texts].sort());
    // The second reply arrives as the caller starts answering the first: it cuts that answer short.
    const changed = new Map(results.flatMap((r) => r.changed).map((t) => [t.seq, t]));
    const expected = [...call.turns, ...results.flatMap((r) => r.added)]
      .map((t) => changed.get(t.seq) ?? t)
      .sort((a, b) => a.seq - b.seq);
    expect(resumed.turns).toEqual(expected);
  });

  it("answers a resend of a stored reply (same reply id) as the first send did, storing nothing", async () => {
    const clock = new FakeClock(t0);
    const call = await startCallForUser(handle.db, trainee, { scenarioId, mode: "scripted" }, clock);
    clock.afterCallerFinishes(call, t0);
    const request = { text: "さようでございますか。瓶が割れていたのですね。", replyId: randomUUID() };
    const first = await sendReply(handle.db, trainee, call.id, request, clock);
    // The answer was lost (connection cut): the screen sends the same reply again a little later.
    clock.advance(5_000);
    const again = await sendReply(handle.db, trainee, call.id, request, clock);
    expect(again.added).toEqual(first.added);
    expect(again.call.mood).toEqual(first.call.mood);
    const resumed = await getCallForUser(handle.db, trainee, call.id, clock);
    expect(resumed.turns).toEqual([...call.turns, ...first.added]);
    // Another reply with the same words but its own id is a new reply.
    clock.afterCallerFinishes(resumed, t0);
    const other = await sendReply(handle.db, trainee, call.id, { ...request, replyId: randomUUID() }, clock);
    expect(other.added[0]!.seq).toBe(first.added.at(-1)!.seq + 1);
  });

  it("stores a reply once when two sends of it arrive at once", async () => {
    const clock = new FakeClock(t0);
    const call = await startCallForUser(handle.db, trainee, { scenarioId, mode: "scripted" }, clock);
    clock.afterCallerFinishes(call, t0);
    const request = { text: "ご注文番号を教えていただけますか。", replyId: randomUUID() };
    const [a, b] = await Promise.all([
      sendReply(handle.db, trainee, call.id, request, clock),
      sendReply(handle.db, trainee, call.id, request, clock),
    ]);
    expect(a.added).toEqual(b.added);
    const resumed = await getCallForUser(handle.db, trainee, call.id, clock);
    expect(resumed.turns.filter((t) => t.role === "operator")).toHaveLength(1);
    expect(resumed.turns).toEqual([...call.turns, ...a.added]);
  });

  it("answers a resend of a stored reply after the call ended with the stored reply, not a refusal", async () => {
    const clock = new FakeClock(t0);
    const call = await startCallForUser(handle.db, trainee, { scenarioId, mode: "scripted" }, clock);
    clock.afterCallerFinishes(call, t0);
    const request = { text: "さようでございますか。", replyId: randomUUID() };
    const first = await sendReply(handle.db, trainee, call.id, request, clock);
    await endCallForUser(handle.db, trainee, call.id, clock);
    const again = await sendReply(handle.db, trainee, call.id, request, clock);
    expect(again.added).toEqual(first.added);
    expect(again.call.status).toBe("ended");
    await expect(
      sendReply(handle.db, trainee, call.id, { ...request, replyId: randomUUID() }, clock),
    ).rejects.toMatchObject({ status: 409 });
  });

  it("stores a reply racing the call's end before the end, or refuses it: never after the end", async () => {
    const clock = new FakeClock(t0);
    const call = await startCallForUser(handle.db, trainee, { scenarioId, mode: "scripted" }, clock);
    clock.afterCallerFinishes(call, t0);
    const [reply, end] = await Promise.allSettled([
      sendReply(handle.db, trainee, call.id, { text: "さようでございますか。" }, clock),
      endCallForUser(handle.db, trainee, call.id, clock),
    ]);
    if (end.status !== "fulfilled") throw end.reason;
    if (reply.status === "rejected") expect(reply.reason).toMatchObject({ status: 409 });
    // The scorecard was built from the turns the end read: nothing may be stored after them.
    const stored = await getCallForUser(handle.db, trainee, call.id, clock);
    expect(stored.turns).toEqual(end.value.turns);
    expect(stored.turns.length).toBe(reply.status === "fulfilled" ? 1 + reply.value.added.length : 1);
  });

  it("ends a call left open past its time limit as a time-out", async () => {
    const clock = new FakeClock(t0);
    const call = await startCallForUser(handle.db, trainee, { scenarioId, mode: "scripted" }, clock);
    clock.advance(11 * 60 * 1000);
    const later = await getCallForUser(handle.db, trainee, call.id, clock);
    expect(later).toMatchObject({ status: "ended", endReason: "time_out" });
  });

  it("a well-handled angry call resolves with a scorecard and falling anger", async () => {
    const clock = new FakeClock(t0);
    let call = await startCallForUser(handle.db, trainee, { scenarioId, mode: "scripted" }, clock);
    const startAnger = call.mood.anger!;
    const replies = [
      "さようでございますか。瓶が割れて届いたのですね。せっかく楽しみにされていたのに、大変ご不快な思いをおかけし、申し訳ございません。",
      "恐れ入りますが、ご注文番号を教えていただけますでしょうか。",
      "ありがとうございます。T-58213でございますね。すぐに新しい商品を無料で再送いたします。",
      "確認させていただきます。ご注文番号T-58213の黒酢ドリンク1本を、明日発送で再送いたします。よろしいでしょうか。",
      "本日はお電話ありがとうございました。担当の田中が承りました。失礼いたします。",
    ];
    for (const text of replies) {
      if (call.status === "ended") break;
      clock.afterCallerFinishes(call, t0);
      const result = await sendReply(handle.db, trainee, call.id, { text }, clock);
      call = { ...result.call, turns: [...call.turns, ...result.added] };
    }
    expect(call).toMatchObject({ status: "ended", endReason: "resolved" });
    expect(call.mood.anger!).toBeLessThan(startAnger);
    expect(call.scorecard).not.toBeNull();
    expect(call.scorecard!.goals.every((g) => g.reached)).toBe(true);
    expect(call.scorecard!.steps.notInterrupting).toBe(100);
    const stored = await handle.db.query.calls.findFirst({ where: (c) => eq(c.id, call.id) });
    expect(stored?.overallScore).toBe(call.scorecard!.overall);
  });
});

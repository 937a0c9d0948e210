import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/accounts/users";
import type { DbHandle } from "@/lib/db/open-database";
import { calls } from "@/lib/db/schema";
import { createTestTeam } from "@/lib/testing/team-fixture";
import { testDatabaseTargets } from "@/lib/testing/test-databases";
import { type Clock, endCallForUser, getCallForUser, sendReply, startCallForUser } from "./call-service";
import { listPlayableScenarios, syncBuiltInScenarios } from "./scenario-store";

class FakeClock implements Clock {
  constructor(public ms: number) {}
  now() {
    return new Date(this.ms);
  }
}

describe.each(testDatabaseTargets())("a contest call on $name", (target) => {
  let handle: DbHandle;
  let trainee: SessionUser;
  let scenarioId: string;
  const t0 = Date.parse("2026-12-01T01:00:00Z");

  beforeAll(async () => {
    handle = await target.open();
    await syncBuiltInScenarios(handle.db);
    trainee = (await createTestTeam(handle.db, "コンクール班")).trainees[0]!;
    const catalog = await listPlayableScenarios(handle.db, trainee);
    scenarioId = catalog.find((e) => e.id === "contest-ryokan-inquiry")!.scenarioId;
  });
  afterAll(() => handle.close());

  it("keeps its drawn variant, hides feedback, and stops at the limit with the caller's closing line", async () => {
    const clock = new FakeClock(t0);
    const call = await startCallForUser(handle.db, trainee, { scenarioId, mode: "scripted" }, clock);
    expect(call.scenario.contest).toBe(true);
    expect(call.scenario.timeLimitSec).toBe(180);
    const [row] = await handle.db.select().from(calls).where(eq(calls.id, call.id));
    const variant = (row!.state as { variant?: string }).variant;
    expect(["mother-knees", "father-allergy"]).toContain(variant);

    clock.ms = t0 + 10_000;
    const replied = await sendReply(
      handle.db,
      trainee,
      call.id,
      { text: "お電話ありがとうございます。みどり荘、予約係の佐藤でございます。" },
      clock,
    );
    expect(replied.call.feedbackHidden).toBe(true);

    // A reload resumes the same caller.
    clock.ms = t0 + 20_000;
    await getCallForUser(handle.db, trainee, call.id, clock);
    const [again] = await handle.db.select().from(calls).where(eq(calls.id, call.id));
    expect((again!.state as { variant?: string }).variant).toBe(variant);

    clock.ms = t0 + 181_000;
    const ended = await endCallForUser(handle.db, trainee, call.id, clock);
    expect(ended.endReason).toBe("time_out");
    const last = ended.turns.at(-1)!;
    expect(last.role).toBe("caller");
    expect(last.atMs).toBeGreaterThanOrEqual(180_000);
    expect(last.text).toMatch(/失礼します/);

    const pre = ended.scorecard?.contestPreScore;
    expect(pre?.variant?.id).toBe(variant);
    expect(pre?.named).toBe(true);
    expect(pre?.categories.map((c) => c.label)).toEqual([
      "第一印象",
      "基本応対（相づち・復唱）",
      "コミュニケーション",
      "情報提供",
      "クロージング",
      "総合印象",
    ]);
    expect(pre?.categories.find((c) => c.id === "overall")?.evidence).toContain(
      "制限時間内に終わりませんでした（−10点）",
    );
    expect(ended.scorecard?.contest?.map((c) => c.category)).toEqual(pre?.categories.map((c) => c.id));
    // Ending again changes nothing (idempotent) and adds no second closing line.
    const twice = await endCallForUser(handle.db, trainee, call.id, clock);
    expect(twice.turns).toHaveLength(ended.turns.length);
  });
});

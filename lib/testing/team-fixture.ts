import type { Role, SessionUser } from "@/lib/accounts/users";
import { type Clock, endCallForUser, sendReply, startCallForUser } from "@/lib/calls/call-service";
import { listPlayableScenarios, syncBuiltInScenarios } from "@/lib/calls/scenario-store";
import type { Db } from "@/lib/db/open-database";
import { teams, users } from "@/lib/db/schema";
import { uniqueSuffix } from "./test-databases";

/** A user row and the session user the app would see, in a team or none. */
export async function createTestUser(
  db: Db,
  input: { name: string; role: Role; team: { id: string; name: string } | null },
): Promise<SessionUser> {
  const [row] = await db
    .insert(users)
    .values({
      email: `${input.role}-${uniqueSuffix()}@example.com`,
      name: input.name,
      role: input.role,
      teamId: input.team?.id ?? null,
    })
    .returning();
  return {
    id: row!.id,
    email: row!.email,
    name: input.name,
    role: input.role,
    teamId: input.team?.id ?? null,
    teamName: input.team?.name ?? null,
  };
}

/** A team with one trainer and the given number of trainees. */
export async function createTestTeam(db: Db, label: string, trainees = 2) {
  const [team] = await db
    .insert(teams)
    .values({ name: `${label} ${uniqueSuffix()}` })
    .returning();
  const trainer = await createTestUser(db, { name: `${label}トレーナー`, role: "trainer", team: team! });
  const members: SessionUser[] = [];
  for (let i = 1; i <= trainees; i++) {
    members.push(await createTestUser(db, { name: `${label}研修生${i}`, role: "trainee", team: team! }));
  }
  return { team: team!, trainer, trainees: members };
}

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private ms: number) {}
  now() {
    return new Date(this.ms);
  }
  advance(ms: number) {
    this.ms += ms;
  }
}

/** Plays a call: each reply after the caller has finished speaking, then hangs up. Returns the ended call. */
export async function playEndedCall(
  db: Db,
  user: SessionUser,
  input: { scenarioId: string; replies: string[]; startMs: number },
) {
  const clock = new ManualClock(input.startMs);
  const call = await startCallForUser(db, user, { scenarioId: input.scenarioId, mode: "scripted" }, clock);
  let lastSpeechEnd = Math.max(...call.turns.map((t) => t.speechEndsAtMs ?? 0));
  for (const text of input.replies) {
    clock.advance(Math.max(0, input.startMs + lastSpeechEnd + 500 - clock.now().getTime()));
    const result = await sendReply(db, user, call.id, { text }, clock);
    if (result.call.status === "ended") return endCallForUser(db, user, call.id, clock);
    lastSpeechEnd = Math.max(lastSpeechEnd, ...result.added.map((t) => t.speechEndsAtMs ?? 0));
  }
  clock.advance(1000);
  return endCallForUser(db, user, call.id, clock);
}

export type TwoTeams = Awaited<ReturnType<typeof setUpTwoTeams>>;

/** Built-in scenarios, teams A and B (a trainer and two trainees each) and an admin without a team. */
export async function setUpTwoTeams(db: Db) {
  await syncBuiltInScenarios(db);
  const teamA = await createTestTeam(db, "Aチーム");
  const teamB = await createTestTeam(db, "Bチーム");
  const admin = await createTestUser(db, { name: "管理者", role: "admin", team: null });
  const catalog = await listPlayableScenarios(db, teamA.trainer);
  const scenarioIdOf = (slug: string) => catalog.find((e) => e.id === slug)!.scenarioId;
  return { teamA, teamB, admin, scenarioIdOf };
}

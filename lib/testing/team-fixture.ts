import type { Role, SessionUser } from "@/lib/accounts/users";
import { type Clock, endCallForUser, sendReply, startCallForUser } from "@/lib/calls/call-service";
import type { CallView } from "@/lib/calls/call-view";
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

/** Who the authorization matrices try: nobody, two trainees of team A, team B's trainee and trainer, A's trainer, an admin. */
export const matrixActors = [
  "anonymous",
  "traineeA1",
  "traineeA2",
  "traineeB",
  "trainerB",
  "trainerA",
  "admin",
] as const;
export type MatrixActor = (typeof matrixActors)[number];
export type MatrixOwner = "A" | "B";

export interface MatrixWorld {
  db: Db;
  users: Record<Exclude<MatrixActor, "anonymous">, SessionUser>;
  teamIds: Record<MatrixOwner, string>;
  /** An ended call with one reply, by a trainee of each team (A: traineeA1). */
  endedCalls: Record<MatrixOwner, CallView>;
  /** The same, of a built-in contest scenario (judging). */
  contestCalls: Record<MatrixOwner, CallView>;
  /** The built-in angry-broken-bottle scenario. */
  scenarioId: string;
}

/** The world of the authorization matrices: two teams, an admin, and an ended call in each team. */
export async function setUpMatrixWorld(db: Db): Promise<MatrixWorld> {
  const { teamA, teamB, admin, scenarioIdOf } = await setUpTwoTeams(db);
  const scenarioId = scenarioIdOf("angry-broken-bottle");
  const contestId = scenarioIdOf("contest-clinic-appointment");
  const users = {
    traineeA1: teamA.trainees[0]!,
    traineeA2: teamA.trainees[1]!,
    traineeB: teamB.trainees[0]!,
    trainerB: teamB.trainer,
    trainerA: teamA.trainer,
    admin,
  };
  const ended = (user: SessionUser, scenario = scenarioId) =>
    playEndedCall(db, user, {
      scenarioId: scenario,
      replies: ["さようでございますか。"],
      startMs: Date.now() - 600_000,
    });
  return {
    db,
    users,
    teamIds: { A: teamA.team.id, B: teamB.team.id },
    endedCalls: { A: await ended(users.traineeA1), B: await ended(users.traineeB) },
    contestCalls: {
      A: await ended(users.traineeA1, contestId),
      B: await ended(users.traineeB, contestId),
    },
    scenarioId,
  };
}

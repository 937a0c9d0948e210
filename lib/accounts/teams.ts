import "server-only";
import { asc, count, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/open-database";
import { teams, users } from "@/lib/db/schema";

export async function listTeamMembers(db: Db, teamId: string) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.teamId, teamId))
    .orderBy(asc(users.role), asc(users.name));
}

/** Creates a team and puts its creator (a trainer without a team) in it. */
export async function createTeamForTrainer(db: Db, input: { name: string; trainerId: string }) {
  return db.transaction(async (tx) => {
    const [team] = await tx.insert(teams).values({ name: input.name }).returning();
    await tx.update(users).set({ teamId: team!.id }).where(eq(users.id, input.trainerId));
    return team!;
  });
}

export async function listTeamsWithCounts(db: Db) {
  return db
    .select({ id: teams.id, name: teams.name, createdAt: teams.createdAt, members: count(users.id) })
    .from(teams)
    .leftJoin(users, eq(users.teamId, teams.id))
    .groupBy(teams.id)
    .orderBy(asc(teams.createdAt));
}

import "server-only";
import { eq, sql } from "drizzle-orm";
import type { DbExecutor } from "@/lib/db/executor";
import { teams, users } from "@/lib/db/schema";

export type Role = (typeof users.$inferSelect)["role"];

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  teamName: string | null;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: DbExecutor, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, normalizeEmail(email)))
    .limit(1);
  return row;
}

/** The columns of a SessionUser: the users row joined to its team. */
export const sessionUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  teamId: users.teamId,
  teamName: teams.name,
};

/** The signed-in user as the app sees them, with their team. */
export async function getSessionUserById(db: DbExecutor, id: string): Promise<SessionUser | undefined> {
  const [row] = await db
    .select(sessionUserColumns)
    .from(users)
    .leftJoin(teams, eq(users.teamId, teams.id))
    .where(eq(users.id, id))
    .limit(1);
  return row;
}

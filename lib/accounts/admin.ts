import "server-only";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { endAllUserSessions } from "@/lib/auth/user-sessions";
import type { Db } from "@/lib/db/open-database";
import { teams, userRole, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { plainText } from "@/lib/validation/plain-text";

// What an admin does to teams and users. Callers check the admin role; these functions check the data.

export const teamNameSchema = plainText()
  .trim()
  .min(1, "チーム名を入力してください。")
  .max(60, "チーム名は60文字以内にしてください。");

export const userUpdateSchema = z
  .object({
    teamId: z.uuid().nullable().optional(),
    role: z.enum(userRole.enumValues).optional(),
  })
  .refine((v) => v.teamId !== undefined || v.role !== undefined, "変更する内容を指定してください。");

export async function createTeam(db: Db, name: string) {
  const [team] = await db.insert(teams).values({ name }).returning();
  return team!;
}

export async function renameTeam(db: Db, input: { teamId: string; name: string }) {
  const rows = await db
    .update(teams)
    .set({ name: input.name })
    .where(eq(teams.id, input.teamId))
    .returning({ id: teams.id, name: teams.name });
  if (rows.length === 0) throw new AppError("not_found", "チームが見つかりません。");
  return rows[0]!;
}

export async function teamExists(db: Db, teamId: string): Promise<boolean> {
  const [row] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId)).limit(1);
  return Boolean(row);
}

/** Every user with their team, for the admin page: by team, then role, then name. */
export async function listUsersForAdmin(db: Db) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      teamId: users.teamId,
      teamName: teams.name,
    })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .orderBy(asc(teams.name), asc(users.role), asc(users.name));
}

/** Moves a user to another team (or none) and/or changes their role. An admin cannot demote themself. */
export async function updateUser(
  db: Db,
  input: { actorId: string; userId: string; change: z.infer<typeof userUpdateSchema> },
) {
  const { teamId, role } = input.change;
  if (input.userId === input.actorId && role !== undefined && role !== "admin") {
    throw new AppError("conflict", "自分自身の管理者権限は外せません。");
  }
  if (teamId && !(await teamExists(db, teamId))) throw new AppError("not_found", "チームが見つかりません。");
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ role: users.role, teamId: users.teamId })
      .from(users)
      .where(eq(users.id, input.userId))
      .for("update");
    if (!before) throw new AppError("not_found", "ユーザーが見つかりません。");
    const [after] = await tx
      .update(users)
      .set({ ...(teamId !== undefined ? { teamId } : {}), ...(role !== undefined ? { role } : {}) })
      .where(eq(users.id, input.userId))
      .returning({ id: users.id, role: users.role, teamId: users.teamId });
    // Pages and routes read the role and team fresh, but an open page or a session started under the
    // old rights should not outlive them: the user signs in again.
    if (after!.role !== before.role || after!.teamId !== before.teamId) {
      await endAllUserSessions(tx, input.userId);
    }
    return after!;
  });
}

import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/open-database";
import { teams, users } from "@/lib/db/schema";
import { hashPassword } from "./passwords";
import { findUserByEmail, type Role } from "./users";

// Shown in the README and on the sign-in page; seeded only outside production (or with KIKITE_SEED_DEMO).
export const DEMO_PASSWORD = "kikite-demo";
export const DEMO_TEAM_NAME = "デモチーム";
export const demoAccounts: { email: string; name: string; role: Role; inTeam: boolean }[] = [
  { email: "trainer@example.com", name: "佐藤 美咲", role: "trainer", inTeam: true },
  { email: "trainee1@example.com", name: "田中 翔太", role: "trainee", inTeam: true },
  { email: "trainee2@example.com", name: "鈴木 愛", role: "trainee", inTeam: true },
  { email: "admin@example.com", name: "管理者", role: "admin", inTeam: false },
];

/** Creates the demo team and accounts once; a no-op when they exist. */
export async function seedDemoAccounts(db: Db): Promise<void> {
  if (await findUserByEmail(db, demoAccounts[0]!.email)) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const [existingTeam] = await tx.select().from(teams).where(eq(teams.name, DEMO_TEAM_NAME)).limit(1);
    const team = existingTeam ?? (await tx.insert(teams).values({ name: DEMO_TEAM_NAME }).returning())[0]!;
    await tx
      .insert(users)
      .values(
        demoAccounts.map((a) => ({
          email: a.email,
          name: a.name,
          role: a.role,
          passwordHash,
          teamId: a.inTeam ? team.id : null,
        })),
      )
      // Two instances starting together on one PostgreSQL: the second one's insert is a no-op.
      .onConflictDoNothing();
  });
}

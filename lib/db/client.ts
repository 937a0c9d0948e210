import "server-only";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { type Db, type DbHandle, openDatabase } from "./open-database";

export type { Db, DbHandle } from "./open-database";

// One database per process, kept on globalThis so that Next's dev-mode module reloads do not open a
// second PGlite on the same directory.
const holder = globalThis as unknown as { kikiteDb?: Promise<DbHandle> };

/** The process's database, opened, migrated and (outside production) seeded on first use. */
export function getDbHandle(): Promise<DbHandle> {
  if (!holder.kikiteDb) {
    holder.kikiteDb = initDatabase().catch((error: unknown) => {
      holder.kikiteDb = undefined;
      throw error;
    });
  }
  return holder.kikiteDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

async function initDatabase(): Promise<DbHandle> {
  const env = getEnv();
  const handle = await openDatabase(
    env.databaseUrl ? { url: env.databaseUrl } : { pgliteDir: path.join(env.dataDir, "pglite") },
  );
  const { runStartupTasks } = await import("./startup");
  await runStartupTasks(handle.db, { seedDemo: env.seedDemo });
  const { schedulePurgeOfExpiredRecordings } = await import("@/lib/speech/recordings");
  schedulePurgeOfExpiredRecordings(handle.db);
  return handle;
}

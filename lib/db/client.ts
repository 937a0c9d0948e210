import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { Pool } from "pg";
import { getEnv } from "@/lib/env";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface DbHandle {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), "lib/db/migrations");
// Several app instances may start at once against one PostgreSQL: one migrates, the others wait.
const MIGRATION_LOCK_ID = 7_345_001;

/** Opens a database (PGlite in a directory or in memory, or PostgreSQL by URL) and migrates it. */
export async function openDatabase(
  target: { url: string } | { pgliteDir: string | null },
): Promise<DbHandle> {
  if ("url" in target) {
    const pool = new Pool({ connectionString: target.url, max: 10 });
    const db = drizzlePg({ client: pool, schema });
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
      await migratePg(db, { migrationsFolder });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch((error: unknown) => {
        console.error("Releasing the migration lock failed", error);
      });
      client.release();
    }
    return { db: db as unknown as Db, kind: "postgres", close: () => pool.end() };
  }
  if (target.pgliteDir) fs.mkdirSync(target.pgliteDir, { recursive: true });
  const client = target.pgliteDir ? await PGlite.create(target.pgliteDir) : await PGlite.create();
  const db = drizzlePglite({ client, schema });
  await migratePglite(db, { migrationsFolder });
  return { db: db as unknown as Db, kind: "pglite", close: () => client.close() };
}

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
  return handle;
}

import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { Pool } from "pg";
import * as schema from "./schema";

// Opening and migrating a database, with no app state: used by the app (lib/db/client.ts), DB tests,
// benchmarks and scripts.

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface DbHandle {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), "lib/db/migrations");

/**
 * PGlite's defaults plus a smaller buffer pool. initdb gives PostgreSQL's 128 MB of shared_buffers,
 * which PGlite allocates and touches inside its WebAssembly memory at start, so every app process
 * carried ~130 MB of RSS for a cache a team's database does not fill. Pages it does not hold are read
 * through the operating system's file cache, a system call away.
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];
// Several app instances may start at once against one PostgreSQL: one migrates, the others wait.
const MIGRATION_LOCK_ID = 7_345_001;

/** Opens a database (PGlite in a directory or in memory, or PostgreSQL by URL) and migrates it. */
export async function openDatabase(
  target: { url: string } | { pgliteDir: string | null },
): Promise<DbHandle> {
  if ("url" in target) {
    // A connection that never opens fails the request instead of holding it (and the trainee) forever.
    const pool = new Pool({ connectionString: target.url, max: 10, connectionTimeoutMillis: 5_000 });
    // PostgreSQL restarting (or the network cutting) ends the pool's idle connections; without a
    // listener that 'error' event would crash the whole process. The pool drops them and reconnects
    // on the next query, and requests made meanwhile answer 503 (lib/db/unavailable.ts).
    pool.on("error", (error) => {
      console.error("[db] an idle PostgreSQL connection was lost:", error.message);
    });
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
  const options = { startParams: PGLITE_START_PARAMS };
  const client = target.pgliteDir
    ? await PGlite.create(target.pgliteDir, options)
    : await PGlite.create(options);
  const db = drizzlePglite({ client, schema });
  await migratePglite(db, { migrationsFolder });
  return { db: db as unknown as Db, kind: "pglite", close: () => client.close() };
}

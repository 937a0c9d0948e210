import { type DbHandle, openDatabase } from "@/lib/db/open-database";
import { readTestDatabaseUrl } from "@/lib/env";

export interface TestDatabaseTarget {
  name: string;
  open(): Promise<DbHandle>;
}

/** DB tests run on a fresh in-memory PGlite always, and on PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabaseTargets(): TestDatabaseTarget[] {
  const url = readTestDatabaseUrl();
  return [
    { name: "pglite", open: () => openDatabase({ pgliteDir: null }) },
    ...(url ? [{ name: "postgres", open: () => openDatabase({ url }) }] : []),
  ];
}

/** A suffix that keeps rows of concurrent test runs on one PostgreSQL apart. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

import "server-only";
import { sql } from "drizzle-orm";
import { getDbHandle } from "./client";

export async function checkDatabaseHealth(): Promise<{ ok: boolean; database: string; latencyMs?: number }> {
  const started = performance.now();
  try {
    const handle = await getDbHandle();
    await handle.db.execute(sql`select 1`);
    return { ok: true, database: handle.kind, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    console.error("Health check: the database did not answer", error);
    return { ok: false, database: "unreachable" };
  }
}

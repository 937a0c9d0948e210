import { sql } from "drizzle-orm";
import { Pool } from "pg";
import { describe, expect, it, vi } from "vitest";
import { readTestDatabaseUrl } from "@/lib/env";
import { openDatabase } from "./open-database";

type Rows<T> = { rows: T[] };

describe("openDatabase", () => {
  it("migrates a fresh PGlite up to the reply resend key", async () => {
    const handle = await openDatabase({ pgliteDir: null });
    const result = await handle.db.execute(
      sql`select indexdef from pg_indexes where indexname = 'turns_call_client_reply_key'`,
    );
    expect(JSON.stringify(result)).toContain("(call_id, client_reply_id)");
    await handle.close();
  });

  it("opens PGlite with a 16 MB buffer pool, not initdb's 128 MB", async () => {
    const handle = await openDatabase({ pgliteDir: null });
    const result = await handle.db.execute(sql`show shared_buffers`);
    expect(JSON.stringify(result)).toContain('"shared_buffers":"16MB"');
    await handle.close();
  });

  const url = readTestDatabaseUrl();
  // Only PostgreSQL has a server that can end a connection under the app.
  describe.each(url ? [url] : [])("on PostgreSQL", (databaseUrl) => {
    it("survives the server ending an idle connection, and the next query reconnects", async () => {
      const log = vi.spyOn(console, "error").mockImplementation(() => {});
      const handle = await openDatabase({ url: databaseUrl });
      // node-postgres's result (the handle's type is common to both drivers).
      const pid = (await handle.db.execute(sql`select pg_backend_pid() as pid`)) as unknown as Rows<{
        pid: number;
      }>;
      const admin = new Pool({ connectionString: databaseUrl, max: 1 });
      await admin.query("select pg_terminate_backend($1)", [pid.rows[0]!.pid]);
      await admin.end();
      // The pool hears of its idle connection's end (without a listener, that crashed the process).
      await vi.waitFor(() =>
        expect(log).toHaveBeenCalledWith("[db] an idle PostgreSQL connection was lost:", expect.any(String)),
      );
      const again = (await handle.db.execute(sql`select 1 as one`)) as unknown as Rows<{ one: number }>;
      expect(again.rows).toEqual([{ one: 1 }]);
      await handle.close();
      log.mockRestore();
    });
  });
});

import "server-only";
import { seedDemoAccounts } from "@/lib/accounts/demo";
import type { Db } from "./client";

/** Work done once per process after migrations: idempotent, safe with several instances. */
export async function runStartupTasks(db: Db, options: { seedDemo: boolean }): Promise<void> {
  if (options.seedDemo) await seedDemoAccounts(db);
}

import "server-only";
import { seedDemoAccounts } from "@/lib/accounts/demo";
import { syncBuiltInScenarios } from "@/lib/calls/scenario-store";
import { getJapaneseTokenizer } from "@/lib/rubric/japanese";
import type { Db } from "./client";

/** Work done once per process after migrations: idempotent, safe with several instances. */
export async function runStartupTasks(db: Db, options: { seedDemo: boolean }): Promise<void> {
  const synced = await syncBuiltInScenarios(db);
  for (const problem of synced.problems) console.error(`Built-in scenario skipped: ${problem}`);
  if (options.seedDemo) await seedDemoAccounts(db);
  // Load the Japanese dictionary now rather than on a trainee's first reply.
  getJapaneseTokenizer();
}

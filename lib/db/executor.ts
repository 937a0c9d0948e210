import type { Db } from "./open-database";

/** A database or an open transaction: query functions accept either. */
export type DbExecutor = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { and, desc, eq, isNull, or } from "drizzle-orm";
import { z } from "zod";
import type { SessionUser } from "@/lib/accounts/users";
import type { DbExecutor } from "@/lib/db/executor";
import { scenarios, scenarioVersions } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { loadBuiltInScenarios } from "@/lib/scenario/built-ins";
import { loadScenario } from "@/lib/scenario/load-scenario";
import { difficulties, personaKinds, type Scenario } from "@/lib/scenario/schema";

/** What the catalog needs of a version's stored definition (validated when read back). */
export const catalogFieldsSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(personaKinds),
  difficulty: z.enum(difficulties),
  tags: z.array(z.string()).default([]),
  timeLimitSec: z.number().optional(),
  contest: z.object({}).passthrough().optional(),
  persona: z.object({ name: z.string(), age: z.number() }),
  mode: z.enum(["scripted", "llm"]).optional(),
});
export type CatalogFields = z.infer<typeof catalogFieldsSchema>;

/** The content hash stored with a version: equal hashes mean the same YAML text. */
export function hashContent(yaml: string): string {
  return createHash("sha256").update(yaml).digest("hex");
}

/**
 * Makes the database's built-in scenarios match scenarios/*.yaml: a changed file becomes a new version,
 * so calls made with the old one keep it. Idempotent and safe with several instances starting at once.
 */
export async function syncBuiltInScenarios(db: DbExecutor): Promise<{ added: number; problems: string[] }> {
  let added = 0;
  const problems: string[] = [];
  for (const { file, result } of loadBuiltInScenarios()) {
    if (!result.ok) {
      problems.push(...result.issues.map((i) => `${i.file}:${i.line}:${i.column}: ${i.message}`));
      continue;
    }
    const yaml = readFileSync(file, "utf8");
    const scenario = result.scenario;
    await db
      .insert(scenarios)
      .values({ builtInId: scenario.id, title: scenario.title })
      .onConflictDoNothing({ target: scenarios.builtInId });
    const [row] = await db.select().from(scenarios).where(eq(scenarios.builtInId, scenario.id)).limit(1);
    if (!row) continue;
    const [latest] = await db
      .select({ version: scenarioVersions.version, contentHash: scenarioVersions.contentHash })
      .from(scenarioVersions)
      .where(eq(scenarioVersions.scenarioId, row.id))
      .orderBy(desc(scenarioVersions.version))
      .limit(1);
    const contentHash = hashContent(yaml);
    if (latest?.contentHash === contentHash) continue;
    const inserted = await db
      .insert(scenarioVersions)
      .values({
        scenarioId: row.id,
        version: (latest?.version ?? 0) + 1,
        yaml,
        definition: scenario,
        contentHash,
      })
      .onConflictDoNothing()
      .returning({ id: scenarioVersions.id });
    await db
      .update(scenarios)
      .set({ title: scenario.title, updatedAt: new Date() })
      .where(eq(scenarios.id, row.id));
    added += inserted.length;
  }
  return { added, problems };
}

export interface CatalogEntry extends CatalogFields {
  scenarioId: string;
  versionId: string;
  version: number;
  builtIn: boolean;
}

/** Scenarios the user may play: built-ins and their own team's published ones, latest versions. */
export async function listPlayableScenarios(db: DbExecutor, user: SessionUser): Promise<CatalogEntry[]> {
  const rows = await db
    .selectDistinctOn([scenarios.id], {
      scenarioId: scenarios.id,
      teamId: scenarios.teamId,
      versionId: scenarioVersions.id,
      version: scenarioVersions.version,
      definition: scenarioVersions.definition,
    })
    .from(scenarios)
    .innerJoin(scenarioVersions, eq(scenarioVersions.scenarioId, scenarios.id))
    .where(and(eq(scenarios.archived, false), visibleTo(user)))
    .orderBy(scenarios.id, desc(scenarioVersions.version));
  return rows
    .map((row) => {
      const fields = catalogFieldsSchema.safeParse(row.definition);
      if (!fields.success) {
        console.error(`Scenario version ${row.versionId} has an unreadable definition`, fields.error.issues);
        return undefined;
      }
      return {
        ...fields.data,
        scenarioId: row.scenarioId,
        versionId: row.versionId,
        version: row.version,
        builtIn: row.teamId === null,
      };
    })
    .filter((entry): entry is CatalogEntry => entry !== undefined)
    .sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.id.localeCompare(b.id));
}

function visibleTo(user: SessionUser) {
  return user.teamId
    ? or(isNull(scenarios.teamId), eq(scenarios.teamId, user.teamId))
    : isNull(scenarios.teamId);
}

/** The latest version of a scenario the user may play; another team's scenario is "not found". */
export async function getPlayableVersion(db: DbExecutor, user: SessionUser, scenarioId: string) {
  const [row] = await db
    .select({ versionId: scenarioVersions.id, teamId: scenarios.teamId })
    .from(scenarios)
    .innerJoin(scenarioVersions, eq(scenarioVersions.scenarioId, scenarios.id))
    .where(and(eq(scenarios.id, scenarioId), eq(scenarios.archived, false), visibleTo(user)))
    .orderBy(desc(scenarioVersions.version))
    .limit(1);
  if (!row) throw new AppError("not_found", "シナリオが見つかりません。");
  return row.versionId;
}

export interface PlayableVersion {
  scenario: Scenario;
  /** The database id of the scenario (not the YAML id), for "play again" and catalog links. */
  scenarioId: string;
  versionId: string;
  version: number;
}

// Versions never change, so a parsed scenario can be cached for the life of the process.
const parsedVersions = new Map<string, PlayableVersion>();

/** The checked scenario of a stored version (parsed from its YAML through the same loader as files). */
export async function getScenarioVersion(db: DbExecutor, versionId: string): Promise<PlayableVersion> {
  const cached = parsedVersions.get(versionId);
  if (cached) return cached;
  const [row] = await db
    .select({
      yaml: scenarioVersions.yaml,
      version: scenarioVersions.version,
      scenarioId: scenarioVersions.scenarioId,
    })
    .from(scenarioVersions)
    .where(eq(scenarioVersions.id, versionId))
    .limit(1);
  if (!row) throw new AppError("not_found", "シナリオが見つかりません。");
  const result = loadScenario(row.yaml, `scenario-version-${versionId}.yaml`);
  if (!result.ok) {
    throw new AppError("internal", "シナリオを読み込めませんでした。", { details: result.issues });
  }
  const playable = { scenario: result.scenario, scenarioId: row.scenarioId, versionId, version: row.version };
  if (parsedVersions.size > 500) parsedVersions.clear();
  parsedVersions.set(versionId, playable);
  return playable;
}

import "server-only";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { SessionUser } from "@/lib/accounts/users";
import { hashContent, listPlayableScenarios } from "@/lib/calls/scenario-store";
import type { DbExecutor } from "@/lib/db/executor";
import type { Db } from "@/lib/db/open-database";
import { scenarios, scenarioVersions, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { loadScenario } from "@/lib/scenario/load-scenario";
import type { ScenarioIssue } from "@/lib/scenario/scenario-issue";
import { newScenarioSlug, starterScenarioYaml } from "./starter-template";
import { readYamlIdentity, renameScenarioYaml } from "./yaml-fields";

// Trainers write their team's scenarios here. A draft is free text (it may be broken YAML: saving never
// loses the trainer's words); publishing checks it with the same loader as scenarios:check and adds an
// immutable version, so calls keep the version they were played with. Another team's scenario is
// "not found", exactly like a missing one.

export type AuthoringStatus = "draft" | "published" | "archived";

export interface TeamScenarioSummary {
  id: string;
  title: string;
  status: AuthoringStatus;
  latestVersion: number | null;
  /** The draft differs from the latest published version. */
  unpublishedChanges: boolean;
  updatedAt: Date;
}

export interface BuiltInSummary {
  id: string;
  builtInId: string;
  title: string;
}

/** The trainer's team scenarios (newest first) and the built-ins they can duplicate. */
export async function listAuthoringScenarios(
  db: DbExecutor,
  user: SessionUser,
): Promise<{ team: TeamScenarioSummary[]; builtIns: BuiltInSummary[] }> {
  const teamId = requireAuthoringTeam(user);
  const rows = await db
    .select()
    .from(scenarios)
    .where(eq(scenarios.teamId, teamId))
    .orderBy(desc(scenarios.updatedAt));
  const latest = await latestVersions(
    db,
    rows.map((row) => row.id),
  );
  const builtIns = await db
    .select({ id: scenarios.id, builtInId: scenarios.builtInId, title: scenarios.title })
    .from(scenarios)
    .where(isNull(scenarios.teamId))
    .orderBy(asc(scenarios.builtInId));
  return {
    team: rows.map((row) => summarize(row, latest.get(row.id))),
    builtIns: builtIns.flatMap((b) => (b.builtInId ? [{ ...b, builtInId: b.builtInId }] : [])),
  };
}

export interface EditableScenario extends TeamScenarioSummary {
  yaml: string;
  versions: { version: number; createdAt: Date; publishedBy: string | null }[];
}

/** One team scenario with its draft text and published versions, for the editor. */
export async function getEditableScenario(
  db: DbExecutor,
  user: SessionUser,
  scenarioId: string,
): Promise<EditableScenario> {
  const row = await findTeamScenario(db, requireAuthoringTeam(user), scenarioId);
  const versions = await db
    .select({
      version: scenarioVersions.version,
      createdAt: scenarioVersions.createdAt,
      yaml: scenarioVersions.yaml,
      contentHash: scenarioVersions.contentHash,
      publishedBy: users.name,
    })
    .from(scenarioVersions)
    .leftJoin(users, eq(users.id, scenarioVersions.publishedById))
    .where(eq(scenarioVersions.scenarioId, row.id))
    .orderBy(desc(scenarioVersions.version));
  const newest = versions[0];
  return {
    ...summarize(row, newest),
    yaml: row.draftYaml ?? newest?.yaml ?? "",
    versions: versions.map(({ version, createdAt, publishedBy }) => ({ version, createdAt, publishedBy })),
  };
}

/** A new draft from the Japanese starter template. */
export async function createScenarioDraft(db: DbExecutor, user: SessionUser): Promise<{ id: string }> {
  return insertDraft(db, user, starterScenarioYaml(newScenarioSlug()));
}

/** Copies a built-in (or one of the team's own scenarios) into the team as a draft 「…（コピー）」. */
export async function duplicateScenario(
  db: DbExecutor,
  user: SessionUser,
  sourceId: string,
): Promise<{ id: string }> {
  const teamId = requireAuthoringTeam(user);
  const source = await readSourceYaml(db, teamId, sourceId);
  const identity = readYamlIdentity(source.yaml);
  const slug = newScenarioSlug((identity.id ?? "team").slice(0, 40));
  const title = `${identity.title ?? source.title}（コピー）`;
  return insertDraft(db, user, renameScenarioYaml(source.yaml, { id: slug, title }), title);
}

/** Imports YAML text as a new draft; problems are reported, never a reason to drop the text. */
export async function importScenarioYaml(
  db: DbExecutor,
  user: SessionUser,
  yaml: string,
): Promise<{ id: string; issues: ScenarioIssue[] }> {
  const { id } = await insertDraft(db, user, yaml);
  return { id, issues: checkYaml(yaml) };
}

/** Saves the draft text as is and reports its problems. */
export async function saveScenarioDraft(
  db: DbExecutor,
  user: SessionUser,
  scenarioId: string,
  yaml: string,
): Promise<{ issues: ScenarioIssue[]; updatedAt: Date }> {
  const row = await findTeamScenario(db, requireAuthoringTeam(user), scenarioId);
  const updatedAt = new Date();
  await db
    .update(scenarios)
    .set({ draftYaml: yaml, title: readYamlIdentity(yaml).title ?? row.title, updatedAt })
    .where(eq(scenarios.id, row.id));
  return { issues: checkYaml(yaml), updatedAt };
}

/**
 * Publishes the draft (saving `yaml` first when given) as version N+1. Refused with the located issues
 * when the loader finds problems, and when another playable scenario already uses its id.
 */
export async function publishScenario(
  db: Db,
  user: SessionUser,
  scenarioId: string,
  yaml?: string,
): Promise<{ version: number; versionId: string }> {
  const teamId = requireAuthoringTeam(user);
  return db.transaction(async (tx) => {
    const row = await findTeamScenario(tx, teamId, scenarioId, { lock: true });
    const newest = await findNewestVersion(tx, row.id);
    const text = yaml ?? row.draftYaml ?? newest?.yaml ?? "";
    const result = loadScenario(text, "scenario.yaml");
    if (!result.ok) {
      throw new AppError("invalid_input", "シナリオに問題があるため公開できません。", {
        details: { issues: result.issues },
      });
    }
    if (newest && newest.yaml === text) {
      throw new AppError("conflict", `公開中の v${newest.version} から変更がありません。`);
    }
    const taken = (await listPlayableScenarios(tx, user)).find(
      (entry) => entry.id === result.scenario.id && entry.scenarioId !== row.id,
    );
    if (taken) {
      throw new AppError(
        "conflict",
        `id「${result.scenario.id}」は「${taken.title}」で使われています。別の id にしてください。`,
      );
    }
    const version = (newest?.version ?? 0) + 1;
    const [inserted] = await tx
      .insert(scenarioVersions)
      .values({
        scenarioId: row.id,
        version,
        yaml: text,
        definition: result.scenario,
        contentHash: hashContent(text),
        publishedById: user.id,
      })
      .returning({ id: scenarioVersions.id });
    await tx
      .update(scenarios)
      .set({ draftYaml: text, title: result.scenario.title, updatedAt: new Date() })
      .where(eq(scenarios.id, row.id));
    return { version, versionId: inserted!.id };
  });
}

/** Archived scenarios leave the trainees' catalog; their calls and versions stay. */
export async function setScenarioArchived(
  db: DbExecutor,
  user: SessionUser,
  scenarioId: string,
  archived: boolean,
): Promise<void> {
  const row = await findTeamScenario(db, requireAuthoringTeam(user), scenarioId);
  await db.update(scenarios).set({ archived, updatedAt: new Date() }).where(eq(scenarios.id, row.id));
}

/** The YAML of a draft (default) or a published version, with a file name safe for a download. */
export async function exportScenarioYaml(
  db: DbExecutor,
  user: SessionUser,
  scenarioId: string,
  version?: number,
): Promise<{ fileName: string; yaml: string }> {
  const teamId = requireAuthoringTeam(user);
  let yaml: string;
  if (version === undefined) {
    yaml = (await readSourceYaml(db, teamId, scenarioId)).yaml;
  } else {
    await readSourceYaml(db, teamId, scenarioId);
    const [row] = await db
      .select({ yaml: scenarioVersions.yaml })
      .from(scenarioVersions)
      .where(and(eq(scenarioVersions.scenarioId, scenarioId), eq(scenarioVersions.version, version)))
      .limit(1);
    if (!row) throw new AppError("not_found", "そのバージョンは見つかりません。");
    yaml = row.yaml;
  }
  const base = (readYamlIdentity(yaml).id ?? "scenario").replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 60);
  return { fileName: `${base}${version === undefined ? "" : `-v${version}`}.yaml`, yaml };
}

/** The team a trainer authors for; trainees are refused and a trainer without a team is told why. */
export function requireAuthoringTeam(user: SessionUser): string {
  if (user.role !== "trainer" && user.role !== "admin") {
    throw new AppError("forbidden", "この操作を行う権限がありません。");
  }
  if (!user.teamId) {
    throw new AppError("forbidden", "シナリオを作成するには、先にチームを作成してください。");
  }
  return user.teamId;
}

function checkYaml(yaml: string): ScenarioIssue[] {
  const result = loadScenario(yaml, "scenario.yaml");
  return result.ok ? [] : result.issues;
}

async function insertDraft(
  db: DbExecutor,
  user: SessionUser,
  yaml: string,
  title?: string,
): Promise<{ id: string }> {
  const teamId = requireAuthoringTeam(user);
  const [row] = await db
    .insert(scenarios)
    .values({
      teamId,
      title: title ?? readYamlIdentity(yaml).title ?? "無題のシナリオ",
      draftYaml: yaml,
      createdById: user.id,
    })
    .returning({ id: scenarios.id });
  return { id: row!.id };
}

async function findTeamScenario(
  db: DbExecutor,
  teamId: string,
  scenarioId: string,
  options: { lock?: boolean } = {},
) {
  const query = db
    .select()
    .from(scenarios)
    .where(and(eq(scenarios.id, scenarioId), eq(scenarios.teamId, teamId)))
    .limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw new AppError("not_found", "シナリオが見つかりません。");
  return row;
}

// A source to copy or export: a built-in (its latest version) or the team's own (its draft).
async function readSourceYaml(
  db: DbExecutor,
  teamId: string,
  scenarioId: string,
): Promise<{ title: string; yaml: string }> {
  const [row] = await db.select().from(scenarios).where(eq(scenarios.id, scenarioId)).limit(1);
  if (!row || (row.teamId !== null && row.teamId !== teamId)) {
    throw new AppError("not_found", "シナリオが見つかりません。");
  }
  const newest = await findNewestVersion(db, row.id);
  const yaml = (row.teamId === null ? undefined : row.draftYaml) ?? newest?.yaml;
  if (yaml === undefined) throw new AppError("not_found", "シナリオが見つかりません。");
  return { title: row.title, yaml };
}

async function findNewestVersion(db: DbExecutor, scenarioId: string) {
  const [newest] = await db
    .select({ version: scenarioVersions.version, yaml: scenarioVersions.yaml })
    .from(scenarioVersions)
    .where(eq(scenarioVersions.scenarioId, scenarioId))
    .orderBy(desc(scenarioVersions.version))
    .limit(1);
  return newest;
}

async function latestVersions(db: DbExecutor, scenarioIds: string[]) {
  const latest = new Map<string, { version: number; contentHash: string }>();
  if (scenarioIds.length === 0) return latest;
  const rows = await db
    .select({
      scenarioId: scenarioVersions.scenarioId,
      version: scenarioVersions.version,
      contentHash: scenarioVersions.contentHash,
    })
    .from(scenarioVersions)
    .where(inArray(scenarioVersions.scenarioId, scenarioIds));
  for (const row of rows) {
    const known = latest.get(row.scenarioId);
    if (!known || known.version < row.version) latest.set(row.scenarioId, row);
  }
  return latest;
}

function summarize(
  row: typeof scenarios.$inferSelect,
  newest: { version: number; contentHash: string } | undefined,
): TeamScenarioSummary {
  const status: AuthoringStatus = row.archived ? "archived" : newest ? "published" : "draft";
  return {
    id: row.id,
    title: row.title,
    status,
    latestVersion: newest?.version ?? null,
    unpublishedChanges:
      newest !== undefined && row.draftYaml !== null && hashContent(row.draftYaml) !== newest.contentHash,
    updatedAt: row.updatedAt,
  };
}

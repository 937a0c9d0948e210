import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { SessionUser } from "@/lib/accounts/users";
import { parseCallState } from "@/lib/caller/parse-call-state";
import { buildScorecard } from "@/lib/calls/build-scorecard";
import { getScenarioVersion } from "@/lib/calls/scenario-store";
import type { DbExecutor } from "@/lib/db/executor";
import type { Db } from "@/lib/db/open-database";
import { calls, labelOverrides, turnComments, turns, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { RubricLabels } from "@/lib/rubric/labels";
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters } from "@/lib/validation/plain-text";
import { type CallAccess, findViewableCall } from "./call-access";
import { applyOverrides, type OverridableLabel, overridableLabelSchema, parseLabelValue } from "./overrides";

export const MAX_COMMENT_CHARS = 1000;

export interface TurnComment {
  id: string;
  seq: number;
  body: string;
  authorName: string;
  createdAt: string;
}

export interface StoredOverride {
  seq: number;
  label: OverridableLabel;
  value: RubricLabels[OverridableLabel];
  reason: string;
  authorName: string | null;
  updatedAt: string;
}

/** Comments on a call's turns, oldest first, for anyone who may see the call. */
export async function listComments(db: Db, viewer: SessionUser, callId: string): Promise<TurnComment[]> {
  await findViewableCall(db, viewer, callId);
  return readComments(db, callId);
}

/** A trainer (or admin) comments on one turn of a team member's call. */
export async function addComment(
  db: Db,
  viewer: SessionUser,
  input: { callId: string; seq: number; body: string },
): Promise<TurnComment> {
  const body = input.body.trim();
  if (body === "") throw new AppError("invalid_input", "コメントを入力してください。");
  // The review form's server action reaches here without a request schema.
  if (hasControlCharacters(body)) throw new AppError("invalid_input", CONTROL_CHARACTERS_MESSAGE);
  if (body.length > MAX_COMMENT_CHARS) {
    throw new AppError("payload_too_large", `コメントは${MAX_COMMENT_CHARS}文字以内にしてください。`);
  }
  const { row } = await findReviewableCall(db, viewer, input.callId);
  const turnId = await findTurnId(db, row.id, input.seq, { operatorOnly: false });
  const [comment] = await db
    .insert(turnComments)
    .values({ callId: row.id, turnId, authorId: viewer.id, body })
    .returning();
  return {
    id: comment!.id,
    seq: input.seq,
    body: comment!.body,
    authorName: viewer.name,
    createdAt: comment!.createdAt.toISOString(),
  };
}

/** Overrides on a call, for anyone who may see the call. */
export async function listOverrides(db: Db, viewer: SessionUser, callId: string): Promise<StoredOverride[]> {
  await findViewableCall(db, viewer, callId);
  return readOverrides(db, callId);
}

/** Sets (or replaces) a trainer's value for one label of one reply, then rescores the call. */
export async function setOverride(
  db: Db,
  viewer: SessionUser,
  input: { callId: string; seq: number; label: string; value: unknown; reason: string },
): Promise<{ overallScore: number | null }> {
  const label = parseLabel(input.label);
  const value = parseLabelValue(label, input.value);
  if (!value.ok) throw new AppError("invalid_input", "この評価項目には指定できない値です。");
  const reason = input.reason.trim();
  if (reason === "") throw new AppError("invalid_input", "修正の理由を入力してください。");
  if (hasControlCharacters(reason)) throw new AppError("invalid_input", CONTROL_CHARACTERS_MESSAGE);
  return db.transaction(async (tx) => {
    const { row } = await findReviewableCall(tx, viewer, input.callId, { lock: true });
    if (row.status !== "ended") throw new AppError("conflict", "通話が終わってから修正できます。");
    const turnId = await findTurnId(tx, row.id, input.seq, { operatorOnly: true });
    const now = new Date();
    await tx
      .insert(labelOverrides)
      .values({
        callId: row.id,
        turnId,
        label,
        value: value.value,
        reason,
        authorId: viewer.id,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [labelOverrides.turnId, labelOverrides.label],
        set: { value: value.value, reason, authorId: viewer.id, updatedAt: now },
      });
    return rescoreCall(tx, row.id);
  });
}

/** Removes an override: the analyzer's value counts again. */
export async function removeOverride(
  db: Db,
  viewer: SessionUser,
  input: { callId: string; seq: number; label: string },
): Promise<{ overallScore: number | null }> {
  const label = parseLabel(input.label);
  return db.transaction(async (tx) => {
    const { row } = await findReviewableCall(tx, viewer, input.callId, { lock: true });
    const turnId = await findTurnId(tx, row.id, input.seq, { operatorOnly: true });
    const removed = await tx
      .delete(labelOverrides)
      .where(and(eq(labelOverrides.turnId, turnId), eq(labelOverrides.label, label)))
      .returning({ id: labelOverrides.id });
    if (removed.length === 0) throw new AppError("not_found", "修正が見つかりません。");
    return rescoreCall(tx, row.id);
  });
}

/**
 * Recomputes an ended call's scorecard from its turns with the overrides applied, and stores it, so the
 * review, the dashboard and the CSV all count the trainer's corrections.
 */
export async function rescoreCall(db: DbExecutor, callId: string): Promise<{ overallScore: number | null }> {
  const [row] = await db.select().from(calls).where(eq(calls.id, callId)).limit(1);
  if (!row) throw new AppError("not_found", "通話が見つかりません。");
  if (row.status !== "ended") return { overallScore: row.overallScore };
  const { scenario } = await getScenarioVersion(db, row.scenarioVersionId);
  const state = parseCallState(scenario, row.state);
  if (!state.ok)
    throw new AppError("internal", "通話の状態を読み込めませんでした。", { details: state.issues });
  const rows = await db.select().from(turns).where(eq(turns.callId, callId)).orderBy(asc(turns.seq));
  const overrides = await readOverrides(db, callId);
  const scorecard = buildScorecard(scenario, state.state, applyOverrides(rows, overrides));
  await db.update(calls).set({ scorecard, overallScore: scorecard.overall }).where(eq(calls.id, callId));
  return { overallScore: scorecard.overall };
}

// Comments and overrides are written by the team's trainers and admins; the owner only reads them.
async function findReviewableCall(
  db: DbExecutor,
  viewer: SessionUser,
  callId: string,
  options: { lock?: boolean } = {},
) {
  const found = await findViewableCall(db, viewer, callId, options);
  if (!canAnnotate(found.access, viewer)) {
    throw new AppError("forbidden", "コメントや評価の修正はトレーナーのみが行えます。");
  }
  return found;
}

function canAnnotate(access: CallAccess, viewer: SessionUser): boolean {
  return access === "admin" || access === "trainer" || viewer.role !== "trainee";
}

async function findTurnId(
  db: DbExecutor,
  callId: string,
  seq: number,
  options: { operatorOnly: boolean },
): Promise<string> {
  const [turn] = await db
    .select({ id: turns.id, role: turns.role })
    .from(turns)
    .where(and(eq(turns.callId, callId), eq(turns.seq, seq)))
    .limit(1);
  if (!turn || (options.operatorOnly && turn.role !== "operator")) {
    throw new AppError("not_found", "発言が見つかりません。");
  }
  return turn.id;
}

function parseLabel(label: string): OverridableLabel {
  const parsed = overridableLabelSchema.safeParse(label);
  if (!parsed.success) throw new AppError("not_found", "評価項目が見つかりません。");
  return parsed.data;
}

async function readComments(db: DbExecutor, callId: string): Promise<TurnComment[]> {
  const rows = await db
    .select({
      id: turnComments.id,
      seq: turns.seq,
      body: turnComments.body,
      authorName: users.name,
      createdAt: turnComments.createdAt,
    })
    .from(turnComments)
    .innerJoin(turns, eq(turns.id, turnComments.turnId))
    .innerJoin(users, eq(users.id, turnComments.authorId))
    .where(eq(turnComments.callId, callId))
    .orderBy(asc(turnComments.createdAt));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

async function readOverrides(db: DbExecutor, callId: string): Promise<StoredOverride[]> {
  const rows = await db
    .select({
      seq: turns.seq,
      label: labelOverrides.label,
      value: labelOverrides.value,
      reason: labelOverrides.reason,
      authorName: users.name,
      updatedAt: labelOverrides.updatedAt,
    })
    .from(labelOverrides)
    .innerJoin(turns, eq(turns.id, labelOverrides.turnId))
    .leftJoin(users, eq(users.id, labelOverrides.authorId))
    .where(eq(labelOverrides.callId, callId))
    .orderBy(asc(turns.seq), asc(labelOverrides.label));
  return rows.flatMap((r) => {
    const label = overridableLabelSchema.safeParse(r.label);
    const value = label.success ? parseLabelValue(label.data, r.value) : { ok: false as const };
    if (!label.success || !value.ok) {
      console.error(`Call ${callId} has an unreadable override of "${r.label}"`);
      return [];
    }
    return [{ ...r, label: label.data, value: value.value, updatedAt: r.updatedAt.toISOString() }];
  });
}

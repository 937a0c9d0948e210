import "server-only";
import { and, asc, eq, gte, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { SessionUser } from "@/lib/accounts/users";
import { listPlayableScenarios } from "@/lib/calls/scenario-store";
import type { DbExecutor } from "@/lib/db/executor";
import type { Db } from "@/lib/db/open-database";
import { assignments, calls, scenarios, scenarioVersions, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { type AssignmentStatus, assignmentStatus } from "./assignment-status";

export interface AssignmentView {
  id: string;
  scenarioId: string;
  scenarioTitle: string;
  traineeId: string;
  traineeName: string;
  assignedByName: string | null;
  dueAt: string;
  note: string | null;
  createdAt: string;
  status: AssignmentStatus;
}

/**
 * Assigns a scenario the team may play to one or more of its trainees, in one transaction. A trainee or
 * scenario outside the team is "not found".
 */
export async function createAssignments(
  db: Db,
  assigner: SessionUser,
  input: { teamId: string; scenarioId: string; traineeIds: string[]; dueAt: Date; note?: string | null },
  now: Date = new Date(),
): Promise<string[]> {
  // An assignment born 期限切れ helps nobody: the due date must still be ahead.
  if (input.dueAt.getTime() <= now.getTime()) {
    throw new AppError("invalid_input", "期限には今日以降の日付を指定してください。");
  }
  const traineeIds = [...new Set(input.traineeIds)];
  if (traineeIds.length === 0) throw new AppError("invalid_input", "研修生を選んでください。");
  // The scenario must be playable by the team: built-ins and the team's own published ones.
  const playable = await listPlayableScenarios(db, { ...assigner, teamId: input.teamId });
  if (!playable.some((s) => s.scenarioId === input.scenarioId)) {
    throw new AppError("not_found", "シナリオが見つかりません。");
  }
  const members = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.teamId, input.teamId), eq(users.role, "trainee"), inArray(users.id, traineeIds)));
  if (members.length !== traineeIds.length) throw new AppError("not_found", "研修生が見つかりません。");
  const note = input.note?.trim() || null;
  return db.transaction(async (tx) => {
    const rows = await tx
      .insert(assignments)
      .values(
        traineeIds.map((traineeId) => ({
          teamId: input.teamId,
          scenarioId: input.scenarioId,
          traineeId,
          assignedById: assigner.id,
          dueAt: input.dueAt,
          note,
        })),
      )
      .returning({ id: assignments.id });
    return rows.map((r) => r.id);
  });
}

/** Deletes an assignment of the team; another team's is "not found". */
export async function deleteAssignment(db: Db, input: { teamId: string; assignmentId: string }) {
  const rows = await db
    .delete(assignments)
    .where(and(eq(assignments.id, input.assignmentId), eq(assignments.teamId, input.teamId)))
    .returning({ id: assignments.id });
  if (rows.length === 0) throw new AppError("not_found", "課題が見つかりません。");
}

/** The team's assignments with their status, soonest due first. */
export function listTeamAssignments(db: DbExecutor, teamId: string, now: Date): Promise<AssignmentView[]> {
  return listAssignments(db, eq(assignments.teamId, teamId), now);
}

/** A trainee's own assignments (of their current team) with their status, soonest due first. */
export function listAssignmentsForTrainee(
  db: DbExecutor,
  trainee: Pick<SessionUser, "id" | "teamId">,
  now: Date,
): Promise<AssignmentView[]> {
  if (!trainee.teamId) return Promise.resolve([]);
  return listAssignments(
    db,
    and(eq(assignments.traineeId, trainee.id), eq(assignments.teamId, trainee.teamId)),
    now,
  );
}

async function listAssignments(
  db: DbExecutor,
  where: ReturnType<typeof and>,
  now: Date,
): Promise<AssignmentView[]> {
  const assigner = alias(users, "assigner");
  const rows = await db
    .select({
      id: assignments.id,
      scenarioId: assignments.scenarioId,
      scenarioTitle: scenarios.title,
      traineeId: assignments.traineeId,
      traineeName: users.name,
      assignedByName: assigner.name,
      dueAt: assignments.dueAt,
      note: assignments.note,
      createdAt: assignments.createdAt,
    })
    .from(assignments)
    .innerJoin(scenarios, eq(scenarios.id, assignments.scenarioId))
    .innerJoin(users, eq(users.id, assignments.traineeId))
    .leftJoin(assigner, eq(assigner.id, assignments.assignedById))
    .where(where)
    .orderBy(asc(assignments.dueAt), asc(users.name));
  if (rows.length === 0) return [];
  const earliest = new Date(Math.min(...rows.map((r) => r.createdAt.getTime())));
  const attempts = await db
    .select({
      userId: calls.userId,
      scenarioId: scenarioVersions.scenarioId,
      status: calls.status,
      startedAt: calls.startedAt,
    })
    .from(calls)
    .innerJoin(scenarioVersions, eq(scenarioVersions.id, calls.scenarioVersionId))
    .where(
      and(
        inArray(calls.userId, [...new Set(rows.map((r) => r.traineeId))]),
        inArray(scenarioVersions.scenarioId, [...new Set(rows.map((r) => r.scenarioId))]),
        gte(calls.startedAt, earliest),
      ),
    );
  return rows.map((row) => ({
    ...row,
    dueAt: row.dueAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    status: assignmentStatus({
      dueAt: row.dueAt,
      now,
      calls: attempts.filter(
        (a) => a.userId === row.traineeId && a.scenarioId === row.scenarioId && a.startedAt >= row.createdAt,
      ),
    }),
  }));
}

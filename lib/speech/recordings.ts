import "server-only";
import { and, eq, gt, inArray, lte } from "drizzle-orm";
import type { SessionUser } from "@/lib/accounts/users";
import type { Clock } from "@/lib/calls/call-service";
import type { DbExecutor } from "@/lib/db/executor";
import type { Db } from "@/lib/db/open-database";
import { calls, teams, turnRecordings, turns } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { findViewableCall } from "@/lib/review/call-access";
import { requireTeamScope } from "@/lib/team/team-scope";
import { type AudioRetentionRequest, isWithinUploadWindow, recordingExpiresAt } from "./retention";

// Raw audio of voice replies, opt-in per team (issue 15): stored in the database (several app instances
// share it), served to the call's owner, the team's trainers and admins, deleted by a trainer per call,
// and never served nor kept past its expiry. Turning retention off deletes what the team kept.

/** The team's retention in days, or null when it keeps no audio. */
export async function getAudioRetention(db: DbExecutor, teamId: string | null): Promise<number | null> {
  if (!teamId) return null;
  const [row] = await db
    .select({ days: teams.audioRetentionDays })
    .from(teams)
    .where(eq(teams.id, teamId))
    .limit(1);
  return row?.days ?? null;
}

/** A trainer (or an admin naming the team) turns retention on for some days, or off (deleting the audio). */
export async function setAudioRetention(
  db: Db,
  user: SessionUser,
  request: AudioRetentionRequest,
): Promise<{ teamId: string; days: number | null; deleted: number }> {
  if (user.role === "trainee") throw new AppError("forbidden", "この操作を行う権限がありません。");
  const scope = await requireTeamScope(db, user, request.team);
  return db.transaction(async (tx) => {
    await tx.update(teams).set({ audioRetentionDays: request.days }).where(eq(teams.id, scope.teamId));
    // Recordings already kept keep the expiry they were stored with; off means none is kept at all.
    const deleted =
      request.days === null
        ? await tx
            .delete(turnRecordings)
            .where(
              inArray(
                turnRecordings.callId,
                tx.select({ id: calls.id }).from(calls).where(eq(calls.teamId, scope.teamId)),
              ),
            )
            .returning({ turnId: turnRecordings.turnId })
        : [];
    return { teamId: scope.teamId, days: request.days, deleted: deleted.length };
  });
}

/** Whether the user's own call records their voice: the retention days of the call's team, or null. */
export async function getRecordingPolicyForOwner(
  db: DbExecutor,
  user: Pick<SessionUser, "id">,
  callId: string,
): Promise<number | null> {
  const [row] = await db
    .select({ days: teams.audioRetentionDays })
    .from(calls)
    .innerJoin(teams, eq(teams.id, calls.teamId))
    .where(and(eq(calls.id, callId), eq(calls.userId, user.id)))
    .limit(1);
  return row?.days ?? null;
}

/**
 * Keeps the audio of one of the user's own voice replies (named by the reply's id) when the call's team
 * has retention on; with it off nothing is stored. Only right after the reply was stored.
 */
export async function storeTurnRecording(
  db: Db,
  user: Pick<SessionUser, "id">,
  callId: string,
  input: { replyId: string; wav: Uint8Array },
  clock: Clock,
): Promise<{ stored: boolean; expiresAt?: string }> {
  const now = clock.now();
  const [call] = await db
    .select({ id: calls.id, days: teams.audioRetentionDays })
    .from(calls)
    .leftJoin(teams, eq(teams.id, calls.teamId))
    .where(and(eq(calls.id, callId), eq(calls.userId, user.id)))
    .limit(1);
  if (!call) throw new AppError("not_found", "通話が見つかりません。");
  const [turn] = await db
    .select({ id: turns.id, createdAt: turns.createdAt })
    .from(turns)
    .where(and(eq(turns.callId, callId), eq(turns.clientReplyId, input.replyId), eq(turns.role, "operator")))
    .limit(1);
  if (!turn) throw new AppError("not_found", "録音する返答が見つかりません。");
  if (!isWithinUploadWindow(turn.createdAt, now)) {
    throw new AppError("conflict", "この返答の録音は受け付けられる時間を過ぎています。");
  }
  await purgeExpiredRecordings(db, now);
  if (call.days === null) return { stored: false };
  const expiresAt = recordingExpiresAt(now, call.days);
  await db
    .insert(turnRecordings)
    .values({ turnId: turn.id, callId, wav: input.wav, createdAt: now, expiresAt })
    .onConflictDoNothing();
  return { stored: true, expiresAt: expiresAt.toISOString() };
}

/** The sequence numbers of a call's turns with a recording still kept (the viewer may see the call). */
export async function listRecordedSeqs(db: DbExecutor, callId: string, now: Date): Promise<number[]> {
  const rows = await db
    .select({ seq: turns.seq })
    .from(turnRecordings)
    .innerJoin(turns, eq(turns.id, turnRecordings.turnId))
    .where(and(eq(turnRecordings.callId, callId), gt(turnRecordings.expiresAt, now)))
    .orderBy(turns.seq);
  return rows.map((r) => r.seq);
}

/** One turn's recording, for whoever may see the call; expired or never kept is "not found". */
export async function readTurnRecording(
  db: DbExecutor,
  viewer: SessionUser,
  callId: string,
  seq: number,
  now: Date,
): Promise<Uint8Array> {
  await findViewableCall(db, viewer, callId);
  const [row] = await db
    .select({ wav: turnRecordings.wav })
    .from(turnRecordings)
    .innerJoin(turns, eq(turns.id, turnRecordings.turnId))
    .where(and(eq(turnRecordings.callId, callId), eq(turns.seq, seq), gt(turnRecordings.expiresAt, now)))
    .limit(1);
  if (!row) throw new AppError("not_found", "この返答の録音はありません。");
  return row.wav;
}

/** A trainer of the call's team (or an admin) deletes every recording of the call. */
export async function deleteCallRecordings(
  db: DbExecutor,
  viewer: SessionUser,
  callId: string,
): Promise<{ deleted: number }> {
  const { access } = await findViewableCall(db, viewer, callId);
  if (access === "owner" && viewer.role === "trainee") {
    throw new AppError("forbidden", "録音の削除はトレーナーのみが行えます。");
  }
  const deleted = await db
    .delete(turnRecordings)
    .where(eq(turnRecordings.callId, callId))
    .returning({ turnId: turnRecordings.turnId });
  return { deleted: deleted.length };
}

const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Purges expired recordings now and every hour in this process (reads never serve them meanwhile).
 * With several instances each purges; the delete is idempotent.
 */
export function schedulePurgeOfExpiredRecordings(db: DbExecutor): void {
  const purge = () =>
    purgeExpiredRecordings(db, new Date()).catch((error: unknown) => {
      console.error("[recordings] purge failed", error instanceof Error ? error.message : error);
    });
  void purge();
  setInterval(purge, PURGE_EVERY_MS).unref();
}

/** Deletes every recording past its expiry (also run on each store and each team page view). */
export async function purgeExpiredRecordings(db: DbExecutor, now: Date): Promise<number> {
  const deleted = await db
    .delete(turnRecordings)
    .where(lte(turnRecordings.expiresAt, now))
    .returning({ turnId: turnRecordings.turnId });
  return deleted.length;
}

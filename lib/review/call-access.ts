import "server-only";
import { asc, eq } from "drizzle-orm";
import type { SessionUser } from "@/lib/accounts/users";
import { parseCallState } from "@/lib/caller/parse-call-state";
import { type Clock, getCallForUser, systemClock } from "@/lib/calls/call-service";
import type { CallView } from "@/lib/calls/call-view";
import { type CallRow, toCallView } from "@/lib/calls/call-view-mapper";
import { getScenarioVersion } from "@/lib/calls/scenario-store";
import type { DbExecutor } from "@/lib/db/executor";
import type { Db } from "@/lib/db/open-database";
import { calls, turns, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/** How a viewer reaches a call: their own, their team's (trainer), or any (admin). */
export type CallAccess = "owner" | "trainer" | "admin";

export interface ViewedCall {
  call: CallView;
  access: CallAccess;
  owner: { id: string; name: string };
}

/** Who may see a call: its owner, a trainer of the team it was made in, or an admin. Pure. */
export function accessToCall(
  viewer: Pick<SessionUser, "id" | "role" | "teamId">,
  call: { userId: string; teamId: string | null },
): CallAccess | null {
  if (call.userId === viewer.id) return "owner";
  if (viewer.role === "admin") return "admin";
  if (viewer.role === "trainer" && viewer.teamId !== null && viewer.teamId === call.teamId) return "trainer";
  return null;
}

/** The call row if the viewer may see it; anything else is "not found" (existence never leaks). */
export async function findViewableCall(
  db: DbExecutor,
  viewer: SessionUser,
  callId: string,
  options: { lock?: boolean } = {},
): Promise<{ row: CallRow; access: CallAccess }> {
  const query = db.select().from(calls).where(eq(calls.id, callId)).limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  const access = row ? accessToCall(viewer, row) : null;
  if (!row || !access) throw new AppError("not_found", "通話が見つかりません。");
  return { row, access };
}

/** The call with every turn for its owner, a trainer of its team, or an admin. */
export async function getCallForViewer(
  db: Db,
  viewer: SessionUser,
  callId: string,
  clock: Clock = systemClock,
): Promise<ViewedCall> {
  const { row, access } = await findViewableCall(db, viewer, callId);
  const [owner] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.id, row.userId))
    .limit(1);
  const ownerRef = owner ?? { id: row.userId, name: "" };
  // The owner's read also ends a call left open past its time limit.
  if (access === "owner")
    return { call: await getCallForUser(db, viewer, callId, clock), access, owner: ownerRef };
  const playable = await getScenarioVersion(db, row.scenarioVersionId);
  const state = parseCallState(playable.scenario, row.state);
  if (!state.ok)
    throw new AppError("internal", "通話の状態を読み込めませんでした。", { details: state.issues });
  const rows = await db.select().from(turns).where(eq(turns.callId, row.id)).orderBy(asc(turns.seq));
  return {
    call: toCallView({ call: row, playable, state: state.state, turns: rows, now: clock.now() }),
    access,
    owner: ownerRef,
  };
}

import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { SessionUser } from "@/lib/accounts/users";
import type { CallView } from "@/lib/calls/call-view";
import type { Scorecard } from "@/lib/calls/scorecard";
import type { DbExecutor } from "@/lib/db/executor";
import type { Db } from "@/lib/db/open-database";
import { contestJudgements, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { findViewableCall, getCallForViewer } from "@/lib/review/call-access";
import { type ContestCategoryId, contestCategoryIds, contestCategoryLabels } from "./categories";
import {
  type Agreement,
  agreementOf,
  type FinalContestScore,
  finalContestScore,
  sheetTotal,
} from "./final-score";
import { type JudgementMarks, judgementMarksSchema } from "./judgement-request";

export interface SubmittedSheet {
  judgeId: string;
  judgeName: string;
  marks: JudgementMarks;
  total: number;
  updatedAt: string;
}

export interface CategoryAgreement {
  id: ContestCategoryId;
  label: string;
  /** Lowest and highest judge mark, and how far apart the judges are. */
  min: number;
  max: number;
  judges: Agreement;
  /** The panel's mean mark against the machine's estimate. */
  mark: number;
  preMark: number | null;
  machine: Agreement | null;
}

export interface ContestPanel {
  sheets: SubmittedSheet[];
  final: FinalContestScore;
  agreement: CategoryAgreement[];
}

export interface JudgingView {
  call: CallView;
  owner: { id: string; name: string };
  preScore: NonNullable<Scorecard["contestPreScore"]>;
  /** This judge's sheet, once submitted. */
  mine: SubmittedSheet | null;
  /** How many judges have submitted (the count, never their marks, is shown before one's own). */
  judges: number;
  /** Every sheet, the final score and the agreement: only after this judge has submitted. */
  panel: ContestPanel | null;
}

/** The judging sheet of an ended contest call, for a trainer of its team or an admin. */
export async function getJudgingSheet(db: Db, judge: SessionUser, callId: string): Promise<JudgingView> {
  const { call, owner, preScore } = await judgeableCall(db, judge, callId);
  const sheets = await listSheets(db, callId);
  const mine = sheets.find((sheet) => sheet.judgeId === judge.id) ?? null;
  return {
    call,
    owner,
    preScore,
    mine,
    judges: sheets.length,
    panel: mine ? panelOf(sheets, preScore) : null,
  };
}

/** A judge submits (or revises) their sheet; the answer is the sheet with the panel now visible. */
export async function submitJudgement(
  db: Db,
  judge: SessionUser,
  callId: string,
  marks: JudgementMarks,
  now: Date = new Date(),
): Promise<JudgingView> {
  await judgeableCall(db, judge, callId);
  const total = sheetTotal({ marks: markValues(marks) });
  await db
    .insert(contestJudgements)
    .values({ callId, judgeId: judge.id, marks, total, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [contestJudgements.callId, contestJudgements.judgeId],
      set: { marks, total, updatedAt: now },
    });
  return getJudgingSheet(db, judge, callId);
}

/**
 * The panel's result for the call's trainee, a trainer of the team or an admin: the trainee sees it
 * whenever there is a sheet; a judge only after submitting their own (null otherwise, or when unjudged).
 */
export async function getContestResult(
  db: DbExecutor,
  viewer: SessionUser,
  callId: string,
  preScore: Scorecard["contestPreScore"],
): Promise<{ panel: ContestPanel | null; judges: number; viewerSubmitted: boolean }> {
  const { access } = await findViewableCall(db, viewer, callId);
  const sheets = await listSheets(db, callId);
  const viewerSubmitted = sheets.some((sheet) => sheet.judgeId === viewer.id);
  const sees = sheets.length > 0 && (access === "owner" || viewerSubmitted);
  return {
    panel: sees && preScore ? panelOf(sheets, preScore) : null,
    judges: sheets.length,
    viewerSubmitted,
  };
}

async function judgeableCall(db: Db, judge: SessionUser, callId: string) {
  if (judge.role !== "trainer" && judge.role !== "admin") {
    throw new AppError("forbidden", "審査できるのはチームのトレーナーか管理者だけです。");
  }
  const viewed = await getCallForViewer(db, judge, callId);
  // A judge never judges a call of their own (a trainer's playtest is not a contest attempt).
  if (viewed.access === "owner") throw new AppError("not_found", "通話が見つかりません。");
  const preScore = viewed.call.scorecard?.contestPreScore;
  if (viewed.call.status !== "ended" || !viewed.call.scenario.contest || !preScore) {
    throw new AppError("invalid_input", "審査できるのは、終了したコンクール形式の通話だけです。");
  }
  return { call: viewed.call, owner: viewed.owner, preScore };
}

async function listSheets(db: DbExecutor, callId: string): Promise<SubmittedSheet[]> {
  return (await readSheets(db, [callId])).get(callId) ?? [];
}

/** Every readable sheet of these calls, by call, in the order the judges first submitted. */
async function readSheets(
  db: DbExecutor,
  callIds: readonly string[],
): Promise<Map<string, SubmittedSheet[]>> {
  const byCall = new Map<string, SubmittedSheet[]>();
  if (callIds.length === 0) return byCall;
  const rows = await db
    .select({
      callId: contestJudgements.callId,
      judgeId: contestJudgements.judgeId,
      judgeName: users.name,
      marks: contestJudgements.marks,
      total: contestJudgements.total,
      updatedAt: contestJudgements.updatedAt,
    })
    .from(contestJudgements)
    .innerJoin(users, eq(users.id, contestJudgements.judgeId))
    .where(inArray(contestJudgements.callId, [...callIds]))
    .orderBy(asc(contestJudgements.createdAt), asc(contestJudgements.id));
  for (const { callId, marks: raw, updatedAt, ...row } of rows) {
    const marks = judgementMarksSchema.safeParse(raw);
    if (!marks.success) {
      // A sheet written by an older version: left out of the panel, never guessed at.
      console.error(`A contest sheet of call ${callId} is unreadable`, marks.error.issues);
      continue;
    }
    const list = byCall.get(callId) ?? [];
    list.push({ ...row, marks: marks.data, updatedAt: updatedAt.toISOString() });
    byCall.set(callId, list);
  }
  return byCall;
}

function panelOf(sheets: SubmittedSheet[], preScore: JudgingView["preScore"]): ContestPanel {
  const final = finalContestScore(
    sheets.map((sheet) => ({ judgeId: sheet.judgeId, marks: markValues(sheet.marks) })),
  );
  if (!final) throw new Error("panelOf needs at least one sheet");
  const agreement = final.categories.map((category): CategoryAgreement => {
    const preMark = preScore.categories.find((c) => c.id === category.id)?.mark ?? null;
    return {
      id: category.id,
      label: contestCategoryLabels[category.id],
      min: category.min,
      max: category.max,
      judges: agreementOf(category.max - category.min),
      mark: category.mark,
      preMark,
      machine: preMark === null ? null : agreementOf(category.mark - preMark),
    };
  });
  return { sheets, final, agreement };
}

function markValues(marks: JudgementMarks): Record<ContestCategoryId, number> {
  return Object.fromEntries(contestCategoryIds.map((id) => [id, marks[id].mark])) as Record<
    ContestCategoryId,
    number
  >;
}

/** Judged contest calls' sheets, for the leaderboard (lib/contest/leaderboard). */
export async function listJudgedSheets(db: DbExecutor, callIds: readonly string[]) {
  return readSheets(db, callIds);
}

export { finalContestScore, markValues };

import "server-only";
import { randomInt, randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import type { SessionUser } from "@/lib/accounts/users";
import { advanceCall, endOnTimeLimit } from "@/lib/caller/advance-call";
import type { CallerLine, CallState, EndReason } from "@/lib/caller/call-state";
import { modelReplyFor } from "@/lib/caller/model-reply";
import { speakingDurationMs } from "@/lib/caller/pacing";
import { parseCallState } from "@/lib/caller/parse-call-state";
import { startCall } from "@/lib/caller/start-call";
import type { DbExecutor } from "@/lib/db/executor";
import type { Db } from "@/lib/db/open-database";
import { calls, turns } from "@/lib/db/schema";
import type { LlmEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { chooseCallMode } from "@/lib/llm/call-mode";
import type { VoicePlan } from "@/lib/llm/caller-generation";
import { rateLimitWindowStart } from "@/lib/llm/llm-usage";
import { forbiddenWordsFor, revealedFactValues } from "@/lib/llm/output-guard";
import { expectedSpeechEndMs, pendingCallerLineValues, settleStaleVoices } from "@/lib/llm/pending-voice";
import type { ReplyFollowUp } from "@/lib/llm/reply-follow-up";
import { analyzeReply } from "@/lib/rubric/analyze-reply";
import { rubricKindOf } from "@/lib/scenario/rubric-kind";
import type { Scenario } from "@/lib/scenario/schema";
import { measuredCallerEndMs, toStoredTiming } from "@/lib/voice/turn-timing";
import { remapSources, toAnalyzerContext } from "./analyzer-context";
import { buildScorecard } from "./build-scorecard";
import {
  type CallView,
  MAX_REPLY_CHARS,
  type ReplyRequest,
  type ReplyResult,
  storedAnalysisSchema,
} from "./call-view";
import { type CallRow, type TurnRow, toCallStatusView, toCallView, toTurnView } from "./call-view-mapper";
import { getPlayableVersion, getScenarioVersion, type PlayableVersion } from "./scenario-store";

// The server owns the call: it scores the reply, advances the caller, writes every turn, and only then
// answers. Time is the server's (ms since the call started), so a reload or another device resumes the
// same call at the same moment.

/** A pause between the trainee's reply and the caller's answer, and between two caller lines. */
const RESPONSE_GAP_MS = 400;

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** Starts a call of the latest version of a scenario the user may play. */
export async function startCallForUser(
  db: Db,
  user: SessionUser,
  input: { scenarioId: string; mode: "scripted" | "llm"; llm?: LlmEnv },
  clock: Clock = systemClock,
): Promise<CallView> {
  if (input.mode === "llm" && !input.llm)
    throw new AppError("invalid_input", "この環境では LLM による通話は利用できません。");
  const versionId = await getPlayableVersion(db, user, input.scenarioId);
  const playable = await getScenarioVersion(db, versionId);
  const { scenario } = playable;
  const mode = await chooseCallMode(db, user, scenario, input, clock.now());
  const seed = randomInt(0, 2 ** 31 - 1);
  const opening = startCall(scenario, { seed });
  const startedAt = clock.now();
  const { call, rows } = await db.transaction(async (tx) => {
    const [call] = await tx
      .insert(calls)
      .values({
        userId: user.id,
        teamId: user.teamId,
        scenarioVersionId: versionId,
        mode,
        seed,
        state: opening.state,
        startedAt,
        updatedAt: startedAt,
      })
      .returning();
    const rows = await insertCallerLines(tx, call!.id, scenario, opening.lines, { firstSeq: 0, startMs: 0 });
    return { call: call!, rows };
  });
  return toCallView({ call, playable, state: opening.state, turns: rows, now: clock.now() });
}

/** The call with every turn, for its owner; anyone else gets "not found". */
export async function getCallForUser(
  db: Db,
  user: SessionUser,
  callId: string,
  clock: Clock = systemClock,
): Promise<CallView> {
  const call = await findOwnCall(db, user, callId);
  const playable = await getScenarioVersion(db, call.scenarioVersionId);
  // A call left open past its time limit ends as a time-out the next time anyone looks at it.
  if (call.status === "active" && isOverTime(playable.scenario, call, clock.now())) {
    return endCallForUser(db, user, callId, clock);
  }
  const now = clock.now();
  const rows = await settleStaleVoices(db, playable.scenario, call, await listTurns(db, call.id), now);
  return toCallView({
    call,
    playable,
    state: readState(playable.scenario, call),
    turns: rows,
    now,
  });
}

/** Scores a reply, advances the caller, stores both, and answers with what was added. */
export async function sendReply(
  db: Db,
  user: Pick<SessionUser, "id">,
  callId: string,
  request: ReplyRequest,
  clock: Clock = systemClock,
): Promise<ReplyResult> {
  return (await sendReplyWithFollowUp(db, user, callId, request, clock)).result;
}

export interface ReplyHooks {
  /**
   * LLM play: called once the engine has chosen the caller's line, before the turns are written,
   * with the user's provider requests in the hour before `now` (for the rate limit). Called again
   * if the reply has to be scored again (it raced another reply): that plan replaces the first.
   */
  onVoicePlan?: (plan: VoicePlan, llmRequestsLastHour: number) => void;
}

/**
 * sendReply, plus what must happen after the answer (server-side only, never sent to the browser):
 * an LLM call's pending caller line to voice, and the reply for the optional judge.
 *
 * No transaction spans the reply: the call is read, the reply scored and the caller advanced, then
 * everything is written in one statement that only succeeds on the call as it was read (see
 * writeReply). A reply that raced another one for the same call is scored again on the call as it
 * now is. Holding a transaction (with embedded PGlite, the one connection) across the scoring made
 * every other trainee's statements wait for it.
 */
export async function sendReplyWithFollowUp(
  db: Db,
  user: Pick<SessionUser, "id">,
  callId: string,
  request: ReplyRequest,
  clock: Clock = systemClock,
  hooks: ReplyHooks = {},
): Promise<{ result: ReplyResult; followUp: ReplyFollowUp | null }> {
  const text = request.text.trim();
  if (text === "") throw new AppError("invalid_input", "返答を入力してください。");
  if (text.length > MAX_REPLY_CHARS) {
    throw new AppError(
      "payload_too_large",
      `返答が長すぎます（${MAX_REPLY_CHARS}文字まで）。お客様が聞き取りやすいよう、短く区切ってお話しください。`,
    );
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await scoreAndWriteReply(db, user, callId, { ...request, text }, clock, hooks);
    } catch (error) {
      if (!(error instanceof ReplyRaced)) throw error;
      // A resend that raced its own first send to the end of the call finds that send stored next time.
      if (error.reason === "ended" && !(request.replyId && attempt === 1)) throw callEnded();
      if (attempt >= MAX_REPLY_ATTEMPTS) {
        throw new AppError(
          "conflict",
          "同じ通話への別の返答と重なったため、保存できませんでした。もう一度送信してください。",
        );
      }
    }
  }
}

/** How often a reply is scored again when other replies to the same call keep getting in first. */
const MAX_REPLY_ATTEMPTS = 3;

/** The call changed between reading it and writing the reply: another reply got in, or it ended. */
class ReplyRaced extends Error {
  constructor(readonly reason: "replied" | "ended") {
    super(`the call was ${reason} while the reply was being scored`);
  }
}

function callEnded(): AppError {
  return new AppError("conflict", "この通話はすでに終了しています。");
}

async function scoreAndWriteReply(
  db: Db,
  user: Pick<SessionUser, "id">,
  callId: string,
  request: ReplyRequest,
  clock: Clock,
  hooks: ReplyHooks,
): Promise<{ result: ReplyResult; followUp: ReplyFollowUp | null }> {
  const { text } = request;
  const now = clock.now();
  const { call, history, llmRequestsLastHour } = await readCallForReply(db, user, callId, {
    countLlmRequestsSince: hooks.onVoicePlan ? rateLimitWindowStart(now) : undefined,
  });
  const playable = await getScenarioVersion(db, call.scenarioVersionId);
  const { scenario } = playable;
  const state = readState(scenario, call);
  // A resend of a reply already stored (its answer was lost on the way): answer as then, store nothing.
  const sent = request.replyId ? history.find((turn) => turn.clientReplyId === request.replyId) : undefined;
  if (sent) {
    return { result: await replayReply(db, { call, playable, state, now }, sent.seq), followUp: null };
  }
  if (call.status === "ended") throw callEnded();
  const nowMs = Math.max(0, now.getTime() - call.startedAt.getTime());
  const lastTurn = history.at(-1);
  const lastCaller = history.findLast((t) => t.role === "caller");
  // The client may say the reply began earlier than it arrived (voice), never later than now.
  const startedMs = clamp(request.startedAtMs ?? nowMs, lastTurn?.atMs ?? 0, nowMs);
  // Voice: the caller's audio as it was really heard (its speech rate, a barge-in cutting it) decides
  // whether the reply cut in; typed replies compare with the line's expected length.
  const measuredEnd = request.timing && measuredCallerEndMs(request.timing, startedMs);
  const callerSpeechEndsMs = measuredEnd ?? expectedSpeechEndMs(lastCaller, scenario);
  const timing = request.timing ? toStoredTiming(request.timing) : null;

  const context = toAnalyzerContext(history);
  const modelReply = modelReplyFor(scenario, state.nodeId);
  const analysis = analyzeReply({
    context: context.turns,
    reply: text,
    timing: { replyStartedMs: startedMs, callerSpeechEndsMs },
    kind: rubricKindOf(scenario.kind),
    modelReply,
  });
  const overlapping = startedMs < callerSpeechEndsMs && !analysis.interruption;
  const stored = storedAnalysisSchema.parse({
    ...remapSources(analysis, context, history),
    modelReply,
    overlapping,
  });
  const nextSeq = (lastTurn?.seq ?? -1) + 1;

  if (overlapping) {
    // A 相づち while the caller talks: heard and scored, but the caller goes on speaking.
    const reply = operatorTurn(call.id, now, {
      seq: nextSeq,
      kind: "backchannel",
      clientReplyId: request.replyId ?? null,
      text,
      nodeId: state.nodeId,
      analysis: stored,
      mood: state.mood,
      atMs: startedMs,
      timing,
    });
    await writeReply(db, { call, scenario, state, now }, [reply], {});
    return {
      result: {
        call: toCallStatusView({ call, playable, state, now }),
        added: [toTurnView(reply, stored)],
        changed: [],
      },
      followUp: null,
    };
  }

  const result = advanceCall(scenario, state, { reply: text, signals: analysis, elapsedMs: nowMs });
  // LLM play: the engine has decided what the caller says; the LLM only gives it words. It may start
  // now, while the turns are written, so its time to first token overlaps the write.
  const llmVoiced = call.mode === "llm" && call.llmFallbackAt === null && result.lines.length > 0;
  const said = history.map((turn) => ({ role: turn.role, text: turn.text }));
  if (llmVoiced) {
    const plan = { userId: user.id, callId: call.id, scenario, state: result.state, guide: result.lines };
    hooks.onVoicePlan?.({ ...plan, transcript: [...said, { role: "operator", text }] }, llmRequestsLastHour);
    // Let the provider request leave before the write below holds the thread (embedded PGlite runs
    // in this thread): the provider then works while the turns are written.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const cut = analysis.interruption ? lastCaller : undefined;
  const changed = cut
    ? // The caller breaks off where they were cut.
      [toTurnView(callerTurn(now, { ...cut, callId: call.id, speechEndsAtMs: startedMs }))]
    : [];
  // The reply and the caller's answer are not read back: the server built them, so the answer is
  // made from what it wrote (fewer round trips and less JSON on the hot path).
  const reply = operatorTurn(call.id, now, {
    seq: nextSeq,
    kind: "reply",
    clientReplyId: request.replyId ?? null,
    text,
    nodeId: state.nodeId,
    analysis: stored,
    mood: result.state.mood,
    atMs: startedMs,
    timing,
  });
  const answer = (
    llmVoiced
      ? pendingCallerLineValues(call.id, result.lines, { seq: nextSeq + 1, atMs: nowMs + RESPONSE_GAP_MS })
      : callerLineValues(call.id, scenario, result.lines, {
          firstSeq: nextSeq + 1,
          startMs: nowMs + RESPONSE_GAP_MS,
        })
  ).map((values) => callerTurn(now, values));
  const updated = await writeReply(db, { call, scenario, state: result.state, now }, [reply, ...answer], {
    cut: cut && { turnId: cut.id, speechEndsAtMs: startedMs },
  });
  const [pendingRow] = llmVoiced ? answer : [];
  return {
    result: {
      call: toCallStatusView({ call: updated, playable, state: result.state, now }),
      added: [toTurnView(reply, stored), ...answer.map((row) => toTurnView(row))],
      changed,
    },
    followUp: {
      userId: user.id,
      callId: call.id,
      callStartedAt: call.startedAt,
      scenario,
      state: result.state,
      operatorTurnId: reply.id,
      reply: text,
      context: said,
      phrasing: {
        context: context.turns,
        kind: rubricKindOf(scenario.kind),
        modelReply,
        offline: analysis.suggestion,
        knownFacts: [scenario.persona.name, ...revealedFactValues(scenario, state)],
        forbidden: forbiddenWordsFor(scenario, state),
      },
      pending:
        llmVoiced && pendingRow
          ? { turnId: pendingRow.id, seq: pendingRow.seq, atMs: pendingRow.atMs, guide: result.lines }
          : null,
    },
  };
}

/**
 * The answer a stored reply got: the call as it is now, the reply and the caller lines that answered
 * it, and the caller line before it (an interruption cut it short).
 */
async function replayReply(
  db: Db,
  at: { call: CallRow; playable: PlayableVersion; state: CallState; now: Date },
  seq: number,
): Promise<ReplyResult> {
  const rows = await listTurns(db, at.call.id);
  const index = rows.findIndex((row) => row.seq === seq);
  const next = rows.findIndex((row, i) => i > index && row.role === "operator");
  const added = rows.slice(index, next === -1 ? undefined : next);
  const before = rows.slice(0, index).findLast((row) => row.role === "caller");
  const status = toCallStatusView(at);
  const view = (row: TurnRow) => {
    // As a reload shows it: a contest call's feedback stays hidden until it ends.
    const { judge, judgePhrasing, ...turn } = toTurnView(row);
    return status.feedbackHidden
      ? { ...turn, analysis: null }
      : { ...turn, ...(judge ? { judge } : {}), ...(judgePhrasing ? { judgePhrasing } : {}) };
  };
  return { call: status, added: added.map(view), changed: before ? [view(before)] : [] };
}

/** An operator turn as written, with its id made here so that nothing needs reading back. */
function operatorTurn(
  callId: string,
  now: Date,
  values: Pick<
    TurnRow,
    "seq" | "kind" | "text" | "nodeId" | "analysis" | "mood" | "atMs" | "clientReplyId" | "timing"
  >,
): TurnRow {
  return {
    id: randomUUID(),
    callId,
    role: "operator",
    speechEndsAtMs: null,
    voice: null,
    judge: null,
    judgePhrasing: null,
    createdAt: now,
    ...values,
  };
}

/** A caller turn as written (scripted, or pending LLM words), with its id made here. */
function callerTurn(
  now: Date,
  values: Pick<TurnRow, "callId" | "seq" | "kind" | "text" | "nodeId" | "atMs" | "speechEndsAtMs"> & {
    id?: string;
    voice?: string | null;
  },
): TurnRow {
  return {
    id: values.id ?? randomUUID(),
    role: "caller",
    clientReplyId: null,
    analysis: null,
    mood: null,
    judge: null,
    judgePhrasing: null,
    timing: null,
    createdAt: now,
    ...values,
    voice: values.voice ?? null,
  };
}

/** The trainee hangs up (or the time ran out): the call ends and gets its scorecard. Idempotent. */
export async function endCallForUser(
  db: Db,
  user: SessionUser,
  callId: string,
  clock: Clock = systemClock,
): Promise<CallView> {
  return db.transaction(async (tx) => {
    const call = await findOwnCall(tx, user, callId, { lock: true });
    const playable = await getScenarioVersion(tx, call.scenarioVersionId);
    const { scenario } = playable;
    const state = readState(scenario, call);
    const rows = await listTurns(tx, call.id);
    const now = clock.now();
    if (call.status === "ended") return toCallView({ call, playable, state, turns: rows, now });
    const reason: EndReason = isOverTime(scenario, call, now) ? "time_out" : "ended_by_trainee";
    if (reason === "time_out" && scenario.kind === "contest") {
      // The contest's hard stop: at the limit the caller closes the call in their own words.
      const stopped = endOnTimeLimit(scenario, state);
      const last = rows.at(-1);
      const limitMs = (scenario.timeLimitSec ?? 0) * 1000;
      const added = await insertCallerLines(tx, call.id, scenario, stopped.lines, {
        firstSeq: (last?.seq ?? -1) + 1,
        startMs: Math.max(limitMs, last ? (last.speechEndsAtMs ?? last.atMs) : 0),
      });
      const all = [...rows, ...added];
      const updated = await saveState(tx, call, scenario, stopped.state, now);
      return toCallView({ call: updated, playable, state: stopped.state, turns: all, now });
    }
    const endedState: CallState = { ...state, ended: { reason } };
    const updated = await saveState(tx, call, scenario, endedState, now);
    return toCallView({ call: updated, playable, state: endedState, turns: rows, now });
  });
}

function isOverTime(scenario: Scenario, call: CallRow, now: Date): boolean {
  return (
    scenario.timeLimitSec !== undefined &&
    now.getTime() - call.startedAt.getTime() > scenario.timeLimitSec * 1000
  );
}

async function findOwnCall(
  db: DbExecutor,
  user: Pick<SessionUser, "id">,
  callId: string,
  options: { lock?: boolean } = {},
): Promise<CallRow> {
  const query = db
    .select()
    .from(calls)
    .where(and(eq(calls.id, callId), eq(calls.userId, user.id)))
    .limit(1);
  const [call] = options.lock ? await query.for("update") : await query;
  if (!call) throw new AppError("not_found", "通話が見つかりません。");
  return call;
}

function listTurns(db: DbExecutor, callId: string): Promise<TurnRow[]> {
  return db.select().from(turns).where(eq(turns.callId, callId)).orderBy(asc(turns.seq));
}

/** A turn's words and timing: what scoring a reply needs of the transcript (not stored analyses). */
type TurnText = Pick<
  TurnRow,
  "id" | "seq" | "role" | "kind" | "text" | "nodeId" | "voice" | "atMs" | "speechEndsAtMs" | "clientReplyId"
>;

/**
 * The user's call with its transcript's words and (LLM play) the user's provider requests since a
 * time: one statement, because every statement on the reply's path is paid for in its latency (with
 * embedded PGlite, in this very thread). Nothing is locked: writeReply checks that the call is still
 * the one read.
 */
async function readCallForReply(
  db: DbExecutor,
  user: Pick<SessionUser, "id">,
  callId: string,
  options: { countLlmRequestsSince?: Date },
): Promise<{ call: CallRow; history: TurnText[]; llmRequestsLastHour: number }> {
  const since = options.countLlmRequestsSince;
  // Written out: drizzle leaves column names unqualified in a one-table select list, which inside
  // these subqueries would name the wrong table's columns.
  const [row] = await db
    .select({
      call: calls,
      history: sql<TurnText[]>`(
        select coalesce(json_agg(json_build_object(
          'id', t.id, 'seq', t.seq, 'role', t.role, 'kind', t.kind, 'text', t.text, 'nodeId', t.node_id,
          'voice', t.voice, 'atMs', t.at_ms, 'speechEndsAtMs', t.speech_ends_at_ms,
          'clientReplyId', t.client_reply_id
        ) order by t.seq), '[]'::json)
        from turns t where t.call_id = calls.id)`.mapWith(
        // node-postgres parses json; PGlite (through drizzle) hands over its text.
        (value: unknown): TurnText[] => (typeof value === "string" ? JSON.parse(value) : value) as TurnText[],
      ),
      llmRequests: since
        ? sql<number>`(select count(*) from llm_requests r
            where r.user_id = ${user.id} and r.created_at >= ${since.toISOString()}::timestamptz)`.mapWith(
            Number,
          )
        : sql<number>`0`.mapWith(Number),
    })
    .from(calls)
    .where(and(eq(calls.id, callId), eq(calls.userId, user.id)))
    .limit(1);
  if (!row) throw new AppError("not_found", "通話が見つかりません。");
  return { call: row.call, history: row.history, llmRequestsLastHour: row.llmRequests };
}

/**
 * Writes a reply's turns (and the cut of an interrupted caller line) with the call's new state, on
 * the call as it was read, or not at all (ReplyRaced). While the call goes on, that is one statement:
 * the call's row is updated only if it is still active, and the turns take their call id from that
 * update, so on an ended call they have none and the whole statement fails; a turn number another
 * reply took first breaks the turns' unique (call, seq) key. An ending call is written in a
 * transaction that locks it, because its scorecard reads every stored turn.
 */
async function writeReply(
  db: Db,
  at: { call: CallRow; scenario: Scenario; state: CallState; now: Date },
  rows: TurnRow[],
  options: { cut?: { turnId: string; speechEndsAtMs: number } },
): Promise<CallRow> {
  const { call, scenario, state, now } = at;
  const cutQuery = (tx: DbExecutor, cut: { turnId: string; speechEndsAtMs: number }) =>
    tx.update(turns).set({ speechEndsAtMs: cut.speechEndsAtMs }).where(eq(turns.id, cut.turnId));
  const { cut } = options;
  try {
    if (state.ended !== null) {
      return await db.transaction(async (tx) => {
        const current = await findOwnCall(tx, { id: call.userId }, call.id, { lock: true });
        if (current.status === "ended") throw new ReplyRaced("ended");
        if (cut) await cutQuery(tx, cut);
        await tx.insert(turns).values(rows);
        return saveState(tx, current, scenario, state, now);
      });
    }
    const changes = { state, updatedAt: now };
    const active = db.$with("active").as(
      db
        .update(calls)
        .set(changes)
        .where(and(eq(calls.id, call.id), eq(calls.status, "active")))
        .returning({ id: calls.id }),
    );
    const ctes = cut ? [active, db.$with("cut").as(cutQuery(db, cut))] : [active];
    await db
      .with(...ctes)
      .insert(turns)
      .values(rows.map((row) => ({ ...row, callId: sql`(select id from ${active})` })));
    return { ...call, ...changes };
  } catch (error) {
    throw raceOf(error) ?? error;
  }
}

/** The database's refusal of a reply written on a call that changed since it was read, if it is one. */
function raceOf(error: unknown): ReplyRaced | undefined {
  if (error instanceof ReplyRaced) return error;
  // drizzle wraps the driver's error (node-postgres or PGlite, both with PostgreSQL's fields).
  const cause = (error instanceof Error && error.cause) || error;
  const { code, column, constraint } = (cause ?? {}) as {
    code?: string;
    column?: string;
    constraint?: string;
  };
  if (code === "23502" && column === "call_id") return new ReplyRaced("ended");
  // Two sends of one reply at once: the second is answered from the first once it is stored.
  if (
    code === "23505" &&
    (constraint === "turns_call_seq_key" || constraint === "turns_call_client_reply_key")
  )
    return new ReplyRaced("replied");
  return undefined;
}

function readState(scenario: Scenario, call: CallRow): CallState {
  const parsed = parseCallState(scenario, call.state);
  if (!parsed.ok)
    throw new AppError("internal", "通話の状態を読み込めませんでした。", { details: parsed.issues });
  return parsed.state;
}

async function insertCallerLines(
  db: DbExecutor,
  callId: string,
  scenario: Scenario,
  lines: CallerLine[],
  at: { firstSeq: number; startMs: number },
): Promise<TurnRow[]> {
  const values = callerLineValues(callId, scenario, lines, at);
  return values.length === 0 ? [] : db.insert(turns).values(values).returning();
}

// Caller lines are said one after another, each at the persona's speaking rate.
function callerLineValues(
  callId: string,
  scenario: Scenario,
  lines: CallerLine[],
  at: { firstSeq: number; startMs: number },
) {
  let startMs = at.startMs;
  return lines.map((line, i) => {
    const speechEndsAtMs = startMs + speakingDurationMs(line.text, scenario.persona.speakingRate);
    const value = {
      callId,
      seq: at.firstSeq + i,
      role: "caller" as const,
      kind: line.kind,
      text: line.text,
      nodeId: line.nodeId,
      atMs: startMs,
      speechEndsAtMs,
    };
    startMs = speechEndsAtMs + RESPONSE_GAP_MS;
    return value;
  });
}

async function saveState(
  db: DbExecutor,
  call: CallRow,
  scenario: Scenario,
  state: CallState,
  now: Date,
): Promise<CallRow> {
  const ended = state.ended !== null;
  const scorecard = ended ? buildScorecard(scenario, state, await listTurns(db, call.id)) : null;
  const changes = {
    state,
    updatedAt: now,
    ...(ended
      ? {
          status: "ended" as const,
          endReason: state.ended?.reason ?? null,
          endedAt: now,
          scorecard,
          overallScore: scorecard?.overall ?? null,
        }
      : {}),
  };
  await db.update(calls).set(changes).where(eq(calls.id, call.id));
  return { ...call, ...changes };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

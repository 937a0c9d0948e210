import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

// One schema for PGlite and PostgreSQL. JSON columns hold core values (engine state, rubric analysis,
// scorecards) and are validated with the core's zod schemas when read back.

export const userRole = pgEnum("user_role", ["trainee", "trainer", "admin"]);
export const callMode = pgEnum("call_mode", ["scripted", "llm"]);
export const callStatus = pgEnum("call_status", ["active", "ended"]);
export const turnRole = pgEnum("turn_role", ["caller", "operator"]);

// node-postgres reads bytea as a Buffer, PGlite as a Uint8Array: both come out as a Uint8Array.
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const teams = pgTable("teams", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  // The contest leaderboard is for trainers; a trainer may open it to the team's trainees.
  contestLeaderboardForTrainees: boolean("contest_leaderboard_for_trainees").notNull().default(false),
  // Raw audio of voice replies is kept only when a trainer turns it on: for this many days; null is off.
  audioRetentionDays: integer("audio_retention_days"),
  createdAt: createdAt(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    role: userRole("role").notNull().default("trainee"),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`), index("users_team_idx").on(t.teamId)],
);

export const invites = pgTable(
  "invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    // Only a hash is stored: the link itself is shown once, to the trainer who made it.
    tokenHash: text("token_hash").notNull().unique(),
    role: userRole("role").notNull().default("trainee"),
    createdById: uuid("created_by_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    // A link is shared with a cohort of new operators, so it can be used until it expires or is revoked.
    uses: integer("uses").notNull().default(0),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("invites_team_idx").on(t.teamId)],
);

// A scenario is a named, owned thing; its content lives in immutable versions so that a call keeps
// the version it was played with. Built-ins have teamId null and builtInId set.
export const scenarios = pgTable(
  "scenarios",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "cascade" }),
    builtInId: text("built_in_id").unique(),
    title: text("title").notNull(),
    draftYaml: text("draft_yaml"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    archived: boolean("archived").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("scenarios_team_idx").on(t.teamId)],
);

export const scenarioVersions = pgTable(
  "scenario_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    scenarioId: uuid("scenario_id")
      .notNull()
      .references(() => scenarios.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    yaml: text("yaml").notNull(),
    definition: jsonb("definition").notNull(),
    contentHash: text("content_hash").notNull(),
    publishedById: uuid("published_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("scenario_versions_scenario_version_key").on(t.scenarioId, t.version)],
);

export const calls = pgTable(
  "calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // The team at the time of the call: trainers follow calls made in their team.
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
    scenarioVersionId: uuid("scenario_version_id")
      .notNull()
      .references(() => scenarioVersions.id),
    mode: callMode("mode").notNull().default("scripted"),
    status: callStatus("status").notNull().default("active"),
    endReason: text("end_reason"),
    seed: integer("seed").notNull(),
    state: jsonb("state").notNull(),
    scorecard: jsonb("scorecard"),
    overallScore: integer("overall_score"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    // LLM play only: when the provider failed and the scripted engine took over the caller's voice.
    llmFallbackAt: timestamp("llm_fallback_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("calls_user_idx").on(t.userId, t.startedAt),
    index("calls_team_idx").on(t.teamId, t.startedAt),
  ],
);

export const turns = pgTable(
  "turns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    role: turnRole("role").notNull(),
    kind: text("kind").notNull(),
    text: text("text").notNull(),
    nodeId: text("node_id"),
    analysis: jsonb("analysis"),
    mood: jsonb("mood"),
    // Milliseconds since the call started: when the turn began, and for caller turns when the
    // simulated speech ends (the interruption check compares a reply against it).
    atMs: integer("at_ms").notNull(),
    speechEndsAtMs: integer("speech_ends_at_ms"),
    // Caller turns: who gave the line its words ("script" or "llm"); null means script.
    voice: text("voice"),
    // Operator turns: the optional LLM judge's labels (a second opinion; never used for scores).
    judge: jsonb("judge"),
    // Operator turns: the judge's better phrasing, stored only once phrasing-guard accepted it (shown
    // beside the analyzer's own; never used for scores or goals).
    judgePhrasing: text("judge_phrasing"),
    // Operator turns: the id the call screen made for the reply, so that a resend after a lost
    // answer (connection cut, database down) finds the stored reply instead of storing it twice.
    clientReplyId: uuid("client_reply_id"),
    // Operator turns of a voice call: who spoke when since the previous reply (the caller's audio as
    // played, the trainee's voice as detected) and the overlaps classified from it (lib/voice). No audio.
    timing: jsonb("timing"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("turns_call_seq_key").on(t.callId, t.seq),
    uniqueIndex("turns_call_client_reply_key").on(t.callId, t.clientReplyId),
  ],
);

// Every request to the LLM provider: the per-user rate limit counts them, and a call's token usage and
// estimated cost are their sums.
export const llmRequests = pgTable(
  "llm_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    callId: uuid("call_id").references(() => calls.id, { onDelete: "cascade" }),
    purpose: text("purpose").notNull(), // "caller" | "judge"
    model: text("model").notNull(),
    ok: boolean("ok").notNull(),
    promptTokens: integer("prompt_tokens").notNull().default(0),
    completionTokens: integer("completion_tokens").notNull().default(0),
    costMicroUsd: integer("cost_micro_usd").notNull().default(0),
    latencyMs: integer("latency_ms"),
    createdAt: createdAt(),
  },
  (t) => [
    index("llm_requests_user_idx").on(t.userId, t.createdAt),
    index("llm_requests_call_idx").on(t.callId),
  ],
);

// A trainer's comment on one turn of a team member's call; the trainee sees it on their review.
export const turnComments = pgTable(
  "turn_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    turnId: uuid("turn_id")
      .notNull()
      .references(() => turns.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("turn_comments_call_idx").on(t.callId, t.createdAt)],
);

// A trainer's correction of one automatic label on one operator turn, with the reason. The call's
// scorecard is recomputed with overrides applied; the analyzer's own labels stay in turns.analysis.
export const labelOverrides = pgTable(
  "label_overrides",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    turnId: uuid("turn_id")
      .notNull()
      .references(() => turns.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    value: jsonb("value").notNull(),
    reason: text("reason").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("label_overrides_turn_label_key").on(t.turnId, t.label),
    index("label_overrides_call_idx").on(t.callId),
  ],
);

// A scenario a trainer asked a trainee to practise by a due date. Its status comes from the calls.
export const assignments = pgTable(
  "assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    scenarioId: uuid("scenario_id")
      .notNull()
      .references(() => scenarios.id, { onDelete: "cascade" }),
    traineeId: uuid("trainee_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    assignedById: uuid("assigned_by_id").references(() => users.id, { onDelete: "set null" }),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [
    index("assignments_trainee_idx").on(t.traineeId, t.dueAt),
    index("assignments_team_idx").on(t.teamId, t.dueAt),
  ],
);

// One row per signed-in browser. The session cookie (a JWT) names its row; a request whose row is gone
// is signed out. Signing out deletes the row, a role or team change deletes all of the user's rows.
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId), index("user_sessions_expires_idx").on(t.expiresAt)],
);

// Failed sign-ins, for throttling per account and per address across every app instance. The email is
// stored as typed (normalized) whether or not an account has it, so an unknown email is throttled
// exactly like a known one. Rows older than the window are deleted as new ones arrive.
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    address: text("address").notNull(),
    failedAt: timestamp("failed_at", { withTimezone: true }).notNull(),
    // An attempt whose password is being checked: not a failure (yet), but it takes one of the slots
    // left under the limit, so parallel guesses never check more passwords than the limit allows.
    checking: boolean("checking").notNull().default(false),
  },
  (t) => [
    index("sign_in_failures_email_idx").on(t.email, t.failedAt),
    index("sign_in_failures_address_idx").on(t.address, t.failedAt),
    index("sign_in_failures_failed_at_idx").on(t.failedAt),
  ],
);

// One judge's contest sheet for one ended contest call: a 1–5 mark and a comment per category
// (lib/contest/categories). One sheet per judge and call; a judge may revise it.
export const contestJudgements = pgTable(
  "contest_judgements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    judgeId: uuid("judge_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    marks: jsonb("marks").notNull(),
    total: real("total").notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("contest_judgements_call_judge_key").on(t.callId, t.judgeId),
    index("contest_judgements_call_idx").on(t.callId),
  ],
);

// The trainee's own voice for one reply of a voice call (a WAV as the browser's speech detector cut it),
// kept only while the call's team has audio retention on, and only until expiresAt (lib/speech/recordings).
export const turnRecordings = pgTable(
  "turn_recordings",
  {
    turnId: uuid("turn_id")
      .primaryKey()
      .references(() => turns.id, { onDelete: "cascade" }),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    wav: bytea("wav").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("turn_recordings_call_idx").on(t.callId),
    index("turn_recordings_expires_idx").on(t.expiresAt),
  ],
);

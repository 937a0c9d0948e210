// The in-process part of `npm run bench:llm`: the latency Kikite's call service adds, without HTTP.
//
// Measured, per reply: from the call service receiving the reply (sendReplyWithFollowUp called: the
// call read, rubric analysis, engine, turns written, rate-limit check, prompt built, request
// sent through the real `openai` client) to the first caller token handed to the response stream
// (after the output guard), MINUS the provider's own time to first token as the local
// OpenAI-compatible server sees it (request received → first chunk written). As in the route, the
// request goes out as soon as the engine has chosen the line, overlapping the write, and tokens are
// handed on once the scored reply is. The server answers with no delay. Not included: HTTP, routing
// and the session lookup (bench-llm.ts measures those too). One trainee, replies back to back, on a
// fresh in-memory PGlite, in one process with the local server. Needs `--conditions=react-server`.
import { type Clock, sendReplyWithFollowUp, startCallForUser } from "@/lib/calls/call-service";
import { listPlayableScenarios, syncBuiltInScenarios } from "@/lib/calls/scenario-store";
import { openDatabase } from "@/lib/db/open-database";
import { teams, users } from "@/lib/db/schema";
import type { LlmEnv } from "@/lib/env";
import { type CallerGeneration, startCallerGeneration } from "@/lib/llm/caller-generation";
import { isUnderRateLimit } from "@/lib/llm/llm-usage";
import { runReplyFollowUp } from "@/lib/llm/reply-follow-up";
import { startFakeLlmServer } from "@/lib/llm/testing/fake-llm-server";
import { benchReplies } from "./bench-support";

// Four replies a call, none that ends it, so every reply has a caller line to voice.
const replies = benchReplies.filter((_, i) => i !== 3 && i !== 5);

/** Milliseconds per counted reply, in the order measured. */
export interface InProcessFigures {
  /** first caller token − reply received − provider TTFT */
  added: number[];
  /** first caller token − reply received */
  total: number[];
  /** the local server's request received → first chunk written */
  provider: number[];
}

/** Runs `warmup` + `count` replies through the call service against the local server; counts `count`. */
export async function measureInProcess(count: number, warmup: number): Promise<InProcessFigures> {
  const server = await startFakeLlmServer();
  const handle = await openDatabase({ pgliteDir: null });
  try {
    const db = handle.db;
    await syncBuiltInScenarios(db);
    const [team] = await db.insert(teams).values({ name: "ベンチ" }).returning();
    const [row] = await db
      .insert(users)
      .values({
        email: `bench-llm-${Date.now()}@example.com`,
        name: "ベンチ",
        role: "trainee",
        teamId: team!.id,
      })
      .returning();
    const user = {
      id: row!.id,
      email: row!.email,
      name: "ベンチ",
      role: "trainee" as const,
      teamId: team!.id,
      teamName: "ベンチ",
    };
    const scenarioId = (await listPlayableScenarios(db, user)).find(
      (e) => e.id === "angry-broken-bottle",
    )!.scenarioId;
    const llm: LlmEnv = {
      apiKey: undefined,
      baseUrl: server.url,
      callerModel: "bench-caller",
      judgeModel: undefined,
      priceInputPerMTok: 0,
      priceOutputPerMTok: 0,
      rateLimitPerHour: 1_000_000,
      timeoutMs: 5000,
      maxRetries: 0,
    };
    // Call time moves 30 s per reply, so no reply interrupts and no call runs out of time.
    let ms = Date.now();
    const clock: Clock = { now: () => new Date(ms) };

    const added: number[] = [];
    const total: number[] = [];
    const provider: number[] = [];
    let callId = "";
    for (let i = 0; i < warmup + count; i++) {
      if (i % replies.length === 0) {
        callId = (await startCallForUser(db, user, { scenarioId, mode: "llm", llm }, clock)).id;
      }
      ms += 30_000;
      const logged = server.log.length;
      const started = performance.now();
      let firstToken = 0;
      // As the route does: the generation starts as soon as the engine has chosen the line.
      let generation: CallerGeneration | undefined;
      const { followUp } = await sendReplyWithFollowUp(
        db,
        user,
        callId,
        { text: replies[i % replies.length]! },
        clock,
        {
          onVoicePlan: (plan, llmRequestsLastHour) => {
            const allowed = isUnderRateLimit(llmRequestsLastHour, llm);
            generation = startCallerGeneration(db, llm, plan, () => clock.now(), allowed);
          },
        },
      );
      if (!followUp?.pending) throw new Error("expected a pending LLM line");
      await runReplyFollowUp(
        db,
        llm,
        followUp,
        {
          delta: () => {
            if (firstToken === 0) firstToken = performance.now();
          },
          line: () => undefined,
          fallback: (message) => {
            throw new Error(`unexpected fallback: ${message}`);
          },
        },
        () => clock.now(),
        generation,
      );
      const request = server.log[logged];
      if (!request || firstToken === 0) throw new Error("no caller token was streamed");
      if (i < warmup) continue;
      total.push(firstToken - started);
      provider.push(request.firstByteMs);
      added.push(firstToken - started - request.firstByteMs);
    }
    return { added, total, provider };
  } finally {
    await handle.close();
    await server.close();
  }
}

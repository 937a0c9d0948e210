import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/accounts/users";
import { startCallForUser } from "@/lib/calls/call-service";
import { listPlayableScenarios, syncBuiltInScenarios } from "@/lib/calls/scenario-store";
import type { DbHandle } from "@/lib/db/open-database";
import { voicedDurationMs } from "@/lib/llm/testing/fake-audio";
import { type FakeLlmServer, startFakeLlmServer } from "@/lib/llm/testing/fake-llm-server";
import { createTestTeam } from "@/lib/testing/team-fixture";
import { testDatabaseTargets } from "@/lib/testing/test-databases";
import { speakCallerLine } from "./speak";
import { decodeWav } from "./testing/synthetic-audio";

async function readAll(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(body).arrayBuffer());
}

describe.each(testDatabaseTargets())("speakCallerLine on $name", (target) => {
  let handle: DbHandle;
  let server: FakeLlmServer;
  let trainee: SessionUser;
  let other: SessionUser;
  let trainer: SessionUser;
  let scenarioId: string;
  const tts = (model = "fake-tts") => ({
    apiKey: undefined,
    baseUrl: server.url,
    model,
    voices: ["coral", "ash"],
    timeoutMs: 5000,
  });

  beforeAll(async () => {
    [handle, server] = await Promise.all([target.open(), startFakeLlmServer()]);
    await syncBuiltInScenarios(handle.db);
    const team = await createTestTeam(handle.db, "読み上げチーム");
    trainee = team.trainees[0]!;
    other = team.trainees[1]!;
    trainer = team.trainer;
    scenarioId = (await listPlayableScenarios(handle.db, trainee)).find(
      (e) => e.id === "angry-broken-bottle",
    )!.scenarioId;
  });
  afterAll(async () => {
    await Promise.all([handle.close(), server.close()]);
  });

  it("voices the owner's caller line at the persona's pace, with the persona's voice", async () => {
    const call = await startCallForUser(handle.db, trainee, { scenarioId, mode: "scripted" });
    const opening = call.turns[0]!;
    const audio = await speakCallerLine(handle.db, trainee, call.id, opening.seq, tts("gpt-4o-mini-tts"));
    expect(audio.contentType).toBe("audio/wav");
    const { samples, sampleRate } = decodeWav(await readAll(audio.body));
    const sent = server.log.findLast((e) => e.endpoint === "speech")!.speech!;
    expect(sent).toMatchObject({ input: opening.text, response_format: "mp3", model: "gpt-4o-mini-tts" });
    expect(["coral", "ash"]).toContain(sent.voice);
    // An angry caller speaks faster than a calm voice's own pace, and is told how to sound.
    expect(sent.speed).toBeGreaterThan(1);
    expect(sent.instructions).toContain("怒って");
    // The fake says 130 ms per character at speed 1: the audio is as long as the speed makes it.
    const chars = opening.text.replace(/[\s、。,.!?！？…]/g, "").length;
    expect(voicedDurationMs(samples, sampleRate)).toBeLessThan((chars * 130) / sent.speed! + 100);
  });

  it("gives a line to its owner only, and only a said line", async () => {
    const call = await startCallForUser(handle.db, trainee, { scenarioId, mode: "scripted" });
    await expect(speakCallerLine(handle.db, other, call.id, 0, tts())).rejects.toMatchObject({ status: 404 });
    await expect(speakCallerLine(handle.db, trainer, call.id, 0, tts())).rejects.toMatchObject({
      status: 404,
    });
    await expect(speakCallerLine(handle.db, trainee, call.id, 99, tts())).rejects.toMatchObject({
      status: 404,
    });
    await expect(speakCallerLine(handle.db, trainee, call.id, 0, undefined)).rejects.toMatchObject({
      status: 503,
    });
  });

  it("answers 503 with a Japanese message when the provider fails", async () => {
    const call = await startCallForUser(handle.db, trainee, { scenarioId, mode: "scripted" });
    const broken = { ...tts(), baseUrl: "http://127.0.0.1:9/v1", timeoutMs: 500 };
    await expect(speakCallerLine(handle.db, trainee, call.id, 0, broken)).rejects.toMatchObject({
      status: 503,
      message: expect.stringContaining("お客様の声を用意できませんでした"),
    });
  });
});

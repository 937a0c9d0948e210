import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/accounts/users";
import { endCallForUser, startCallForUser } from "@/lib/calls/call-service";
import { listPlayableScenarios, syncBuiltInScenarios } from "@/lib/calls/scenario-store";
import type { DbHandle } from "@/lib/db/open-database";
import { fakeTranscripts } from "@/lib/llm/testing/fake-audio";
import { type FakeLlmServer, startFakeLlmServer } from "@/lib/llm/testing/fake-llm-server";
import { createTestTeam } from "@/lib/testing/team-fixture";
import { testDatabaseTargets } from "@/lib/testing/test-databases";
import { encodeWav, synthesizeParts } from "./testing/synthetic-audio";
import { transcribeForCall } from "./transcribe";
import { readWavUpload } from "./wav-upload";

const utterance = (speechMs: number) =>
  new Uint8Array(encodeWav(synthesizeParts([{ silenceMs: 200 }, { speechMs }, { silenceMs: 300 }])));

describe("readWavUpload", () => {
  it("takes a WAV and refuses anything else with a Japanese reason", () => {
    expect(readWavUpload(Buffer.from(utterance(300)).toString("base64")).ok).toBe(true);
    expect(
      readWavUpload(Buffer.from("hello, this is not audio at all, not at all!!").toString("base64")),
    ).toEqual({
      ok: false,
      message: "音声データの形式が正しくありません（WAV ではありません）。",
    });
  });
});

describe.each(testDatabaseTargets())("transcribeForCall on $name", (target) => {
  let handle: DbHandle;
  let server: FakeLlmServer;
  let trainee: SessionUser;
  let other: SessionUser;
  let scenarioId: string;
  const stt = () => ({ apiKey: undefined, baseUrl: server.url, model: "fake-stt", timeoutMs: 5000 });

  beforeAll(async () => {
    [handle, server] = await Promise.all([target.open(), startFakeLlmServer()]);
    await syncBuiltInScenarios(handle.db);
    const team = await createTestTeam(handle.db, "音声チーム");
    trainee = team.trainees[0]!;
    other = team.trainees[1]!;
    scenarioId = (await listPlayableScenarios(handle.db, trainee)).find(
      (e) => e.id === "angry-broken-bottle",
    )!.scenarioId;
  });
  afterAll(async () => {
    await Promise.all([handle.close(), server.close()]);
  });

  it("transcribes the owner's utterance through the OpenAI-compatible endpoint", async () => {
    const call = await startCallForUser(handle.db, trainee, { scenarioId, mode: "scripted" });
    await expect(transcribeForCall(handle.db, trainee, call.id, utterance(500), stt())).resolves.toEqual({
      text: fakeTranscripts.short,
    });
    await expect(transcribeForCall(handle.db, trainee, call.id, utterance(2500), stt())).resolves.toEqual({
      text: fakeTranscripts.long,
    });
  });

  it("refuses another user's call, an ended call, and answers 503 without a configured endpoint", async () => {
    const call = await startCallForUser(handle.db, trainee, { scenarioId, mode: "scripted" });
    await expect(transcribeForCall(handle.db, other, call.id, utterance(500), stt())).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      transcribeForCall(handle.db, trainee, call.id, utterance(500), undefined),
    ).rejects.toMatchObject({
      status: 503,
    });
    await endCallForUser(handle.db, trainee, call.id);
    await expect(transcribeForCall(handle.db, trainee, call.id, utterance(500), stt())).rejects.toMatchObject(
      {
        status: 409,
      },
    );
  });

  it("answers 503 with a Japanese message when the provider fails", async () => {
    const call = await startCallForUser(handle.db, trainee, { scenarioId, mode: "scripted" });
    const broken = { ...stt(), baseUrl: "http://127.0.0.1:9/v1", timeoutMs: 500 };
    await expect(
      transcribeForCall(handle.db, trainee, call.id, utterance(500), broken),
    ).rejects.toMatchObject({
      status: 503,
      message: expect.stringContaining("音声を文字にできませんでした"),
    });
  });
});

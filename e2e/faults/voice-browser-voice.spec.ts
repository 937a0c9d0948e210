import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type FakeLlmServer, startFakeLlmServer } from "../../lib/llm/testing/fake-llm-server";
import { expect, test } from "../fixtures";
import { fakeMicrophone, VoiceCallPage } from "../pages/voice-call-page";
import { AppServer } from "./app-server";
import { faultsPort } from "./ports";

// A server without a text-to-speech endpoint (no KIKITE_TTS_MODEL: the default, as a newcomer runs it):
// the caller's lines are said by the browser's speechSynthesis, and where the browser has no Japanese
// voice (headless Chromium) they are captioned at the persona's pace. The main e2e server voices callers
// through the fake provider's audio/speech, so this default path gets a server of its own here. Speech
// to text still goes through the fake provider's deterministic audio/transcriptions.

const fakePort = faultsPort + 5;
let fake: FakeLlmServer;
const server = new AppServer({
  port: faultsPort,
  dataDir: fs.mkdtempSync(path.join(os.tmpdir(), "kikite-faults-browser-voice-")),
  env: {
    KIKITE_STT_MODEL: "fake-stt",
    KIKITE_STT_BASE_URL: `http://127.0.0.1:${fakePort}/v1`,
    KIKITE_TTS_MODEL: undefined,
    KIKITE_TTS_BASE_URL: undefined,
  },
});

// angry-broken-bottle's opening takes about 6.3 s to say at the persona's pace.
test.use({ launchOptions: fakeMicrophone("browser-voice", [{ silenceMs: 11_000 }, { speechMs: 2500 }]) });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  fake = await startFakeLlmServer({}, fakePort);
  await server.start();
});
test.afterAll(async () => {
  await server.stop();
  await fake?.close();
});

test("without a server voice the caller is said by the browser (captioned here), and the call goes on", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const call = new VoiceCallPage(page);
  await call.pickUpAsTrainee("angry-broken-bottle");
  await expect(page.getByTestId("voice-caption")).toContainText("瓶が割れて");
  await expect(call.replies.first()).toContainText("瓶が割れていたのですね", { timeout: 30_000 });
  await expect(call.callerLines).toHaveCount(2, { timeout: 15_000 });
  // Nothing was asked of a speech endpoint: the browser said every line.
  expect(fake.log.filter((entry) => entry.endpoint === "speech")).toEqual([]);
  expect(fake.log.filter((entry) => entry.endpoint === "transcriptions").length).toBeGreaterThan(0);
  await call.hangUp();
  await expect(page.getByTestId("timeline-lane-caller").getByTestId("timeline-segment")).not.toHaveCount(0);
  await expect(page.getByTestId("timeline-lane-operator").getByTestId("timeline-segment")).toHaveCount(1);
});

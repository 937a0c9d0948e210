import type { Browser } from "@playwright/test";
import { encodeWav, synthesizeParts } from "../lib/speech/testing/synthetic-audio";
import { expect, test } from "./fixtures";
import { demo, SignInPage } from "./pages/sign-in-page";
import { signUpThroughInvite } from "./pages/team-pages";
import { cuedMicrophone, VoiceCallPage, voiceBrowser } from "./pages/voice-call-page";

// Raw audio retention, opt-in per team: a team of its own for each test (the demo team's setting never
// changes under other specs), its trainer sets retention on the team page, its trainee answers one
// voice call through the fake microphone, and the review plays the reply's audio — or, with retention
// off, nothing is stored.

const scenario = "angry-broken-bottle";
const reply = "さようでございますか 瓶が割れていたのですね";

test.use({ launchOptions: voiceBrowser });

async function newTeam(browser: Browser, label: string) {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  await new SignInPage(page).signInAs(demo.admin);
  const created = await page.request.post("/api/admin/teams", { data: { name: `${label} ${stamp}` } });
  expect(created.status()).toBe(201);
  const teamId = ((await created.json()) as { id: string }).id;
  const invite = async (role: "trainer" | "trainee") => {
    const response = await page.request.post(`/api/admin/teams/${teamId}/invites`, { data: { role } });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { link: string }).link;
  };
  const trainer = await signUpThroughInvite(browser, await invite("trainer"), {
    name: "録音 指導",
    email: `rec-trainer-${stamp}@example.com`,
  });
  const trainee = await signUpThroughInvite(browser, await invite("trainee"), {
    name: "録音 研修",
    email: `rec-trainee-${stamp}@example.com`,
  });
  await trainee.context.grantPermissions(["microphone"]);
  await context.close();
  return { trainer, trainee };
}

/** The trainee answers the caller's opening once, aloud, and hangs up: returns the review's URL. */
async function answerOnce(call: VoiceCallPage, recordingNotice: boolean) {
  const microphone = await cuedMicrophone(call.page, [{ speechMs: 2500 }]);
  await call.startFromCatalog(scenario);
  await expect(call.page.getByTestId("voice-recording-notice")).toHaveCount(recordingNotice ? 1 : 0);
  await call.pickUp();
  await expect(call.page.getByTestId("voice-status")).toBeVisible({ timeout: 45_000 });
  await expect(call.page.getByTestId("voice-caption")).toBeVisible();
  await expect(call.page.getByTestId("voice-caption")).toBeHidden();
  await microphone.say();
  await expect(call.replies.first()).toContainText(reply, { timeout: 30_000 });
  await expect(call.callerLines).toHaveCount(2, { timeout: 15_000 });
  await call.hangUp();
  return call.page.url();
}

test("with retention on, the reply's audio is playable on the review and its trainer deletes it", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { trainer, trainee } = await newTeam(browser, "録音あり班");

  await trainer.page.goto("/trainer");
  const settings = trainer.page.getByRole("region", { name: "音声練習の録音" });
  const status = settings.getByTestId("audio-retention-status");
  await expect(status).toHaveText("現在：録音していません。");
  await trainer.page.getByLabel("研修生の声を録音して保存する").check();
  const days = trainer.page.getByLabel("保存期間（日）");
  await days.fill("120");
  await trainer.page.getByRole("button", { name: "設定を保存する" }).click();
  await expect(settings.getByRole("alert")).toHaveText("保存期間は90日以内にしてください。");
  await expect(status).toHaveText("現在：録音していません。");
  await days.fill("7");
  await trainer.page.getByRole("button", { name: "設定を保存する" }).click();
  await expect(status).toHaveText("現在：録音しています（保存期間 7日）。");

  const call = new VoiceCallPage(trainee.page);
  const reviewUrl = await answerOnce(call, true);
  await expect(call.page.getByTestId("voice-recording-notice")).toHaveCount(0);
  const recording = trainee.page.getByTestId("recording");
  await expect(recording).toHaveCount(1);
  await expect(recording).toContainText(reply);
  const audio = recording.locator("audio");
  await expect
    .poll(() => audio.evaluate((el: HTMLAudioElement) => el.readyState), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(HTMLMediaElementHaveMetadata);
  // The utterance as the detector cut it: 2.5 s of speech with its padding and end-of-turn silence.
  const seconds = await audio.evaluate((el: HTMLAudioElement) => el.duration);
  expect(seconds).toBeGreaterThan(2);
  expect(seconds).toBeLessThan(6);
  const src = (await audio.getAttribute("src"))!;
  const served = await trainee.page.request.get(src);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("audio/wav");
  // The trainee may listen, not delete.
  await expect(trainee.page.getByRole("button", { name: "この通話の録音を削除する" })).toHaveCount(0);

  // The team's trainer hears it too, and deletes the call's recordings.
  await trainer.page.goto(reviewUrl);
  await expect(trainer.page.getByTestId("recording")).toHaveCount(1);
  expect((await trainer.page.request.get(src)).status()).toBe(200);
  await trainer.page.getByRole("button", { name: "この通話の録音を削除する" }).click();
  await trainer.page.getByRole("button", { name: "削除する", exact: true }).click();
  await expect(trainer.page.getByTestId("recordings")).toHaveCount(0);
  expect((await trainer.page.request.get(src)).status()).toBe(404);
  expect((await trainee.page.request.get(src)).status()).toBe(404);

  await trainer.context.close();
  await trainee.context.close();
});

test("with retention off, the trainee is not told of recording and no audio is stored", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { trainer, trainee } = await newTeam(browser, "録音なし班");
  await trainer.page.goto("/trainer");
  await expect(trainer.page.getByTestId("audio-retention-status")).toHaveText("現在：録音していません。");

  const call = new VoiceCallPage(trainee.page);
  // The reply's id, to try storing its audio behind the screen's back.
  const replyIds: string[] = [];
  trainee.page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/replies")) {
      replyIds.push((request.postDataJSON() as { replyId: string }).replyId);
    }
  });
  const reviewUrl = await answerOnce(call, false);
  await expect(trainee.page.getByTestId("voice-timeline")).toBeVisible();
  await expect(trainee.page.getByTestId("recordings")).toHaveCount(0);
  const callPath = new URL(reviewUrl).pathname.replace(/\/review$/, "");
  // The screen sent no audio; sent anyway, the server keeps none.
  expect(replyIds).toHaveLength(1);
  const wav = Buffer.from(encodeWav(synthesizeParts([{ speechMs: 500 }])));
  const refused = await trainee.page.request.post(`/api${callPath}/recordings`, {
    data: { replyId: replyIds[0], audio: wav.toString("base64") },
  });
  expect(refused.status()).toBe(200);
  expect(await refused.json()).toEqual({ stored: false });
  // No turn of the call has audio, for its trainee or its trainer.
  for (let seq = 0; seq < 6; seq++) {
    expect((await trainee.page.request.get(`/api${callPath}/recordings/${seq}`)).status()).toBe(404);
  }
  await trainer.page.goto(reviewUrl);
  await expect(trainer.page.getByTestId("voice-timeline")).toBeVisible();
  await expect(trainer.page.getByTestId("recordings")).toHaveCount(0);

  await trainer.context.close();
  await trainee.context.close();
});

/** HTMLMediaElement.HAVE_METADATA: the browser has read the file's header and knows its duration. */
const HTMLMediaElementHaveMetadata = 1;

import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";
import { demo, SignInPage } from "./pages/sign-in-page";
import { cuedMicrophone, voiceBrowser } from "./pages/voice-call-page";

// A contest practised by voice: the problem card, 声で応対する, the voice call with the time limit
// counting down, and the hard stop at the limit with the caller's closing line. The built-in clinic
// contest is copied by the demo trainer with a 75-second limit, so the test need not wait 3 minutes
// (75 s leaves room for the speech detector to load on a busy machine).

const LIMIT_SEC = 75;

test.use({ launchOptions: voiceBrowser });

test("a contest by voice stops at the time limit with the caller's closing line", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const trainer = await browser.newContext();
  const trainerPage = await trainer.newPage();
  await new SignInPage(trainerPage).signInAs(demo.trainer);
  const source = await readFile("scenarios/contest-clinic-appointment.yaml", "utf8");
  const title = `声のコンクール練習 ${stamp}`;
  const yaml = source
    .replace(/^id: .*$/m, `id: team-voice-contest-${stamp}`)
    .replace(/^title: .*$/m, `title: ${title}`)
    .replace(/^mode: scripted$/m, `mode: scripted\ntimeLimitSec: ${LIMIT_SEC}`);
  const imported = await trainerPage.request.post("/api/trainer/scenarios", { data: { from: "yaml", yaml } });
  expect(imported.status()).toBe(201);
  const { id, issues } = (await imported.json()) as { id: string; issues: unknown[] };
  expect(issues).toEqual([]);
  const published = await trainerPage.request.post(`/api/trainer/scenarios/${id}/publish`, { data: {} });
  expect(published.status()).toBe(201);

  await page.context().grantPermissions(["microphone"]);
  const microphone = await cuedMicrophone(page, [{ speechMs: 2500 }]);
  await new SignInPage(page).signInAs(demo.trainee2);
  await page.goto(`/practice/contest/${id}`);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await page.getByLabel("声で応対する（マイクを使います）").check();
  await page.getByRole("button", { name: "通話を開始する" }).click();
  await expect(page).toHaveURL(/\/calls\/[0-9a-f-]{36}\/voice$/);
  await expect(page.getByTestId("call-timer")).toHaveText(/^1:[01]\d$/);
  await page.getByTestId("voice-start").click();
  await expect(page.getByTestId("voice-status")).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId("voice-caption")).toContainText("予約");
  await expect(page.getByTestId("voice-caption")).toBeHidden();
  await microphone.say();
  await expect(page.getByTestId("voice-reply").first()).toBeVisible({ timeout: 30_000 });

  // The limit: the call ends as 時間切れ and the caller closes it in their own words, then the review.
  await expect(page.getByTestId("call-ended")).toHaveText(
    "制限時間（1:15）になりました。お客様が電話を切ります。",
    { timeout: (LIMIT_SEC + 10) * 1000 },
  );
  await expect(page.getByTestId("call-timer")).toHaveText("0:00");
  await expect(page).toHaveURL(/\/review$/, { timeout: 30_000 });
  await expect(page.getByText("時間切れ").first()).toBeVisible();
  await expect(page.getByTestId("contest-prescore")).toContainText("機械による推定");

  // The judging sheet of a voice attempt shows the two-speaker timeline beside the transcript.
  const callId = /\/calls\/([0-9a-f-]{36})\/review$/.exec(page.url())?.[1];
  await trainerPage.goto(`/calls/${callId}/judge`);
  const timeline = trainerPage.getByTestId("judge-voice");
  await expect(timeline.getByTestId("timeline-lane-caller").getByTestId("timeline-segment")).not.toHaveCount(
    0,
  );
  await expect(timeline.getByTestId("timeline-lane-operator").getByTestId("timeline-segment")).toHaveCount(1);
  await expect(trainerPage.getByTestId("judge-transcript")).toContainText("瓶が割れていたのですね");
  await trainer.close();
});

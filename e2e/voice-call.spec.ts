import { expect, test } from "./fixtures";
import { fakeMicrophone, VoiceCallPage } from "./pages/voice-call-page";
import { demo, SignInPage } from "./pages/sign-in-page";

// Voice calls in a real Chromium: a fake microphone plays synthetic speech of known lengths through
// the real VAD, the server transcribes it through the OpenAI-compatible endpoint of the local fake
// provider (a short burst is 「はい」, a longer one a reply), and the caller's lines are said at the
// persona's pace (captions: headless Chromium has no Japanese voice).

// angry-broken-bottle's opening takes about 6.3 s to say.
const scenario = "angry-broken-bottle";
const reply = "さようでございますか 瓶が割れていたのですね";

test.describe("a clean voice reply", () => {
  test.use({ launchOptions: fakeMicrophone("clean", [{ silenceMs: 11_000 }, { speechMs: 2500 }]) });

  test("the trainee answers after the caller, the caller answers, and the review shows the timeline", async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    await context.grantPermissions(["microphone"]);
    await new SignInPage(page).signInAs(demo.trainee2);
    const call = new VoiceCallPage(page);
    await call.startFromCatalog(scenario);
    await call.pickUp();
    await expect(page.getByTestId("voice-caption")).toContainText("瓶が割れて届いた");
    await expect(call.replies.first()).toContainText(reply, { timeout: 30_000 });
    await expect(call.replies.first()).not.toContainText("相づち");
    // The caller answers the reply.
    await expect(call.callerLines).toHaveCount(2, { timeout: 15_000 });
    await call.hangUp();
    const timeline = page.getByTestId("voice-timeline");
    await expect(timeline).toBeVisible();
    await expect(page.getByTestId("timeline-lane-caller").getByTestId("timeline-segment")).not.toHaveCount(0);
    await expect(page.getByTestId("timeline-lane-operator").getByTestId("timeline-segment")).toHaveCount(1);
    await expect(page.getByTestId("timeline-overlap-interruption")).toHaveCount(0);
    await expect(page.getByTestId("voice-measure-interruptions")).toContainText("0回");
    await expect(page.getByTestId("voice-measure-pace")).toContainText("拍/分");
  });
});

test.describe("talking over the caller", () => {
  test.use({ launchOptions: fakeMicrophone("talk-over", [{ silenceMs: 3500 }, { speechMs: 3000 }]) });

  test("a substantive utterance over the caller stops them and counts as an interruption", async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    await context.grantPermissions(["microphone"]);
    await new SignInPage(page).signInAs(demo.trainee2);
    const call = new VoiceCallPage(page);
    await call.startFromCatalog(scenario);
    await call.pickUp();
    await expect(page.getByTestId("voice-caption")).toBeVisible();
    const anger = Number(await page.getByTestId("mood-anger").textContent());
    // The barge-in stops the caller's line before it is over.
    await expect(page.getByTestId("voice-status")).toHaveText("あなたの声を聞いています", { timeout: 15_000 });
    await expect(page.getByTestId("voice-caption")).toBeHidden();
    await expect(call.replies.first()).toContainText(reply, { timeout: 30_000 });
    // The mood engine reacts as in a typed call: cutting in angers the caller.
    await expect
      .poll(async () => Number(await page.getByTestId("mood-anger").textContent()))
      .toBeGreaterThan(anger);
    await call.hangUp();
    await expect(page.getByTestId("timeline-overlap-interruption")).toHaveCount(1);
    await expect(page.getByTestId("voice-measure-interruptions")).toContainText("1回");
  });
});

test.describe("a microphone the browser refuses", () => {
  test.use({ launchOptions: fakeMicrophone("denied", [{ silenceMs: 1000 }]) });

  test("says so in Japanese and offers the text call", async ({ page }) => {
    await new SignInPage(page).signInAs(demo.trainee2);
    const call = new VoiceCallPage(page);
    await call.startFromCatalog(scenario);
    await call.pickUp();
    const denied = page.getByTestId("voice-denied");
    await expect(denied).toContainText("マイクの使用が許可されていない");
    await denied.getByTestId("text-call-link").click();
    await expect(page).toHaveURL(/\/calls\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("caller-line").first()).toBeVisible();
  });
});

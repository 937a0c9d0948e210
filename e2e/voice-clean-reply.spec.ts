import { expect, test } from "./fixtures";
import { cuedMicrophone, VoiceCallPage, voiceBrowser } from "./pages/voice-call-page";

// Voice calls in a real Chromium: a fake microphone plays synthetic speech of known lengths through
// the real VAD, the server transcribes it through the OpenAI-compatible endpoint of the local fake
// provider (a short burst is 「はい」, a longer one a reply), and the caller's lines are said at the
// persona's pace (captions: headless Chromium has no Japanese voice).

// angry-broken-bottle's opening takes 6 to 7 s to say.
const scenario = "angry-broken-bottle";
const reply = "さようでございますか 瓶が割れていたのですね";

test.use({ launchOptions: voiceBrowser });

test.describe("a clean voice reply", () => {
  test("the trainee answers after the caller, the caller answers, and the review shows the timeline", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const microphone = await cuedMicrophone(page, [{ speechMs: 2500 }]);
    const call = new VoiceCallPage(page);
    await call.pickUpAsTrainee(scenario);
    await expect(page.getByTestId("voice-caption")).toContainText("瓶が割れて");
    // The trainee answers once the caller's line is over.
    await expect(page.getByTestId("voice-caption")).toBeHidden();
    await microphone.say();
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

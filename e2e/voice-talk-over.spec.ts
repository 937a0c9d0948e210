import { expect, test } from "./fixtures";
import { cuedMicrophone, VoiceCallPage, voiceBrowser } from "./pages/voice-call-page";

// Voice calls in a real Chromium: a microphone the test cues plays synthetic speech of known lengths through
// the real VAD, the server transcribes it through the OpenAI-compatible endpoint of the local fake
// provider (a short burst is 「はい」, a longer one a reply), and the caller's lines are said at the
// persona's pace (captions: headless Chromium has no Japanese voice).

// angry-broken-bottle's opening takes 6 to 7 s to say.
const scenario = "angry-broken-bottle";
const reply = "さようでございますか 瓶が割れていたのですね";

// Three seconds of speech said once the caller's line has begun: its 900 ms barge-in ends long before
// the shortest opening line (about 6 s) would end on its own.
test.use({ launchOptions: voiceBrowser });

test.describe("talking over the caller", () => {
  test("a substantive utterance over the caller stops them and counts as an interruption", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const microphone = await cuedMicrophone(page, [{ speechMs: 3000 }]);
    const call = new VoiceCallPage(page);
    await call.pickUpAsTrainee(scenario);
    await expect(page.getByTestId("voice-caption")).toBeVisible();
    const anger = Number(await page.getByTestId("mood-anger").textContent());
    const said = microphone.say();
    // The barge-in stops the caller's line before it is over.
    await expect(page.getByTestId("voice-status")).toHaveText("あなたの声を聞いています", {
      timeout: 15_000,
    });
    await expect(page.getByTestId("voice-caption")).toBeHidden();
    await said;
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

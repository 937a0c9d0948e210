import { expect, test } from "./fixtures";
import { cuedMicrophone, VoiceCallPage, voiceBrowser } from "./pages/voice-call-page";

// Voice calls in a real Chromium: a microphone the test cues plays synthetic speech of known lengths through
// the real VAD, the server transcribes it through the OpenAI-compatible endpoint of the local fake
// provider (a short burst is 「はい」, a longer one a reply), and the caller's lines are said at the
// persona's pace from the server's speech route; a line's caption shows once its voice has begun, so the
// test speaks over audio that is really playing.

// The elderly regular's opening takes 9 to 13 s at her slow pace: the speech detector has that long to
// hear the 相づち while she is still talking (on a busy CI machine it has taken over 5 s).
const scenario = "lonely-elderly-regular";

// Half a second of speech said once the caller's line has begun, well inside it.
test.use({ launchOptions: voiceBrowser });

test.describe("a 相づち while the caller talks", () => {
  test("is kept as a 相づち, never an interruption: the caller goes on", async ({ page }) => {
    test.setTimeout(120_000);
    const microphone = await cuedMicrophone(page, [{ speechMs: 500 }]);
    const call = new VoiceCallPage(page);
    await call.pickUpAsTrainee(scenario);
    await expect(page.getByTestId("voice-caption")).toBeVisible();
    const loneliness = Number(await page.getByTestId("mood-loneliness").textContent());
    await microphone.say();
    await expect(call.replies.first()).toContainText("あなた（相づち）はい", { timeout: 30_000 });
    // The caller was not cut off and does not answer a 相づち: still only their opening line.
    await expect(call.callerLines).toHaveCount(1);
    expect(Number(await page.getByTestId("mood-loneliness").textContent())).toBe(loneliness);
    await call.hangUp();
    await expect(page.getByTestId("timeline-overlap-backchannel")).toHaveCount(1);
    await expect(page.getByTestId("timeline-overlap-interruption")).toHaveCount(0);
    await expect(page.getByTestId("voice-measure-backchannels")).toContainText("1回");
  });
});

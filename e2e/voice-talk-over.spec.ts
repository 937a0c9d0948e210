import { fakeTranscripts } from "../lib/llm/testing/fake-audio";
import { expect, test } from "./fixtures";
import { cuedMicrophone, VoiceCallPage, voiceBrowser } from "./pages/voice-call-page";

// Voice calls in a real Chromium: a microphone the test cues plays synthetic speech of known lengths through
// the real VAD, the server transcribes it through the OpenAI-compatible endpoint of the local fake
// provider (a short burst is 「はい」, a longer one a reply), and the caller's lines are said at the
// persona's pace from the server's speech route; a line's caption shows once its voice has begun, so the
// test speaks over audio that is really playing.

// The elderly regular's opening takes 9 to 13 s at her slow pace: the speech detector has that long to
// hear the trainee before the line would end on its own (on a busy CI machine it has taken over 5 s, so
// the 6 s opening of an angry caller ended first and the reply came after it).
const scenario = "lonely-elderly-regular";
const reply = fakeTranscripts.long;

// Three seconds of speech said once the caller's line has begun: its 900 ms barge-in ends long before
// the opening line would end on its own.
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
    const loneliness = Number(await page.getByTestId("mood-loneliness").textContent());
    const said = microphone.say();
    // The barge-in stops the caller's line before it is over.
    await expect(page.getByTestId("voice-status")).toHaveText("あなたの声を聞いています", {
      timeout: 15_000,
    });
    await expect(page.getByTestId("voice-caption")).toBeHidden();
    await said;
    await expect(call.replies.first()).toContainText(reply, { timeout: 30_000 });
    // The mood engine reacts as in a typed call: cutting in leaves the caller lonelier, whatever the
    // 相づち in the words earns back.
    await expect
      .poll(async () => Number(await page.getByTestId("mood-loneliness").textContent()))
      .toBeGreaterThan(loneliness);
    await call.hangUp();
    await expect(page.getByTestId("timeline-overlap-interruption")).toHaveCount(1);
    await expect(page.getByTestId("voice-measure-interruptions")).toContainText("1回");
  });
});

import { expect, test } from "./fixtures";
import { fakeMicrophone, VoiceCallPage } from "./pages/voice-call-page";

// Voice calls in a real Chromium: a fake microphone plays synthetic speech of known lengths through
// the real VAD, the server transcribes it through the OpenAI-compatible endpoint of the local fake
// provider (a short burst is 「はい」, a longer one a reply), and the caller's lines are said at the
// persona's pace (captions: headless Chromium has no Japanese voice).

// angry-broken-bottle's opening takes about 6.3 s to say.
const scenario = "angry-broken-bottle";
const reply = "さようでございますか 瓶が割れていたのですね";

// The fake microphone's clock starts when capture opens, the caller's line a moment later (up to ~4 s on a
// slow first load, measured on a clean CI run): speech at 4.5 s still falls inside the line however late it
// began, and ends its 900 ms barge-in before the shortest opening line would end on its own.
test.use({ launchOptions: fakeMicrophone("talk-over", [{ silenceMs: 4500 }, { speechMs: 3000 }]) });

test.describe("talking over the caller", () => {
  test("a substantive utterance over the caller stops them and counts as an interruption", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const call = new VoiceCallPage(page);
    await call.pickUpAsTrainee(scenario);
    await expect(page.getByTestId("voice-caption")).toBeVisible();
    const anger = Number(await page.getByTestId("mood-anger").textContent());
    // The barge-in stops the caller's line before it is over.
    await expect(page.getByTestId("voice-status")).toHaveText("あなたの声を聞いています", {
      timeout: 15_000,
    });
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

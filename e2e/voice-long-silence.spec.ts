import { expect, test } from "./fixtures";
import { cuedMicrophone, VoiceCallPage, voiceBrowser } from "./pages/voice-call-page";

// Dead air: the trainee stays silent for several seconds after the caller's line, then answers. The
// silence is measured from the audio and marked on the review's timeline as the trainee's. The caller
// engine has no dead-air behaviour: the caller waits, saying nothing, until the trainee speaks.

// angry-broken-bottle's opening lasts 6 to 7 s; the trainee answers some 5 s after it ends.
const scenario = "angry-broken-bottle";

test.use({ launchOptions: voiceBrowser });

test.describe("a long silence after the caller", () => {
  test("is measured, marked on the timeline, and the caller waits through it", async ({ page }) => {
    test.setTimeout(120_000);
    const microphone = await cuedMicrophone(page, [{ speechMs: 2500 }]);
    const call = new VoiceCallPage(page);
    await call.pickUpAsTrainee(scenario);
    await expect(page.getByTestId("voice-caption")).toBeVisible();
    // The line ends and nobody speaks: the screen waits for the trainee.
    await expect(page.getByTestId("voice-caption")).toBeHidden({ timeout: 15_000 });
    const status = page.getByTestId("voice-status");
    await expect(status).toHaveText("お話しください");
    const anger = await page.getByTestId("mood-anger").textContent();
    // Dead air: the trainee says nothing for five seconds.
    await page.waitForTimeout(5_000);
    const said = microphone.say();
    // When the trainee finally speaks, the caller has said nothing more and their mood has not moved.
    await expect(status).toHaveText("あなたの声を聞いています");
    await expect(call.callerLines).toHaveCount(1);
    await expect(page.getByTestId("mood-anger")).toHaveText(anger ?? "");
    await said;
    await expect(call.replies.first()).toBeVisible({ timeout: 30_000 });
    // Nothing was said into the dead air: the reply follows the opening directly.
    const transcript = page.getByTestId("voice-transcript").getByRole("listitem");
    await expect(transcript.nth(0)).toHaveAttribute("data-testid", "voice-caller-line");
    await expect(transcript.nth(1)).toHaveAttribute("data-testid", "voice-reply");
    await expect(call.callerLines).toHaveCount(2, { timeout: 15_000 });

    await call.hangUp();
    await expect(page.getByTestId("timeline-silence")).toHaveCount(1);
    const silences = page.getByTestId("voice-measure-silences");
    await expect(silences).toContainText("1回");
    const deadAir = Number(/お客様のお話の後：([\d.]+)秒/.exec((await silences.textContent()) ?? "")?.[1]);
    expect(deadAir).toBeGreaterThanOrEqual(3);
    expect(deadAir).toBeLessThan(15);
    // The response latency is that silence.
    const latency = Number(
      /([\d.]+)秒/.exec((await page.getByTestId("voice-measure-latency").textContent()) ?? "")?.[1],
    );
    expect(latency).toBeGreaterThanOrEqual(3);
    expect(latency).toBeLessThan(deadAir + 1);
  });
});

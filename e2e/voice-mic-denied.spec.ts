import { expect, test } from "./fixtures";
import { demo, SignInPage } from "./pages/sign-in-page";
import { fakeMicrophone, VoiceCallPage } from "./pages/voice-call-page";

// Voice calls in a real Chromium: a fake microphone plays synthetic speech of known lengths through
// the real VAD, the server transcribes it through the OpenAI-compatible endpoint of the local fake
// provider (a short burst is 「はい」, a longer one a reply), and the caller's lines are said at the
// persona's pace (captions: headless Chromium has no Japanese voice).

// angry-broken-bottle's opening takes 6 to 7 s to say.
const scenario = "angry-broken-bottle";

test.use({ launchOptions: fakeMicrophone("denied", [{ silenceMs: 1000 }]) });

test.describe("a microphone the browser refuses", () => {
  test("says so in Japanese and offers the text call", async ({ page }) => {
    await new SignInPage(page).signInAs(demo.trainee2);
    const call = new VoiceCallPage(page);
    await call.startFromCatalog(scenario);
    await call.pickUp();
    const denied = page.getByTestId("voice-denied");
    // The microphone is asked for once the speech detector has loaded (slow on a busy machine).
    await expect(denied).toContainText("マイクの使用が許可されていない", { timeout: 45_000 });
    await denied.getByTestId("text-call-link").click();
    await expect(page).toHaveURL(/\/calls\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("caller-line").first()).toBeVisible();
  });
});

import { FAKE_VOICE_PREFIX } from "../lib/llm/testing/fake-llm-server";
import { expect, test } from "./fixtures";
import { cuedMicrophone, VoiceCallPage, voiceBrowser } from "./pages/voice-call-page";

// A voice call with an LLM-voiced caller (the local fake provider re-words the scripted line with a
// recognisable opening): the reply is streamed as in the text call, and the caller's generated line is
// said once the model has finished it.

// angry-broken-bottle's opening (scripted in LLM play too) takes 6 to 7 s to say.
const scenario = "angry-broken-bottle";
const reply = "さようでございますか 瓶が割れていたのですね";

test.use({ launchOptions: voiceBrowser });

test.describe("a voice call with an AI caller", () => {
  test("the trainee answers aloud and hears the AI caller's generated answer", async ({ page }) => {
    test.setTimeout(120_000);
    const microphone = await cuedMicrophone(page, [{ speechMs: 2500 }]);
    const call = new VoiceCallPage(page);
    await call.pickUpAsTrainee(scenario, { llm: true });
    await expect(page.getByTestId("call-mode")).toHaveText("AI のお客様");
    await expect(page.getByTestId("voice-caption")).toContainText("瓶が割れて");
    // The trainee answers once the caller's line is over.
    await expect(page.getByTestId("voice-caption")).toBeHidden();
    await microphone.say();
    await expect(call.replies.first()).toContainText(reply, { timeout: 30_000 });
    // The generated line is said (its caption shows) and joins the transcript once whole.
    await expect(page.getByTestId("voice-caption")).toContainText(FAKE_VOICE_PREFIX, { timeout: 15_000 });
    await expect(call.callerLines).toHaveCount(2);
    await expect(call.callerLines.nth(1)).toContainText(FAKE_VOICE_PREFIX);
    await expect(page.getByTestId("llm-fallback-notice")).toHaveCount(0);
    await call.hangUp();
    await expect(page.getByTestId("timeline-lane-caller").getByTestId("timeline-segment")).not.toHaveCount(0);
    await expect(page.getByTestId("timeline-lane-operator").getByTestId("timeline-segment")).toHaveCount(1);
  });
});

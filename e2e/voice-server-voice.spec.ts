import { expect, test } from "./fixtures";
import { cuedMicrophone, VoiceCallPage, voiceBrowser } from "./pages/voice-call-page";

// Server text to speech (KIKITE_TTS_MODEL, here the fake provider's audio/speech): every caller line is
// audio from the call's speech route, played by Chromium; talking over the caller pauses it.

// angry-broken-bottle's opening, as the fake voices it, lasts about 6 s: the trainee cuts in once it plays.
const scenario = "angry-broken-bottle";

test.use({ launchOptions: voiceBrowser });

interface PlayedAudio {
  src: string;
  events: string[];
}

test.describe("the caller's voice from the server", () => {
  test("each line plays from the speech route, and a barge-in stops the audio", async ({ page }) => {
    test.setTimeout(120_000);
    // What the page's media elements do, recorded as they do it.
    await page.addInitScript(() => {
      const played: { src: string; events: string[] }[] = [];
      Object.assign(window, { __played: played });
      const play = HTMLMediaElement.prototype.play;
      HTMLMediaElement.prototype.play = function recordedPlay(this: HTMLMediaElement) {
        const entry = { src: this.src, events: [] as string[] };
        played.push(entry);
        for (const name of ["playing", "pause", "emptied", "ended", "error"]) {
          this.addEventListener(name, () => entry.events.push(name));
        }
        return play.call(this);
      };
    });
    const played = () => page.evaluate(() => (window as unknown as { __played: PlayedAudio[] }).__played);
    const microphone = await cuedMicrophone(page, [{ speechMs: 3000 }]);
    const call = new VoiceCallPage(page);
    await call.pickUpAsTrainee(scenario);
    const callId = /\/calls\/([0-9a-f-]{36})\/voice/.exec(page.url())![1]!;

    // The opening plays from the owner's speech route…
    await expect
      .poll(async () => (await played())[0]?.events ?? [], { timeout: 15_000 })
      .toContain("playing");
    expect((await played())[0]!.src).toMatch(new RegExp(`/api/calls/${callId}/speech/0$`));
    // …until the trainee talks over it: stopped before its end, the rest of its download dropped (the
    // element emptied; its queued pause event goes with it).
    const said = microphone.say();
    await expect(page.getByTestId("voice-status")).toHaveText("あなたの声を聞いています", {
      timeout: 15_000,
    });
    await expect.poll(async () => (await played())[0]!.events, { timeout: 5_000 }).toContain("emptied");
    expect((await played())[0]!.events).not.toContain("ended");

    // The caller's answer to the cut-in plays to its end.
    await said;
    await expect(call.replies.first()).toBeVisible({ timeout: 30_000 });
    await expect
      .poll(async () => (await played()).at(-1)?.events ?? [], { timeout: 30_000 })
      .toContain("ended");
    const answer = (await played()).at(-1)!;
    expect(answer.src).toMatch(new RegExp(`/api/calls/${callId}/speech/([2-9]|\\d\\d)$`));
    expect(answer.events).not.toContain("error");

    await call.hangUp();
    await expect(page.getByTestId("timeline-overlap-interruption")).toHaveCount(1);
  });
});

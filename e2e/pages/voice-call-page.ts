import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { type AudioPart, encodeWav, synthesizeParts } from "../../lib/speech/testing/synthetic-audio";
import { chromiumArgs, systemChromium } from "../browser";
import { demo, SignInPage } from "./sign-in-page";

/**
 * Chromium's launch options for a fake microphone that plays these parts (from when the page opens
 * the microphone; the file loops, so it ends in a long silence).
 */
export function fakeMicrophone(name: string, parts: AudioPart[]) {
  const file = path.join(os.tmpdir(), `kikite-voice-${name}-${process.pid}.wav`);
  fs.writeFileSync(file, encodeWav(synthesizeParts([...parts, { silenceMs: 90_000 }])));
  return {
    executablePath: systemChromium,
    args: [
      ...voiceBrowser.args,
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-audio-capture=${file}`,
    ],
  };
}

/** Chromium's launch options for a voice call whose microphone the test replaces (`cuedMicrophone`). */
export const voiceBrowser = {
  executablePath: systemChromium,
  args: [...chromiumArgs, "--autoplay-policy=no-user-gesture-required"],
};

/**
 * A microphone the test speaks into on cue, for speech timed against the caller's line: the page's
 * getUserMedia gets a stream that stays silent until `say()` plays these parts into it. (The fake
 * capture file of `fakeMicrophone` starts when the page opens the microphone, and how long after that
 * the caller begins depends on how busy the machine is.) Call before the page loads.
 */
export async function cuedMicrophone(page: Page, parts: AudioPart[]) {
  const wav = encodeWav(synthesizeParts(parts)).toString("base64");
  await page.addInitScript((base64) => {
    const cue = window as unknown as { kikiteSay?: () => Promise<void> };
    let context: AudioContext | undefined;
    let destination: MediaStreamAudioDestinationNode | undefined;
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      if (!constraints?.audio) return original(constraints);
      context ??= new AudioContext();
      destination = context.createMediaStreamDestination();
      return destination.stream;
    };
    cue.kikiteSay = async () => {
      if (!context || !destination) throw new Error("the page has not opened the microphone");
      await context.resume();
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const source = context.createBufferSource();
      source.buffer = await context.decodeAudioData(bytes.buffer);
      source.connect(destination);
      const ended = new Promise<void>((resolve) => source.addEventListener("ended", () => resolve()));
      source.start();
      await ended;
    };
  }, wav);
  return {
    /** Plays the parts into the microphone; resolves when they have been said. */
    say: () => page.evaluate(() => (window as unknown as { kikiteSay: () => Promise<void> }).kikiteSay()),
  };
}

/** The voice call screen, as a trainee uses it. */
export class VoiceCallPage {
  constructor(readonly page: Page) {}

  /** 音声で練習する (scripted caller), or with `llm` AI のお客様と音声で練習する. */
  async startFromCatalog(scenarioId: string, options: { llm?: boolean } = {}) {
    await this.page.goto("/practice");
    await this.page
      .getByTestId(`scenario-${scenarioId}`)
      .getByRole("button", {
        name: options.llm ? "AI のお客様と音声で練習する" : "音声で練習する",
        exact: true,
      })
      .click();
    await expect(this.page).toHaveURL(/\/calls\/[0-9a-f-]{36}\/voice$/);
  }

  async pickUp() {
    await this.page.getByTestId("voice-start").click();
  }

  /** The demo trainee, microphone allowed, picks the call up once the speech detector has loaded. */
  async pickUpAsTrainee(scenarioId: string, options: { llm?: boolean } = {}) {
    await this.page.context().grantPermissions(["microphone"]);
    await new SignInPage(this.page).signInAs(demo.trainee2);
    await this.startFromCatalog(scenarioId, options);
    await this.pickUp();
    // Loading the speech detector (model and WebAssembly) takes a while on a busy machine.
    await expect(this.page.getByTestId("voice-status")).toBeVisible({ timeout: 45_000 });
  }

  get replies() {
    return this.page.getByTestId("voice-reply");
  }

  get callerLines() {
    return this.page.getByTestId("voice-caller-line");
  }

  async hangUp() {
    await this.page.getByRole("button", { name: "通話を終える" }).click();
    await expect(this.page).toHaveURL(/\/review$/);
  }
}

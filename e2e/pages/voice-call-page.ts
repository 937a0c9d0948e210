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
      ...chromiumArgs,
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-audio-capture=${file}`,
      "--autoplay-policy=no-user-gesture-required",
    ],
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

import fs from "node:fs";
import { devices, type PlaywrightTestConfig } from "@playwright/test";

// The browser every Playwright config here drives (playwright.config.ts, playwright.faults.config.ts).

// A system Chromium (Debian's, or CHROMIUM_PATH) when there is one; Playwright's own browser otherwise.
export const systemChromium = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
].find((p): p is string => Boolean(p && fs.existsSync(p)));

/** Chromium's flags for a container (no sandbox, no GPU) and a quiet browser (no updates, no sync). */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-dev-shm-usage",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A Japanese operator's browser: locale, time zone, and what to keep of a failing test. */
export const browserUse = {
  locale: "ja-JP",
  timezoneId: "Asia/Tokyo",
  trace: "retain-on-failure",
  screenshot: "only-on-failure",
} satisfies PlaywrightTestConfig["use"];

export const chromiumProjects = [
  {
    name: "chromium",
    use: {
      ...devices["Desktop Chrome"],
      launchOptions: { executablePath: systemChromium, args: chromiumArgs },
    },
  },
] satisfies PlaywrightTestConfig["projects"];

import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { faultsBaseURL } from "./e2e/faults/ports";

// Fault tests (`npm run test:faults`): each starts, kills and restarts its own production server
// (e2e/faults/app-server.ts), so there is no webServer here. They run one at a time on the e2e port.

const systemChromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (p): p is string => Boolean(p && fs.existsSync(p)),
);

export default defineConfig({
  testDir: "e2e/faults",
  globalSetup: "./e2e/faults/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: faultsBaseURL,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: systemChromium,
          args: [
            "--no-sandbox",
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--disable-background-networking",
          ],
        },
      },
    },
  ],
});

import { defineConfig } from "@playwright/test";
import { browserUse, chromiumProjects } from "./e2e/browser";
import { faultsBaseURL } from "./e2e/faults/ports";

// Fault tests (`npm run test:faults`): each starts, kills and restarts its own production server
// (e2e/faults/app-server.ts), so there is no webServer here. They run one at a time on the e2e port.

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
  use: { baseURL: faultsBaseURL, ...browserUse },
  projects: chromiumProjects,
});

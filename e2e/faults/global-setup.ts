import { execSync } from "node:child_process";
import fs from "node:fs";

/**
 * Builds the production app the fault tests start, unless KIKITE_FAULTS_REUSE_BUILD=1 and a build is
 * there (`npm test` sets it: the e2e suite has just built the same sources).
 */
export default function globalSetup() {
  if (process.env.KIKITE_FAULTS_REUSE_BUILD === "1" && fs.existsSync(".next/BUILD_ID")) return;
  execSync("npm run build", { stdio: "inherit" });
}

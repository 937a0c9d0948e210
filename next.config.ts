import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_SERVER } from "next/constants.js";
import { parseEnv } from "./lib/env";

const config: NextConfig = {
  // Native or WASM packages that load files next to themselves: keep them out of the server bundle.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "lindera-wasm-nodejs-ipadic"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
  },
  poweredByHeader: false,
};

export default function nextConfig(phase: string): NextConfig {
  // Fail at start-up, naming every bad variable, rather than on the first request.
  if (phase === PHASE_PRODUCTION_SERVER || phase === PHASE_DEVELOPMENT_SERVER) {
    const result = parseEnv(process.env);
    if (!result.ok) {
      console.error(
        `Kikite cannot start, the environment is invalid:\n${result.problems.map((p) => `  - ${p}`).join("\n")}`,
      );
      process.exit(1);
    }
  }
  return config;
}

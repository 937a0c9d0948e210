import { type NextRequest, NextResponse } from "next/server";
import { type Env, getEnv } from "@/lib/env";
import { buildSecurityHeaders, createNonce, isHttpsRequest } from "@/lib/http/security-headers";

// Security headers on every response. The nonce is fresh per request and also set on the request's
// own Content-Security-Policy header, where Next.js reads it to put it on the scripts it renders
// (every page renders per request: the root layout reads the session).
export function proxy(request: NextRequest): NextResponse {
  const env = getEnv();
  const headers = buildSecurityHeaders({
    nonce: createNonce(),
    https: isHttpsRequest(request.headers, env.proxyTrust),
    dev: env.nodeEnv === "development",
    formActionOrigins: signOnOrigins(env.sso),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// Without JavaScript a single sign-on button is a plain form whose answer redirects to the provider,
// which form-action must allow.
function signOnOrigins({ microsoftEntraId, google }: Env["sso"]): string[] {
  return [
    ...(microsoftEntraId
      ? [
          microsoftEntraId.issuer
            ? new URL(microsoftEntraId.issuer).origin
            : "https://login.microsoftonline.com",
        ]
      : []),
    ...(google ? ["https://accounts.google.com"] : []),
  ];
}

import "server-only";
import type { NextRequest } from "next/server";
import type { ProxyTrust } from "@/lib/env";
import { requestOrigin } from "@/lib/http/request-origin";

/**
 * The request as the client addressed it, for Auth.js. Under `next start --hostname` Next.js builds a
 * route's URL from the instance's own address, and without AUTH_URL Auth.js takes its base URL (its
 * redirects, the callback URLs it accepts, OAuth redirect_uri) from there: behind a proxy or a load
 * balancer a sign-in then redirected to the instance and dropped a callbackUrl on the public origin.
 */
export function atPublicOrigin(request: NextRequest, trust: ProxyTrust): NextRequest {
  // With AUTH_URL set, Auth.js moves the request there itself.
  if (trust.publicUrl) return request;
  const url = new URL(request.url);
  const origin = requestOrigin(request.headers, trust);
  if (origin === url.origin) return request;
  // A plain Request: a NextRequest would spell 127.0.0.1 "localhost" (NextURL), another host for the
  // browser's cookies. Auth.js reads only what a Request has (next-auth reads nextUrl only with AUTH_URL).
  return new Request(`${origin}${url.pathname}${url.search}`, request) as NextRequest;
}

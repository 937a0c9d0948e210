// The security headers of every response, built from a few facts about the request. Pure: proxy.ts
// supplies the nonce, whether the request came over https and the single sign-on origins.
import type { ProxyTrust } from "@/lib/env";
import { requestOrigin } from "@/lib/http/request-origin";

export interface SecurityHeaderInput {
  /** A fresh, unpredictable value per request; Next.js puts it on its own inline scripts. */
  nonce: string;
  /** Served over https (directly, or behind a declared proxy that says so): only then is HSTS sent. */
  https: boolean;
  /** `next dev` evaluates code for fast refresh and talks to its server over a websocket. */
  dev: boolean;
  /** Origins a sign-in form may be redirected to (the single sign-on providers switched on). */
  formActionOrigins?: readonly string[];
}

/** Every security header for one response, by name. */
export function buildSecurityHeaders(input: SecurityHeaderInput): Record<string, string> {
  return {
    "Content-Security-Policy": buildContentSecurityPolicy(input),
    // Older browsers ignore frame-ancestors; both say the same thing: no page may frame Kikite.
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    // A call's or a review's URL holds ids: other sites get the origin at most, and nothing over http.
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // Voice mode will record from this site's pages only; nothing else is ever asked for.
    "Permissions-Policy":
      "microphone=(self), camera=(), geolocation=(), payment=(), usb=(), serial=(), browsing-topics=()",
    // A window opened by another site cannot reach back into Kikite's (and the reverse).
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(input.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** The Content-Security-Policy: scripts only by nonce, nothing framed, nothing posted elsewhere. */
export function buildContentSecurityPolicy(input: SecurityHeaderInput): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'strict-dynamic': scripts the nonced bootstrap loads (Next's chunks) are trusted, no others.
    // 'wasm-unsafe-eval' lets WebAssembly compile (the voice call's speech detector runs on
    // onnxruntime-web) and nothing more: JavaScript eval stays refused. It is on every page because a
    // page keeps the policy it was loaded with while the app navigates to the voice call.
    [
      "script-src",
      "'self'",
      `'nonce-${input.nonce}'`,
      "'strict-dynamic'",
      "'wasm-unsafe-eval'",
      ...(input.dev ? ["'unsafe-eval'"] : []),
    ],
    // Styles stay 'unsafe-inline': recharts writes style attributes and CodeMirror injects <style>
    // elements, neither of which can carry a nonce. (With a nonce listed, browsers would ignore
    // 'unsafe-inline'.) Inline styles cannot run code; scripts are what the nonce guards.
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'", ...(input.dev ? ["ws:"] : [])],
    ["media-src", "'self'", "blob:"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'", ...(input.formActionOrigins ?? [])],
    ["frame-ancestors", "'none'"],
    ...(input.https ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/**
 * Whether the browser reached the site over https: the public origin as `requestOrigin` reads it,
 * AUTH_URL or the `X-Forwarded-Proto` of the outermost proxy declared in KIKITE_TRUSTED_PROXIES. With
 * no proxy declared that header is the client's own word and is ignored, so a client cannot choose
 * which answers carry HSTS. (The request's own URL is no witness: `next start` speaks plain HTTP, and
 * Next.js builds the URL's protocol from the client's `X-Forwarded-Proto`.)
 */
export function isHttpsRequest(headers: Headers, trust: ProxyTrust): boolean {
  return new URL(requestOrigin(headers, trust)).protocol === "https:";
}

/** A nonce for one response: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

import type { ProxyTrust } from "@/lib/env";
import { requestOrigin } from "./request-origin";

// Cross-site request forgery check for state-changing API routes. The session cookie is SameSite=Lax,
// which stops another site but not a page on the same site (another port, a sibling subdomain): that
// page can still post a form or a fetch with the trainee's cookie. Browsers say where a request comes
// from, in Sec-Fetch-Site (every current browser) and Origin (on every POST, PUT, PATCH, DELETE).

export type OriginVerdict = { ok: true } | { ok: false; reason: "sec-fetch-site" | "origin" };

/** Whether a state-changing request may proceed: same origin, or not from a browser at all. */
export function checkSameOrigin(headers: Headers, requestUrl: string, trust: ProxyTrust): OriginVerdict {
  const site = headers.get("sec-fetch-site");
  // "none" is the user's own action (typed URL, bookmark); "same-site" is exactly the attack above.
  if (site !== null && site !== "same-origin" && site !== "none")
    return { ok: false, reason: "sec-fetch-site" };
  const origin = headers.get("origin");
  // Neither header: not a browser (curl, the e2e suite's API client, a server). It cannot carry a
  // victim's cookie, so it proves who it is with its own session like anyone else.
  if (origin === null) return { ok: true };
  return sameOrigin(origin, ownOrigin(headers, requestUrl, trust))
    ? { ok: true }
    : { ok: false, reason: "origin" };
}

/** The origin the client addressed, as invite links use it (a request without Host: its URL's). */
function ownOrigin(headers: Headers, requestUrl: string, trust: ProxyTrust): string {
  if (headers.has("host")) return requestOrigin(headers, trust);
  const withHost = new Headers(headers);
  withHost.set("host", new URL(requestUrl).host);
  return requestOrigin(withHost, trust);
}

function sameOrigin(a: string, b: string): boolean {
  // "null" (a sandboxed frame, a privacy redirect) or garbage is never our origin.
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

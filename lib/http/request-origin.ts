import type { ProxyTrust } from "@/lib/env";

/**
 * The origin the client addressed: AUTH_URL when it is set; otherwise the Host header, or, behind
 * proxies declared in KIKITE_TRUSTED_PROXIES, what the outermost of them put in X-Forwarded-Host and
 * X-Forwarded-Proto. Forwarded headers are never believed without that declaration: Next.js keeps the
 * ones a client sends, so only a proxy that sets them makes them true.
 */
export function requestOrigin(headers: Headers, trust: ProxyTrust): string {
  if (trust.publicUrl) return new URL(trust.publicUrl).origin;
  const behindProxy = trust.trustedProxies > 0;
  const host =
    (behindProxy ? trustedEntry(headers.get("x-forwarded-host"), trust.trustedProxies) : undefined) ??
    headers.get("host")?.trim() ??
    "localhost";
  const forwardedProto = behindProxy
    ? trustedEntry(headers.get("x-forwarded-proto"), trust.trustedProxies)?.toLowerCase()
    : undefined;
  // `next start` itself speaks plain HTTP; https comes from a proxy in front.
  const proto = forwardedProto === "https" ? "https" : "http";
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return `${proto}://localhost`;
  }
}

/**
 * The client's address: the X-Forwarded-For entry the outermost trusted proxy appended (the n-th from
 * the end behind n proxies; entries before it are the client's own words). With no proxy declared, the
 * last entry, which Next.js fills from the socket when the client sent none.
 */
export function clientAddress(headers: Headers, trust: Pick<ProxyTrust, "trustedProxies">): string {
  const address = trustedEntry(headers.get("x-forwarded-for"), Math.max(1, trust.trustedProxies));
  return (address ?? "unknown").slice(0, 100);
}

// Each proxy of a chain appends its entry: behind n proxies the n-th from the end is the outermost's
// (or, when the chain is shorter, the first: a proxy that replaces the header leaves one entry).
function trustedEntry(value: string | null, proxies: number): string | undefined {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.length > 0 ? entries[Math.max(0, entries.length - proxies)] : undefined;
}

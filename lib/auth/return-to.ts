/**
 * A page to come back to after signing in, if it is a path on this site: "/calls/…/review" yes;
 * "//evil.example", "https://…", "/\\evil" and anything that is not a path, no (nor the sign-in page).
 */
export function safeReturnTo(value: unknown): string | null {
  const path = safePath(value);
  return path && !path.startsWith("/signin") ? path : null;
}

/**
 * Where Auth.js may send a browser after signing in or out (its `redirect` callback): a safe path, or
 * an address on the public origin `baseUrl` with a safe path; anything else goes to `baseUrl`.
 */
export function authRedirectTarget(url: string, baseUrl: string): string {
  const { origin } = new URL(baseUrl);
  let path: string | null;
  if (url.startsWith("/")) {
    path = safePath(url);
  } else {
    const target = URL.canParse(url) ? new URL(url) : null;
    path = target?.origin === origin ? safePath(`${target.pathname}${target.search}`) : null;
  }
  return `${origin}${path ?? "/"}`;
}

function safePath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 512) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  // Control characters (a tab or a line break can turn a path into another host in some parsers).
  if ([...value].some((ch) => (ch.codePointAt(0) ?? 0) < 0x20)) return null;
  return value;
}

/** The sign-in page's address that returns to `path` afterwards. */
export function signInPathFor(path: string | undefined): string {
  const back = safeReturnTo(path);
  return back ? `/signin?callbackUrl=${encodeURIComponent(back)}` : "/signin";
}

/**
 * Where a role starts. Signing in goes straight there: a redirect to "/" that redirects again makes the
 * browser drop the sign-in answer mid-stream (the server then logs 「destination stream errored」).
 */
export function homePathFor(role: "trainee" | "trainer" | "admin"): string {
  if (role === "trainee") return "/practice";
  return role === "trainer" ? "/trainer" : "/admin";
}

/** A page's path with its query, to come back to exactly the view asked for (a team, a period). */
export function pathWithQuery(path: string, query: Record<string, string | string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of [value ?? []].flat()) params.append(key, item);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

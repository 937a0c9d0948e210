/**
 * A page to come back to after signing in, if it is a path on this site: "/calls/…/review" yes;
 * "//evil.example", "https://…", "/\\evil" and anything that is not a path, no.
 */
export function safeReturnTo(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 512) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  // Control characters (a tab or a line break can turn a path into another host in some parsers).
  if ([...value].some((ch) => (ch.codePointAt(0) ?? 0) < 0x20)) return null;
  if (value.startsWith("/signin")) return null;
  return value;
}

/** The sign-in page's address that returns to `path` afterwards. */
export function signInPathFor(path: string | undefined): string {
  const back = safeReturnTo(path);
  return back ? `/signin?callbackUrl=${encodeURIComponent(back)}` : "/signin";
}

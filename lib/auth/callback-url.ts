/**
 * Where to go after signing in: only a path on the app's own origin, never another site.
 * The value is resolved like a browser would (`new URL(value, appOrigin)`: tabs and newlines are
 * dropped, backslashes are slashes, "//host" is another host), then refused unless the result has the
 * app's origin. The answer is always a path starting with a single "/" (a path starting "//" would be
 * protocol-relative in a Location header), "/" when refused.
 */
export function safeCallbackPath(value: unknown, appOrigin: string): string {
  if (typeof value !== "string" || value.trim() === "") return "/";
  let base: URL;
  let url: URL;
  try {
    base = new URL(appOrigin);
    url = new URL(value, base);
  } catch {
    return "/";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "/";
  if (url.origin !== base.origin || url.username || url.password) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/";
  return path;
}

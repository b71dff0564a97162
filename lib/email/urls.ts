/**
 * Links in emails are absolute, built from `APP_URL` (e.g. https://rolebook.example.com); without it,
 * the local server's address (http://localhost:<PORT>).
 */
export function appBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.APP_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  return `http://localhost:${env.PORT || "3000"}`;
}

/** The absolute URL of an app path ("/changes/12"). Only app paths: never another site. */
export function appUrl(path: string, env: NodeJS.ProcessEnv = process.env): string {
  const safe = path.startsWith("/") && !path.startsWith("//") ? path : "/";
  return `${appBaseUrl(env)}${safe}`;
}

/*
 * Picking the messages an area's client components use (i18n/client-namespaces.ts computes which;
 * components/shell/scoped-messages.tsx passes them to the browser). No file system here: this runs
 * in the server bundle.
 */

export type ClientNamespaces = { global: string[]; areas: Record<string, string[]> };

/** "a.b" is covered when "a.b" or "a" is already provided. */
export function covered(namespace: string, provided: Set<string>): boolean {
  const parts = namespace.split(".");
  for (let i = 1; i <= parts.length; i++) if (provided.has(parts.slice(0, i).join("."))) return true;
  return false;
}

/** The namespaces a provider for `area` passes to the browser: the global ones plus the area's. */
export function namespacesFor(map: ClientNamespaces, area: string | null): string[] {
  return area ? [...map.global, ...(map.areas[area] ?? [])] : map.global;
}

type Messages = { [key: string]: string | Messages };

/** The part of `messages` under the given (dotted) namespaces, nested as in the file. */
export function pickMessages(messages: Messages, namespaces: readonly string[]): Messages {
  const out: Messages = {};
  const wanted = new Set(namespaces);
  // A namespace inside another one in the list adds nothing (and must not write into the file's objects).
  const outermost = [...wanted].filter((ns) => !covered(ns, new Set([...wanted].filter((o) => o !== ns))));
  for (const ns of outermost) {
    const parts = ns.split(".");
    let from: Messages | string | undefined = messages;
    for (const p of parts) from = typeof from === "object" ? from[p] : undefined;
    if (from === undefined) continue;
    let into = out;
    for (const p of parts.slice(0, -1)) {
      const next = into[p];
      into = (typeof next === "object" ? next : (into[p] = {})) as Messages;
    }
    into[parts[parts.length - 1]] = from;
  }
  return out;
}

import type { RoleDoc } from "@/lib/roles/doc";
import type { CapabilityKind } from "@/lib/capability/vocabulary";

/**
 * Pure helpers for capability records (issue 11): the shape of a key in a URL, and how a merge
 * rewrites a role document's draft.
 */

/** The keys Rolebook makes (UUIDs, hex): anything else in a URL is a 404. */
export const CAPABILITY_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export function parseCapabilityKey(value: unknown): string | null {
  return typeof value === "string" && CAPABILITY_KEY_PATTERN.test(value) ? value : null;
}

/**
 * The document with every capability `from` replaced by `to` (its key, name and kind). A
 * responsibility that already needs `to` keeps it once (a key never repeats in a responsibility).
 * Returns null when the document does not name `from`.
 */
export function rewriteCapability(doc: RoleDoc, from: string, to: { key: string; name: string; kind: CapabilityKind }): RoleDoc | null {
  if (!doc.responsibilities.some((r) => r.capabilities.some((c) => c.key === from))) return null;
  return {
    ...doc,
    responsibilities: doc.responsibilities.map((r) => {
      if (!r.capabilities.some((c) => c.key === from)) return r;
      const hasTarget = r.capabilities.some((c) => c.key === to.key);
      const capabilities = r.capabilities.flatMap((c) => {
        if (c.key !== from) return [c];
        return hasTarget ? [] : [{ key: to.key, name: to.name, kind: to.kind }];
      });
      return { ...r, capabilities };
    }),
  };
}

import "server-only";
import { inArray } from "drizzle-orm";
import { jobRoles } from "@/db/schema";
import { canonicalKeys, capabilityRecords, type CapabilityRecord } from "@/lib/capability/records";
import type { NeededResponsibility } from "@/lib/capability/validity";
import { currentDocs } from "@/lib/roles/documents";

/** What a role needs: per responsibility of its current published version, the (canonical) capability keys. */
export type RoleNeeds = {
  roleId: number;
  roleSlug: string;
  roleTitle: string;
  responsibilities: NeededResponsibility[];
  /** Every capability the role needs, once, in document order. */
  capabilityKeys: string[];
  tools: string[];
};

/**
 * The needs of these roles and the records of every capability they name, in three queries
 * (documents, merges, records) whatever the number of roles.
 */
export function roleNeeds(roleIds: readonly number[]): { roles: Map<number, RoleNeeds>; capabilities: Map<string, CapabilityRecord> } {
  const ids = [...new Set(roleIds)];
  if (ids.length === 0) return { roles: new Map(), capabilities: new Map() };
  const docs = currentDocs(inArray(jobRoles.id, ids));
  const canonical = canonicalKeys(docs.flatMap(({ doc }) => doc.responsibilities.flatMap((r) => r.capabilities.map((c) => c.key))));
  const roles = new Map<number, RoleNeeds>();
  for (const { role, doc } of docs) {
    const all: string[] = [];
    const responsibilities = doc.responsibilities.map((r) => {
      const keys = [...new Set(r.capabilities.map((c) => canonical.get(c.key) ?? c.key))];
      for (const k of keys) if (!all.includes(k)) all.push(k);
      return { key: r.key, title: r.title, capabilityKeys: keys };
    });
    roles.set(role.id, { roleId: role.id, roleSlug: role.slug, roleTitle: role.title, responsibilities, capabilityKeys: all, tools: doc.tools ?? [] });
  }
  const capabilities = capabilityRecords([...roles.values()].flatMap((r) => r.capabilityKeys));
  return { roles, capabilities };
}

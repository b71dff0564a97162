import "server-only";
import { eq } from "drizzle-orm";
import type { getDb } from "@/db/client";
import { jobRoles } from "@/db/schema";
import { FieldError } from "@/lib/core/errors";
import type { Assignee } from "@/lib/onboarding/vocabulary";
import { DUE_DAY_MAX, DUE_DAY_MIN } from "@/lib/onboarding/rules";
import type { RoleDoc } from "@/lib/roles/doc";
import { currentDocs } from "@/lib/roles/documents";

/** Shared by templates and plans: what an item is, and the checks on one. */
export type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

export type ItemInput = {
  title: string;
  description: string;
  assignee: Assignee;
  dueDay: number;
  link: string | null; // "responsibility:<key>" | "task:<key>" | null
};

/** A role with its current published document (one query, shared with the role module). */
export function roleWithDoc(roleId: number) {
  return currentDocs(eq(jobRoles.id, roleId))[0] ?? null;
}

export function roleWithDocBySlug(slug: string) {
  return currentDocs(eq(jobRoles.slug, slug))[0] ?? null;
}

/** An item's link to a responsibility or task of the role; anything else is a field error. */
export function parseLink(link: string | null, doc: RoleDoc | null): { linkKind: "responsibility" | "task" | null; linkKey: string | null } {
  if (!link) return { linkKind: null, linkKey: null };
  const [kind, key] = link.split(":", 2);
  const ok =
    doc &&
    ((kind === "responsibility" && doc.responsibilities.some((r) => r.key === key)) ||
      (kind === "task" && doc.responsibilities.some((r) => r.tasks.some((x) => x.key === key))));
  if (!ok) throw new FieldError({ link: "invalidChoice" });
  return { linkKind: kind as "responsibility" | "task", linkKey: key };
}

export function checkDueDay(dueDay: number) {
  if (!Number.isInteger(dueDay) || dueDay < DUE_DAY_MIN || dueDay > DUE_DAY_MAX) throw new FieldError({ dueDay: "dueDayRange" });
}

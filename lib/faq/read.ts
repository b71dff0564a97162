import "server-only";
import { and, asc, desc, eq, or, sql } from "drizzle-orm";
import { preparedQuery, type DB } from "@/db/client";
import { faqEntries } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { mayEditFaq } from "@/lib/auth/confidence-policy";
import type { FaqStatus } from "@/lib/confidence/vocabulary";

/** At most this many entries are read for one role (the page lists them under their responsibilities). */
export const FAQ_PER_ROLE_MAX = 200;

export type FaqItem = { id: number; question: string; answer: string; status: FaqStatus };

export type RoleFaq = {
  /** Entries by responsibility key, published first, then oldest first. */
  byResponsibility: Record<string, FaqItem[]>;
  /** May add entries on this role and edit every entry of it (`mayEditFaq`, whoever may edit the role). */
  mayEdit: boolean;
  /** Entries the actor may open for editing (every one when `mayEdit`; else the drafts they wrote). */
  editable: number[];
};

/** A role's entries: all of them (`everything`), or the published ones and the reader's own. */
function roleEntries(db: DB, everything: boolean) {
  return db
    .select({ id: faqEntries.id, key: faqEntries.responsibilityKey, question: faqEntries.question, answer: faqEntries.answer, status: faqEntries.status, createdById: faqEntries.createdById })
    .from(faqEntries)
    .where(and(eq(faqEntries.jobRoleId, sql.placeholder("jobRoleId")), everything ? undefined : or(eq(faqEntries.status, "published"), eq(faqEntries.createdById, sql.placeholder("readerId")))))
    .orderBy(asc(faqEntries.responsibilityKey), desc(faqEntries.status), asc(faqEntries.id))
    .limit(FAQ_PER_ROLE_MAX)
    .prepare();
}
/** Read by every role page and My role: built once each (db/client.ts `preparedQuery`). */
const entriesForEditor = preparedQuery((db) => roleEntries(db, true));
const entriesForReader = preparedQuery((db) => roleEntries(db, false));

/**
 * A role's FAQ for its role page and My role, in one query: published entries for everyone who may
 * read roles; drafts too for whoever may edit the role, and a draft's writer (an addressee who made
 * it from a concern).
 */
export function faqForRole(actor: Actor, jobRoleId: number): RoleFaq {
  authorize(actor, "roles.read", { type: "job_role", id: jobRoleId });
  const mayEdit = mayEditFaq(actor, jobRoleId, null);
  const rows = mayEdit ? entriesForEditor().all({ jobRoleId }) : entriesForReader().all({ jobRoleId, readerId: actor.id });
  const byResponsibility: Record<string, FaqItem[]> = {};
  const editable: number[] = [];
  for (const r of rows) {
    (byResponsibility[r.key] ??= []).push({ id: r.id, question: r.question, answer: r.answer, status: r.status });
    if (mayEdit || (r.status === "draft" && r.createdById === actor.id)) editable.push(r.id);
  }
  return { byResponsibility, mayEdit, editable };
}

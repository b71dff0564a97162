import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { concernMessages, concerns, faqEntries, jobRoles } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { outOfScope } from "@/lib/auth/policy";
import { mayEditFaq } from "@/lib/auth/confidence-policy";
import { audit } from "@/lib/audit/log";
import type { FaqStatus } from "@/lib/confidence/vocabulary";
import { ConflictError, FieldError, NotFoundError } from "@/lib/core/errors";
import { FAQ_QUESTION_MAX, TEXT_MAX } from "@/lib/core/limits";
import { currentDoc } from "@/lib/roles/documents";
import { reindexFaqEntry } from "@/lib/roles/search-index";
import { visibleConcern, type SourceConcern } from "@/lib/faq/access";
import { textLine } from "@/lib/core/validation";

/** A concern's id as it appears in a URL (a UUID); anything else is not found. */
export const CONCERN_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const trim = (v: unknown) => (typeof v === "string" ? v.trim() : v);

/** What a person types into the FAQ form. */
export const faqTextSchema = z.object({
  responsibilityKey: z.string().min(1).max(64),
  question: textLine(FAQ_QUESTION_MAX),
  answer: z.preprocess(trim, z.string().min(1).max(TEXT_MAX)),
});
export type FaqText = z.output<typeof faqTextSchema>;

export type FaqForm = {
  role: { id: number; slug: string; title: string };
  /** The role's current responsibilities, to choose from. */
  responsibilities: { key: string; title: string }[];
  /** The concern it is made from. `anonymous`: its text was not copied, and the form says to write neutrally. */
  concern: { id: string; anonymous: boolean } | null;
  /** The entry (id null while new) with what the form starts with. */
  entry: { id: number | null; revision: number; status: FaqStatus; responsibilityKey: string; question: string; answer: string };
  /** An entry already made from this concern (the page opens it instead). */
  existingId: number | null;
};

type RoleRow = { id: number; slug: string; title: string; currentVersion: number };
const roleCols = { id: jobRoles.id, slug: jobRoles.slug, title: jobRoles.title, currentVersion: jobRoles.currentVersion };

function responsibilitiesOf(role: RoleRow) {
  return currentDoc(role).responsibilities.map((r) => ({ key: r.key, title: r.title }));
}

function roleById(id: number): RoleRow {
  const role = getDb().select(roleCols).from(jobRoles).where(eq(jobRoles.id, id)).get();
  if (!role) throw new NotFoundError("job role");
  return role;
}

/**
 * The concern an entry is made from, as the actor may use it, or refused as not found. A refusal
 * about a named concern is audited (`access.denied`); one about an anonymous concern is not, since
 * whoever tries may be its author and no record may tie them to it (as in `loadConcern`).
 */
function concernForFaq(actor: Actor, concernId: string): SourceConcern & { jobRoleId: number } {
  if (!CONCERN_ID_PATTERN.test(concernId)) throw new NotFoundError("concern");
  const c = visibleConcern(actor, concernId);
  if (c && c.access.mayWriteFaq && c.jobRoleId !== null) return c as SourceConcern & { jobRoleId: number };
  const anonymous = c ? c.anonymous : getDb().select({ anonymous: concerns.anonymous }).from(concerns).where(eq(concerns.id, concernId)).get()?.anonymous;
  if (anonymous !== false) throw new NotFoundError("concern");
  throw outOfScope(actor, { type: "concern", id: concernId }, c ? "mayWriteFaq" : "concernsCondition");
}

/**
 * The form for turning an answered concern into an FAQ entry on its role (`concernAccess(...).mayWriteFaq`):
 * the concern's responsibility preselected; a named concern's text offered as the question and the
 * latest answer as the answer; an anonymous concern starts empty (its text is never copied).
 */
export function startFaqFromConcern(actor: Actor, concernId: string): FaqForm {
  const c = concernForFaq(actor, concernId);
  const db = getDb();
  const role = roleById(c.jobRoleId);
  const responsibilities = responsibilitiesOf(role);
  const existing = db.select({ id: faqEntries.id }).from(faqEntries).where(eq(faqEntries.sourceConcernId, c.id)).orderBy(faqEntries.id).limit(1).get();
  const lastAnswer = c.anonymous
    ? undefined
    : db
        .select({ body: concernMessages.body })
        .from(concernMessages)
        .where(and(eq(concernMessages.concernId, c.id), eq(concernMessages.fromAuthor, false), eq(concernMessages.kind, "message")))
        .orderBy(desc(concernMessages.seq))
        .limit(1)
        .get();
  const key = c.responsibilityKey && responsibilities.some((r) => r.key === c.responsibilityKey) ? c.responsibilityKey : "";
  return {
    role: { id: role.id, slug: role.slug, title: role.title },
    responsibilities,
    concern: { id: c.id, anonymous: c.anonymous },
    entry: {
      id: null,
      revision: 0,
      status: "draft",
      responsibilityKey: key,
      question: c.anonymous ? "" : c.body.slice(0, FAQ_QUESTION_MAX),
      answer: c.anonymous ? "" : (lastAnswer?.body ?? "").slice(0, TEXT_MAX),
    },
    existingId: existing?.id ?? null,
  };
}

/** The form for a new entry written straight on a role (whoever may edit the role); `key` preselects a responsibility. */
export function startFaqForRole(actor: Actor, slug: string, key: string | null = null): FaqForm {
  const role = getDb().select(roleCols).from(jobRoles).where(eq(jobRoles.slug, slug)).get();
  if (!role) throw new NotFoundError("job role");
  if (!mayEditFaq(actor, role.id, null)) throw outOfScope(actor, { type: "job_role", id: slug }, "mayEditFaq");
  const responsibilities = responsibilitiesOf(role);
  return {
    role: { id: role.id, slug: role.slug, title: role.title },
    responsibilities,
    concern: null,
    entry: { id: null, revision: 0, status: "draft", responsibilityKey: key && responsibilities.some((r) => r.key === key) ? key : "", question: "", answer: "" },
    existingId: null,
  };
}

type EntryRow = typeof faqEntries.$inferSelect;

/** An entry the actor may change, or refused as not found (audited). */
function editableEntry(actor: Actor, id: number): EntryRow {
  const entry = getDb().select().from(faqEntries).where(eq(faqEntries.id, id)).get();
  if (!entry) throw new NotFoundError("faq entry");
  const fromConcern = entry.sourceConcernId ? (visibleConcern(actor, entry.sourceConcernId)?.access ?? null) : null;
  if (!mayEditFaq(actor, entry.jobRoleId, fromConcern)) throw outOfScope(actor, { type: "faq_entry", id }, "mayEditFaq");
  return entry;
}

/** The form for an existing entry (its role's editors, or an addressee of the concern it came from). */
export function faqForEdit(actor: Actor, id: number): FaqForm {
  const entry = editableEntry(actor, id);
  const role = roleById(entry.jobRoleId);
  const c = entry.sourceConcernId ? visibleConcern(actor, entry.sourceConcernId) : undefined;
  return {
    role: { id: role.id, slug: role.slug, title: role.title },
    responsibilities: responsibilitiesOf(role),
    concern: c ? { id: c.id, anonymous: c.anonymous } : null,
    entry: { id: entry.id, revision: entry.revision, status: entry.status, responsibilityKey: entry.responsibilityKey, question: entry.question, answer: entry.answer },
    existingId: null,
  };
}

function parseText(input: FaqText): FaqText {
  const parsed = faqTextSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors: Record<string, string> = {};
  const values: Record<string, Record<string, number>> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    if (errors[field]) continue;
    if (issue.code === "too_big") {
      errors[field] = "tooLong";
      values[field] = { max: Number(issue.maximum) };
    } else errors[field] = issue.code === "too_small" || issue.code === "invalid_type" ? "required" : "invalid";
  }
  throw new FieldError(errors, values);
}

function checkKey(role: RoleRow, key: string): void {
  if (!responsibilitiesOf(role).some((r) => r.key === key)) throw new FieldError({ responsibilityKey: "invalidChoice" });
}

const auditDetail = (e: { id: number; question: string; responsibilityKey: string; sourceConcernId: string | null }) => ({
  faq: e.id,
  title: e.question,
  responsibilityKey: e.responsibilityKey,
  sourceConcern: e.sourceConcernId,
});

export type SaveFaqInput = FaqText &
  ({ id: number; revision: number } | { id: null; concernId: string } | { id: null; concernId?: null; jobRoleId: number });

/**
 * Creates a draft (from a concern, or straight on a role) or updates an entry (draft or published:
 * a published one stays published and its search text follows). The responsibility must be one of
 * the role's current version; an update on a stale revision is a conflict.
 */
export function saveFaq(actor: Actor, input: SaveFaqInput): { id: number; revision: number; slug: string } {
  const db = getDb();
  if (input.id !== null) {
    const entry = editableEntry(actor, input.id);
    const text = parseText(input);
    const role = roleById(entry.jobRoleId);
    checkKey(role, text.responsibilityKey);
    return db.transaction((tx) => {
      const done = tx
        .update(faqEntries)
        .set({ ...text, revision: sql`${faqEntries.revision} + 1`, updatedAt: new Date().toISOString() })
        .where(and(eq(faqEntries.id, entry.id), eq(faqEntries.revision, input.revision)))
        .run();
      if (done.changes !== 1) throw new ConflictError();
      if (entry.status === "published") reindexFaqEntry(tx, entry.id, { jobRoleId: entry.jobRoleId, ...text });
      audit({ actorId: actor.id, action: "faq.save", entityType: "job_role", entityId: entry.jobRoleId, detail: auditDetail({ ...entry, ...text }) }, tx);
      return { id: entry.id, revision: input.revision + 1, slug: role.slug };
    });
  }
  let jobRoleId: number;
  let sourceConcernId: string | null = null;
  if ("concernId" in input && input.concernId) {
    const c = concernForFaq(actor, input.concernId);
    jobRoleId = c.jobRoleId;
    sourceConcernId = c.id;
  } else {
    jobRoleId = (input as { jobRoleId: number }).jobRoleId;
    const exists = db.select({ id: jobRoles.id }).from(jobRoles).where(eq(jobRoles.id, jobRoleId)).get();
    if (!exists) throw new NotFoundError("job role");
    if (!mayEditFaq(actor, jobRoleId, null)) throw outOfScope(actor, { type: "job_role", id: jobRoleId }, "mayEditFaq");
  }
  const text = parseText(input);
  const role = roleById(jobRoleId);
  checkKey(role, text.responsibilityKey);
  return db.transaction((tx) => {
    const row = tx
      .insert(faqEntries)
      .values({ jobRoleId, ...text, sourceConcernId, status: "draft", createdById: actor.id })
      .returning({ id: faqEntries.id })
      .get();
    audit({ actorId: actor.id, action: "faq.save", entityType: "job_role", entityId: jobRoleId, detail: auditDetail({ id: row.id, ...text, sourceConcernId }) }, tx);
    return { id: row.id, revision: 1, slug: role.slug };
  });
}

/** Publishes an entry: it shows under its responsibility and "Whose task is this?" finds it. */
export function publishFaq(actor: Actor, id: number, revision: number): { revision: number; slug: string } {
  const entry = editableEntry(actor, id);
  const role = roleById(entry.jobRoleId);
  checkKey(role, entry.responsibilityKey);
  return getDb().transaction((tx) => {
    const done = tx
      .update(faqEntries)
      .set({ status: "published", publishedById: actor.id, publishedAt: new Date().toISOString(), revision: sql`${faqEntries.revision} + 1`, updatedAt: new Date().toISOString() })
      .where(and(eq(faqEntries.id, id), eq(faqEntries.revision, revision)))
      .run();
    if (done.changes !== 1) throw new ConflictError();
    reindexFaqEntry(tx, id, entry);
    audit({ actorId: actor.id, action: "faq.publish", entityType: "job_role", entityId: entry.jobRoleId, detail: auditDetail(entry) }, tx);
    return { revision: revision + 1, slug: role.slug };
  });
}

/** Takes a published entry back to draft: it leaves the role page and the search. */
export function unpublishFaq(actor: Actor, id: number, revision: number): { revision: number; slug: string } {
  const entry = editableEntry(actor, id);
  const role = roleById(entry.jobRoleId);
  return getDb().transaction((tx) => {
    const done = tx
      .update(faqEntries)
      .set({ status: "draft", revision: sql`${faqEntries.revision} + 1`, updatedAt: new Date().toISOString() })
      .where(and(eq(faqEntries.id, id), eq(faqEntries.revision, revision), eq(faqEntries.status, "published")))
      .run();
    if (done.changes !== 1) throw new ConflictError();
    reindexFaqEntry(tx, id, null);
    audit({ actorId: actor.id, action: "faq.unpublish", entityType: "job_role", entityId: entry.jobRoleId, detail: auditDetail(entry) }, tx);
    return { revision: revision + 1, slug: role.slug };
  });
}

/** Deletes an entry (draft or published). */
export function deleteFaq(actor: Actor, id: number, revision: number): { slug: string } {
  const entry = editableEntry(actor, id);
  const role = roleById(entry.jobRoleId);
  return getDb().transaction((tx) => {
    const done = tx
      .delete(faqEntries)
      .where(and(eq(faqEntries.id, id), eq(faqEntries.revision, revision)))
      .run();
    if (done.changes !== 1) throw new ConflictError();
    reindexFaqEntry(tx, id, null);
    audit({ actorId: actor.id, action: "faq.delete", entityType: "job_role", entityId: entry.jobRoleId, detail: auditDetail(entry) }, tx);
    return { slug: role.slug };
  });
}

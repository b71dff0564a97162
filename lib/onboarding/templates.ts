import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { onboardingTemplateItems, onboardingTemplates } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, mayEditRole, outOfScope } from "@/lib/auth/policy";
import { audit } from "@/lib/audit/log";
import { ConflictError, NotFoundError } from "@/lib/core/errors";
import { checkDueDay, parseLink, roleWithDoc, roleWithDocBySlug, type ItemInput, type Tx } from "@/lib/onboarding/items";
import { generateTemplate, previewRegeneration, regenerate, type RegenerationPreview, type TemplatePhrases } from "@/lib/onboarding/rules";
import type { RoleDoc } from "@/lib/roles/doc";

export type TemplateItemRow = typeof onboardingTemplateItems.$inferSelect;

/**
 * Creates the role's template from its current version the first time a write needs it (starting a
 * plan, editing the template). Reading never creates it. Returns the version it was generated from.
 */
export function ensureTemplate(tx: Tx, roleId: number, doc: RoleDoc, version: number, phrases: TemplatePhrases): number {
  const exists = tx.select({ v: onboardingTemplates.generatedFromVersion }).from(onboardingTemplates).where(eq(onboardingTemplates.jobRoleId, roleId)).get();
  if (exists) return exists.v;
  const items = generateTemplate(doc, phrases);
  tx.insert(onboardingTemplates).values({ jobRoleId: roleId, generatedFromVersion: version, updatedAt: new Date().toISOString() }).run();
  if (items.length)
    tx.insert(onboardingTemplateItems)
      .values(items.map((i, position) => ({ ...i, jobRoleId: roleId, position, source: "generated" as const })))
      .run();
  return version;
}

export type TemplateView = {
  role: { id: number; slug: string; title: string; currentVersion: number };
  generatedFromVersion: number;
  /** 0 while the template has not been stored yet: the first write stores it. */
  revision: number;
  /** Items in due order. Before the template is stored, generated items carry negative ids. */
  items: TemplateItemRow[];
  responsibilities: { key: string; title: string; tasks: { key: string; title: string }[] }[];
};

/** The role, if the actor may edit its template (HR every role; managers their roles). */
function editableTemplateRole(actor: Actor, slug: string) {
  authorize(actor, "onboarding.manage", { type: "onboarding_template", id: slug });
  const found = roleWithDocBySlug(slug);
  if (!found) throw new NotFoundError("job role");
  if (!mayEditRole(actor, found.role.id)) throw outOfScope(actor, { type: "onboarding_template", id: slug }, "mayEditRole");
  return found;
}

const byDue = (a: TemplateItemRow, b: TemplateItemRow) => a.dueDay - b.dueDay || a.position - b.position || a.id - b.id;

/** A role's template and the role document it is built from. Reads only. */
function loadTemplate(actor: Actor, slug: string, phrases: TemplatePhrases): { view: TemplateView; doc: RoleDoc } {
  const { role, doc } = editableTemplateRole(actor, slug);
  const db = getDb();
  const stored = db.select().from(onboardingTemplates).where(eq(onboardingTemplates.jobRoleId, role.id)).get();
  const items: TemplateItemRow[] = stored
    ? db
        .select()
        .from(onboardingTemplateItems)
        .where(eq(onboardingTemplateItems.jobRoleId, role.id))
        .orderBy(asc(onboardingTemplateItems.dueDay), asc(onboardingTemplateItems.position), asc(onboardingTemplateItems.id))
        .all()
    : generateTemplate(doc, phrases)
        .map((i, position) => ({ ...i, id: -(position + 1), jobRoleId: role.id, position, source: "generated" as const, edited: false }))
        .sort(byDue);
  const view: TemplateView = {
    role: { id: role.id, slug: role.slug, title: role.title, currentVersion: role.currentVersion },
    generatedFromVersion: stored?.generatedFromVersion ?? role.currentVersion,
    revision: stored?.revision ?? 0,
    items,
    responsibilities: doc.responsibilities.map((r) => ({ key: r.key, title: r.title, tasks: r.tasks.map((x) => ({ key: x.key, title: x.title })) })),
  };
  return { view, doc };
}

/** A role's template: HR edits any, managers those of their roles; others may not see it. */
export function getTemplate(actor: Actor, slug: string, phrases: TemplatePhrases): TemplateView {
  return loadTemplate(actor, slug, phrases).view;
}

/**
 * Opens a write on the template: stores it first if it was only generated in memory, then checks
 * the revision the editor saw. Returns the stored id of `itemId` (a negative id names the generated
 * item at that position before the template was stored).
 */
function beginWrite(tx: Tx, view: TemplateView, doc: RoleDoc, revision: number, phrases: TemplatePhrases, itemId: number | null): number | null {
  if (view.revision === 0) ensureTemplate(tx, view.role.id, doc, view.role.currentVersion, phrases);
  const current = view.revision === 0 ? 1 : revision;
  const res = tx
    .update(onboardingTemplates)
    .set({ revision: current + 1, updatedAt: new Date().toISOString() })
    .where(and(eq(onboardingTemplates.jobRoleId, view.role.id), eq(onboardingTemplates.revision, current)))
    .run();
  if (res.changes === 0 || revision !== view.revision) throw new ConflictError();
  if (itemId == null || itemId > 0) return itemId;
  const stored = tx
    .select({ id: onboardingTemplateItems.id })
    .from(onboardingTemplateItems)
    .where(and(eq(onboardingTemplateItems.jobRoleId, view.role.id), eq(onboardingTemplateItems.position, -itemId - 1)))
    .get();
  if (!stored) throw new NotFoundError("template item");
  return stored.id;
}

/** Adds a hand-made item, or edits one (generated items too: their edits survive regeneration). */
export function saveTemplateItem(actor: Actor, slug: string, revision: number, itemId: number | null, input: ItemInput, phrases: TemplatePhrases): void {
  const { view, doc } = loadTemplate(actor, slug, phrases);
  checkDueDay(input.dueDay);
  const link = parseLink(input.link, doc);
  getDb().transaction((tx) => {
    const id = beginWrite(tx, view, doc, revision, phrases, itemId);
    if (id) {
      const res = tx
        .update(onboardingTemplateItems)
        .set({ title: input.title, description: input.description, assignee: input.assignee, dueDay: input.dueDay, ...link, edited: true })
        .where(and(eq(onboardingTemplateItems.id, id), eq(onboardingTemplateItems.jobRoleId, view.role.id)))
        .run();
      if (res.changes === 0) throw new NotFoundError("template item");
    } else {
      tx.insert(onboardingTemplateItems)
        .values({ jobRoleId: view.role.id, position: view.items.length, ...input, ...link, source: "manual", genKey: null })
        .run();
    }
    audit({ actorId: actor.id, action: id ? "template.item.update" : "template.item.add", entityType: "job_role", entityId: view.role.id }, tx);
  });
}

export function removeTemplateItem(actor: Actor, slug: string, revision: number, itemId: number, phrases: TemplatePhrases): void {
  const { view, doc } = loadTemplate(actor, slug, phrases);
  getDb().transaction((tx) => {
    const id = beginWrite(tx, view, doc, revision, phrases, itemId)!;
    const res = tx
      .delete(onboardingTemplateItems)
      .where(and(eq(onboardingTemplateItems.id, id), eq(onboardingTemplateItems.jobRoleId, view.role.id)))
      .run();
    if (res.changes === 0) throw new NotFoundError("template item");
    audit({ actorId: actor.id, action: "template.item.remove", entityType: "job_role", entityId: view.role.id }, tx);
  });
}

const asItem = (i: TemplateItemRow) => ({ ...i, linkKind: i.linkKind ?? null, linkKey: i.linkKey ?? null, genKey: i.genKey ?? null, genParams: i.genParams ?? null });

export type TemplatePreview = { fromVersion: number; toVersion: number; revision: number; changes: RegenerationPreview<TemplateItemRow> };

/** What regenerating the template from the role's current version would add, remove, update and keep. Reads only. */
export function previewTemplateRegeneration(actor: Actor, slug: string, phrases: TemplatePhrases): TemplatePreview {
  const { view, doc } = loadTemplate(actor, slug, phrases);
  const stored = view.items.filter((i) => i.id > 0);
  return {
    fromVersion: view.generatedFromVersion,
    toVersion: view.role.currentVersion,
    revision: view.revision,
    changes: previewRegeneration(stored.map(asItem), generateTemplate(doc, phrases)),
  };
}

/** Rebuilds the generated items from the role's current version, keeping hand-made and hand-edited items. */
export function regenerateTemplate(actor: Actor, slug: string, revision: number, phrases: TemplatePhrases): void {
  const { view, doc } = loadTemplate(actor, slug, phrases);
  const next = regenerate(view.items.filter((i) => i.id > 0).map(asItem), generateTemplate(doc, phrases));
  getDb().transaction((tx) => {
    beginWrite(tx, view, doc, revision, phrases, null);
    tx.update(onboardingTemplates).set({ generatedFromVersion: view.role.currentVersion }).where(eq(onboardingTemplates.jobRoleId, view.role.id)).run();
    tx.delete(onboardingTemplateItems).where(eq(onboardingTemplateItems.jobRoleId, view.role.id)).run();
    if (next.length)
      tx.insert(onboardingTemplateItems)
        .values(
          next.map((i, position) => ({
            jobRoleId: view.role.id,
            position,
            title: i.title,
            description: i.description,
            assignee: i.assignee,
            dueDay: i.dueDay,
            linkKind: i.linkKind,
            linkKey: i.linkKey,
            genKey: i.genKey,
            genParams: i.genParams,
            source: i.source,
            edited: i.edited,
          })),
        )
        .run();
    audit({ actorId: actor.id, action: "template.regenerate", entityType: "job_role", entityId: view.role.id, detail: { version: view.role.currentVersion } }, tx);
  });
}

export type TemplateFreshness = { generatedFromVersion: number | null; currentVersion: number; outdated: boolean; mayEdit: boolean; slug: string };

/**
 * Whether a role's stored template was generated from an older version of the role (a plan started
 * now still takes its generated items from the current version). Null version: not stored yet.
 */
export function templateFreshness(actor: Actor, roleId: number): TemplateFreshness | null {
  authorize(actor, "onboarding.manage", { type: "onboarding_template", id: roleId });
  const found = roleWithDoc(roleId);
  if (!found) return null;
  const stored = getDb().select({ v: onboardingTemplates.generatedFromVersion }).from(onboardingTemplates).where(eq(onboardingTemplates.jobRoleId, roleId)).get();
  return {
    generatedFromVersion: stored?.v ?? null,
    currentVersion: found.role.currentVersion,
    outdated: Boolean(stored && stored.v < found.role.currentVersion),
    mayEdit: mayEditRole(actor, roleId),
    slug: found.role.slug,
  };
}

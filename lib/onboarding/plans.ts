import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import {
  jobRoles,
  onboardingCheckins,
  onboardingItems,
  onboardings,
  onboardingTemplateItems,
  onboardingTemplates,
  people,
  teams,
  type Assignee,
  type CheckinMilestone,
} from "@/db/schema";
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/log";
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from "@/lib/core/errors";
import { notify } from "@/lib/notifications/notifications";
import {
  dueDate,
  DUE_DAY_MAX,
  DUE_DAY_MIN,
  generateTemplate,
  orderBuddies,
  regenerate,
  roleChangeItems,
  toIcs,
  type TemplateItem,
  type TemplatePhrases,
} from "@/lib/onboarding/rules";
import { pageOf, type Page } from "@/lib/core/pagination";
import type { RoleDoc } from "@/lib/roles/doc";
import { currentDocs, mayEditRole } from "@/lib/roles/versions";
import { peopleScope } from "@/lib/auth/scope";
import { todayIso } from "@/lib/communication/transfers";

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

/** A role with its current published document (one query, shared with the role module). */
function roleWithDoc(where: ReturnType<typeof eq>) {
  return currentDocs(where)[0] ?? null;
}

// ---------- Templates ----------

export type TemplateItemRow = typeof onboardingTemplateItems.$inferSelect;

/** Creates the role's template from its current version the first time it is needed. */
function ensureTemplate(tx: Tx, roleId: number, doc: RoleDoc, version: number, phrases: TemplatePhrases): void {
  const exists = tx.select({ id: onboardingTemplates.jobRoleId }).from(onboardingTemplates).where(eq(onboardingTemplates.jobRoleId, roleId)).get();
  if (exists) return;
  const items = generateTemplate(doc, phrases);
  tx.insert(onboardingTemplates).values({ jobRoleId: roleId, generatedFromVersion: version, updatedAt: new Date().toISOString() }).run();
  if (items.length)
    tx.insert(onboardingTemplateItems)
      .values(items.map((i, position) => ({ ...i, jobRoleId: roleId, position, source: "generated" as const })))
      .run();
}

function templateItems(roleId: number): TemplateItemRow[] {
  return getDb()
    .select()
    .from(onboardingTemplateItems)
    .where(eq(onboardingTemplateItems.jobRoleId, roleId))
    .orderBy(asc(onboardingTemplateItems.dueDay), asc(onboardingTemplateItems.position), asc(onboardingTemplateItems.id))
    .all();
}

export type TemplateView = {
  role: { id: number; slug: string; title: string; currentVersion: number };
  generatedFromVersion: number;
  revision: number;
  items: TemplateItemRow[];
  responsibilities: { key: string; title: string; tasks: { key: string; title: string }[] }[];
  canEdit: boolean;
};

/** The template and the role document it is built from, for someone who may edit it. */
function loadTemplate(actor: Actor, slug: string, phrases: TemplatePhrases): { view: TemplateView; doc: RoleDoc } {
  authorize(actor, "onboarding.manage", { type: "onboarding_template", id: slug });
  const found = roleWithDoc(eq(jobRoles.slug, slug));
  if (!found || !mayEditRole(actor, found.role.id)) throw new NotFoundError("job role");
  const { role, doc } = found;
  getDb().transaction((tx) => ensureTemplate(tx, role.id, doc, role.currentVersion, phrases));
  const t = getDb().select().from(onboardingTemplates).where(eq(onboardingTemplates.jobRoleId, role.id)).get()!;
  const view: TemplateView = {
    role: { id: role.id, slug: role.slug, title: role.title, currentVersion: role.currentVersion },
    generatedFromVersion: t.generatedFromVersion,
    revision: t.revision,
    items: templateItems(role.id),
    responsibilities: doc.responsibilities.map((r) => ({ key: r.key, title: r.title, tasks: r.tasks.map((x) => ({ key: x.key, title: x.title })) })),
    canEdit: true,
  };
  return { view, doc };
}

/** A role's template: HR edits any, managers those of their roles; others may not see it. */
export function getTemplate(actor: Actor, slug: string, phrases: TemplatePhrases): TemplateView {
  return loadTemplate(actor, slug, phrases).view;
}

export type ItemInput = {
  title: string;
  description: string;
  assignee: Assignee;
  dueDay: number;
  link: string | null; // "responsibility:<key>" | "task:<key>" | null
};

function parseLink(link: string | null, doc: RoleDoc | null): { linkKind: "responsibility" | "task" | null; linkKey: string | null } {
  if (!link) return { linkKind: null, linkKey: null };
  const [kind, key] = link.split(":", 2);
  const ok =
    doc &&
    ((kind === "responsibility" && doc.responsibilities.some((r) => r.key === key)) ||
      (kind === "task" && doc.responsibilities.some((r) => r.tasks.some((x) => x.key === key))));
  if (!ok) throw new FieldError({ link: "invalidChoice" });
  return { linkKind: kind as "responsibility" | "task", linkKey: key };
}

function checkDueDay(dueDay: number) {
  if (!Number.isInteger(dueDay) || dueDay < DUE_DAY_MIN || dueDay > DUE_DAY_MAX) throw new FieldError({ dueDay: "dueDayRange" });
}

function bumpTemplate(tx: Tx, roleId: number, revision: number) {
  const res = tx
    .update(onboardingTemplates)
    .set({ revision: revision + 1, updatedAt: new Date().toISOString() })
    .where(and(eq(onboardingTemplates.jobRoleId, roleId), eq(onboardingTemplates.revision, revision)))
    .run();
  if (res.changes === 0) throw new ConflictError();
}

/** Adds a hand-made item, or edits one (generated items too: their edits survive regeneration). */
export function saveTemplateItem(actor: Actor, slug: string, revision: number, itemId: number | null, input: ItemInput, phrases: TemplatePhrases): void {
  const { view, doc } = loadTemplate(actor, slug, phrases);
  checkDueDay(input.dueDay);
  const link = parseLink(input.link, doc);
  getDb().transaction((tx) => {
    bumpTemplate(tx, view.role.id, revision);
    if (itemId) {
      const res = tx
        .update(onboardingTemplateItems)
        .set({ title: input.title, description: input.description, assignee: input.assignee, dueDay: input.dueDay, ...link, edited: true })
        .where(and(eq(onboardingTemplateItems.id, itemId), eq(onboardingTemplateItems.jobRoleId, view.role.id)))
        .run();
      if (res.changes === 0) throw new NotFoundError("template item");
    } else {
      tx.insert(onboardingTemplateItems)
        .values({ jobRoleId: view.role.id, position: view.items.length, ...input, ...link, source: "manual", genKey: null })
        .run();
    }
    audit({ actorId: actor.id, action: itemId ? "template.item.update" : "template.item.add", entityType: "job_role", entityId: view.role.id }, tx);
  });
}

export function removeTemplateItem(actor: Actor, slug: string, revision: number, itemId: number, phrases: TemplatePhrases): void {
  const view = getTemplate(actor, slug, phrases);
  getDb().transaction((tx) => {
    bumpTemplate(tx, view.role.id, revision);
    const res = tx
      .delete(onboardingTemplateItems)
      .where(and(eq(onboardingTemplateItems.id, itemId), eq(onboardingTemplateItems.jobRoleId, view.role.id)))
      .run();
    if (res.changes === 0) throw new NotFoundError("template item");
    audit({ actorId: actor.id, action: "template.item.remove", entityType: "job_role", entityId: view.role.id }, tx);
  });
}

/** Rebuilds the generated items from the role's current version, keeping hand-made items. */
export function regenerateTemplate(actor: Actor, slug: string, revision: number, phrases: TemplatePhrases): void {
  const { view, doc } = loadTemplate(actor, slug, phrases);
  const next = regenerate(
    view.items.map((i) => ({ ...i, linkKind: i.linkKind ?? null, linkKey: i.linkKey ?? null, genKey: i.genKey ?? null })),
    generateTemplate(doc, phrases),
  );
  getDb().transaction((tx) => {
    bumpTemplate(tx, view.role.id, revision);
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
            source: i.source,
            edited: i.edited,
          })),
        )
        .run();
    audit({ actorId: actor.id, action: "template.regenerate", entityType: "job_role", entityId: view.role.id, detail: { version: view.role.currentVersion } }, tx);
  });
}

// ---------- Starting a plan ----------

function personInScope(actor: Actor, personId: number) {
  return getDb()
    .select({ id: people.id, name: people.name, jobRoleId: people.jobRoleId, reportsToId: people.reportsToId, startDate: people.startDate, active: people.active })
    .from(people)
    .where(and(eq(people.id, personId), peopleScope(actor)))
    .get();
}

/** People the actor may start an onboarding for (their scope, active). */
export function onboardingCandidates(actor: Actor) {
  authorize(actor, "onboarding.manage", { type: "onboarding" });
  return getDb()
    .select({ id: people.id, name: people.name, jobRoleId: people.jobRoleId, reportsToId: people.reportsToId, startDate: people.startDate, roleTitle: jobRoles.title })
    .from(people)
    .leftJoin(jobRoles, eq(jobRoles.id, people.jobRoleId))
    .where(and(eq(people.active, true), peopleScope(actor)))
    .orderBy(asc(people.name))
    .all();
}

/** Active people who could be managers (HR sees all; managers pick themselves or their scope). */
export function managerCandidates(actor: Actor) {
  authorize(actor, "onboarding.manage", { type: "onboarding" });
  return getDb()
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.active, true), inArray(people.appRole, ["manager", "supervisor", "hr_admin"]), actor.appRole === "hr_admin" ? undefined : or(eq(people.id, actor.id), peopleScope(actor))))
    .orderBy(asc(people.name))
    .all();
}

export type BuddySuggestion = { id: number; name: string; startDate: string; currentBuddies: number };

/**
 * Buddy suggestions for a person: active people in the role (the new role for a role change),
 * longest tenure first, then fewest current buddies. Two queries.
 */
export function buddySuggestions(actor: Actor, personId: number, jobRoleId?: number | null): BuddySuggestion[] {
  authorize(actor, "onboarding.manage", { type: "onboarding" });
  const person = personInScope(actor, personId);
  if (!person) throw new NotFoundError("person");
  const roleId = jobRoleId ?? person.jobRoleId;
  if (!roleId) return [];
  const db = getDb();
  const load = db
    .select({ buddyId: onboardings.buddyId, n: count().as("n") })
    .from(onboardings)
    .where(eq(onboardings.status, "open"))
    .groupBy(onboardings.buddyId)
    .as("load");
  const rows = db
    .select({ id: people.id, name: people.name, startDate: people.startDate, currentBuddies: sql<number>`coalesce(${load.n}, 0)` })
    .from(people)
    .leftJoin(load, eq(load.buddyId, people.id))
    .where(and(eq(people.jobRoleId, roleId), eq(people.active, true), ne(people.id, personId)))
    .all();
  return orderBuddies(rows.map((r) => ({ ...r, currentBuddies: Number(r.currentBuddies) })));
}

export type StartInput = {
  personId: number;
  startDate: string;
  managerId: number;
  buddyId: number;
  /** For a role change: the role the person comes from (the plan covers only what is new). */
  fromJobRoleId?: number | null;
};

/**
 * HR, or the person's manager, starts an onboarding plan: items from the role's template with
 * concrete due dates that skip weekends, and the buddy and manager notified.
 */
export function startOnboarding(actor: Actor, input: StartInput, phrases: TemplatePhrases, now = new Date()): { id: number } {
  authorize(actor, "onboarding.manage", { type: "onboarding" });
  const person = personInScope(actor, input.personId);
  if (!person || !person.active) throw new NotFoundError("person");
  const errors: Record<string, string> = {};
  if (!person.jobRoleId) errors.personId = "noJobRole";
  const db = getDb();
  const pair = db
    .select({ id: people.id, active: people.active })
    .from(people)
    .where(inArray(people.id, [input.managerId, input.buddyId]))
    .all();
  const buddy = pair.find((p) => p.id === input.buddyId);
  const manager = pair.find((p) => p.id === input.managerId);
  if (input.buddyId === input.personId) errors.buddyId = "buddyIsHire";
  else if (!buddy || !buddy.active) errors.buddyId = "buddyInactive";
  if (!manager || !manager.active) errors.managerId = "invalidChoice";
  if (input.managerId === input.personId) errors.managerId = "invalidChoice";
  const open = db
    .select({ id: onboardings.id })
    .from(onboardings)
    .where(and(eq(onboardings.personId, input.personId), eq(onboardings.status, "open")))
    .get();
  if (open) errors.personId = "alreadyOnboarding";
  if (Object.keys(errors).length) throw new FieldError(errors);

  const target = roleWithDoc(eq(jobRoles.id, person.jobRoleId!))!;
  const from = input.fromJobRoleId ? roleWithDoc(eq(jobRoles.id, input.fromJobRoleId)) : null;
  return db.transaction((tx) => {
    ensureTemplate(tx, target.role.id, target.doc, target.role.currentVersion, phrases);
    const template: TemplateItem[] = tx
      .select()
      .from(onboardingTemplateItems)
      .where(eq(onboardingTemplateItems.jobRoleId, target.role.id))
      .orderBy(asc(onboardingTemplateItems.dueDay), asc(onboardingTemplateItems.position))
      .all();
    const items = input.fromJobRoleId ? roleChangeItems(template, from?.doc ?? null, target.doc) : template;
    const at = now.toISOString();
    const plan = tx
      .insert(onboardings)
      .values({
        personId: input.personId,
        jobRoleId: target.role.id,
        fromJobRoleId: input.fromJobRoleId ?? null,
        kind: input.fromJobRoleId ? "role_change" : "new_hire",
        startDate: input.startDate,
        managerId: input.managerId,
        buddyId: input.buddyId,
        createdById: actor.id,
        createdAt: at,
      })
      .returning({ id: onboardings.id })
      .get();
    if (items.length)
      tx.insert(onboardingItems)
        .values(
          items.map((i, position) => ({
            onboardingId: plan.id,
            position,
            title: i.title,
            description: i.description,
            assignee: i.assignee,
            dueDay: i.dueDay,
            dueDate: dueDate(input.startDate, i.dueDay),
            linkKind: i.linkKind,
            linkKey: i.linkKey,
          })),
        )
        .run();
    notify(tx, [input.personId, input.buddyId, input.managerId].filter((id) => id !== actor.id), "onboarding.started", { name: person.name }, `/onboarding/${plan.id}`);
    audit(
      {
        actorId: actor.id,
        action: "onboarding.start",
        entityType: "onboarding",
        entityId: plan.id,
        detail: { personId: input.personId, buddyId: input.buddyId, managerId: input.managerId, items: items.length, kind: input.fromJobRoleId ? "role_change" : "new_hire" },
      },
      tx,
    );
    return { id: plan.id };
  });
}

// ---------- Reading a plan ----------

type PlanRow = typeof onboardings.$inferSelect;

function loadPlan(id: number): PlanRow | undefined {
  return getDb().select().from(onboardings).where(eq(onboardings.id, id)).get();
}

/** How the actor relates to a plan (the hire, buddy, manager, HR, or someone managing the person). */
function relation(actor: Actor, plan: PlanRow) {
  const inScope =
    actor.appRole === "hr_admin" ||
    (actor.appRole === "manager" && Boolean(personInScope(actor, plan.personId)));
  return {
    isHire: plan.personId === actor.id,
    isBuddy: plan.buddyId === actor.id,
    isManager: plan.managerId === actor.id,
    isHr: actor.appRole === "hr_admin",
    canManage: plan.managerId === actor.id || inScope,
  };
}

function visiblePlan(actor: Actor, id: number) {
  authorize(actor, "onboarding.participate", { type: "onboarding", id });
  const plan = loadPlan(id);
  if (!plan) throw new NotFoundError("onboarding");
  const rel = relation(actor, plan);
  if (!rel.isHire && !rel.isBuddy && !rel.canManage) throw new NotFoundError("onboarding");
  return { plan, rel };
}

export type PlanItem = typeof onboardingItems.$inferSelect & { overdue: boolean; canTick: boolean };
export type PlanDetail = {
  id: number;
  kind: PlanRow["kind"];
  status: PlanRow["status"];
  startDate: string;
  closedReason: string | null;
  revision: number;
  person: { id: number; name: string; email: string; phone: string | null };
  role: { slug: string; title: string } | null;
  buddy: { id: number; name: string; email: string; phone: string | null } | null;
  manager: { id: number; name: string; email: string; phone: string | null } | null;
  items: PlanItem[];
  progress: { done: number; total: number; percent: number; overdue: number };
  checkins: { id: number; milestone: CheckinMilestone; note: string; authorId: number; authorName: string; updatedAt: string }[];
  me: ReturnType<typeof relation>;
};

function mayTick(rel: ReturnType<typeof relation>, assignee: Assignee): boolean {
  return (
    (assignee === "hire" && rel.isHire) ||
    (assignee === "buddy" && rel.isBuddy) ||
    (assignee === "manager" && (rel.isManager || rel.canManage)) ||
    (assignee === "hr" && rel.isHr)
  );
}

const contact = { id: people.id, name: people.name, email: people.email, phone: people.phone };

export function getPlan(actor: Actor, id: number, today = todayIso()): PlanDetail {
  const { plan, rel } = visiblePlan(actor, id);
  const db = getDb();
  const ppl = db.select(contact).from(people).where(inArray(people.id, [plan.personId, plan.buddyId ?? 0, plan.managerId ?? 0])).all();
  const byId = new Map(ppl.map((p) => [p.id, p]));
  const role = plan.jobRoleId ? db.select({ slug: jobRoles.slug, title: jobRoles.title }).from(jobRoles).where(eq(jobRoles.id, plan.jobRoleId)).get() : undefined;
  const items = db
    .select()
    .from(onboardingItems)
    .where(eq(onboardingItems.onboardingId, id))
    .orderBy(asc(onboardingItems.dueDate), asc(onboardingItems.position), asc(onboardingItems.id))
    .all()
    .map((i) => ({ ...i, overdue: !i.doneAt && i.dueDate < today, canTick: plan.status === "open" && mayTick(rel, i.assignee) }));
  const author = alias(people, "author");
  const checkins = db
    .select({
      id: onboardingCheckins.id,
      milestone: onboardingCheckins.milestone,
      note: onboardingCheckins.note,
      authorId: onboardingCheckins.authorId,
      authorName: author.name,
      updatedAt: onboardingCheckins.updatedAt,
    })
    .from(onboardingCheckins)
    .innerJoin(author, eq(author.id, onboardingCheckins.authorId))
    .where(eq(onboardingCheckins.onboardingId, id))
    .all();
  const done = items.filter((i) => i.doneAt).length;
  return {
    id,
    kind: plan.kind,
    status: plan.status,
    startDate: plan.startDate,
    closedReason: plan.closedReason,
    revision: plan.revision,
    person: byId.get(plan.personId)!,
    role: role ?? null,
    buddy: plan.buddyId ? (byId.get(plan.buddyId) ?? null) : null,
    manager: plan.managerId ? (byId.get(plan.managerId) ?? null) : null,
    items,
    progress: { done, total: items.length, percent: items.length ? Math.round((done / items.length) * 100) : 0, overdue: items.filter((i) => i.overdue).length },
    // Check-in notes are for the hire's buddy and managers, not for the hire.
    checkins: rel.isHire && !rel.canManage ? [] : checkins,
    me: rel,
  };
}

/** The signed-in person's own open plan, if any (their home page shows it). */
export function myOpenPlan(actor: Actor, today = todayIso()): PlanDetail | null {
  authorize(actor, "onboarding.participate");
  const row = getDb()
    .select({ id: onboardings.id })
    .from(onboardings)
    .where(and(eq(onboardings.personId, actor.id), eq(onboardings.status, "open")))
    .orderBy(desc(onboardings.id))
    .get();
  return row ? getPlan(actor, row.id, today) : null;
}

// ---------- Changing a plan ----------

function openPlanFor(actor: Actor, id: number, manage: boolean) {
  const { plan, rel } = visiblePlan(actor, id);
  if (manage && !rel.canManage) throw new ForbiddenError("onboarding.manage");
  if (plan.status !== "open") throw new FieldError({ _form: "planClosed" });
  return { plan, rel };
}

/** Ticks (or unticks) an item. Only the one who owes it may; a plan closes when all items are done. */
export function setItemDone(actor: Actor, itemId: number, done: boolean): { closed: boolean } {
  authorize(actor, "onboarding.participate", { type: "onboarding_item", id: itemId });
  const item = getDb().select().from(onboardingItems).where(eq(onboardingItems.id, itemId)).get();
  if (!item) throw new NotFoundError("item");
  const { plan, rel } = openPlanFor(actor, item.onboardingId, false);
  if (!mayTick(rel, item.assignee)) {
    audit({ actorId: actor.id, action: "access.denied", entityType: "onboarding_item", entityId: itemId, detail: { permission: "onboarding.tick" } });
    throw new FieldError({ _form: "notYourItem" });
  }
  return getDb().transaction((tx) => {
    const at = new Date().toISOString();
    tx.update(onboardingItems)
      .set(done ? { doneAt: at, doneById: actor.id } : { doneAt: null, doneById: null })
      .where(eq(onboardingItems.id, itemId))
      .run();
    const left = tx
      .select({ n: count() })
      .from(onboardingItems)
      .where(and(eq(onboardingItems.onboardingId, plan.id), isNull(onboardingItems.doneAt)))
      .get()!.n;
    let closed = false;
    if (left === 0) {
      tx.update(onboardings)
        .set({ status: "closed", closedAt: at, revision: sql`${onboardings.revision} + 1` })
        .where(eq(onboardings.id, plan.id))
        .run();
      closed = true;
    }
    audit({ actorId: actor.id, action: done ? "onboarding.item.done" : "onboarding.item.undone", entityType: "onboarding", entityId: plan.id, detail: { itemId, closed } }, tx);
    return { closed };
  });
}

/** HR or the manager adds an item to one person's plan. */
export function addPlanItem(actor: Actor, planId: number, input: ItemInput): void {
  const { plan } = openPlanFor(actor, planId, true);
  checkDueDay(input.dueDay);
  const doc = plan.jobRoleId ? (roleWithDoc(eq(jobRoles.id, plan.jobRoleId))?.doc ?? null) : null;
  const link = parseLink(input.link, doc);
  getDb().transaction((tx) => {
    const max = tx.select({ n: count() }).from(onboardingItems).where(eq(onboardingItems.onboardingId, planId)).get()!.n;
    tx.insert(onboardingItems)
      .values({
        onboardingId: planId,
        position: max,
        title: input.title,
        description: input.description,
        assignee: input.assignee,
        dueDay: input.dueDay,
        dueDate: dueDate(plan.startDate, input.dueDay),
        ...link,
      })
      .run();
    audit({ actorId: actor.id, action: "onboarding.item.add", entityType: "onboarding", entityId: planId }, tx);
  });
}

export function removePlanItem(actor: Actor, itemId: number): void {
  authorize(actor, "onboarding.manage", { type: "onboarding_item", id: itemId });
  const item = getDb().select().from(onboardingItems).where(eq(onboardingItems.id, itemId)).get();
  if (!item) throw new NotFoundError("item");
  openPlanFor(actor, item.onboardingId, true);
  getDb().transaction((tx) => {
    tx.delete(onboardingItems).where(eq(onboardingItems.id, itemId)).run();
    audit({ actorId: actor.id, action: "onboarding.item.remove", entityType: "onboarding", entityId: item.onboardingId, detail: { title: item.title } }, tx);
  });
}

/** HR or the manager closes a plan early, with a reason. */
export function closePlan(actor: Actor, planId: number, revision: number, reason: string): void {
  const { plan } = openPlanFor(actor, planId, true);
  if (!reason.trim()) throw new FieldError({ reason: "required" });
  getDb().transaction((tx) => {
    const res = tx
      .update(onboardings)
      .set({ status: "closed", closedAt: new Date().toISOString(), closedReason: reason.trim(), closedById: actor.id, revision: plan.revision + 1 })
      .where(and(eq(onboardings.id, planId), eq(onboardings.revision, revision)))
      .run();
    if (res.changes === 0) throw new ConflictError();
    audit({ actorId: actor.id, action: "onboarding.close", entityType: "onboarding", entityId: planId }, tx);
  });
}

/** The buddy or a manager writes (or updates) their note for a check-in milestone. */
export function saveCheckin(actor: Actor, planId: number, milestone: CheckinMilestone, note: string): void {
  const { rel } = visiblePlan(actor, planId);
  if (!rel.isBuddy && !rel.canManage) throw new ForbiddenError("onboarding.checkin");
  const at = new Date().toISOString();
  getDb().transaction((tx) => {
    tx.insert(onboardingCheckins)
      .values({ onboardingId: planId, milestone, authorId: actor.id, note: note.trim(), createdAt: at, updatedAt: at })
      .onConflictDoUpdate({
        target: [onboardingCheckins.onboardingId, onboardingCheckins.milestone, onboardingCheckins.authorId],
        set: { note: note.trim(), updatedAt: at },
      })
      .run();
    audit({ actorId: actor.id, action: "onboarding.checkin", entityType: "onboarding", entityId: planId, detail: { milestone } }, tx);
  });
}

// ---------- Lists ----------

export type OwedItem = {
  id: number;
  planId: number;
  title: string;
  assignee: Assignee;
  dueDate: string;
  overdue: boolean;
  hireName: string;
};

/**
 * "My onboarding tasks": every open item the actor owes across the hires they support (as buddy,
 * manager, or HR), overdue first, then by date.
 */
export function myOnboardingTasks(actor: Actor, today = todayIso()): OwedItem[] {
  authorize(actor, "onboarding.participate");
  const hire = alias(people, "hire");
  const owes = or(
    and(eq(onboardingItems.assignee, "buddy"), eq(onboardings.buddyId, actor.id)),
    and(eq(onboardingItems.assignee, "manager"), eq(onboardings.managerId, actor.id)),
    actor.appRole === "hr_admin" ? eq(onboardingItems.assignee, "hr") : undefined,
  );
  return getDb()
    .select({
      id: onboardingItems.id,
      planId: onboardings.id,
      title: onboardingItems.title,
      assignee: onboardingItems.assignee,
      dueDate: onboardingItems.dueDate,
      hireName: hire.name,
    })
    .from(onboardingItems)
    .innerJoin(onboardings, eq(onboardings.id, onboardingItems.onboardingId))
    .innerJoin(hire, eq(hire.id, onboardings.personId))
    .where(and(eq(onboardings.status, "open"), isNull(onboardingItems.doneAt), owes))
    .orderBy(sql`case when ${onboardingItems.dueDate} < ${today} then 0 else 1 end`, asc(onboardingItems.dueDate), asc(onboardingItems.id))
    .limit(500)
    .all()
    .map((i) => ({ ...i, overdue: i.dueDate < today }));
}

/** How many open items the actor owes as buddy, manager or HR (for the navigation). */
export function onboardingDutyCount(actor: Actor): number {
  authorize(actor, "onboarding.participate");
  return getDb()
    .select({ n: count() })
    .from(onboardingItems)
    .innerJoin(onboardings, eq(onboardings.id, onboardingItems.onboardingId))
    .where(
      and(
        eq(onboardings.status, "open"),
        isNull(onboardingItems.doneAt),
        or(
          and(eq(onboardingItems.assignee, "buddy"), eq(onboardings.buddyId, actor.id)),
          and(eq(onboardingItems.assignee, "manager"), eq(onboardings.managerId, actor.id)),
          actor.appRole === "hr_admin" ? eq(onboardingItems.assignee, "hr") : undefined,
        ),
      ),
    )
    .get()!.n;
}

export type OverviewRow = {
  id: number;
  personName: string;
  roleTitle: string | null;
  teamName: string | null;
  kind: PlanRow["kind"];
  status: PlanRow["status"];
  startDate: string;
  buddyName: string | null;
  done: number;
  total: number;
  overdue: number;
};

export const OVERVIEW_PAGE_SIZE = 25;

/** Every onboarding in the actor's scope, with % done and overdue counts; filter by team and status. */
export function onboardingOverview(
  actor: Actor,
  opts: { teamId?: number; status?: "open" | "closed" | "all"; page?: number } = {},
  today = todayIso(),
): Page<OverviewRow> {
  authorize(actor, "onboarding.manage", { type: "onboarding" });
  const db = getDb();
  const buddy = alias(people, "buddy");
  const stats = db
    .select({
      onboardingId: onboardingItems.onboardingId,
      total: count().as("total"),
      done: sql<number>`sum(case when ${onboardingItems.doneAt} is not null then 1 else 0 end)`.as("done"),
      overdue: sql<number>`sum(case when ${onboardingItems.doneAt} is null and ${onboardingItems.dueDate} < ${today} then 1 else 0 end)`.as("overdue"),
    })
    .from(onboardingItems)
    .groupBy(onboardingItems.onboardingId)
    .as("stats");
  const where = and(
    or(peopleScope(actor), eq(onboardings.managerId, actor.id)),
    opts.teamId ? eq(people.teamId, opts.teamId) : undefined,
    opts.status && opts.status !== "all" ? eq(onboardings.status, opts.status) : opts.status === "all" ? undefined : eq(onboardings.status, "open"),
  );
  const total = db.select({ n: count() }).from(onboardings).innerJoin(people, eq(people.id, onboardings.personId)).where(where).get()?.n ?? 0;
  const { page, offset, pageCount } = pageOf(total, opts.page, OVERVIEW_PAGE_SIZE);
  const rows = db
    .select({
      id: onboardings.id,
      personName: people.name,
      roleTitle: jobRoles.title,
      teamName: teams.name,
      kind: onboardings.kind,
      status: onboardings.status,
      startDate: onboardings.startDate,
      buddyName: buddy.name,
      done: stats.done,
      total: stats.total,
      overdue: stats.overdue,
    })
    .from(onboardings)
    .innerJoin(people, eq(people.id, onboardings.personId))
    .leftJoin(jobRoles, eq(jobRoles.id, onboardings.jobRoleId))
    .leftJoin(teams, eq(teams.id, people.teamId))
    .leftJoin(buddy, eq(buddy.id, onboardings.buddyId))
    .leftJoin(stats, eq(stats.onboardingId, onboardings.id))
    .where(where)
    .orderBy(desc(sql`coalesce(${stats.overdue}, 0)`), asc(onboardings.startDate))
    .limit(OVERVIEW_PAGE_SIZE)
    .offset(offset)
    .all()
    .map((r) => ({ ...r, done: Number(r.done ?? 0), total: Number(r.total ?? 0), overdue: Number(r.overdue ?? 0) }));
  return { rows, total, page, pageCount, pageSize: OVERVIEW_PAGE_SIZE };
}

export function teamOptions(actor: Actor) {
  authorize(actor, "onboarding.manage", { type: "onboarding" });
  return getDb()
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(actor.appRole === "hr_admin" ? undefined : eq(teams.managerId, actor.id))
    .orderBy(teams.name)
    .all();
}

// ---------- Calendar ----------

/**
 * The actor's open onboarding items as an .ics file: their own items as a hire, and what they owe
 * as buddy, manager or HR. UIDs are stable per item.
 */
export function calendarFor(actor: Actor, host: string, labels: { forHire: (title: string, name: string) => string }): string {
  authorize(actor, "onboarding.participate");
  const hire = alias(people, "hire");
  const rows = getDb()
    .select({ id: onboardingItems.id, planId: onboardings.id, title: onboardingItems.title, description: onboardingItems.description, dueDate: onboardingItems.dueDate, personId: onboardings.personId, hireName: hire.name, assignee: onboardingItems.assignee })
    .from(onboardingItems)
    .innerJoin(onboardings, eq(onboardings.id, onboardingItems.onboardingId))
    .innerJoin(hire, eq(hire.id, onboardings.personId))
    .where(
      and(
        eq(onboardings.status, "open"),
        isNull(onboardingItems.doneAt),
        or(
          and(eq(onboardings.personId, actor.id), eq(onboardingItems.assignee, "hire")),
          and(eq(onboardingItems.assignee, "buddy"), eq(onboardings.buddyId, actor.id)),
          and(eq(onboardingItems.assignee, "manager"), eq(onboardings.managerId, actor.id)),
          actor.appRole === "hr_admin" ? eq(onboardingItems.assignee, "hr") : undefined,
        ),
      ),
    )
    .orderBy(asc(onboardingItems.dueDate))
    .limit(2000)
    .all();
  return toIcs(
    rows.map((r) => ({
      uid: `onboarding-item-${r.id}@rolebook`,
      date: r.dueDate,
      summary: r.personId === actor.id ? r.title : labels.forHire(r.title, r.hireName),
      description: r.description,
      url: `${host}/onboarding/${r.planId}`,
    })),
  );
}

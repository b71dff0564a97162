import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, preparedQuery } from "@/db/client";
import { onboardingCheckins, onboardingItems, onboardings, people, jobRoles } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import {
  authorize,
  mayTick,
  outOfScope,
  planAccess,
  recordDenied,
  type PlanAccess,
} from "@/lib/auth/policy";
import { audit } from "@/lib/audit/log";
import { ActionError, ConflictError, FieldError, NotFoundError } from "@/lib/core/errors";
import { todayIso } from "@/lib/core/dates";
import { notify } from "@/lib/notifications/notifications";
import type { Assignee } from "@/lib/onboarding/vocabulary";
import { checkDueDay, parseLink, roleWithDoc, type ItemInput } from "@/lib/onboarding/items";
import {
  dueDate,
  dueDateWindow,
  nextReminderAt,
} from "@/lib/onboarding/rules";
import { holidaysBetween } from "@/lib/org/settings";
import { isReadRoleItem } from "@/lib/onboarding/read-role";
import { coursesOfItems } from "@/lib/capability/onboarding-training";
import type { CheckinMilestone } from "@/lib/onboarding/vocabulary";

export type { ItemInput };

// ---------- Reading a plan ----------

export type PlanRow = typeof onboardings.$inferSelect;

/** A plan and an item by id, read by every tick: built once (db/client.ts `preparedQuery`). */
const planById = preparedQuery((db) => db.select().from(onboardings).where(eq(onboardings.id, sql.placeholder("id"))).prepare());
const itemById = preparedQuery((db) => db.select().from(onboardingItems).where(eq(onboardingItems.id, sql.placeholder("id"))).prepare());
const openItemsLeft = preparedQuery((db) =>
  db
    .select({ n: count() })
    .from(onboardingItems)
    .where(and(eq(onboardingItems.onboardingId, sql.placeholder("planId")), isNull(onboardingItems.doneAt)))
    .prepare(),
);

/** The plan, if the actor may see it; a plan out of their reach is audited and "not found". */
function visiblePlan(actor: Actor, id: number): { plan: PlanRow; access: PlanAccess } {
  authorize(actor, "onboarding.participate", { type: "onboarding", id });
  const plan = planById().get({ id });
  if (!plan) throw new NotFoundError("onboarding");
  const access = planAccess(actor, plan);
  if (!access.mayView) throw outOfScope(actor, { type: "onboarding", id }, "mayViewPlan");
  return { plan, access };
}

export type PlanItem = typeof onboardingItems.$inferSelect & {
  overdue: boolean;
  canTick: boolean;
  /** The viewer may remind whoever owes this item (now, or from `nextRemindAt`). */
  mayRemind: boolean;
  /** When the next reminder about this item may go out; null when it may go out now. */
  nextRemindAt: string | null;
  /** The course this item stands for (a capability gap, issue 11): the plan links to it. */
  courseId: number | null;
};
export type PlanDetail = {
  id: number;
  kind: PlanRow["kind"];
  status: PlanRow["status"];
  startDate: string;
  closedReason: string | null;
  /** The viewer closed this plan (they are offered the probation evaluation afterwards). */
  closedByMe: boolean;
  revision: number;
  person: { id: number; name: string; email: string; phone: string | null };
  role: { slug: string; title: string } | null;
  buddy: { id: number; name: string; email: string; phone: string | null } | null;
  manager: { id: number; name: string; email: string; phone: string | null } | null;
  items: PlanItem[];
  progress: { done: number; total: number; percent: number; overdue: number };
  checkins: { id: number; milestone: CheckinMilestone; note: string; authorId: number; authorName: string; updatedAt: string }[];
  /** What the viewer may do here: pages show a control only when this says so. */
  me: PlanAccess & { mayChange: boolean };
};

const contact = { id: people.id, name: people.name, email: people.email, phone: people.phone };

export function getPlan(actor: Actor, id: number, today = todayIso(), now = new Date()): PlanDetail {
  const { plan, access } = visiblePlan(actor, id);
  const open = plan.status === "open";
  const db = getDb();
  const ppl = db.select(contact).from(people).where(inArray(people.id, [plan.personId, plan.buddyId ?? 0, plan.managerId ?? 0])).all();
  const byId = new Map(ppl.map((p) => [p.id, p]));
  const role = plan.jobRoleId ? db.select({ slug: jobRoles.slug, title: jobRoles.title }).from(jobRoles).where(eq(jobRoles.id, plan.jobRoleId)).get() : undefined;
  const rows = db
    .select()
    .from(onboardingItems)
    .where(eq(onboardingItems.onboardingId, id))
    .orderBy(asc(onboardingItems.dueDate), asc(onboardingItems.position), asc(onboardingItems.id))
    .all();
  const courseOf = coursesOfItems(
    rows.map((i) => i.id),
    db,
  );
  const items = rows.map((i) => ({
      ...i,
      overdue: !i.doneAt && i.dueDate < today,
      canTick: open && mayTick(access, i.assignee) && !isReadRoleItem(i),
      mayRemind: open && !i.doneAt && access.mayManage && isRemindable(plan, i.assignee, actor.id),
      nextRemindAt: nextReminderAt(i.lastRemindedAt, now),
      courseId: courseOf.get(i.id) ?? null,
    }));
  const author = alias(people, "author");
  // Check-in notes are for the hire's buddy and managers, not for the hire.
  const checkins = access.mayCheckin
    ? db
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
        .all()
    : [];
  const done = items.filter((i) => i.doneAt).length;
  return {
    id,
    kind: plan.kind,
    status: plan.status,
    startDate: plan.startDate,
    closedReason: plan.closedReason,
    closedByMe: plan.closedById === actor.id,
    revision: plan.revision,
    person: byId.get(plan.personId)!,
    role: role ?? null,
    buddy: plan.buddyId ? (byId.get(plan.buddyId) ?? null) : null,
    manager: plan.managerId ? (byId.get(plan.managerId) ?? null) : null,
    items,
    progress: { done, total: items.length, percent: items.length ? Math.round((done / items.length) * 100) : 0, overdue: items.filter((i) => i.overdue).length },
    checkins,
    me: { ...access, mayChange: open && access.mayManage },
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

/** An open plan the actor may manage (add and remove items, close it); otherwise audited and not found. */
function managedOpenPlan(actor: Actor, id: number) {
  const { plan, access } = visiblePlan(actor, id);
  if (!access.mayManage) throw outOfScope(actor, { type: "onboarding", id }, "mayManagePlan");
  if (plan.status !== "open") throw new FieldError({ _form: "planClosed" });
  return plan;
}

/** Ticks (or unticks) an item. Only the one who owes it may; a plan closes when all items are done. */
export function setItemDone(actor: Actor, itemId: number, done: boolean): { closed: boolean } {
  authorize(actor, "onboarding.participate", { type: "onboarding_item", id: itemId });
  const item = itemById().get({ id: itemId });
  if (!item) throw new NotFoundError("item");
  const { plan, access } = visiblePlan(actor, item.onboardingId);
  if (plan.status !== "open") throw new FieldError({ _form: "planClosed" });
  if (!mayTick(access, item.assignee)) {
    // The item is visible to them (it is on a plan they may see), so this is a refusal, not "not found".
    recordDenied(actor, { type: "onboarding_item", id: itemId }, { rule: "mayTick" });
    throw new FieldError({ _form: "notYourItem" });
  }
  // Done only by confirming the role was read and understood (lib/communication/role-reading.ts).
  if (isReadRoleItem(item)) throw new FieldError({ _form: "readRoleByConfirming" });
  return getDb().transaction((tx) => {
    const at = new Date().toISOString();
    tx.update(onboardingItems)
      .set(done ? { doneAt: at, doneById: actor.id } : { doneAt: null, doneById: null })
      .where(eq(onboardingItems.id, itemId))
      .run();
    // Prepared on the same connection: it runs inside this transaction.
    const left = openItemsLeft().get({ planId: plan.id })!.n;
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

/** Whoever may manage the plan (its named manager, the hire's managers, HR) adds an item. */
export function addPlanItem(actor: Actor, planId: number, input: ItemInput): void {
  const plan = managedOpenPlan(actor, planId);
  checkDueDay(input.dueDay);
  const doc = plan.jobRoleId ? (roleWithDoc(plan.jobRoleId)?.doc ?? null) : null;
  const link = parseLink(input.link, doc);
  const window = dueDateWindow(plan.startDate);
  const holidays = holidaysBetween(window.from, window.to);
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
        dueDate: dueDate(plan.startDate, input.dueDay, holidays),
        ...link,
      })
      .run();
    audit({ actorId: actor.id, action: "onboarding.item.add", entityType: "onboarding", entityId: planId }, tx);
  });
}

/** Whoever may manage the plan removes an item (the same rule as adding one). */
export function removePlanItem(actor: Actor, itemId: number): void {
  authorize(actor, "onboarding.participate", { type: "onboarding_item", id: itemId });
  const item = getDb().select().from(onboardingItems).where(eq(onboardingItems.id, itemId)).get();
  if (!item) throw new NotFoundError("item");
  managedOpenPlan(actor, item.onboardingId);
  getDb().transaction((tx) => {
    tx.delete(onboardingItems).where(eq(onboardingItems.id, itemId)).run();
    audit({ actorId: actor.id, action: "onboarding.item.remove", entityType: "onboarding", entityId: item.onboardingId, detail: { title: item.title } }, tx);
  });
}

/** Whoever may manage the plan closes it early, with a reason. */
export function closePlan(actor: Actor, planId: number, revision: number, reason: string): void {
  const plan = managedOpenPlan(actor, planId);
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

/** The buddy or whoever may manage the plan writes (or updates) their note for a check-in milestone. */
export function saveCheckin(actor: Actor, planId: number, milestone: CheckinMilestone, note: string): void {
  const { access } = visiblePlan(actor, planId);
  if (!access.mayCheckin) throw outOfScope(actor, { type: "onboarding", id: planId }, "mayCheckin");
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

// ---------- Reminders ----------

/** Who owes an item of a plan (HR items are HR's as a group: no one person to remind). */
function owerOf(plan: Pick<PlanRow, "personId" | "buddyId" | "managerId">, assignee: Assignee): number | null {
  return assignee === "hire" ? plan.personId : assignee === "buddy" ? plan.buddyId : assignee === "manager" ? plan.managerId : null;
}

function isRemindable(plan: PlanRow, assignee: Assignee, actorId: number): boolean {
  const ower = owerOf(plan, assignee);
  return ower != null && ower !== actorId;
}

/**
 * Whoever may manage the plan reminds the person who owes an open item: at most one reminder per
 * item per 24 hours (`lastRemindedAt`), whoever sends it.
 */
export function remindItem(actor: Actor, itemId: number, now = new Date()): { nextRemindAt: string } {
  authorize(actor, "onboarding.participate", { type: "onboarding_item", id: itemId });
  const item = getDb().select().from(onboardingItems).where(eq(onboardingItems.id, itemId)).get();
  if (!item) throw new NotFoundError("item");
  const plan = managedOpenPlan(actor, item.onboardingId);
  if (item.doneAt) throw new ActionError("itemAlreadyDone");
  const ower = owerOf(plan, item.assignee);
  if (ower == null || ower === actor.id) throw new ActionError("nobodyToRemind");
  const at = now.toISOString();
  const since = new Date(now.getTime() - 24 * 3600_000).toISOString();
  const hire = getDb().select({ name: people.name }).from(people).where(eq(people.id, plan.personId)).get()!;
  return getDb().transaction((tx) => {
    const res = tx
      .update(onboardingItems)
      .set({ lastRemindedAt: at })
      .where(and(eq(onboardingItems.id, itemId), or(isNull(onboardingItems.lastRemindedAt), lt(onboardingItems.lastRemindedAt, since))))
      .run();
    if (res.changes === 0) throw new ActionError("remindedRecently");
    notify(tx, [ower], "onboarding.reminder", { name: hire.name }, `/onboarding/${plan.id}`);
    audit({ actorId: actor.id, action: "onboarding.item.remind", entityType: "onboarding", entityId: plan.id, detail: { itemId, personId: ower } }, tx);
    return { nextRemindAt: nextReminderAt(at, now)! };
  });
}

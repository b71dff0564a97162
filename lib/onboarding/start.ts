import "server-only";
import { and, asc, count, eq, inArray, lte, ne, notExists, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { onboardingItems, onboardings, onboardingTemplateItems, people, jobRoles } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import {
  authorize,
  peopleScope,
  personNotVisible,
  planManagerCondition,
} from "@/lib/auth/policy";
import { audit } from "@/lib/audit/log";
import { FieldError, NotFoundError } from "@/lib/core/errors";
import { todayIso } from "@/lib/core/dates";
import { foldForSearch } from "@/lib/core/search-text";
import { notify } from "@/lib/notifications/notifications";
import { roleWithDoc } from "@/lib/onboarding/items";
import {
  addDays,
  checkinItems,
  dueDate,
  dueDateWindow,
  generateTemplate,
  isWorkingDay,
  orderBuddies,
  regenerate,
  roleChangeItems,
  type TemplateItem,
  type TemplatePhrases,
} from "@/lib/onboarding/rules";
import { holidaysBetween } from "@/lib/org/settings";
import { ensureTemplate } from "@/lib/onboarding/templates";
import { addCourseItems } from "@/lib/capability/onboarding-training";
import { containsText } from "@/lib/core/like";

// ---------- Starting a plan ----------

/** The hire, if the actor may see them; a real person out of scope is audited and "not found". */
function personInScope(actor: Actor, personId: number) {
  const person = getDb()
    .select({ id: people.id, name: people.name, jobRoleId: people.jobRoleId, reportsToId: people.reportsToId, startDate: people.startDate, active: people.active })
    .from(people)
    .where(and(eq(people.id, personId), peopleScope(actor)))
    .get();
  if (person) return person;
  throw personNotVisible(actor, personId);
}

/** At most this many people come back from a search on the "start a plan" page. */
export const ONBOARDING_SEARCH_LIMIT = 20;

const candidateColumns = {
  id: people.id,
  name: people.name,
  email: people.email,
  jobRoleId: people.jobRoleId,
  reportsToId: people.reportsToId,
  startDate: people.startDate,
  roleTitle: jobRoles.title,
};

/**
 * Search-as-you-type for the hire or the buddy of a new plan: at most 20 active people in the
 * actor's scope whose name or email contains the text (never the whole directory).
 */
export function searchOnboardingCandidates(actor: Actor, text: string, excludeId?: number) {
  authorize(actor, "onboarding.manage", { type: "onboarding" });
  const q = foldForSearch(text.trim().slice(0, 100));
  if (!q) return [];
  return getDb()
    .select(candidateColumns)
    .from(people)
    .leftJoin(jobRoles, eq(jobRoles.id, people.jobRoleId))
    .where(
      and(
        eq(people.active, true),
        peopleScope(actor),
        containsText(people.searchText, q),
        excludeId != null ? ne(people.id, excludeId) : undefined,
      ),
    )
    .orderBy(asc(people.name), asc(people.id))
    .limit(ONBOARDING_SEARCH_LIMIT)
    .all();
}

/** Refuses (ForbiddenError) unless the actor may start plans at all. */
export function assertMayStartOnboarding(actor: Actor): void {
  authorize(actor, "onboarding.manage", { type: "onboarding" });
}

/** The chosen person, if active and in the actor's scope (else null: the page asks again). */
export function onboardingCandidate(actor: Actor, id: number) {
  authorize(actor, "onboarding.manage", { type: "onboarding" });
  return (
    getDb()
      .select(candidateColumns)
      .from(people)
      .leftJoin(jobRoles, eq(jobRoles.id, people.jobRoleId))
      .where(and(eq(people.id, id), eq(people.active, true), peopleScope(actor)))
      .get() ?? null
  );
}

/**
 * Who the actor may name as a hire's plan manager: active people they may see who are up the hire's
 * reports-to chain, manage the hire's team, or are HR.
 */
export function managerCandidates(actor: Actor, personId: number) {
  authorize(actor, "onboarding.manage", { type: "onboarding" });
  personInScope(actor, personId);
  return getDb()
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.active, true), ne(people.id, personId), peopleScope(actor), planManagerCondition(personId)))
    .orderBy(asc(people.name))
    .limit(200)
    .all();
}

/** The person's open plan, if they have one (starting another is refused). */
export function openPlanOf(actor: Actor, personId: number): { id: number } | null {
  authorize(actor, "onboarding.manage", { type: "onboarding" });
  personInScope(actor, personId);
  return (
    getDb()
      .select({ id: onboardings.id })
      .from(onboardings)
      .where(and(eq(onboardings.personId, personId), eq(onboardings.status, "open")))
      .get() ?? null
  );
}

export type BuddySuggestion = { id: number; name: string; email: string; roleTitle: string | null; startDate: string; currentBuddies: number };

/** A buddy is someone past their own first 90 days. */
export const BUDDY_MIN_TENURE_DAYS = 90;

/**
 * Buddy suggestions for a person: active people in the role (the new role for a role change) whom
 * the actor may see, longest tenure first, then fewest current buddies. People still in their own
 * first 90 days, or with an open plan of their own, are left out. Two queries.
 */
export function buddySuggestions(actor: Actor, personId: number, jobRoleId?: number | null, today = todayIso()): BuddySuggestion[] {
  authorize(actor, "onboarding.manage", { type: "onboarding" });
  const person = personInScope(actor, personId);
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
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      roleTitle: jobRoles.title,
      startDate: people.startDate,
      currentBuddies: sql<number>`coalesce(${load.n}, 0)`,
    })
    .from(people)
    .leftJoin(jobRoles, eq(jobRoles.id, people.jobRoleId))
    .leftJoin(load, eq(load.buddyId, people.id))
    .where(
      and(
        eq(people.jobRoleId, roleId),
        eq(people.active, true),
        ne(people.id, personId),
        lte(people.startDate, addDays(today, -BUDDY_MIN_TENURE_DAYS)),
        notExists(db.select({ id: onboardings.id }).from(onboardings).where(and(eq(onboardings.personId, people.id), eq(onboardings.status, "open")))),
        peopleScope(actor),
      ),
    )
    .limit(200)
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
 * HR, or the person's manager, starts an onboarding plan: items from the role's template (its
 * generated items from the role's current version, hand-made and hand-edited items kept) and the
 * check-ins, with concrete due dates that skip weekends and public holidays; the buddy and manager
 * notified. The start date must be a working day. The buddy and the
 * manager must be people the starter may see; the manager must be up the hire's reports-to chain,
 * a manager of their team, or HR.
 */
export function startOnboarding(actor: Actor, input: StartInput, phrases: TemplatePhrases, now = new Date()): { id: number } {
  authorize(actor, "onboarding.manage", { type: "onboarding" });
  const person = personInScope(actor, input.personId);
  if (!person.active) throw new NotFoundError("person");
  const errors: Record<string, string> = {};
  if (!person.jobRoleId) errors.personId = "noJobRole";
  const window = dueDateWindow(input.startDate);
  const holidays = holidaysBetween(window.from, window.to);
  if (!isWorkingDay(input.startDate, holidays)) errors.startDate = "startNotWorkingDay";
  const db = getDb();
  const visible = db
    .select({ id: people.id, active: people.active, mayManage: sql<number>`case when ${planManagerCondition(input.personId)} then 1 else 0 end` })
    .from(people)
    .where(and(inArray(people.id, [input.managerId, input.buddyId]), peopleScope(actor)))
    .all();
  const buddy = visible.find((p) => p.id === input.buddyId);
  const manager = visible.find((p) => p.id === input.managerId);
  if (input.buddyId === input.personId) errors.buddyId = "buddyIsHire";
  else if (!buddy) errors.buddyId = "invalidChoice";
  else if (!buddy.active) errors.buddyId = "buddyInactive";
  if (input.managerId === input.personId || !manager || !manager.active || !manager.mayManage) errors.managerId = "notPlanManager";
  const open = db
    .select({ id: onboardings.id })
    .from(onboardings)
    .where(and(eq(onboardings.personId, input.personId), eq(onboardings.status, "open")))
    .get();
  if (open) errors.personId = "alreadyOnboarding";
  if (Object.keys(errors).length) throw new FieldError(errors);

  const target = roleWithDoc(person.jobRoleId!)!;
  const from = input.fromJobRoleId ? roleWithDoc(input.fromJobRoleId) : null;
  return db.transaction((tx) => {
    const fromVersion = ensureTemplate(tx, target.role.id, target.doc, target.role.currentVersion, phrases);
    const stored = tx
      .select()
      .from(onboardingTemplateItems)
      .where(eq(onboardingTemplateItems.jobRoleId, target.role.id))
      .orderBy(asc(onboardingTemplateItems.dueDay), asc(onboardingTemplateItems.position))
      .all();
    // A template generated from an older version of the role: the plan takes the current version's
    // generated items (keeping what was added or edited by hand); the stored template waits for
    // someone to review and confirm its regeneration.
    const template: (TemplateItem & { edited: boolean })[] =
      fromVersion < target.role.currentVersion ? regenerate(stored, generateTemplate(target.doc, phrases)) : stored;
    const items = [
      ...(input.fromJobRoleId ? roleChangeItems(template, from?.doc ?? null, target.doc) : template),
      ...checkinItems(phrases).map((i) => ({ ...i, edited: false })),
    ];
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
            dueDate: dueDate(input.startDate, i.dueDay, holidays),
            linkKind: i.linkKind,
            linkKey: i.linkKey,
            genKey: i.genKey,
            genParams: i.genParams,
            edited: i.edited,
          })),
        )
        .run();
    // Issue 11: a course item (and its training assignment) for each capability the hire lacks.
    const courseItems = addCourseItems(tx, {
      planId: plan.id,
      personId: input.personId,
      jobRoleId: target.role.id,
      fromJobRoleId: input.fromJobRoleId ?? null,
      startDate: input.startDate,
      holidays,
      phrase: (course) => ({ title: phrases.course(course), description: phrases.courseDescription }),
      actorId: actor.id,
      today: todayIso(),
      now: at,
    });
    notify(tx, [input.personId, input.buddyId, input.managerId].filter((id) => id !== actor.id), "onboarding.started", { name: person.name }, `/onboarding/${plan.id}`);
    audit(
      {
        actorId: actor.id,
        action: "onboarding.start",
        entityType: "onboarding",
        entityId: plan.id,
        detail: { personId: input.personId, buddyId: input.buddyId, managerId: input.managerId, items: items.length + courseItems, kind: input.fromJobRoleId ? "role_change" : "new_hire" },
      },
      tx,
    );
    return { id: plan.id };
  });
}

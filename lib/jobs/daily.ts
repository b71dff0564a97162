import "server-only";
import { and, eq, gte, inArray, isNull, lte, max, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { capabilities, capabilityEvidence, evaluations, onboardingItems, onboardings, people, teams } from "@/db/schema";
import { todayIso } from "@/lib/core/dates";
import { addDays, DUE_HORIZON_DAYS } from "@/lib/evaluations/due-rule";
import { DRAFT_STATUSES, RELEASED_STATUSES, type EvaluationKind } from "@/lib/evaluations/vocabulary";
import { onboardingHrItemOwnersCondition } from "@/lib/auth/policy";
import { organisationSettings } from "@/lib/org/settings";
import { claimReminders, notifyGrouped } from "./reminder-log";

/*
 * The `daily` job's reminders (issue 13, point 5), once per organisation day. Each is one query
 * and one transaction, guarded by reminder_log so a second run the same day sends nothing.
 */

/** Days before a capability's evidence lapses that its holder is told. */
export const CAPABILITY_EXPIRY_NOTICE_DAYS = 30;

/**
 * Open onboarding items due tomorrow (organisation day) remind whoever owes them: the hire, their
 * manager or their buddy (the same owner rule as lib/onboarding/plans.ts); an item for HR reminds
 * every active HR person who may tick HR's items (lib/auth `onboardingHrItemOwnersCondition`), never
 * the hire themself. Once per item per person per 24 hours. Two reads (the items, and HR's people
 * only when an HR item is due) and one transaction, whatever the number of items.
 */
export function remindOnboardingDueTomorrow(now = new Date()): number {
  const db = getDb();
  const tomorrow = addDays(todayIso(now), 1);
  const hire = alias(people, "hire");
  const rows = db
    .select({
      id: onboardingItems.id,
      title: onboardingItems.title,
      assignee: onboardingItems.assignee,
      planId: onboardings.id,
      personId: onboardings.personId,
      managerId: onboardings.managerId,
      buddyId: onboardings.buddyId,
      name: hire.name,
    })
    .from(onboardingItems)
    .innerJoin(onboardings, eq(onboardings.id, onboardingItems.onboardingId))
    .innerJoin(hire, eq(hire.id, onboardings.personId))
    .where(and(eq(onboardingItems.dueDate, tomorrow), isNull(onboardingItems.doneAt), eq(onboardings.status, "open"), eq(hire.active, true)))
    .all();
  const hrPeople = rows.some((r) => r.assignee === "hr")
    ? db.select({ id: people.id }).from(people).where(onboardingHrItemOwnersCondition()).all().map((p) => p.id)
    : [];
  const owed = rows.flatMap((r) => {
    if (r.assignee === "hr") return hrPeople.filter((id) => id !== r.personId).map((ower) => ({ ...r, ower }));
    const ower = r.assignee === "hire" ? r.personId : r.assignee === "manager" ? r.managerId : r.assignee === "buddy" ? r.buddyId : null;
    return ower == null ? [] : [{ ...r, ower }];
  });
  if (!owed.length) return 0;
  return db.transaction((tx) => {
    const claimed = claimReminders(tx, owed.map((r) => ({ key: `onboarding-item:${r.id}`, personId: r.ower })), now);
    return notifyGrouped(
      tx,
      "onboarding.dueTomorrow",
      owed.filter((r) => claimed.has(`onboarding-item:${r.id}|${r.ower}`)).map((r) => ({ personId: r.ower, link: `/onboarding/${r.planId}`, params: { item: r.title, name: r.name } })),
    );
  });
}

/** The exact item an evaluation.due reminder opens: the evaluator's draft, else the form to start it. */
function evaluationDueLink(r: { personId: number; kind: EvaluationKind; draftId: number | null }): string {
  return r.draftId != null ? `/evaluations/${r.draftId}` : `/evaluations/new?person=${r.personId}&kind=${r.kind}`;
}

/**
 * Evaluations coming due: a person whose next evaluation (the due rule of lib/evaluations/due-rule.ts:
 * probation days after the start, then the interval after the last released period) is overdue or
 * due within 30 days tells their evaluator (whom they report to, else their team's manager), once
 * per due date. The link opens the exact evaluation to write: the evaluator's latest draft for that
 * person if they started one, else the new-evaluation form for that person and the kind due (what
 * the "Start" button of /evaluations/due opens). One query, whatever the number of people.
 */
export function remindEvaluationsDue(now = new Date()): number {
  const db = getDb();
  const today = todayIso(now);
  const s = organisationSettings();
  const last = db
    .select({ personId: evaluations.personId, end: max(evaluations.periodEnd).as("last_end") })
    .from(evaluations)
    .where(inArray(evaluations.status, [...RELEASED_STATUSES]))
    .groupBy(evaluations.personId)
    .as("last_released");
  const due = sql<string>`case when ${last.end} is null then date(${people.startDate}, ${`+${s.probationDays} days`})
    else date(${last.end}, ${`+${s.evaluationIntervalMonths} months`}, 'floor') end`;
  const evaluator = sql<number | null>`coalesce(${people.reportsToId}, ${teams.managerId})`;
  const draftId = sql<number | null>`(select max(${evaluations.id}) from ${evaluations}
    where ${evaluations.personId} = ${people.id} and ${inArray(evaluations.status, [...DRAFT_STATUSES])} and ${evaluations.authorId} = ${evaluator})`;
  const rows = db
    .select({ personId: people.id, name: people.name, dueDate: due, evaluatorId: evaluator, lastEnd: last.end, draftId })
    .from(people)
    .leftJoin(last, eq(last.personId, people.id))
    .leftJoin(teams, eq(teams.id, people.teamId))
    .where(and(eq(people.active, true), sql`${due} <= ${addDays(today, DUE_HORIZON_DAYS)}`, sql`${evaluator} is not null`, sql`${evaluator} <> ${people.id}`))
    .all();
  if (!rows.length) return 0;
  const activeEvaluators = new Set(
    db
      .select({ id: people.id })
      .from(people)
      .where(and(inArray(people.id, [...new Set(rows.map((r) => r.evaluatorId!))]), eq(people.active, true)))
      .all()
      .map((p) => p.id),
  );
  const items = rows.filter((r) => activeEvaluators.has(r.evaluatorId!)).map((r) => ({ ...r, key: `evaluation-due:${r.personId}:${r.dueDate}`, to: r.evaluatorId! }));
  if (!items.length) return 0;
  return db.transaction((tx) => {
    const claimed = claimReminders(tx, items.map((r) => ({ key: r.key, personId: r.to })), now, { once: true });
    return notifyGrouped(
      tx,
      "evaluation.due",
      items
        .filter((r) => claimed.has(`${r.key}|${r.to}`))
        .map((r) => ({
          personId: r.to,
          link: evaluationDueLink({ personId: r.personId, kind: r.lastEnd ? "periodic" : "probation", draftId: r.draftId ?? null }),
          params: { name: r.name },
        })),
    );
  });
}

/**
 * Capabilities about to lapse: a person whose last valid evidence for a capability ends within 30
 * days (and who holds none that does not lapse) is told once per end date.
 */
export function remindCapabilitiesExpiring(now = new Date()): number {
  const db = getDb();
  const today = todayIso(now);
  const horizon = addDays(today, CAPABILITY_EXPIRY_NOTICE_DAYS);
  const until = max(capabilityEvidence.validUntil);
  const rows = db
    .select({ personId: capabilityEvidence.personId, key: capabilityEvidence.capabilityKey, name: capabilities.name, until })
    .from(capabilityEvidence)
    .innerJoin(capabilities, eq(capabilities.key, capabilityEvidence.capabilityKey))
    .innerJoin(people, eq(people.id, capabilityEvidence.personId))
    .where(and(eq(people.active, true), isNull(capabilities.mergedIntoKey)))
    .groupBy(capabilityEvidence.personId, capabilityEvidence.capabilityKey)
    // No evidence without an end (count(valid_until) = count(*)), and the latest end within the notice window.
    .having(and(sql`count(${capabilityEvidence.validUntil}) = count(*)`, gte(until, today), lte(until, horizon), ne(until, "")))
    .all();
  if (!rows.length) return 0;
  return db.transaction((tx) => {
    const items = rows.map((r) => ({ ...r, rkey: `capability-expiring:${r.key}:${r.until}` }));
    const claimed = claimReminders(tx, items.map((r) => ({ key: r.rkey, personId: r.personId })), now, { once: true });
    return notifyGrouped(
      tx,
      "capability.expiring",
      items.filter((r) => claimed.has(`${r.rkey}|${r.personId}`)).map((r) => ({ personId: r.personId, link: `/capability#c-${r.key}`, params: { capability: r.name, date: r.until! } })),
    );
  });
}

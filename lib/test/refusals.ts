import { createHash } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import { expect, it } from "vitest";
import { getDb, getSqlite } from "@/db/client";
import { acknowledgements, announcements, jobRoles, notifications, onboardingItems, onboardings, people, roleVersions, teams } from "@/db/schema";
import en from "@/i18n/messages/en.json";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { createAnnouncement } from "@/lib/communication/announcements";
import { todayIso } from "@/lib/core/dates";
import { FieldError, ForbiddenError, NotFoundError } from "@/lib/core/errors";
import { simpleTranslator, templatePhrases } from "@/lib/onboarding/phrases";
import { saveCheckin } from "@/lib/onboarding/plans";
import { startOnboarding } from "@/lib/onboarding/start";
import { nextWorkingDay } from "@/lib/onboarding/rules";
import type { Assignee } from "@/lib/onboarding/vocabulary";
import { createPerson } from "@/lib/people/records";
import { actorFor } from "@/lib/test/db";

/**
 * The refusal suite's harness (lib/auth/refusals*.test.ts): a case calls one lib function as one
 * person on a real record and states how it is refused. Every case checks that the database is
 * unchanged apart from audit_log (or changed only in the tables it names), and exactly which
 * access.denied row the refusal wrote.
 */

export const HR = "hr@example.com";
export const MGR = "manager@example.com";
export const SUP = "supervisor@example.com";
export const EMP = "employee@example.com";
export const NORA = "newhire@example.com";
/** A real person (Daan, HR's report) whose app role the permission table does not know: refused everything. */
export const STRANGER = "stranger";

export function actorOf(who: string): Actor {
  if (who === STRANGER) return { ...actorFor("daan.visser@example.com"), appRole: "contractor" as Actor["appRole"] };
  return actorFor(who);
}

/** Seeding hashes every demo password: give beforeAll room on a busy machine. */
export const SEED_TIMEOUT = 120_000;

export const phrases = templatePhrases(simpleTranslator(en.onboarding.generated));

// ---------- Database fingerprint ----------

/** A hash of every table but audit_log (and audit_log's own autoincrement counter). */
export function fingerprint(): Map<string, string> {
  const sqlite = getSqlite();
  const tables = sqlite
    .prepare("select name, sql from sqlite_master where type = 'table' and name <> 'audit_log' order by name")
    .all() as { name: string; sql: string | null }[];
  const out = new Map<string, string>();
  for (const t of tables) {
    const where = t.name === "sqlite_sequence" ? " where name <> 'audit_log'" : "";
    const order = /without\s+rowid/i.test(t.sql ?? "") ? "" : " order by rowid";
    const rows = sqlite.prepare(`select * from "${t.name}"${where}${order}`).raw().all();
    out.set(t.name, createHash("sha256").update(JSON.stringify(rows)).digest("hex"));
  }
  return out;
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort();
}

// ---------- access.denied rows ----------

export type DeniedRow = { actorId: number | null; entityType: string; entityId: string | null; detail: Record<string, string> };

export function clearDenied(): void {
  getSqlite().prepare("delete from audit_log where action = 'access.denied'").run();
}

export function deniedRows(): DeniedRow[] {
  const rows = getSqlite()
    .prepare("select actor_id as actorId, entity_type as entityType, entity_id as entityId, detail from audit_log where action = 'access.denied' order by id")
    .all() as (Omit<DeniedRow, "detail"> & { detail: string })[];
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, string> }));
}

// ---------- Cases ----------

export type Denied = { type: string; id?: string | number | null; detail: Record<string, string> };

export type RefusalCase = {
  name: string;
  /** A demo email, or STRANGER. */
  as: string;
  call: (actor: Actor) => unknown;
  /** The refusal, or (for reads that narrow silently and for positive controls) a check of the result. */
  expect: "forbidden" | "notFound" | "field" | ((result: never, actor: Actor) => void);
  /** For "field": the exact field errors. */
  fieldErrors?: Record<string, string>;
  /** The access.denied row the call writes; null (or omitted) for none. */
  denied?: () => Denied | null;
  /** Tables an allowed write may change (everything else must stay the same). */
  changes?: string[];
};

type Target = () => { type: string; id?: string | number | null };

/** The same call refused by the permission table for each of these people. */
export function forbidden(name: string, who: string[], call: RefusalCase["call"], permission: Permission, target?: Target): RefusalCase[] {
  return who.map((as) => ({
    name: `${name}: ${as} is refused ${permission}`,
    as,
    call,
    expect: "forbidden" as const,
    denied: () => ({ type: target?.().type ?? "permission", id: target?.().id ?? null, detail: { permission } }),
  }));
}

/** A refusal answered as "not found": `rule` is the audited rule, or null when the code does not audit. */
export function notFound(name: string, as: string, call: RefusalCase["call"], target: Target | null, rule?: string): RefusalCase {
  return {
    name,
    as,
    call,
    expect: "notFound",
    denied: () => (target ? { ...target(), detail: { rule: rule! } } : null),
  };
}

/** Runs the cases, one test each. */
export function refusals(cases: RefusalCase[]): void {
  const names = new Set<string>();
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`duplicate case name: ${c.name}`);
    names.add(c.name);
  }
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    await check(c);
  });
}

const ERROR_CLASS = { forbidden: ForbiddenError, notFound: NotFoundError, field: FieldError } as const;

export async function check(c: RefusalCase): Promise<void> {
  clearDenied();
  const actor = actorOf(c.as);
  const before = fingerprint();
  let result: unknown;
  let error: unknown;
  let threw = false;
  try {
    result = await c.call(actor);
  } catch (e) {
    threw = true;
    error = e;
  }
  const after = fingerprint();
  if (typeof c.expect === "function") {
    if (threw) throw error;
    c.expect(result as never, actor);
  } else {
    expect(threw, `${c.name}: the call was not refused`).toBe(true);
    expect(error).toBeInstanceOf(ERROR_CLASS[c.expect]);
    if (c.expect === "field") expect((error as FieldError).fieldErrors).toEqual(c.fieldErrors);
  }
  expect(changedTables(before, after), "tables changed").toEqual([...(c.changes ?? [])].sort());
  const want = c.denied?.() ?? null;
  expect(deniedRows(), "access.denied rows").toEqual(
    want ? [{ actorId: actor.id, entityType: want.type, entityId: want.id == null ? null : String(want.id), detail: want.detail }] : [],
  );
}

// ---------- Fixtures ----------

export const idOf = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
export const roleIdOf = (slug: string) => getDb().select({ id: jobRoles.id }).from(jobRoles).where(eq(jobRoles.slug, slug)).get()!.id;
const teamIdOf = (slug: string) => getDb().select({ id: teams.id }).from(teams).where(eq(teams.slug, slug)).get()!.id;

export type Fixtures = Awaited<ReturnType<typeof buildFixtures>>;

/**
 * The demo (its plans: plan1 Nora's, plan2 Lukas's, planLotte the upcoming technician's) plus a few
 * records the demo lacks, made by HR through lib:
 * - planMark: Mark Dawson (parts clerk), named manager Marco: a plan the supervisor has nothing to do with;
 * - planDaan: Daan (HR's report, no team), named manager HR: outside the manager's scope;
 * - outsider + planOutsider: a technician with no team who reports to the supervisor, named manager
 *   Marco (up the chain, but outside Marco's people scope);
 * - planMarco: Marco's own plan (the hire is a manager), named manager HR;
 * - a3: HR's announcement to the Workshop team (the supervisor is addressed; Elif, Nora, Marco are not);
 * - a check-in note by Elif (buddy) on Nora's plan;
 * - peopleOffice: a team managed by HR (not by Marco).
 */
export async function buildFixtures() {
  const db = getDb();
  const hr = actorFor(HR);
  const today = todayIso();
  const peopleOffice = db
    .insert(teams)
    .values({ slug: "people-office", name: "People Office", managerId: hr.id })
    .returning({ id: teams.id })
    .get().id;
  const outsider = (
    await createPerson(hr, {
      name: "Xander Outside",
      email: "xander.outside@example.com",
      phone: null,
      appRole: "employee",
      jobRoleId: roleIdOf("technician"),
      teamId: null,
      reportsToId: idOf(SUP),
      startDate: today,
      locale: null,
      password: "refusal-fixture-password",
    })
  ).id;
  // Plans start on a working day (today, or the next one on a weekend).
  const start = (personId: number, managerId: number, buddyId: number) => startOnboarding(hr, { personId, startDate: nextWorkingDay(today), managerId, buddyId }, phrases).id;
  const planOf = (personId: number) => db.select({ id: onboardings.id }).from(onboardings).where(eq(onboardings.personId, personId)).get()!.id;
  const plan1 = planOf(idOf(NORA));
  const plan2 = planOf(idOf("lukas.petrauskas@example.com"));
  // The demo's upcoming technician (db/seed.ts seedUpcomingHire), named manager the supervisor.
  const planLotte = planOf(idOf("lotte.deboer@example.com"));
  const planMark = start(idOf("mark.dawson@example.com"), idOf(MGR), idOf("emre.sahin@example.com"));
  const planDaan = start(idOf("daan.visser@example.com"), hr.id, idOf("aylin.celik@example.com"));
  const planOutsider = start(outsider, idOf(MGR), idOf("pieter.vandijk@example.com"));
  const planMarco = start(idOf(MGR), hr.id, idOf("thomas.bakker@example.com"));
  const a3 = createAnnouncement(hr, {
    title: "Workshop safety briefing",
    body: "Everyone in the workshop attends the safety briefing on Monday.",
    effectiveDate: today,
    audience: { everyone: false, roleIds: [], teamIds: [teamIdOf("workshop")], personIds: [] },
    transfers: [],
  }).id;
  saveCheckin(actorFor(EMP), plan1, "day1", "Nora settled in well.");

  const announcementId = (title: string) => db.select({ id: announcements.id }).from(announcements).where(eq(announcements.title, title)).get()!.id;
  const a1 = announcementId("Warranty claim paperwork moves to the Parts desk");
  const a2 = announcementId("Courtesy-car bookings move to the new fleet app");
  const versionId = (slug: string, number: number) =>
    db
      .select({ id: roleVersions.id })
      .from(roleVersions)
      .where(and(eq(roleVersions.jobRoleId, roleIdOf(slug)), eq(roleVersions.number, number)))
      .get()!.id;
  const saV2 = versionId("service-advisor", 2);
  const roleAck = (email: string) =>
    db.select({ id: acknowledgements.id }).from(acknowledgements).where(and(eq(acknowledgements.personId, idOf(email)), eq(acknowledgements.roleVersionId, saV2))).get()!.id;
  const announcementAck = (email: string, announcement: number) =>
    db
      .select({ id: acknowledgements.id })
      .from(acknowledgements)
      .where(and(eq(acknowledgements.personId, idOf(email)), eq(acknowledgements.announcementId, announcement)))
      .get()!.id;
  return {
    peopleOffice,
    outsider,
    plan1,
    plan2,
    planLotte,
    planMark,
    planDaan,
    planOutsider,
    planMarco,
    a1,
    a2,
    a3,
    saV2,
    hrPartnerV1: versionId("hr-partner", 1),
    acks: {
      elifRole: roleAck(EMP),
      noraRole: roleAck(NORA),
      jamesRole: roleAck("james.whitfield@example.com"),
      elifA2: announcementAck(EMP, a2),
      supA3: announcementAck(SUP, a3),
    },
  };
}

/** Items of a plan, optionally only one assignee's, optionally only open ones; in id order. */
export function itemsOf(planId: number, assignee?: Assignee, open?: boolean): number[] {
  return getDb()
    .select({ id: onboardingItems.id })
    .from(onboardingItems)
    .where(
      and(
        eq(onboardingItems.onboardingId, planId),
        assignee ? eq(onboardingItems.assignee, assignee) : undefined,
        open ? isNull(onboardingItems.doneAt) : undefined,
      ),
    )
    .orderBy(asc(onboardingItems.id))
    .all()
    .map((i) => i.id);
}

/** Notification ids of a person, optionally only unread ones. */
export function notificationsOf(email: string, unread = false): number[] {
  return getDb()
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.personId, idOf(email)), unread ? isNull(notifications.readAt) : undefined))
    .orderBy(asc(notifications.id))
    .all()
    .map((n) => n.id);
}

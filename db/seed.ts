import { randomUUID } from "node:crypto";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "./client";
import * as schema from "./schema";
import { jobRoles as roleData, people as peopleData, teams as teamData } from "./seed-data";
import { hashPassword } from "../lib/auth/password";
import { personSearchText } from "../lib/core/search-text";
import { emptyResponsibility, type RoleDoc } from "../lib/roles/doc";
import { publishDoc } from "../lib/roles/publish";
import { applyDueTransfers } from "../lib/communication/transfers";
import { startOnboarding } from "../lib/onboarding/start";
import { dueDate, dueDateWindow, nextWorkingDay } from "../lib/onboarding/rules";
import { holidaysBetween } from "../lib/org/settings";
import { simpleTranslator, templatePhrases } from "../lib/onboarding/phrases";
import type { Actor } from "../lib/auth/actor";
import { dateInZone } from "../lib/core/dates";
import { seedConcernsAndThreads, seedPulse } from "./seed-confidence";
import { seedEvaluations } from "./seed-evaluations";
import { seedCapability } from "./seed-capability";
import { seedFeedback } from "./seed-feedback";
import en from "../i18n/messages/en.json";

export const DEMO_PASSWORD = "rolebook-demo";

/** The tools, systems and access each demo role needs (onboarding prepares them). */
const ROLE_TOOLS: Record<string, string[]> = {
  "service-advisor": ["DMS: bookings, repair orders and invoicing", "Reception check-in tablet", "Manufacturer warranty portal (read access)", "Courtesy-car fleet app", "Company phone with the service line"],
  technician: ["Manufacturer diagnostic tester", "Workshop manual and repair portal", "Personal hand-tool set and torque wrench", "Digital health-check app", "HV safety kit (gloves, insulated tools)"],
  "workshop-foreman": ["DMS workshop planner", "Manufacturer technical helpline account", "Road-test trade plates", "Key cabinet access"],
  "parts-clerk": ["DMS parts and stock module", "Manufacturer parts ordering system", "Manufacturer warranty portal", "Barcode scanner and label printer"],
  "customer-care-agent": ["CRM and follow-up call lists", "Telephony headset and call recording", "Complaint log in the DMS"],
  "service-manager": ["DMS reports and KPI dashboard", "Manufacturer dealer portal", "Goodwill approval workflow"],
  "hr-partner": ["HR system and contract templates", "Training records", "Rolebook administrator access"],
};

/**
 * YYYY-MM-DD of `today` minus `days`, counted from the demo organisation's calendar day (Amsterdam):
 * the app counts plan days and due dates from that day, so a demo seeded late in the evening UTC
 * (already tomorrow in Amsterdam) still has the technician on day 20 with two overdue items.
 */
export function isoDaysAgo(days: number, today = new Date()): string {
  const [y, m, d] = dateInZone(today, "Europe/Amsterdam").split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

/** An instant `days` UTC days before `today` at `hour`:15 UTC (never in the future for days ≥ 1). */
const instantDaysAgo = (days: number, today: Date, hour = 9) =>
  `${new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - days)).toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:15:00.000Z`;

export function isEmpty(): boolean {
  return (getDb().select({ n: count() }).from(schema.people).get()?.n ?? 0) === 0;
}

/** Seeds the demo organisation: the service department of a car dealership. */
export async function seedDemo(today = new Date()): Promise<void> {
  const db = getDb();
  const hashes = await Promise.all(peopleData.map(() => hashPassword(DEMO_PASSWORD)));
  const personIds = new Map<string, number>();
  const roleIds = new Map<string, number>();

  const a1Id = db.transaction((tx) => {
    for (const r of roleData) {
      const row = tx
        .insert(schema.jobRoles)
        .values({ slug: r.slug, title: r.title, purpose: r.purpose })
        .returning({ id: schema.jobRoles.id })
        .get();
      roleIds.set(r.slug, row.id);
    }

    const teamIds = new Map<string, number>();
    for (const t of teamData) {
      const row = tx.insert(schema.teams).values({ slug: t.slug, name: t.name }).returning({ id: schema.teams.id }).get();
      teamIds.set(t.slug, row.id);
    }

    peopleData.forEach((p, i) => {
      const row = tx
        .insert(schema.people)
        .values({
          name: p.name,
          email: p.email.toLowerCase(),
          phone: p.phone,
          searchText: personSearchText(p.name, p.email),
          passwordHash: hashes[i],
          appRole: p.appRole,
          jobRoleId: roleIds.get(p.jobRole) ?? null,
          teamId: p.team ? (teamIds.get(p.team) ?? null) : null,
          startDate: isoDaysAgo(p.startDaysAgo, today),
          locale: p.locale,
        })
        .returning({ id: schema.people.id })
        .get();
      personIds.set(p.email, row.id);
    });
    for (const p of peopleData) {
      if (p.reportsTo)
        tx.update(schema.people)
          .set({ reportsToId: personIds.get(p.reportsTo) ?? null })
          .where(eq(schema.people.id, personIds.get(p.email)!))
          .run();
    }
    for (const t of teamData)
      tx.update(schema.teams).set({ managerId: personIds.get(t.managerEmail) ?? null }).where(eq(schema.teams.id, teamIds.get(t.slug)!)).run();
    for (const r of roleData)
      tx.update(schema.jobRoles).set({ ownerId: personIds.get(r.ownerEmail) ?? null }).where(eq(schema.jobRoles.id, roleIds.get(r.slug)!)).run();

    // Every role's description as published version 1.
    const capabilityKeys = new Map<string, string>();
    const capabilityKey = (name: string) => capabilityKeys.get(name) ?? capabilityKeys.set(name, randomUUID()).get(name)!;
    for (const r of roleData) {
      const doc: RoleDoc = {
        title: r.title,
        purpose: r.purpose,
        tools: ROLE_TOOLS[r.slug] ?? [],
        responsibilities: r.responsibilities.map((resp) => ({
          ...emptyResponsibility(randomUUID()),
          title: resp.title,
          description: resp.description,
          tasks: resp.tasks.map((t) => ({ key: randomUUID(), title: t.title, description: t.description })),
          standards: resp.standards ?? [],
          whenWrong: resp.whenWrong ?? { steps: "", escalateTo: "" },
          decisionRights: resp.decisionRights ?? [],
          evaluation: (resp.evaluation ?? []).map((e) => ({ key: randomUUID(), ...e })),
          // One capability used by several roles keeps one key (the training tool counts it once).
          capabilities: (resp.capabilities ?? []).map((c) => ({ key: capabilityKey(c.name), ...c })),
        })),
      };
      const role = { id: roleIds.get(r.slug)!, slug: r.slug, title: r.title, ownerId: personIds.get(r.ownerEmail) ?? null, currentVersion: 0 };
      publishDoc(tx, role.ownerId, role, doc, { summary: "First published version", kind: "editorial" });
    }
    tx.update(schema.roleVersions).set({ publishedAt: instantDaysAgo(120, today) }).run();

    // A change announcement that moved "Warranty claim paperwork" from the Service Advisor to the
    // Parts Clerk two days ago (applied below, which publishes v2 of both roles).
    const manager = personIds.get("manager@example.com")!;
    const sa = roleIds.get("service-advisor")!;
    const pc = roleIds.get("parts-clerk")!;
    const warranty = tx
      .select({ key: schema.tasks.key })
      .from(schema.tasks)
      .innerJoin(schema.responsibilities, eq(schema.responsibilities.id, schema.tasks.responsibilityId))
      .where(and(eq(schema.responsibilities.jobRoleId, sa), eq(schema.tasks.title, "Warranty claim paperwork")))
      .get()!;
    const pcResponsibilities = tx
      .select({ key: schema.responsibilities.key, title: schema.responsibilities.title })
      .from(schema.responsibilities)
      .where(eq(schema.responsibilities.jobRoleId, pc))
      .orderBy(schema.responsibilities.position)
      .all();
    const target = pcResponsibilities.find((r) => /warrant|return/i.test(r.title)) ?? pcResponsibilities[pcResponsibilities.length - 1];
    const transferDay = isoDaysAgo(2, today);
    const a1 = tx
      .insert(schema.announcements)
      .values({
        title: "Warranty claim paperwork moves to the Parts desk",
        body:
          "From now on the **Parts Clerk** prepares and submits warranty claims, because the parts desk already handles the returned parts and the manufacturer portal.\n\nService Advisors still record the customer's complaint on the repair order and hand the job card to the parts desk **the same day** the repair is finished.",
        effectiveDate: transferDay,
        authorId: manager,
        audience: JSON.stringify({ everyone: false, roleIds: [sa, pc], teamIds: [], personIds: [] }),
        publishedAt: instantDaysAgo(5, today),
      })
      .returning({ id: schema.announcements.id })
      .get();
    tx.insert(schema.taskTransfers)
      .values({
        announcementId: a1.id,
        taskKey: warranty.key,
        taskTitle: "Warranty claim paperwork",
        fromRoleId: sa,
        toRoleId: pc,
        toResponsibilityKey: target.key,
        effectiveDate: transferDay,
      })
      .run();
    return a1.id;
  });

  applyDueTransfers(today);

  db.transaction((tx) => {
    // The demo's history predates "one item per person for a moved task" (lib/roles/publish.ts): the
    // holders were asked about the versions the move made, and also answered the announcement. The
    // answers to the announcement are recorded after the move so both stay, and the demo keeps a
    // version with answers and a question thread to track.
    const saRole = roleIds.get("service-advisor")!;
    const pcRole = roleIds.get("parts-clerk")!;
    const marco = personIds.get("manager@example.com")!;
    const a1Audience = tx
      .select({ id: schema.people.id })
      .from(schema.people)
      .where(and(inArray(schema.people.jobRoleId, [saRole, pcRole]), eq(schema.people.active, true)))
      .all();
    tx.insert(schema.acknowledgements)
      .values(
        a1Audience.map((p) => ({
          personId: p.id,
          announcementId: a1Id,
          ownerId: marco,
          state: "understood" as const,
          createdAt: instantDaysAgo(5, today),
          answeredAt: instantDaysAgo(4, today, 11),
        })),
      )
      .run();
  });

  db.transaction((tx) => {
    const sa = roleIds.get("service-advisor")!;
    const manager = personIds.get("manager@example.com")!;
    const v2 = tx
      .select({ id: schema.roleVersions.id })
      .from(schema.roleVersions)
      .where(and(eq(schema.roleVersions.jobRoleId, sa), eq(schema.roleVersions.number, 2)))
      .get()!;
    tx.update(schema.roleVersions)
      .set({ publishedAt: instantDaysAgo(2, today, 7) })
      .where(sql`${schema.roleVersions.number} = 2`)
      .run();
    tx.update(schema.acknowledgements)
      .set({ createdAt: instantDaysAgo(2, today, 7) })
      .where(sql`${schema.acknowledgements.roleVersionId} is not null`)
      .run();
    // Elif understood v2; James asked a question that Marco answered; Nora has not answered yet.
    tx.update(schema.acknowledgements)
      .set({ state: "understood", answeredAt: instantDaysAgo(1, today, 10), revision: 2 })
      .where(and(eq(schema.acknowledgements.roleVersionId, v2.id), eq(schema.acknowledgements.personId, personIds.get("employee@example.com")!)))
      .run();
    const james = personIds.get("james.whitfield@example.com") ?? personIds.get("andreea.ionescu@example.com")!;
    const asked = tx
      .update(schema.acknowledgements)
      .set({ state: "answered", answeredAt: instantDaysAgo(1, today, 9), revision: 3 })
      .where(and(eq(schema.acknowledgements.roleVersionId, v2.id), eq(schema.acknowledgements.personId, james)))
      .returning({ id: schema.acknowledgements.id })
      .get();
    if (asked) {
      tx.insert(schema.ackMessages)
        .values([
          {
            acknowledgementId: asked.id,
            authorId: james,
            body: "Do I still take the customer's signature on the warranty declaration at reception, or does the parts desk call the customer for it?",
            createdAt: instantDaysAgo(1, today, 9),
          },
          {
            acknowledgementId: asked.id,
            authorId: manager,
            body: "You still take the signature at reception when the car comes in: it goes on the repair order. The parts desk only prepares and submits the claim.",
            createdAt: instantDaysAgo(1, today, 14),
          },
        ])
        .run();
    }

    // A pending announcement for the Reception team.
    const reception = tx.select({ id: schema.teams.id }).from(schema.teams).where(eq(schema.teams.slug, "reception")).get()!;
    const a2 = tx
      .insert(schema.announcements)
      .values({
        title: "Courtesy-car bookings move to the new fleet app",
        body:
          "From **" +
          isoDaysAgo(-8, today) +
          "** every courtesy car is booked, checked out and checked in with the Fleet app on the reception tablets. The paper fleet log stays in the drawer for one more week as a fallback.\n\n- Book the car when you confirm the appointment.\n- Photograph the car at check-out and check-in in the app.\n- Ask Marco if you need an app account.",
        effectiveDate: isoDaysAgo(-8, today),
        authorId: manager,
        audience: JSON.stringify({ everyone: false, roleIds: [], teamIds: [reception.id], personIds: [] }),
        publishedAt: instantDaysAgo(1, today, 8),
      })
      .returning({ id: schema.announcements.id })
      .get();
    const receptionists = tx
      .select({ id: schema.people.id })
      .from(schema.people)
      .where(and(eq(schema.people.teamId, reception.id), eq(schema.people.active, true), sql`${schema.people.id} <> ${manager}`))
      .all();
    tx.insert(schema.acknowledgements)
      .values(receptionists.map((p) => ({ personId: p.id, announcementId: a2.id, ownerId: manager, state: "pending" as const, createdAt: instantDaysAgo(1, today, 8) })))
      .run();
    tx.insert(schema.notifications)
      .values(
        receptionists.map((p) => ({
          personId: p.id,
          kind: "announcement.new",
          params: JSON.stringify({ title: "Courtesy-car bookings move to the new fleet app" }),
          link: `/announcements/${a2.id}`,
          createdAt: instantDaysAgo(1, today, 8),
        })),
      )
      .run();

    // Two questions wait for Marco, about the parts clerk's version 2 (the warranty-claims move).
    const partsV2 = tx
      .select({ id: schema.roleVersions.id })
      .from(schema.roleVersions)
      .innerJoin(schema.jobRoles, eq(schema.jobRoles.id, schema.roleVersions.jobRoleId))
      .where(and(eq(schema.jobRoles.slug, "parts-clerk"), eq(schema.roleVersions.number, 2)))
      .get();
    const openQuestions = [
      {
        person: personIds.get("ilze.kalnina@example.com"),
        where: partsV2 ? eq(schema.acknowledgements.roleVersionId, partsV2.id) : undefined,
        body: "Do goodwill requests also come to the parts desk now, or only manufacturer warranty claims?",
        hour: 11,
      },
      {
        person: personIds.get("emre.sahin@example.com"),
        where: partsV2 ? eq(schema.acknowledgements.roleVersionId, partsV2.id) : undefined,
        body: "Who checks the photos of the failed part before I submit the claim: me, or the technician who did the repair?",
        hour: 15,
      },
    ];
    for (const q of openQuestions) {
      if (!q.person || !q.where) continue;
      const ack = tx
        .update(schema.acknowledgements)
        .set({ state: "clarification", revision: 2 })
        .where(and(q.where, eq(schema.acknowledgements.personId, q.person)))
        .returning({ id: schema.acknowledgements.id })
        .get();
      if (!ack) continue;
      tx.insert(schema.ackMessages).values({ acknowledgementId: ack.id, authorId: q.person, body: q.body, createdAt: instantDaysAgo(1, today, q.hour) }).run();
      const asker = peopleData.find((p) => personIds.get(p.email) === q.person)!;
      tx.insert(schema.notifications)
        .values({ personId: manager, kind: "ack.question", params: JSON.stringify({ name: asker.name }), link: `/changes/${ack.id}`, createdAt: instantDaysAgo(1, today, q.hour) })
        .run();
    }

    // The Service Advisor job posting is public.
    tx.insert(schema.jobPostings)
      .values({ jobRoleId: sa, published: true, location: "Rotterdam-Noord", publishedById: personIds.get("hr@example.com")!, updatedAt: instantDaysAgo(3, today) })
      .run();

    tx.update(schema.organisation)
      .set({ name: "Van Dijk Auto Rotterdam", timeZone: "Europe/Amsterdam", applyEmail: "jobs@vandijk-auto.example", location: "Rotterdam-Noord", demo: true, updatedAt: today.toISOString() })
      .where(eq(schema.organisation.id, 1))
      .run();

    // Dutch public holidays for this year and next (due dates skip them).
    const year = Number(dateInZone(today, "Europe/Amsterdam").slice(0, 4));
    tx.insert(schema.holidays)
      .values([year, year + 1].flatMap((y) => dutchPublicHolidays(y).map((h) => ({ ...h, createdById: personIds.get("hr@example.com")! }))))
      .run();

    tx.insert(schema.auditLog)
      .values({ actorId: null, action: "demo.seed", entityType: "organisation", detail: "{}", at: today.toISOString() })
      .run();
  });

  seedOnboarding(today, personIds);
  seedEvaluations(today, personIds);
  seedConcernsAndThreads(today, personIds);
  seedPulse(today, personIds);
  seedCapability(today, personIds);
  seedFeedback(today, personIds);
  await seedUpcomingHire(today, personIds);
  settleDemoEmailHistory(today);
}

/**
 * A technician who starts in a week and a half (added last, so no earlier history names her): HR
 * started her plan two days ago, and HR's part of it (accounts, workwear, one item per tool of the
 * role) is still open, due in the days before her first day. What an HR admin's "My onboarding
 * tasks" looks like on a normal week, and the third open plan in the overview.
 */
async function seedUpcomingHire(today: Date, personIds: Map<string, number>) {
  const db = getDb();
  const hr = actorOf(personIds.get("hr@example.com")!);
  const todayIso = isoDaysAgo(0, today);
  const window = dueDateWindow(todayIso);
  const holidays = holidaysBetween(window.from, window.to);
  const technician = db.select({ id: schema.jobRoles.id }).from(schema.jobRoles).where(eq(schema.jobRoles.slug, "technician")).get()!;
  const workshop = db.select({ id: schema.teams.id }).from(schema.teams).where(eq(schema.teams.slug, "workshop")).get()!;
  const start = dueDate(todayIso, 7, holidays);
  const name = "Lotte de Boer";
  const email = "lotte.deboer@example.com";
  const hire = db
    .insert(schema.people)
    .values({
      name,
      email,
      phone: "+31 20 555 0153",
      searchText: personSearchText(name, email),
      passwordHash: await hashPassword(DEMO_PASSWORD),
      appRole: "employee",
      jobRoleId: technician.id,
      teamId: workshop.id,
      reportsToId: personIds.get("supervisor@example.com")!,
      startDate: start,
      locale: "nl",
    })
    .returning({ id: schema.people.id })
    .get();
  const startedAt = new Date(today.getTime() - 2 * 86_400_000);
  startOnboarding(
    hr,
    { personId: hire.id, startDate: start, managerId: personIds.get("supervisor@example.com")!, buddyId: personIds.get("pieter.vandijk@example.com")! },
    templatePhrases(simpleTranslator(en.onboarding.generated)),
    startedAt,
  );
}

/**
 * Every notification above queued an email (issue 13). A fresh demo must not email weeks of
 * history: the emails of notifications older than 24 hours are marked skipped ("demo history");
 * the recent ones stay pending, so the worker writes them (as .eml files without SMTP_URL) on the
 * first start and HR's "Sent emails" page has examples.
 */
export function settleDemoEmailHistory(today: Date): void {
  const cutoff = new Date(today.getTime() - 24 * 60 * 60 * 1000).toISOString();
  const db = getDb();
  db.update(schema.notificationDeliveries)
    .set({ status: "skipped", lastError: "demo history", nextAttemptAt: null })
    .where(
      and(
        eq(schema.notificationDeliveries.channel, "email"),
        eq(schema.notificationDeliveries.status, "pending"),
        inArray(
          schema.notificationDeliveries.notificationId,
          db.select({ id: schema.notifications.id }).from(schema.notifications).where(sql`${schema.notifications.createdAt} < ${cutoff}`),
        ),
      ),
    )
    .run();
}

/** Easter Sunday (Gregorian), by the anonymous computus. */
function easter(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

/** The public holidays of the Netherlands in a year (King's Day moves to the 26th when the 27th is a Sunday). */
export function dutchPublicHolidays(year: number): { date: string; name: string }[] {
  const e = easter(year).getTime();
  const fromEaster = (days: number) => new Date(e + days * 86_400_000).toISOString().slice(0, 10);
  const kingsDay = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0 ? 26 : 27;
  const day = (m: number, d: number) => `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return [
    { date: day(1, 1), name: "Nieuwjaarsdag (New Year's Day)" },
    { date: fromEaster(-2), name: "Goede Vrijdag (Good Friday)" },
    { date: fromEaster(0), name: "Eerste Paasdag (Easter Sunday)" },
    { date: fromEaster(1), name: "Tweede Paasdag (Easter Monday)" },
    { date: day(4, kingsDay), name: "Koningsdag (King's Day)" },
    { date: day(5, 5), name: "Bevrijdingsdag (Liberation Day)" },
    { date: fromEaster(39), name: "Hemelvaartsdag (Ascension Day)" },
    { date: fromEaster(49), name: "Eerste Pinksterdag (Whit Sunday)" },
    { date: fromEaster(50), name: "Tweede Pinksterdag (Whit Monday)" },
    { date: day(12, 25), name: "Eerste Kerstdag (Christmas Day)" },
    { date: day(12, 26), name: "Tweede Kerstdag (Boxing Day)" },
  ].sort((a, b) => a.date.localeCompare(b.date));
}

function actorOf(id: number): Actor {
  const p = getDb().select().from(schema.people).where(eq(schema.people.id, id)).get()!;
  return { id: p.id, name: p.name, email: p.email, appRole: p.appRole, jobRoleId: p.jobRoleId, teamId: p.teamId, reportsToId: p.reportsToId, locale: p.locale };
}

/**
 * Onboarding demo: Nora (newhire@) starts today (the next working day when today is not one) with
 * Elif as buddy and a few items done; a technician in the Workshop is on day 20 with two overdue
 * items. Plan items carry their generation keys, so each reader sees generated items in their own
 * language (the seed words the stored text in English).
 */
function seedOnboarding(today: Date, personIds: Map<string, number>) {
  const db = getDb();
  const hr = actorOf(personIds.get("hr@example.com")!);
  const phrases = templatePhrases(simpleTranslator(en.onboarding.generated));
  // The organisation's day (the app counts plan days from it), not UTC's.
  const todayIso = isoDaysAgo(0, today);
  const window = dueDateWindow(todayIso);
  const holidays = holidaysBetween(window.from, window.to);
  const nora = personIds.get("newhire@example.com")!;
  const plan1 = startOnboarding(
    hr,
    { personId: nora, startDate: nextWorkingDay(todayIso, holidays), managerId: personIds.get("supervisor@example.com")!, buddyId: personIds.get("employee@example.com")! },
    phrases,
    today,
  );
  // HR prepared everything before the first day, and the foreman welcomed Nora this morning.
  db.update(schema.onboardingItems)
    .set({ doneAt: instantDaysAgo(0, today, 8), doneById: hr.id })
    .where(and(eq(schema.onboardingItems.onboardingId, plan1.id), eq(schema.onboardingItems.assignee, "hr")))
    .run();
  db.update(schema.onboardingItems)
    .set({ doneAt: instantDaysAgo(0, today, 9), doneById: personIds.get("supervisor@example.com")! })
    .where(and(eq(schema.onboardingItems.onboardingId, plan1.id), eq(schema.onboardingItems.genKey, "manager:welcome")))
    .run();

  // The most recently hired technician, on day 20 of their plan.
  const technician = db
    .select({ id: schema.people.id })
    .from(schema.people)
    .innerJoin(schema.jobRoles, eq(schema.jobRoles.id, schema.people.jobRoleId))
    .where(eq(schema.jobRoles.slug, "technician"))
    .orderBy(sql`${schema.people.startDate} desc`)
    .get()!;
  const start = dueDate(todayIso, -20, holidays);
  const startDay = new Date(`${start}T00:00:00Z`);
  db.update(schema.people).set({ startDate: start }).where(eq(schema.people.id, technician.id)).run();
  const buddy = db
    .select({ id: schema.people.id })
    .from(schema.people)
    .innerJoin(schema.jobRoles, eq(schema.jobRoles.id, schema.people.jobRoleId))
    .where(and(eq(schema.jobRoles.slug, "technician"), sql`${schema.people.id} <> ${technician.id}`))
    .orderBy(schema.people.startDate)
    .get()!;
  const plan2 = startOnboarding(
    hr,
    { personId: technician.id, startDate: start, managerId: personIds.get("supervisor@example.com")!, buddyId: buddy.id },
    phrases,
    startDay,
  );
  const upToToday = db
    .select({ id: schema.onboardingItems.id, dueDate: schema.onboardingItems.dueDate })
    .from(schema.onboardingItems)
    .where(and(eq(schema.onboardingItems.onboardingId, plan2.id), sql`${schema.onboardingItems.dueDate} <= ${todayIso}`))
    .orderBy(sql`${schema.onboardingItems.dueDate} desc`)
    .all();
  // Everything due up to today is done, except the two latest due before today: those are overdue.
  // Items due today are done too, so a demo seeded just before midnight still shows two overdue items
  // just after it (items due tomorrow are then due today, not overdue).
  const overdue = new Set(upToToday.filter((i) => i.dueDate < todayIso).slice(0, 2).map((i) => i.id));
  const done = upToToday.filter((i) => !overdue.has(i.id)).map((i) => i.id);
  if (done.length)
    db.update(schema.onboardingItems)
      .set({ doneAt: instantDaysAgo(3, today, 15), doneById: technician.id })
      .where(inArray(schema.onboardingItems.id, done))
      .run();
  db.update(schema.onboardings).set({ createdAt: `${start}T08:00:00.000Z` }).where(eq(schema.onboardings.id, plan2.id)).run();
}

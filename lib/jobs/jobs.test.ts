import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { acknowledgements, capabilities, capabilityEvidence, concerns, evaluations, jobRoles, notificationDeliveries, notifications, onboardingItems, onboardings, people, pulseSends, ratingFollowups, reminderLog, scheduledJobs, taskTransfers, teams } from "@/db/schema";
import { can } from "@/lib/auth/policy";
import { createAnnouncement } from "@/lib/communication/announcements";
import { answerAck } from "@/lib/communication/answers";
import { todayIso } from "@/lib/core/dates";
import { ConflictError, FieldError } from "@/lib/core/errors";
import { evaluablePerson } from "@/lib/evaluations/read";
import { RELEASED_STATUSES } from "@/lib/evaluations/vocabulary";
import { addWorkingDays } from "@/lib/feedback/due";
import { recordRating } from "@/lib/feedback/record";
import { addDays } from "@/lib/onboarding/rules";
import { updateOrganisationSettings, updateReminderWorkingDays } from "@/lib/org/organisation";
import { holidaysBetween, organisationSettings } from "@/lib/org/settings";
import { taskIndex } from "@/lib/roles/doc";
import { getVersion } from "@/lib/roles/history";
import { insertConcern } from "@/lib/test/confidence";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { remindCapabilitiesExpiring, remindEvaluationsDue, remindOnboardingDueTomorrow } from "./daily";
import { JOBS, slotOf } from "./jobs";
import { listScheduledJobs } from "./read";
import { remindOverdueFollowups, remindUnansweredAcks, waitedWorkingDays } from "./reminders";
import { JOB_LEASE_MS, runJob, type JobOutcome } from "./run";
import { enabledJobs, runDueJobs } from "./scheduler";

/** The scheduled jobs (lib/jobs): once per period, transfers at the organisation's midnight, automatic reminders. Every clock is injected. */

beforeAll(async () => {
  await useSeededTestDb();
}, 120_000);

const hr = () => actorFor("hr@example.com");
const idOf = (email: string) => actorFor(email).id;
const noticesFor = (personId: number, kind: string, link?: string) =>
  getDb()
    .select()
    .from(notifications)
    .where(and(eq(notifications.personId, personId), eq(notifications.kind, kind), link ? eq(notifications.link, link) : undefined))
    .all();
const jobRow = (name: string) => getDb().select().from(scheduledJobs).where(eq(scheduledJobs.name, name)).get();
const setReminderDays = (n: number) => updateReminderWorkingDays(hr(), organisationSettings().revision, { reminderWorkingDays: n });
/** Noon UTC on an organisation day (Europe/Amsterdam: the same calendar day). */
const noon = (day: string, hours = 0) => new Date(Date.parse(`${day}T12:00:00Z`) + hours * 3_600_000);

describe("runJob: once per period, with a lease", () => {
  it("two overlapping calls for the same period run the job once; the next period runs again", async () => {
    const name = `test-${randomUUID()}`;
    let runs = 0;
    const slow = () => new Promise<Record<string, number>>((resolve) => setTimeout(() => resolve({ sent: ++runs }), 20));
    const now = new Date("2026-12-02T10:00:05Z");
    const [a, b] = await Promise.all([runJob(name, "p1", slow, now), runJob(name, "p1", slow, now)]);
    expect(runs).toBe(1);
    expect([a.ran, b.ran].sort()).toEqual([false, true]);
    // Later in the same period (a second process, a second tick): nothing.
    expect((await runJob(name, "p1", slow, new Date("2026-12-02T10:00:08Z"))).ran).toBe(false);
    expect(runs).toBe(1);
    expect(await runJob(name, "p2", slow, new Date("2026-12-02T10:00:15Z"))).toEqual({ ran: true, status: "ok", result: '{"sent":2}' });
    const row = jobRow(name)!;
    expect(row).toMatchObject({ lastPeriod: "p2", lastStatus: "ok", runs: 2, leaseUntil: null, lastResult: '{"sent":2}' });
  });

  it("a live lease held by another process blocks the run; an expired one (a crashed process) is taken over", async () => {
    const name = `test-${randomUUID()}`;
    const now = new Date("2026-12-02T10:00:00Z");
    getDb()
      .insert(scheduledJobs)
      .values({ name, runs: 0, leaseOwner: "other", leaseUntil: new Date(now.getTime() + 1000).toISOString() })
      .run();
    let runs = 0;
    expect((await runJob(name, "p1", () => ({ sent: ++runs }), now)).ran).toBe(false);
    expect(runs).toBe(0);
    expect((await runJob(name, "p1", () => ({ sent: ++runs }), new Date(now.getTime() + 2000))).ran).toBe(true);
    expect(runs).toBe(1);
    expect(JOB_LEASE_MS).toBeGreaterThan(60_000);
  });

  it("a crashed run's lease holds a job back for the job's own lease: a minute for the email sender, five for the others", async () => {
    const email = JOBS.find((j) => j.name === "email")!;
    expect(email.leaseMs).toBe(60_000);
    const name = `test-${randomUUID()}`;
    const start = new Date("2026-12-02T10:00:00Z");
    // A run that never finishes (the process was killed) keeps its lease.
    void runJob(name, "p1", () => new Promise<void>(() => undefined), start, email.leaseMs);
    let runs = 0;
    expect((await runJob(name, "p2", () => ({ sent: ++runs }), new Date(start.getTime() + 59_000), email.leaseMs)).ran).toBe(false);
    expect((await runJob(name, "p3", () => ({ sent: ++runs }), new Date(start.getTime() + 61_000), email.leaseMs)).ran).toBe(true);
    const other = `test-${randomUUID()}`;
    void runJob(other, "p1", () => new Promise<void>(() => undefined), start);
    expect((await runJob(other, "p2", () => ({ sent: ++runs }), new Date(start.getTime() + 61_000))).ran).toBe(false);
    expect(runs).toBe(1);
  });

  it("a failing run is recorded as an error with its message and does not close the period", async () => {
    const name = `test-${randomUUID()}`;
    const now = new Date("2026-12-02T10:00:00Z");
    const outcome = await runJob(name, "p1", () => {
      throw new Error("disk full");
    }, now);
    expect(outcome).toEqual({ ran: true, status: "error", error: "disk full" });
    expect(jobRow(name)).toMatchObject({ lastStatus: "error", lastResult: "disk full", lastPeriod: null, leaseUntil: null, runs: 1 });
    // The next tick of the same period tries again.
    expect(await runJob(name, "p1", () => ({ sent: 1 }), new Date(now.getTime() + 10_000))).toMatchObject({ ran: true, status: "ok" });
  });
});

describe("the job list", () => {
  it("periods: 10 s slots for email, minutes for transfers and digests, the organisation's day for daily", () => {
    const at = new Date("2026-12-02T23:30:17Z");
    const period = (name: string) => JOBS.find((j) => j.name === name)!.period(at);
    expect(period("email")).toBe("2026-12-02T23:30:10");
    expect(period("transfers")).toBe("2026-12-02T23:30:00");
    expect(period("digests")).toBe("2026-12-02T23:30:00");
    expect(period("reminders")).toBe("2026-12-02T23:30:00");
    // Amsterdam is an hour ahead: already 3 December there.
    expect(period("daily")).toBe(todayIso(at));
    expect(slotOf(new Date("2026-12-02T10:14:59Z"), 15 * 60_000)).toBe("2026-12-02T10:00:00");
  });

  it("SCHEDULER=off runs no job; WEBHOOK_WORKER=off only drops the webhook sender; the backup needs BACKUP_DIR", () => {
    expect(enabledJobs({ SCHEDULER: "off" } as unknown as NodeJS.ProcessEnv)).toEqual([]);
    expect(enabledJobs({ WEBHOOK_WORKER: "off" } as unknown as NodeJS.ProcessEnv).map((j) => j.name)).toEqual(["email", "digests", "transfers", "reminders", "daily"]);
    expect(enabledJobs({} as unknown as NodeJS.ProcessEnv)).toHaveLength(JOBS.length - 1);
    expect(enabledJobs({ BACKUP_DIR: "/backups" } as unknown as NodeJS.ProcessEnv)).toHaveLength(JOBS.length);
  });
});

describe("transfers apply at the organisation's midnight with no request made", () => {
  it("the transfers job at 23:59 in Riga leaves the transfer; at 00:00 Riga it applies it", async () => {
    const s = organisationSettings();
    updateOrganisationSettings(hr(), s.revision, { name: s.name, timeZone: "Europe/Riga", applyEmail: s.applyEmail, applyUrl: s.applyUrl, location: s.location });
    const role = (slug: string) => getDb().select().from(jobRoles).where(eq(jobRoles.slug, slug)).get()!;
    const doc = getVersion(hr(), "technician", role("technician").currentVersion).doc;
    const taskKey = [...taskIndex(doc)].find(([, v]) => v.task.title === "Sign special tools in and out")![0];
    const workshop = getDb().select().from(teams).where(eq(teams.slug, "workshop")).get()!;
    const { id } = createAnnouncement(
      actorFor("manager@example.com"),
      {
        title: "Special tools move to the foreman",
        body: "From 1 December.",
        effectiveDate: "2098-12-01",
        audience: { everyone: false, roleIds: [], teamIds: [workshop.id], personIds: [] },
        transfers: [{ type: "role", taskKey, fromRoleId: role("technician").id, toRoleId: role("workshop-foreman").id, toResponsibilityKey: null }],
      },
      new Date("2098-11-01T12:00:00Z"),
    );
    const applied = () => getDb().select({ at: taskTransfers.appliedAt }).from(taskTransfers).where(eq(taskTransfers.announcementId, id)).get()!.at;
    const before = await runDueJobs(new Date("2098-11-30T21:59:00Z"), ["transfers"]);
    expect(before.transfers).toEqual({ ran: true, status: "ok", result: '{"transfers":0}' });
    expect(applied()).toBeNull();
    const after = await runDueJobs(new Date("2098-11-30T22:00:00Z"), ["transfers"]);
    expect(after.transfers).toEqual({ ran: true, status: "ok", result: '{"transfers":1}' });
    expect(applied()).toBe("2098-11-30T22:00:00.000Z");
    // HR's page shows the run.
    const view = listScheduledJobs(hr()).find((j) => j.name === "transfers")!;
    expect(view).toMatchObject({ lastStatus: "ok", counts: [{ key: "transfers", count: 1 }], error: null });
    const s2 = organisationSettings();
    updateOrganisationSettings(hr(), s2.revision, { name: s2.name, timeZone: "Europe/Amsterdam", applyEmail: s2.applyEmail, applyUrl: s2.applyUrl, location: s2.location });
  });
});

describe("automatic reminders for unanswered changes and questions", () => {
  it("waitedWorkingDays skips weekends and holidays", () => {
    // Friday 4 December 2026 + 3 working days = Wednesday 9 December.
    expect(waitedWorkingDays("2026-12-04", "2026-12-08", 3, new Set())).toBe(false);
    expect(waitedWorkingDays("2026-12-04", "2026-12-09", 3, new Set())).toBe(true);
    expect(waitedWorkingDays("2026-12-04", "2026-12-09", 3, new Set(["2026-12-07"]))).toBe(false);
  });

  it("a change waiting N working days reminds the person, at most once in 24 hours; the owner gets the question reminder", () => {
    const employee = idOf("employee@example.com");
    const manager = idOf("manager@example.com");
    setReminderDays(3);
    const { id } = createAnnouncement(actorFor("manager@example.com"), {
      title: "New key cabinet",
      body: "Keys go in the cabinet.",
      effectiveDate: todayIso(),
      audience: { everyone: false, roleIds: [], teamIds: [], personIds: [employee] },
      transfers: [],
    });
    const ack = getDb().select().from(acknowledgements).where(and(eq(acknowledgements.announcementId, id), eq(acknowledgements.personId, employee))).get()!;
    const link = `/changes/${ack.id}`;
    const today = todayIso();
    const holidays = holidaysBetween(today, addDays(today, 60));
    const dueDay = addWorkingDays(today, 3, holidays);
    const dayBefore = addDays(dueDay, -1);

    remindUnansweredAcks(noon(dayBefore));
    expect(noticesFor(employee, "ack.reminder", link)).toHaveLength(0);
    remindUnansweredAcks(noon(dueDay));
    expect(noticesFor(employee, "ack.reminder", link)).toHaveLength(1);
    // Counted on the item like a manual reminder (the tracking page shows it).
    expect(getDb().select().from(acknowledgements).where(eq(acknowledgements.id, ack.id)).get()).toMatchObject({ reminders: 1, lastRemindedAt: noon(dueDay).toISOString() });
    // Once per 24 hours: a run an hour later and one 23 hours later send nothing more.
    remindUnansweredAcks(noon(dueDay, 1));
    remindUnansweredAcks(noon(dueDay, 23));
    expect(noticesFor(employee, "ack.reminder", link)).toHaveLength(1);
    remindUnansweredAcks(noon(dueDay, 25));
    expect(noticesFor(employee, "ack.reminder", link)).toHaveLength(2);
    // Each reminder queues its email row in the outbox, like every notification.
    const [n] = noticesFor(employee, "ack.reminder", link);
    expect(getDb().select().from(notificationDeliveries).where(and(eq(notificationDeliveries.notificationId, n.id), eq(notificationDeliveries.channel, "email"))).get()?.status).toBe("pending");

    // The person asks: now the question waits for the owner (the announcement's author).
    answerAck(actorFor("employee@example.com"), ack.id, ack.revision, "ask", "Where is the cabinet?");
    remindUnansweredAcks(noon(dayBefore));
    expect(noticesFor(manager, "ack.questionReminder", link)).toHaveLength(0);
    remindUnansweredAcks(noon(dueDay, 50));
    const q = noticesFor(manager, "ack.questionReminder", link);
    expect(q).toHaveLength(1);
    expect(JSON.parse(q[0].params)).toEqual({ name: actorFor("employee@example.com").name, role: "New key cabinet" });
    remindUnansweredAcks(noon(dueDay, 51));
    expect(noticesFor(manager, "ack.questionReminder", link)).toHaveLength(1);
    // While the question waits, the person is not reminded.
    expect(noticesFor(employee, "ack.reminder", link)).toHaveLength(2);
  });

  it("a reminder sent by hand in the last 24 hours holds the automatic one back", () => {
    const nora = idOf("newhire@example.com");
    const { id } = createAnnouncement(hr(), {
      title: "Coffee machine rules",
      body: "Clean it.",
      effectiveDate: todayIso(),
      audience: { everyone: false, roleIds: [], teamIds: [], personIds: [nora] },
      transfers: [],
    });
    const ack = getDb().select().from(acknowledgements).where(and(eq(acknowledgements.announcementId, id), eq(acknowledgements.personId, nora))).get()!;
    const today = todayIso();
    const dueDay = addWorkingDays(today, 3, holidaysBetween(today, addDays(today, 60)));
    getDb().update(acknowledgements).set({ lastRemindedAt: noon(dueDay, -2).toISOString(), reminders: 1 }).where(eq(acknowledgements.id, ack.id)).run();
    remindUnansweredAcks(noon(dueDay));
    expect(noticesFor(nora, "ack.reminder", `/changes/${ack.id}`)).toHaveLength(0);
    remindUnansweredAcks(noon(dueDay, 23));
    expect(noticesFor(nora, "ack.reminder", `/changes/${ack.id}`)).toHaveLength(1);
  });

  it("HR's setting is the wait: with 5 working days, day 3 reminds nobody", () => {
    const nora = idOf("newhire@example.com");
    setReminderDays(5);
    const { id } = createAnnouncement(hr(), {
      title: "Parking moves",
      body: "To the back.",
      effectiveDate: todayIso(),
      audience: { everyone: false, roleIds: [], teamIds: [], personIds: [nora] },
      transfers: [],
    });
    const ack = getDb().select().from(acknowledgements).where(and(eq(acknowledgements.announcementId, id), eq(acknowledgements.personId, nora))).get()!;
    const today = todayIso();
    const holidays = holidaysBetween(today, addDays(today, 60));
    remindUnansweredAcks(noon(addWorkingDays(today, 3, holidays)));
    expect(noticesFor(nora, "ack.reminder", `/changes/${ack.id}`)).toHaveLength(0);
    remindUnansweredAcks(noon(addWorkingDays(today, 5, holidays)));
    expect(noticesFor(nora, "ack.reminder", `/changes/${ack.id}`)).toHaveLength(1);
    setReminderDays(3);
  });

  it("HR's setting is refused outside 1–20 and on a stale revision", () => {
    for (const bad of [0, 21, 2.5]) {
      expect(() => setReminderDays(bad)).toThrow(FieldError);
    }
    const stale = organisationSettings().revision - 1;
    expect(() => updateReminderWorkingDays(hr(), stale, { reminderWorkingDays: 4 })).toThrow(ConflictError);
    setReminderDays(7);
    expect(organisationSettings().reminderWorkingDays).toBe(7);
    setReminderDays(3);
  });
});

describe("overdue follow-ups", () => {
  it("an unsolved follow-up past its due day reminds its owner once per 24 hours; a solved one does not", () => {
    const row = getDb().select().from(people).where(eq(people.email, "employee@example.com")).get()!;
    const supervisor = idOf("supervisor@example.com");
    const rec = getDb().transaction((tx) =>
      recordRating(tx, {
        person: { id: row.id, name: row.name, jobRoleId: row.jobRoleId, teamId: row.teamId, reportsToId: row.reportsToId },
        source: "walkup",
        linkId: null,
        stars: 1,
        comment: "",
        tags: [],
        locale: "en",
        contact: { name: "Jan", phone: null, email: "jan@example.net" },
      }),
    );
    const f = getDb().select().from(ratingFollowups).where(eq(ratingFollowups.id, rec.followupId!)).get()!;
    const link = `/feedback/follow-ups/${f.id}`;
    remindOverdueFollowups(noon(f.dueOn));
    expect(noticesFor(supervisor, "followup.overdue", link)).toHaveLength(0);
    const late = noon(addDays(f.dueOn, 1));
    remindOverdueFollowups(late);
    remindOverdueFollowups(new Date(late.getTime() + 3_600_000));
    const sent = noticesFor(supervisor, "followup.overdue", link);
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0].params)).toEqual({ person: row.name });
    getDb().update(ratingFollowups).set({ status: "solved" }).where(eq(ratingFollowups.id, f.id)).run();
    remindOverdueFollowups(noon(addDays(f.dueOn, 5)));
    expect(noticesFor(supervisor, "followup.overdue", link)).toHaveLength(1);
  });
});

describe("the daily reminders", () => {
  it("an open onboarding item due tomorrow reminds whoever owes it, once", () => {
    const item = getDb()
      .select({ id: onboardingItems.id, title: onboardingItems.title, dueDate: onboardingItems.dueDate, assignee: onboardingItems.assignee, planId: onboardings.id, personId: onboardings.personId, managerId: onboardings.managerId, buddyId: onboardings.buddyId })
      .from(onboardingItems)
      .innerJoin(onboardings, eq(onboardings.id, onboardingItems.onboardingId))
      .where(and(isNull(onboardingItems.doneAt), eq(onboardings.status, "open"), eq(onboardingItems.assignee, "hire")))
      .orderBy(onboardingItems.dueDate)
      .get()!;
    const hire = getDb().select({ name: people.name }).from(people).where(eq(people.id, item.personId)).get()!;
    const link = `/onboarding/${item.planId}`;
    const aboutItem = () => noticesFor(item.personId, "onboarding.dueTomorrow", link).filter((n) => JSON.parse(n.params).item === item.title);
    const before = noticesFor(item.personId, "onboarding.dueTomorrow", link).length;
    const eve = noon(addDays(item.dueDate, -1));
    // Two days before: not yet.
    remindOnboardingDueTomorrow(noon(addDays(item.dueDate, -2)));
    expect(aboutItem()).toHaveLength(0);
    const sentFirst = remindOnboardingDueTomorrow(eve);
    expect(sentFirst).toBeGreaterThan(0);
    const mine = noticesFor(item.personId, "onboarding.dueTomorrow", link).map((n) => JSON.parse(n.params));
    expect(mine.length).toBeGreaterThan(before);
    expect(mine).toContainEqual({ item: item.title, name: hire.name });
    expect(aboutItem()).toHaveLength(1);
    expect(remindOnboardingDueTomorrow(new Date(eve.getTime() + 3_600_000))).toBe(0);
  });

  it("an open onboarding item for HR due tomorrow reminds every active HR person who may tick HR's items, once", () => {
    const item = getDb()
      .select({ id: onboardingItems.id, title: onboardingItems.title, assignee: onboardingItems.assignee, dueDate: onboardingItems.dueDate, planId: onboardings.id, personId: onboardings.personId })
      .from(onboardingItems)
      .innerJoin(onboardings, eq(onboardings.id, onboardingItems.onboardingId))
      .where(and(isNull(onboardingItems.doneAt), eq(onboardings.status, "open")))
      .orderBy(onboardingItems.id)
      .get()!;
    // A day nothing else is due: the item is HR's.
    const due = "2031-05-14";
    getDb().update(onboardingItems).set({ assignee: "hr", dueDate: due }).where(eq(onboardingItems.id, item.id)).run();
    try {
      const hire = getDb().select({ name: people.name }).from(people).where(eq(people.id, item.personId)).get()!;
      const active = getDb().select({ id: people.id, email: people.email }).from(people).where(eq(people.active, true)).all();
      const hrPeople = active.filter((p) => p.id !== item.personId && can(actorFor(p.email), "onboarding.hrItems")).map((p) => p.id);
      expect(hrPeople).toContain(idOf("hr@example.com"));
      const link = `/onboarding/${item.planId}`;
      const remindedAbout = () =>
        getDb()
          .select({ personId: notifications.personId, params: notifications.params })
          .from(notifications)
          .where(and(eq(notifications.kind, "onboarding.dueTomorrow"), eq(notifications.link, link)))
          .all()
          .filter((n) => JSON.parse(n.params).item === item.title && JSON.parse(n.params).name === hire.name)
          .map((n) => n.personId);
      const before = remindedAbout();

      expect(remindOnboardingDueTomorrow(noon(addDays(due, -1)))).toBe(hrPeople.length);
      const reminded = remindedAbout().filter((id, i, all) => all.indexOf(id) === i && !before.includes(id));
      expect(reminded.sort()).toEqual([...hrPeople].sort());
      // nobody else: not the hire, not their manager or buddy
      expect(reminded).not.toContain(item.personId);
      expect(remindOnboardingDueTomorrow(noon(addDays(due, -1), 2))).toBe(0);
    } finally {
      getDb().update(onboardingItems).set({ assignee: item.assignee, dueDate: item.dueDate }).where(eq(onboardingItems.id, item.id)).run();
    }
  });

  it("evaluations coming due tell the evaluator once per due date, with a link to that person's evaluation to write", () => {
    const now = new Date();
    const first = remindEvaluationsDue(now);
    expect(first).toBeGreaterThan(0);
    const notices = getDb().select().from(notifications).where(eq(notifications.kind, "evaluation.due")).all();
    expect(notices).toHaveLength(first);
    const nameOf = (id: number) => getDb().select({ name: people.name }).from(people).where(eq(people.id, id)).get()!.name;
    for (const notice of notices) {
      expect(Object.keys(JSON.parse(notice.params))).toEqual(["name"]);
      const draft = /^\/evaluations\/(\d+)$/.exec(notice.link);
      if (draft) {
        // the evaluator's own draft for the person named
        const row = getDb().select().from(evaluations).where(eq(evaluations.id, Number(draft[1]))).get()!;
        expect(row).toMatchObject({ authorId: notice.personId });
        expect(["draft", "self_assessment"]).toContain(row.status);
        expect(JSON.parse(notice.params).name).toBe(nameOf(row.personId));
        continue;
      }
      // else the new-evaluation form for the person named and the kind due, never the list
      const m = /^\/evaluations\/new\?person=(\d+)&kind=(probation|periodic)$/.exec(notice.link);
      expect(m, notice.link).not.toBeNull();
      const subject = Number(m![1]);
      expect(JSON.parse(notice.params).name).toBe(nameOf(subject));
      const released = getDb().select({ id: evaluations.id }).from(evaluations).where(and(eq(evaluations.personId, subject), inArray(evaluations.status, [...RELEASED_STATUSES]))).all();
      expect(m![2]).toBe(released.length ? "periodic" : "probation");
      // the recipient may open that form for that person
      const recipient = getDb().select({ email: people.email }).from(people).where(eq(people.id, notice.personId)).get()!;
      expect(evaluablePerson(actorFor(recipient.email), subject)).toMatchObject({ id: subject });
    }
    expect(notices.some((n) => n.link.startsWith("/evaluations/new?"))).toBe(true);
    expect(remindEvaluationsDue(now)).toBe(0);
    expect(remindEvaluationsDue(new Date(now.getTime() + 3 * 86_400_000))).toBe(0);

    // Once the evaluator starts a draft, the reminder opens that draft.
    const notice = notices.find((n) => n.link.startsWith("/evaluations/new?"))!;
    const subject = Number(/person=(\d+)/.exec(notice.link)![1]);
    const draft = getDb()
      .insert(evaluations)
      .values({ personId: subject, authorId: notice.personId, kind: "periodic", periodStart: "2025-01-01", periodEnd: "2025-12-31", criteria: "{}", status: "draft" })
      .returning({ id: evaluations.id })
      .get();
    try {
      getDb().delete(reminderLog).where(and(eq(reminderLog.personId, notice.personId), like(reminderLog.key, `evaluation-due:${subject}:%`))).run();
      expect(remindEvaluationsDue(now)).toBe(1);
      expect(noticesFor(notice.personId, "evaluation.due", `/evaluations/${draft.id}`)).toHaveLength(1);
    } finally {
      getDb().delete(evaluations).where(eq(evaluations.id, draft.id)).run();
    }
  });

  it("a capability lapsing within 30 days tells its holder once; one that does not lapse, nobody", () => {
    const nora = idOf("newhire@example.com");
    const [lapsing, lasting] = getDb().select().from(capabilities).where(isNull(capabilities.mergedIntoKey)).limit(2).all();
    getDb().delete(capabilityEvidence).where(and(eq(capabilityEvidence.personId, nora))).run();
    const today = todayIso();
    const until = addDays(today, 20);
    getDb()
      .insert(capabilityEvidence)
      .values([
        { personId: nora, capabilityKey: lapsing.key, kind: "signoff", validFrom: addDays(today, -340), validUntil: until, createdAt: new Date().toISOString() },
        { personId: nora, capabilityKey: lasting.key, kind: "signoff", validFrom: addDays(today, -340), validUntil: addDays(today, 10), createdAt: new Date().toISOString() },
        { personId: nora, capabilityKey: lasting.key, kind: "signoff", validFrom: addDays(today, -3), validUntil: null, createdAt: new Date().toISOString() },
      ])
      .run();
    remindCapabilitiesExpiring(noon(addDays(today, -20)));
    expect(noticesFor(nora, "capability.expiring")).toHaveLength(0);
    remindCapabilitiesExpiring(noon(today));
    remindCapabilitiesExpiring(noon(addDays(today, 2)));
    const sent = noticesFor(nora, "capability.expiring");
    expect(sent).toHaveLength(1);
    expect(sent[0].link).toBe(`/capability#c-${lapsing.key}`);
    expect(JSON.parse(sent[0].params)).toEqual({ capability: lapsing.name, date: until });
  });
});

/** The counts an ok run recorded. */
const countsOf = (o: JobOutcome | undefined): Record<string, number> => (o?.ran && o.status === "ok" ? (JSON.parse(o.result) as Record<string, number>) : {});

describe("the confidence tools run through the scheduler", () => {
  it("the reminders job reminds the addressees of a concern waiting more than 3 working days", async () => {
    const now = noon("2097-06-12");
    const sup = idOf("supervisor@example.com");
    const { id } = insertConcern({ anonymous: true, addresseeEmails: ["supervisor@example.com"], createdOn: "2097-06-03" });
    const out = await runDueJobs(now, ["reminders"]);
    expect(out.reminders).toMatchObject({ ran: true, status: "ok" });
    expect(countsOf(out.reminders).concerns).toBeGreaterThanOrEqual(1);
    expect(getDb().select({ on: concerns.remindedOn }).from(concerns).where(eq(concerns.id, id)).get()!.on).toBe("2097-06-12");
    expect(noticesFor(sup, "concern.reminder", `/concerns/${id}`)).toHaveLength(1);
  });

  it("the daily job tells the addressees of an anonymous concern posted since the last run, stamped with the day only", async () => {
    const day = "2097-08-20";
    const sup = idOf("supervisor@example.com");
    const { id } = insertConcern({ anonymous: true, addresseeEmails: ["supervisor@example.com"], createdOn: "2097-08-19" });
    getDb().update(concerns).set({ notifyPending: "concern.new" }).where(eq(concerns.id, id)).run();
    const out = await runDueJobs(noon(day), ["daily"]);
    expect(countsOf(out.daily).concernNotices).toBeGreaterThanOrEqual(1);
    expect(noticesFor(sup, "concern.new", `/concerns/${id}`).map((n) => n.createdAt)).toEqual([todayIso()]);
    expect(getDb().select({ p: concerns.notifyPending }).from(concerns).where(eq(concerns.id, id)).get()!.p).toBeNull();
  });

  it("the daily job sends the day-30 pulse of an onboarding plan", async () => {
    const day = "2097-07-15";
    const p = getDb().select().from(people).where(eq(people.email, "raluca.dumitru@example.com")).get()!;
    const planId = getDb()
      .insert(onboardings)
      .values({ personId: p.id, jobRoleId: p.jobRoleId, kind: "new_hire", startDate: addDays(day, -30), status: "open", createdAt: new Date().toISOString() })
      .returning({ id: onboardings.id })
      .get().id;
    const out = await runDueJobs(noon(day), ["daily"]);
    expect(out.daily).toMatchObject({ ran: true, status: "ok" });
    expect(countsOf(out.daily).pulses).toBeGreaterThanOrEqual(1);
    const sent = getDb().select().from(pulseSends).where(eq(pulseSends.occasionKey, `onboarding:${planId}:30`)).all();
    expect(sent.map((s) => [s.personId, s.occasion, s.sentOn])).toEqual([[p.id, "onboarding_30", day]]);
  });
});

import { and, eq, gte, inArray, like, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { acknowledgements, auditLog, jobRoles, notifications, onboardings, people, pulseRounds, pulseSends, roleVersions, teams } from "@/db/schema";
import { todayIso } from "@/lib/core/dates";
import { FieldError } from "@/lib/core/errors";
import { addDays } from "@/lib/onboarding/rules";
import { PULSE_SEND_GRACE_DAYS } from "@/lib/pulse/items";
import { findPulseTeams, listPulseRounds, previewPulseRound, PULSE_TEAM_LIST_MAX, PULSE_TEAM_MATCHES, pulseSendOptions, pulseTeamName, sendDuePulses, sendPulseRound } from "@/lib/pulse/send";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
  // Start from no pulses: the demo's own rounds would be in every person's list.
  getDb().delete(pulseSends).run();
  getDb().delete(pulseRounds).run();
}, 120_000);

const DAY = 86_400_000;
const db = () => getDb();
const idOf = (email: string) => db().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const personOf = (email: string) => db().select().from(people).where(eq(people.email, email)).get()!;
const roleIdOf = (slug: string) => db().select({ id: jobRoles.id }).from(jobRoles).where(eq(jobRoles.slug, slug)).get()!.id;
const teamIdOf = (slug: string) => db().select({ id: teams.id }).from(teams).where(eq(teams.slug, slug)).get()!.id;
const sendsOf = (personId: number) => db().select().from(pulseSends).where(eq(pulseSends.personId, personId)).orderBy(pulseSends.id).all();
/** A moment `days` after now (the sweep's "today" moves with it). */
const inDays = (days: number) => new Date(Date.now() + days * DAY);

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}

describe("automatic sends: onboarding days 30, 60 and 90", () => {
  const THOMAS = "thomas.bakker@example.com";
  let planId: number;
  beforeAll(() => {
    const p = personOf(THOMAS);
    planId = db()
      .insert(onboardings)
      .values({ personId: p.id, jobRoleId: p.jobRoleId, kind: "new_hire", startDate: todayIso(), status: "open", createdAt: new Date().toISOString() })
      .returning({ id: onboardings.id })
      .get().id;
  });

  it("sends nothing before day 30", () => {
    sendDuePulses(inDays(29));
    expect(sendsOf(idOf(THOMAS))).toEqual([]);
  });

  it("sends once on day 30, with the person's role and team, and notifies them with a link to the answer page", () => {
    const p = personOf(THOMAS);
    sendDuePulses(inDays(30));
    sendDuePulses(inDays(30));
    sendDuePulses(inDays(31));
    const sends = sendsOf(p.id);
    expect(sends.map((s) => [s.occasion, s.occasionKey, s.jobRoleId, s.teamId, s.answeredOn])).toEqual([["onboarding_30", `onboarding:${planId}:30`, p.jobRoleId, p.teamId, null]]);
    expect(sends[0].sentOn).toBe(todayIso(inDays(30)));
    const sent = db().select().from(notifications).where(and(eq(notifications.personId, p.id), eq(notifications.kind, "pulse.sent"))).all();
    expect(sent.map((n) => n.link)).toEqual([`/pulse/${sends[0].id}`]);
  });

  it("sends on day 60 and day 90, each once, and nothing after", () => {
    sendDuePulses(inDays(60));
    sendDuePulses(inDays(61));
    sendDuePulses(inDays(90));
    sendDuePulses(inDays(95));
    sendDuePulses(inDays(200));
    expect(sendsOf(idOf(THOMAS)).map((s) => s.occasion)).toEqual(["onboarding_30", "onboarding_60", "onboarding_90"]);
  });

  it("a due day older than the grace window is not sent late, and a plan closed early by hand sends nothing", () => {
    const mark = personOf("mark.dawson@example.com");
    db()
      .insert(onboardings)
      .values({ personId: mark.id, jobRoleId: mark.jobRoleId, kind: "new_hire", startDate: addDays(todayIso(), -(30 + PULSE_SEND_GRACE_DAYS)), status: "open", createdAt: new Date().toISOString() })
      .run();
    const aylin = personOf("aylin.celik@example.com");
    const now = new Date().toISOString();
    db()
      .insert(onboardings)
      .values({ personId: aylin.id, jobRoleId: aylin.jobRoleId, kind: "new_hire", startDate: addDays(todayIso(), -30), status: "closed", closedAt: now, closedReason: "Left in the trial period", closedById: idOf("hr@example.com"), createdAt: now })
      .run();
    sendDuePulses();
    expect(sendsOf(mark.id)).toEqual([]);
    expect(sendsOf(aylin.id)).toEqual([]);
  });

  it("a plan that closed by itself (every item done) still sends its day-30 pulse", () => {
    const hire = personOf("pieter.vandijk@example.com");
    const now = new Date().toISOString();
    const planId = db()
      .insert(onboardings)
      .values({ personId: hire.id, jobRoleId: hire.jobRoleId, kind: "new_hire", startDate: addDays(todayIso(), -30), status: "closed", closedAt: now, createdAt: now })
      .returning({ id: onboardings.id })
      .get().id;
    sendDuePulses();
    expect(sendsOf(hire.id).map((s) => s.occasionKey)).toContain(`onboarding:${planId}:30`);
  });

  it("does nothing, and writes nothing (no audit entry either), when nothing is due", () => {
    const before = db().select({ id: pulseSends.id }).from(pulseSends).all().length;
    const audited = db().select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, "pulse.autoSent")).all().length;
    expect(sendDuePulses(inDays(200))).toBe(0);
    expect(db().select({ id: pulseSends.id }).from(pulseSends).all().length).toBe(before);
    expect(db().select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, "pulse.autoSent")).all().length).toBe(audited);
  });

  it("a run that sent something writes one system audit entry: counts by occasion, no people", () => {
    const hire = personOf("ilze.kalnina@example.com");
    db()
      .insert(onboardings)
      .values({ personId: hire.id, jobRoleId: hire.jobRoleId, kind: "new_hire", startDate: addDays(todayIso(inDays(400)), -60), status: "open", createdAt: new Date().toISOString() })
      .run();
    const since = new Date().toISOString();
    expect(sendDuePulses(inDays(400))).toBe(1);
    const entries = db().select().from(auditLog).where(and(eq(auditLog.action, "pulse.autoSent"), gte(auditLog.at, since))).all();
    expect(entries.map((e) => [e.actorId, e.entityType, e.entityId, JSON.parse(e.detail)])).toEqual([[null, "pulse_round", null, { recipients: 1, onboarding_60: 1 }]]);
  });
});

describe("automatic sends: 14 days after a material change to the person's role", () => {
  const sa = () => roleIdOf("service-advisor");
  // The demo published Service Advisor version 2 (material) five days ago; its holders have an item to acknowledge.
  const saV2 = () => db().select().from(roleVersions).where(and(eq(roleVersions.jobRoleId, sa()), eq(roleVersions.number, 2))).get()!;
  // Noon (UTC, the same calendar day in the organisation's zone) of the n-th day after the change was
  // published: counted in calendar days, as the rule does, whatever the time of day the test runs.
  const dayAfterChange = (n: number) => new Date(`${addDays(saV2().publishedAt.slice(0, 10), n)}T12:00:00Z`);
  const elif = () => idOf("employee@example.com");

  it("sends nothing 13 days after the change", () => {
    expect(saV2().kind).toBe("material");
    sendDuePulses(dayAfterChange(13));
    expect(sendsOf(elif()).filter((s) => s.occasion === "role_change")).toEqual([]);
  });

  it("sends once 14 days after it to each active holder who held the role before it was published", () => {
    const publishedOn = saV2().publishedAt.slice(0, 10);
    const holders = db()
      .select()
      .from(people)
      .where(and(eq(people.jobRoleId, sa()), eq(people.active, true)))
      .all()
      .filter((p) => (p.roleSince ?? p.startDate) < publishedOn)
      .map((p) => p.id);
    expect(holders).toContain(elif());
    sendDuePulses(dayAfterChange(14));
    sendDuePulses(dayAfterChange(15));
    const sent = db().select().from(pulseSends).where(eq(pulseSends.occasionKey, `change:${saV2().id}`)).all();
    expect(sent.map((s) => s.personId).sort()).toEqual([...holders].sort());
    expect(sent.every((s) => s.occasion === "role_change" && s.jobRoleId === sa())).toBe(true);
  });

  it("a material change made by a task transfer's announcement (no version acknowledgement) reaches the holders too", () => {
    const tech = roleIdOf("technician");
    const v2 = saV2();
    const byTransfer = db()
      .insert(roleVersions)
      .values({ jobRoleId: tech, number: 97, content: v2.content, summary: "Tyre storage moves to Reception", kind: "material", announcementId: 424242, publishedAt: v2.publishedAt })
      .returning({ id: roleVersions.id })
      .get().id;
    expect(db().select().from(acknowledgements).where(eq(acknowledgements.roleVersionId, byTransfer)).all()).toEqual([]);
    // Those in the role before the change (the demo's upcoming technician starts after it: no pulse for her).
    const holders = db()
      .select({ id: people.id, since: sql<string>`coalesce(${people.roleSince}, ${people.startDate})` })
      .from(people)
      .where(and(eq(people.jobRoleId, tech), eq(people.active, true)))
      .all()
      .filter((p) => p.since < v2.publishedAt.slice(0, 10))
      .map((p) => p.id);
    expect(holders.length).toBeGreaterThan(0);
    sendDuePulses(dayAfterChange(14));
    const sent = db().select().from(pulseSends).where(eq(pulseSends.occasionKey, `change:${byTransfer}`)).all();
    expect(sent.map((s) => s.personId).sort()).toEqual([...holders].sort());
    db().delete(pulseSends).where(eq(pulseSends.occasionKey, `change:${byTransfer}`)).run();
    db().delete(roleVersions).where(eq(roleVersions.id, byTransfer)).run();
  });

  it("someone who moved into the role after the change gets no pulse for it, but one 14 days after their own move", () => {
    const v2 = saV2();
    const mover = personOf("emre.sahin@example.com");
    const movedOn = v2.publishedAt.slice(0, 10);
    db().update(people).set({ jobRoleId: sa(), roleSince: movedOn }).where(eq(people.id, mover.id)).run();
    // Day 13 after the move: nothing yet; day 14: one send, once.
    const moved = () => sendsOf(mover.id).filter((s) => s.occasionKey === `move:${sa()}:${movedOn}`);
    sendDuePulses(new Date(`${addDays(movedOn, 13)}T12:00:00Z`));
    expect(moved()).toEqual([]);
    sendDuePulses(new Date(`${addDays(movedOn, 14)}T12:00:00Z`));
    sendDuePulses(new Date(`${addDays(movedOn, 15)}T12:00:00Z`));
    expect(moved().map((s) => [s.occasion, s.jobRoleId])).toEqual([["role_change", sa()]]);
    sendDuePulses(dayAfterChange(14));
    expect(sendsOf(mover.id).map((s) => s.occasionKey)).not.toContain(`change:${v2.id}`);
    db().update(people).set({ jobRoleId: mover.jobRoleId, roleSince: null }).where(eq(people.id, mover.id)).run();
  });

  it("sends nothing after an editorial (minor) change, even for a person with an item on it", () => {
    const v2 = saV2();
    const minor = db()
      .insert(roleVersions)
      .values({ jobRoleId: sa(), number: 99, content: v2.content, summary: "Typo", kind: "editorial", publishedAt: v2.publishedAt })
      .returning({ id: roleVersions.id })
      .get().id;
    db().insert(acknowledgements).values({ personId: elif(), roleVersionId: minor, state: "pending", createdAt: v2.publishedAt }).run();
    sendDuePulses(dayAfterChange(14));
    expect(db().select().from(pulseSends).where(eq(pulseSends.occasionKey, `change:${minor}`)).all()).toEqual([]);
    db().delete(acknowledgements).where(eq(acknowledgements.roleVersionId, minor)).run();
    db().delete(roleVersions).where(eq(roleVersions.id, minor)).run();
  });
});

describe("HR sends a round", () => {
  const hr = () => actorFor("hr@example.com");
  const activeIn = (teamSlug: string, roleSlug?: string) =>
    db()
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.active, true), eq(people.teamId, teamIdOf(teamSlug)), roleSlug ? eq(people.jobRoleId, roleIdOf(roleSlug)) : undefined))
      .all()
      .map((p) => p.id)
      .sort();
  const openIds = () => new Set(db().select({ p: pulseSends.personId, a: pulseSends.answeredOn }).from(pulseSends).all().filter((s) => s.a === null).map((s) => s.p));

  it("refuses a round with neither team nor role", () => {
    const e = thrown(() => sendPulseRound(hr(), {}));
    expect(e).toBeInstanceOf(FieldError);
    expect((e as FieldError).fieldErrors).toEqual({ teamId: "pulse.chooseTarget" });
  });

  it("sends to the active people of a team who have no unanswered pulse, once each, and audits target and count only", () => {
    const waiting = openIds();
    const expected = activeIn("workshop").filter((id) => !waiting.has(id));
    expect(previewPulseRound(hr(), { teamId: teamIdOf("workshop") })).toEqual({ recipients: expected.length, waiting: activeIn("workshop").length - expected.length });
    const { roundId, recipients } = sendPulseRound(hr(), { teamId: teamIdOf("workshop") });
    expect(recipients).toBe(expected.length);
    const sent = db().select().from(pulseSends).where(eq(pulseSends.roundId, roundId)).all();
    expect(sent.map((s) => s.personId).sort()).toEqual(expected);
    expect(sent.every((s) => s.occasion === "manual" && s.occasionKey === `round:${roundId}` && s.teamId === teamIdOf("workshop"))).toBe(true);
    expect(db().select().from(pulseRounds).where(eq(pulseRounds.id, roundId)).get()).toMatchObject({ teamId: teamIdOf("workshop"), jobRoleId: null, recipients, createdById: hr().id });
    const entry = db().select().from(auditLog).where(and(eq(auditLog.action, "pulse.sent"), eq(auditLog.entityId, String(roundId)))).get()!;
    expect(JSON.parse(entry.detail)).toEqual({ title: "Workshop", teamId: teamIdOf("workshop"), jobRoleId: null, recipients });
    const notified = db()
      .select({ personId: notifications.personId })
      .from(notifications)
      .where(and(eq(notifications.kind, "pulse.sent"), inArray(notifications.link, sent.map((s) => `/pulse/${s.id}`))))
      .all();
    expect(notified.map((n) => n.personId).sort()).toEqual(expected);
    expect(listPulseRounds(hr()).rows[0]).toMatchObject({ id: roundId, teamName: "Workshop", roleTitle: null, recipients });
  });

  it("a person who already has an unanswered pulse gets no second one: a second round to the same team reaches nobody", () => {
    expect(previewPulseRound(hr(), { teamId: teamIdOf("workshop") }).recipients).toBe(0);
    const before = db().select({ id: pulseRounds.id }).from(pulseRounds).all().length;
    const e = thrown(() => sendPulseRound(hr(), { teamId: teamIdOf("workshop") }));
    expect((e as FieldError).fieldErrors).toEqual({ _form: "pulse.nobodyToSend" });
    expect(db().select({ id: pulseRounds.id }).from(pulseRounds).all().length).toBe(before);
  });

  it("team and role together reach the people of the team who hold the role", () => {
    const waiting = openIds();
    const expected = activeIn("parts-care", "customer-care-agent").filter((id) => !waiting.has(id));
    expect(expected.length).toBeGreaterThan(0);
    const { roundId } = sendPulseRound(hr(), { teamId: teamIdOf("parts-care"), jobRoleId: roleIdOf("customer-care-agent") });
    expect(
      db()
        .select({ p: pulseSends.personId })
        .from(pulseSends)
        .where(eq(pulseSends.roundId, roundId))
        .all()
        .map((s) => s.p)
        .sort(),
    ).toEqual(expected);
    const entry = db().select().from(auditLog).where(and(eq(auditLog.action, "pulse.sent"), like(auditLog.entityId, String(roundId)))).get()!;
    expect(JSON.parse(entry.detail).title).toBe("Parts & Care · Customer Care Agent");
  });

  it("refuses a team or role that does not exist", () => {
    expect((thrown(() => sendPulseRound(hr(), { teamId: 99_999 })) as FieldError).fieldErrors).toEqual({ teamId: "invalidChoice" });
    expect((thrown(() => sendPulseRound(hr(), { jobRoleId: 99_999 })) as FieldError).fieldErrors).toEqual({ jobRoleId: "invalidChoice" });
  });
});

describe("the send page's teams", () => {
  const hr = () => actorFor("hr@example.com");

  it("lists the demo's few teams, and none once there are more than PULSE_TEAM_LIST_MAX: the name is typed", () => {
    const listed = pulseSendOptions(hr()).teams;
    expect(listed?.map((t) => t.name)).toContain("Reception");
    const now = new Date().toISOString();
    const extra = Array.from({ length: PULSE_TEAM_LIST_MAX }, (_, i) => ({ slug: `bulk-team-${i}`, name: `Bulk Team ${String(i).padStart(2, "0")}`, createdAt: now, updatedAt: now }));
    db().insert(teams).values(extra).run();
    expect(pulseSendOptions(hr()).teams).toBeNull();
    // A part of a name finds at most PULSE_TEAM_MATCHES, by name; an exact name comes first.
    const bulk = findPulseTeams(hr(), "bulk team");
    expect(bulk).toHaveLength(PULSE_TEAM_MATCHES);
    expect(bulk.map((t) => t.name)).toEqual([...bulk.map((t) => t.name)].sort());
    expect(findPulseTeams(hr(), "Bulk Team 07")[0].name).toBe("Bulk Team 07");
    expect(findPulseTeams(hr(), "recep").map((t) => t.name)).toEqual(["Reception"]);
    // Wildcards are taken literally; nothing typed finds nothing.
    expect(findPulseTeams(hr(), "%")).toEqual([]);
    expect(findPulseTeams(hr(), "  ")).toEqual([]);
    expect(pulseTeamName(hr(), teamIdOf("reception"))).toBe("Reception");
    expect(pulseTeamName(hr(), 99_999)).toBeNull();
  });
});

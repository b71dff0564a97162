import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, notifications, people, ratingFollowups, ratings } from "@/db/schema";
import { todayIso } from "@/lib/core/dates";
import { ActionError, ConflictError, FieldError, NotFoundError } from "@/lib/core/errors";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { followupsWaitingCount, getFollowup, hasFollowupsSection, handOverFollowup, listFollowups, recordCustomerContact, recordWhatHappened, searchHandoverTargets, solveFollowup } from "./followups";
import { listRatingsOf, ratingsSummary } from "./my-ratings";
import { TEAM_GROUPS_PAGE_SIZE, pageOfRows, periodOf, teamComments, teamRatings } from "./team-ratings";
import { recordRating } from "./record";

const HR = "hr@example.com";
const MGR = "manager@example.com";
const SUP = "supervisor@example.com";
const EMP = "employee@example.com";
const PEER = "thomas.bakker@example.com";

beforeAll(async () => {
  await useSeededTestDb();
}, 120_000);

const idOf = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const openFollowupId = () => getDb().select({ id: ratingFollowups.id }).from(ratingFollowups).where(eq(ratingFollowups.status, "open")).get()!.id;

describe("demo seed", () => {
  it("has weeks of ratings for the service advisors and customer care agents, one open and one solved follow-up for the supervisor", () => {
    const n = (email: string) => getDb().select({ id: ratings.id }).from(ratings).where(eq(ratings.personId, idOf(email))).all().length;
    for (const e of [EMP, PEER, "sanne.mulder@example.com", "ruta.jankauskiene@example.com"]) expect(n(e)).toBeGreaterThan(40);
    expect(n("newhire@example.com")).toBe(0);
    const f = getDb().select({ status: ratingFollowups.status, ownerId: ratingFollowups.ownerId }).from(ratingFollowups).all();
    expect(f.map((x) => x.status).sort()).toEqual(["open", "solved"]);
    expect(f.every((x) => x.ownerId === idOf(SUP))).toBe(true);
  });
});

describe("My feedback", () => {
  it("gives the average, count and a weekly series overall and per standard", () => {
    const s = ratingsSummary(actorFor(EMP), idOf(EMP), 90);
    expect(s.overall.n).toBeGreaterThan(40);
    expect(s.overall.average).toBeGreaterThan(3.5);
    expect(s.overall.average).toBeLessThanOrEqual(5);
    expect(s.weeks).toHaveLength(13);
    expect(s.overall.series).toHaveLength(13);
    expect(s.standards.length).toBeGreaterThan(0);
    for (const st of s.standards) expect(st.n).toBeGreaterThan(0);
    expect(ratingsSummary(actorFor(EMP), idOf(EMP), 60).weeks).toHaveLength(9);
  });

  it("lists my ratings newest first with tags and never the contact details", () => {
    const page = listRatingsOf(actorFor(EMP), idOf(EMP));
    expect(page.rows.length).toBe(20);
    expect(page.total).toBeGreaterThan(20);
    const times = page.rows.map((r) => r.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    // The seeded low rating with an e-mail address is there, without its contact fields.
    const low = page.rows.find((r) => r.stars === 2 && r.comment.includes("€140"));
    expect(low).toBeDefined();
    expect(Object.keys(low!).sort()).toEqual(["comment", "createdAt", "createdOn", "id", "source", "stars", "tags"]);
    expect(JSON.stringify(page)).not.toContain("jeroen.smit");
  });

  it("a colleague cannot read someone else's ratings; the supervisor can read her report's", () => {
    expect(() => listRatingsOf(actorFor(PEER), idOf(EMP))).toThrow(NotFoundError);
    expect(() => ratingsSummary(actorFor(PEER), idOf(EMP))).toThrow(NotFoundError);
    expect(listRatingsOf(actorFor(SUP), idOf(EMP)).total).toBeGreaterThan(0);
  });
});

describe("team aggregates", () => {
  it("the supervisor sees Elif (her report with ratings) and nobody else's ratings", () => {
    const r = teamRatings(actorFor(SUP), {});
    expect(r.people.rows.map((p) => p.label)).toEqual([getDb().select({ name: people.name }).from(people).where(eq(people.id, idOf(EMP))).get()!.name]);
    expect(r.total.n).toBeGreaterThanOrEqual(5);
  });

  it("the manager sees people sorted by name, not ranked", () => {
    const r = teamRatings(actorFor(MGR), {});
    const names = r.people.rows.map((p) => p.label);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(r.people.rows.length).toBeGreaterThanOrEqual(6);
    expect(r.people.total).toBe(r.people.rows.length);
  });

  it("pages the per-person and per-team tables, 25 rows a page, after deciding what is hidden over all of them", () => {
    const rows = Array.from({ length: TEAM_GROUPS_PAGE_SIZE * 2 + 3 }, (_, i) => ({ key: String(i), label: `P${String(i).padStart(2, "0")}`, n: 5, average: 4, withheld: null }));
    const first = pageOfRows(rows, undefined);
    expect(first).toMatchObject({ page: 1, pageCount: 3, total: rows.length, pageSize: TEAM_GROUPS_PAGE_SIZE });
    expect(first.rows.map((r) => r.key)).toEqual(rows.slice(0, TEAM_GROUPS_PAGE_SIZE).map((r) => r.key));
    expect(pageOfRows(rows, 3).rows.map((r) => r.key)).toEqual(["50", "51", "52"]);
    // A page past the end is the last page; nonsense is the first.
    expect(pageOfRows(rows, 99).page).toBe(3);
    expect(pageOfRows(rows, Number.NaN).page).toBe(1);
    expect(pageOfRows([], 2)).toMatchObject({ rows: [], total: 0, page: 1, pageCount: 1 });
    const hr = teamRatings(actorFor(MGR), { peoplePage: 1, teamsPage: 1 });
    expect(hr.people.rows.length).toBeLessThanOrEqual(TEAM_GROUPS_PAGE_SIZE);
    expect(hr.teams.rows.length).toBe(hr.teams.total);
  });

  it("a one-day period with fewer than 5 ratings shows no numbers at all", () => {
    const day = getDb().select({ d: ratings.createdOn }).from(ratings).where(eq(ratings.personId, idOf(EMP))).get()!.d;
    const r = teamRatings(actorFor(SUP), { from: day, to: day });
    expect(r.total.n).toBeNull();
    expect(r.total.withheld).toBe("few");
    expect(r.people.rows).toEqual([]);
    expect(r.people.total).toBe(0);
    expect(r.standards).toEqual([]);
  });

  it("refuses a period that ends before it starts or is longer than a year", () => {
    expect(() => periodOf({ from: "2026-03-10", to: "2026-03-01" })).toThrow(FieldError);
    expect(() => periodOf({ from: "2024-01-01", to: "2026-03-01" })).toThrow(FieldError);
    expect(() => periodOf({ from: "2026-02-30", to: "2026-03-01" })).toThrow(FieldError);
    expect(periodOf({}, new Date("2026-03-31T10:00:00Z"))).toEqual({ from: "2026-03-02", to: "2026-03-31" });
  });

  it("comments come with tags and the person's name, never stars or contact details", () => {
    const c = teamComments(actorFor(MGR), {});
    expect(c.rows.length).toBeGreaterThan(0);
    expect(Object.keys(c.rows[0]!).sort()).toEqual(["comment", "createdOn", "id", "personName", "tags"]);
    expect(JSON.stringify(teamComments(actorFor(SUP), {}).rows)).not.toContain("jeroen");
  });
});

describe("follow-ups", () => {
  it("the supervisor's list has the open one first; the waiting count is hers, not the employee's", () => {
    const list = listFollowups(actorFor(SUP));
    expect(list.rows.map((r) => r.status)).toEqual(["open", "solved"]);
    expect(followupsWaitingCount(actorFor(SUP))).toBe(1);
    expect(followupsWaitingCount(actorFor(EMP))).toBe(0);
    expect(listFollowups(actorFor(EMP)).rows).toEqual([]);
    expect(listFollowups(actorFor(HR)).total).toBe(2);
  });

  it("the Follow-ups section is for leaders, HR and whoever has one, not for every employee", () => {
    expect(hasFollowupsSection(actorFor(SUP))).toBe(true);
    expect(hasFollowupsSection(actorFor(HR))).toBe(true);
    expect(hasFollowupsSection(actorFor(EMP))).toBe(false);
    expect(hasFollowupsSection(actorFor(PEER))).toBe(false);
  });

  it("flags an unsolved follow-up past its due day as overdue", () => {
    const id = openFollowupId();
    const due = getDb().select({ d: ratingFollowups.dueOn }).from(ratingFollowups).where(eq(ratingFollowups.id, id)).get()!.d;
    const later = new Date(`${due}T12:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 2);
    expect(listFollowups(actorFor(SUP), {}, later).rows[0]!.overdue).toBe(true);
    expect(getFollowup(actorFor(SUP), id, later).overdue).toBe(true);
    expect(getFollowup(actorFor(SUP), id, new Date(`${due}T12:00:00Z`)).overdue).toBe(false);
  });

  it("shows the contact details to the owner, and the rated employee cannot open it", () => {
    const f = getFollowup(actorFor(SUP), openFollowupId());
    expect(f.rating.contact.email).toBe("jeroen.smit@example.net");
    expect(f.me).toEqual({ mayRead: true, mayHandOver: true, mayResolve: true });
    expect(() => getFollowup(actorFor(EMP), openFollowupId())).toThrow(NotFoundError);
  });

  it("walks through the steps: record, hand over (notified, then they see it), contact, solve; audited; stale revision is a conflict", () => {
    const id = openFollowupId();
    const sup = actorFor(SUP);
    const { revision: r2 } = recordWhatHappened(sup, id, { text: "  The estimate was not updated after extra work.  ", revision: 1 });
    expect(() => recordWhatHappened(sup, id, { text: "Again", revision: 1 })).toThrow(ConflictError);
    expect(() => recordWhatHappened(sup, id, { text: "   ", revision: r2 })).toThrow(FieldError);
    // Not to the rated employee, nor to oneself.
    expect(searchHandoverTargets(sup, id, "Elif")).toEqual([]);
    expect(() => handOverFollowup(sup, id, { personId: idOf(EMP), revision: r2 })).toThrow(FieldError);
    expect(() => handOverFollowup(sup, id, { personId: sup.id, revision: r2 })).toThrow(FieldError);
    expect(searchHandoverTargets(sup, id, "Marco").map((p) => p.id)).toEqual([idOf(MGR)]);
    const { revision: r3 } = handOverFollowup(sup, id, { personId: idOf(MGR), note: "Please call him, you approved the price.", revision: r2 });
    const notes = getDb().select({ personId: notifications.personId, kind: notifications.kind }).from(notifications).where(eq(notifications.link, `/feedback/follow-ups/${id}`)).all();
    expect(notes).toContainEqual({ personId: idOf(MGR), kind: "followup.handed" });
    const mgr = actorFor(MGR);
    expect(getFollowup(mgr, id).me).toEqual({ mayRead: true, mayHandOver: false, mayResolve: true });
    expect(followupsWaitingCount(mgr)).toBe(1);
    const { revision: r4 } = recordCustomerContact(mgr, id, { note: "Called on Tuesday, refunded the difference.", revision: r3 });
    solveFollowup(mgr, id, { revision: r4 });
    const row = getDb().select().from(ratingFollowups).where(eq(ratingFollowups.id, id)).get()!;
    expect(row.status).toBe("solved");
    expect(row.solvedById).toBe(idOf(MGR));
    expect(followupsWaitingCount(sup)).toBe(0);
    expect(() => solveFollowup(mgr, id, { revision: r4 + 1 })).toThrow(ActionError);
    const actions = getDb().select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, "rating_followup"), eq(auditLog.entityId, String(id)))).all().map((a) => a.action).filter((a) => a.startsWith("followup."));
    expect(actions).toEqual(["followup.noted", "followup.handed", "followup.contacted", "followup.solved"]);
  });

  it("recordRating opens a follow-up only for 1–2 stars with contact details", () => {
    const emp = getDb().select().from(people).where(eq(people.email, EMP)).get()!;
    const person = { id: emp.id, name: emp.name, jobRoleId: emp.jobRoleId, teamId: emp.teamId, reportsToId: emp.reportsToId };
    const base = { person, source: "walkup" as const, linkId: null, comment: "", tags: [], locale: "en" };
    const db = getDb();
    const three = db.transaction((tx) => recordRating(tx, { ...base, stars: 3, contact: { name: "A", phone: "+31 6 0000 0000", email: null } }));
    const lowNoContact = db.transaction((tx) => recordRating(tx, { ...base, stars: 1, contact: null }));
    const low = db.transaction((tx) => recordRating(tx, { ...base, stars: 1, contact: { name: "B", phone: null, email: "b@example.net" } }));
    expect(three.followupId).toBeNull();
    expect(lowNoContact.followupId).toBeNull();
    expect(low.followupId).not.toBeNull();
    expect(todayIso() <= getDb().select({ d: ratingFollowups.dueOn }).from(ratingFollowups).where(eq(ratingFollowups.id, low.followupId!)).get()!.d).toBe(true);
  });
});

import { and, count, eq, gt, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { todayIso } from "@/lib/core/dates";
import { getDb } from "@/db/client";
import { auditLog, concernAddressees, concernAuthors, concernMessages, concerns, jobRoles, notifications, people, teams } from "@/db/schema";
import { ANONYMITY_WARN_BELOW } from "@/lib/confidence/vocabulary";
import { FieldError, ForbiddenError } from "@/lib/core/errors";
import { TEXT_MAX } from "@/lib/core/limits";
import { TEAM_SEARCH_LIMIT, audienceOptions, raiseConcern, searchConcernTeams } from "@/lib/concerns/raise";
import { hashReceiptCode } from "@/lib/concerns/receipt";
import { anonymityWarnings } from "@/lib/concerns/warning";
import { notifyPendingConcerns } from "@/lib/concerns/deferred";
import { currentDocs } from "@/lib/roles/documents";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
});

const personId = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const roleIdOf = (slug: string) => getDb().select({ id: jobRoles.id }).from(jobRoles).where(eq(jobRoles.slug, slug)).get()!.id;
const roleDoc = (slug: string) => currentDocs(eq(jobRoles.slug, slug))[0]!.doc;
const concernCount = () => getDb().select({ n: count() }).from(concerns).get()!.n;
const tableCounts = () => {
  const db = getDb();
  return [concerns, concernAuthors, concernAddressees, concernMessages, notifications, auditLog].map((t) => db.select({ n: count() }).from(t).get()!.n);
};
const lastNotificationId = () => Math.max(0, ...getDb().select({ id: notifications.id }).from(notifications).all().map((n) => n.id));
const lastAuditId = () => Math.max(0, ...getDb().select({ id: auditLog.id }).from(auditLog).all().map((n) => n.id));

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}

/** The organisation's day, to which every date a concern keeps is rounded. */
const today = () => todayIso();

describe("what the form offers", () => {
  it("employee@: her manager (reports-to), a team's manager (searched), every role's owner (hers first), every HR admin", () => {
    const elif = actorFor("employee@example.com");
    const { options, teamChoice, role } = audienceOptions(elif);
    const byAudience = (a: string) => options.filter((o) => o.audience === a);
    expect(byAudience("manager").map((o) => o.readers.map((r) => r.name))).toEqual([["Sven de Vries"]]);
    // Teams are never listed with the form: it offers the choice and searches as she types.
    expect(byAudience("team")).toEqual([]);
    expect(teamChoice).toBe(true);
    expect(searchConcernTeams(elif, "r").map((o) => [o.audience, o.team?.name, o.readers.map((r) => r.name)])).toEqual([
      ["team", "Parts & Care", ["Marco Janssen"]],
      ["team", "Reception", ["Marco Janssen"]],
      ["team", "Workshop", ["Marco Janssen"]],
    ]);
    expect(byAudience("role_owner").map((o) => [o.role?.name, o.readers.map((r) => r.name)])).toEqual([
      ["Service Advisor", ["Marco Janssen"]],
      ["Customer Care Agent", ["Marco Janssen"]],
      ["HR Partner", ["Helena Rossi"]],
      ["Parts Clerk", ["Marco Janssen"]],
      ["Service Manager", ["Marco Janssen"]],
      ["Technician", ["Marco Janssen"]],
      ["Workshop Foreman", ["Marco Janssen"]],
    ]);
    const hrIds = getDb().select({ id: people.id }).from(people).where(and(eq(people.appRole, "hr_admin"), eq(people.active, true))).all().map((p) => p.id);
    expect(byAudience("hr")[0]!.readers.map((r) => r.id).sort()).toEqual(hrIds.sort());
    expect(role?.title).toBe("Service Advisor");
    expect(role!.responsibilities.map((r) => r.key)).toEqual(roleDoc("service-advisor").responsibilities.map((r) => r.key));
  });

  it("each option says the size of its audience's team and warns below the threshold", () => {
    const elif = actorFor("employee@example.com");
    const { options } = audienceOptions(elif);
    const [reception] = searchConcernTeams(elif, "Reception");
    const receptionSize = getDb()
      .select({ n: count() })
      .from(people)
      .where(and(eq(people.teamId, reception.team!.id), eq(people.active, true)))
      .get()!.n;
    expect(reception.teamSize).toBe(receptionSize);
    const sven = options.find((o) => o.audience === "manager")!;
    const svenReports = getDb().select({ n: count() }).from(people).where(and(eq(people.reportsToId, personId("supervisor@example.com")), eq(people.active, true))).get()!.n;
    expect(sven.teamSize).toBe(svenReports);
    for (const o of [...options, reception!]) expect(o.smallTeam).toBe(o.teamSize < ANONYMITY_WARN_BELOW);
  });

  it("says how many hold the author's role, so a link from a small role warns even when sent to HR", () => {
    const emre = actorFor("emre.sahin@example.com");
    const { options, role } = audienceOptions(emre);
    const holders = getDb().select({ n: count() }).from(people).where(and(eq(people.jobRoleId, emre.jobRoleId!), eq(people.active, true))).get()!.n;
    expect(holders).toBeLessThan(ANONYMITY_WARN_BELOW);
    expect(role?.holders).toBe(holders);
    const hr = options.find((o) => o.audience === "hr")!;
    expect(hr.smallTeam).toBe(false);
    expect(anonymityWarnings({ anonymous: true, chosen: hr, role: role!, linked: true })).toEqual([{ kind: "role", count: holders, role: role!.title }]);
    expect(anonymityWarnings({ anonymous: true, chosen: hr, role: role!, linked: false })).toEqual([]);
  });

  it("never offers the author themself: manager@ manages every team and owns every role but HR Partner", () => {
    const marco = actorFor("manager@example.com");
    const { options, teamChoice } = audienceOptions(marco);
    expect(options.map((o) => [o.audience, o.role?.name ?? null, o.readers.map((r) => r.name).includes("Marco Janssen")])).toEqual([
      ["role_owner", "HR Partner", false],
      ["hr", null, false],
    ]);
    expect(teamChoice).toBe(false);
    expect(searchConcernTeams(marco, "e")).toEqual([]);
    const helena = actorFor("hr@example.com");
    expect(audienceOptions(helena).options.find((o) => o.audience === "hr")?.readers.map((r) => r.id) ?? []).not.toContain(helena.id);
  });

  it("searches teams as the author types: at most 20, by name, wildcards literal, nothing for an empty text", () => {
    const elif = actorFor("employee@example.com");
    const marco = personId("manager@example.com");
    const db = getDb();
    const made = db
      .insert(teams)
      .values(Array.from({ length: TEAM_SEARCH_LIMIT + 5 }, (_, i) => ({ name: `Zeta Branch ${String(i).padStart(2, "0")}`, slug: `zeta-branch-${i}`, managerId: marco })))
      .returning({ id: teams.id })
      .all();
    try {
      const found = searchConcernTeams(elif, "zeta branch");
      expect(found).toHaveLength(TEAM_SEARCH_LIMIT);
      expect(found.map((o) => o.team!.name)).toEqual([...found.map((o) => o.team!.name)].sort());
      expect(searchConcernTeams(elif, "Branch 24").map((o) => o.team!.name)).toEqual(["Zeta Branch 24"]);
      expect(searchConcernTeams(elif, "   ")).toEqual([]);
      expect(searchConcernTeams(elif, "%")).toEqual([]);
      expect(searchConcernTeams(elif, "Branch 0_")).toEqual([]);
    } finally {
      db.delete(teams).where(inArray(teams.id, made.map((t) => t.id))).run();
    }
  });

  it("asks for concerns.raise", () => {
    const elif = { ...actorFor("employee@example.com"), appRole: "nobody" as never };
    expect(thrown(() => audienceOptions(elif))).toBeInstanceOf(ForbiddenError);
    expect(thrown(() => searchConcernTeams(elif, "Reception"))).toBeInstanceOf(ForbiddenError);
    expect(thrown(() => raiseConcern(elif, { body: "x", anonymous: false, audience: "manager" }))).toBeInstanceOf(ForbiddenError);
  });
});

describe("raising a named concern", () => {
  it("writes the concern, its author, its addressee, the first message, an audit entry and a notification", () => {
    const elif = actorFor("employee@example.com");
    const sven = personId("supervisor@example.com");
    const [n0, a0] = [lastNotificationId(), lastAuditId()];
    const { id, code } = raiseConcern(elif, { body: "  The goodwill limit is unclear to me.  ", anonymous: false, audience: "manager" });
    expect(code).toBeNull();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const db = getDb();
    const row = db.select().from(concerns).where(eq(concerns.id, id)).get()!;
    expect(row).toMatchObject({ anonymous: false, audience: "manager", body: "The goodwill limit is unclear to me.", status: "open", receiptHash: null, createdOn: today(), waitingSince: today(), jobRoleId: elif.jobRoleId });
    expect(db.select().from(concernAuthors).where(eq(concernAuthors.concernId, id)).all()).toEqual([{ concernId: id, personId: elif.id }]);
    expect(db.select({ p: concernAddressees.personId }).from(concernAddressees).where(eq(concernAddressees.concernId, id)).all()).toEqual([{ p: sven }]);
    const msgs = db.select().from(concernMessages).where(eq(concernMessages.concernId, id)).all();
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({ seq: 1, kind: "message", fromAuthor: true, personId: elif.id, body: "The goodwill limit is unclear to me." });
    expect(msgs[0]!.createdAt).toMatch(/T/);
    const audits = db.select().from(auditLog).where(gt(auditLog.id, a0)).all();
    expect(audits.map((a) => [a.action, a.actorId, a.entityType, a.entityId])).toEqual([["concern.raised", elif.id, "concern", id]]);
    const notes = db.select().from(notifications).where(gt(notifications.id, n0)).all();
    expect(notes.map((n) => [n.personId, n.kind, n.link])).toEqual([[sven, "concern.new", `/concerns/${id}`]]);
  });

  it("to a team: that team's manager; to HR: every active HR admin", () => {
    const elif = actorFor("employee@example.com");
    const workshop = searchConcernTeams(elif, "Workshop")[0]!.team!.id;
    const t = raiseConcern(elif, { body: "Team question", anonymous: false, audience: "team", teamId: workshop });
    const addressees = (id: string) => getDb().select({ p: concernAddressees.personId }).from(concernAddressees).where(eq(concernAddressees.concernId, id)).all().map((a) => a.p).sort();
    expect(addressees(t.id)).toEqual([personId("manager@example.com")]);
    expect(getDb().select({ teamId: concerns.audienceTeamId }).from(concerns).where(eq(concerns.id, t.id)).get()!.teamId).toBe(workshop);
    const h = raiseConcern(elif, { body: "HR question", anonymous: false, audience: "hr" });
    const hrIds = getDb().select({ id: people.id }).from(people).where(and(eq(people.appRole, "hr_admin"), eq(people.active, true))).all().map((p) => p.id);
    expect(addressees(h.id)).toEqual(hrIds.sort());
    const o = raiseConcern(elif, { body: "Owner question", anonymous: false, audience: "role_owner" });
    expect(addressees(o.id)).toEqual([personId("manager@example.com")]);
  });

  it("to another role's owner: that role's owner reads it and the concern is about that role", () => {
    const elif = actorFor("employee@example.com");
    const hrPartner = roleIdOf("hr-partner");
    const roleOf = (id: string) => getDb().select({ r: concerns.jobRoleId }).from(concerns).where(eq(concerns.id, id)).get()!.r;
    const addressees = (id: string) => getDb().select({ p: concernAddressees.personId }).from(concernAddressees).where(eq(concernAddressees.concernId, id)).all().map((a) => a.p);
    const named = raiseConcern(elif, { body: "Who books the forklift course?", anonymous: false, audience: "role_owner", roleId: hrPartner });
    expect(addressees(named.id)).toEqual([personId("hr@example.com")]);
    expect(roleOf(named.id)).toBe(hrPartner);
    // Anonymous: the addressed role, not the author's, unless a link names hers.
    const anon = raiseConcern(elif, { body: "x", anonymous: true, audience: "role_owner", roleId: hrPartner });
    expect(roleOf(anon.id)).toBe(hrPartner);
    const resp = roleDoc("service-advisor").responsibilities[0]!;
    const linked = raiseConcern(elif, { body: "x", anonymous: true, audience: "role_owner", roleId: hrPartner, responsibilityKey: resp.key });
    expect([roleOf(linked.id), addressees(linked.id)]).toEqual([elif.jobRoleId, [personId("hr@example.com")]]);
    notifyPendingConcerns(); // the daily job's part, so later tests start with nothing waiting
  });


  it("links one responsibility or task of the actor's own role by its stable key", () => {
    const elif = actorFor("employee@example.com");
    const doc = roleDoc("service-advisor");
    const resp = doc.responsibilities.find((r) => r.tasks.length > 0)!;
    const task = resp.tasks[0]!;
    const a = raiseConcern(elif, { body: "About a task", anonymous: false, audience: "manager", taskKey: task.key });
    expect(getDb().select().from(concerns).where(eq(concerns.id, a.id)).get()).toMatchObject({ responsibilityKey: resp.key, taskKey: task.key });
    const b = raiseConcern(elif, { body: "About a responsibility", anonymous: false, audience: "manager", responsibilityKey: resp.key });
    expect(getDb().select().from(concerns).where(eq(concerns.id, b.id)).get()).toMatchObject({ responsibilityKey: resp.key, taskKey: null });
  });
});

describe("bad input is refused and writes nothing", () => {
  const elif = () => actorFor("employee@example.com");
  const refuses = (fn: () => unknown, field: string, key: string) => {
    const before = tableCounts();
    const e = thrown(fn);
    expect(e).toBeInstanceOf(FieldError);
    expect((e as FieldError).fieldErrors).toEqual({ [field]: key });
    expect(tableCounts()).toEqual(before);
  };

  it("refuses a role nobody else owns (its owner is the author) or that does not exist", () => {
    const marco = actorFor("manager@example.com");
    refuses(() => raiseConcern(marco, { body: "x", anonymous: false, audience: "role_owner", roleId: roleIdOf("technician") }), "audience", "concernRaise.noAddressee");
    refuses(() => raiseConcern(marco, { body: "x", anonymous: false, audience: "role_owner", roleId: 99_999 }), "audience", "concernRaise.noAddressee");
  });

  it("an empty concern (or only spaces)", () => {
    refuses(() => raiseConcern(elif(), { body: "", anonymous: false, audience: "manager" }), "body", "required");
    refuses(() => raiseConcern(elif(), { body: " \n\t ", anonymous: true, audience: "manager" }), "body", "required");
  });

  it("over 20,000 characters (exactly 20,000 is accepted)", () => {
    refuses(() => raiseConcern(elif(), { body: "x".repeat(TEXT_MAX + 1), anonymous: true, audience: "manager" }), "body", "tooLong");
    const before = concernCount();
    raiseConcern(elif(), { body: "x".repeat(TEXT_MAX), anonymous: false, audience: "manager" });
    expect(concernCount()).toBe(before + 1);
  });

  it("a responsibility or task that is not in my role's current version", () => {
    const other = roleDoc("technician").responsibilities.find((r) => r.tasks.length > 0)!;
    refuses(() => raiseConcern(elif(), { body: "x", anonymous: false, audience: "manager", responsibilityKey: other.key }), "link", "concernRaise.linkNotMine");
    refuses(() => raiseConcern(elif(), { body: "x", anonymous: true, audience: "manager", taskKey: other.tasks[0]!.key }), "link", "concernRaise.linkNotMine");
    refuses(() => raiseConcern(elif(), { body: "x", anonymous: false, audience: "manager", taskKey: "no-such-key" }), "link", "concernRaise.linkNotMine");
    // A responsibility key given as a task (or the other way round) is not accepted either.
    const mine = roleDoc("service-advisor").responsibilities[0]!;
    refuses(() => raiseConcern(elif(), { body: "x", anonymous: false, audience: "manager", taskKey: mine.key }), "link", "concernRaise.linkNotMine");
  });

  it("an audience with nobody to read it, or a team not chosen", () => {
    const marco = actorFor("manager@example.com");
    refuses(() => raiseConcern(marco, { body: "x", anonymous: true, audience: "manager" }), "audience", "concernRaise.noAddressee");
    refuses(() => raiseConcern(marco, { body: "x", anonymous: false, audience: "role_owner" }), "audience", "concernRaise.noAddressee");
    const reception = searchConcernTeams(elif(), "Reception")[0]!.team!.id;
    // Marco manages Reception himself: he cannot address its manager.
    refuses(() => raiseConcern(marco, { body: "x", anonymous: false, audience: "team", teamId: reception }), "audience", "concernRaise.noAddressee");
    refuses(() => raiseConcern(elif(), { body: "x", anonymous: false, audience: "team", teamId: null }), "teamId", "required");
    refuses(() => raiseConcern(elif(), { body: "x", anonymous: false, audience: "team", teamId: 999_999 }), "audience", "concernRaise.noAddressee");
  });
});

describe("raising an anonymous concern", () => {
  it("returns a receipt code once and keeps only its hash; no author, no audit; the addressee's day-stamped notification, without the author, comes from the daily job", () => {
    const elif = actorFor("employee@example.com");
    const [n0, a0] = [lastNotificationId(), lastAuditId()];
    const { id, code } = raiseConcern(elif, { body: "Unpaid overtime during recalls.", anonymous: true, audience: "manager" });
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
    const db = getDb();
    const row = db.select().from(concerns).where(eq(concerns.id, id)).get()!;
    expect(row).toMatchObject({ anonymous: true, receiptHash: hashReceiptCode(code!), createdOn: today(), waitingSince: today(), jobRoleId: null });
    expect(JSON.stringify(row)).not.toContain(code!.replace(/-/g, ""));
    expect(db.select().from(concernAuthors).where(eq(concernAuthors.concernId, id)).all()).toEqual([]);
    expect(db.select().from(concernMessages).where(eq(concernMessages.concernId, id)).all()).toMatchObject([{ seq: 1, fromAuthor: true, personId: null, createdAt: today() }]);
    expect(db.select().from(auditLog).where(gt(auditLog.id, a0)).all()).toEqual([]);
    // Nothing is notified in the request: the concern waits for the daily job.
    expect(db.select().from(notifications).where(gt(notifications.id, n0)).all()).toEqual([]);
    expect(row.notifyPending).toBe("concern.new");
    expect(notifyPendingConcerns()).toBeGreaterThanOrEqual(1);
    const notes = db.select().from(notifications).where(gt(notifications.id, n0)).all();
    expect(notes.map((n) => [n.personId, n.kind, n.params, n.link, n.createdAt])).toEqual([[personId("supervisor@example.com"), "concern.new", "{}", `/concerns/${id}`, today()]]);
    expect(db.select().from(concerns).where(eq(concerns.id, id)).get()!.notifyPending).toBeNull();
    expect(notifyPendingConcerns()).toBe(0);
  });

  it("names the role only when it concerns it (a link, or addressed to the role's owner)", () => {
    const elif = actorFor("employee@example.com");
    const resp = roleDoc("service-advisor").responsibilities[0]!;
    const a = raiseConcern(elif, { body: "x", anonymous: true, audience: "hr", responsibilityKey: resp.key });
    const b = raiseConcern(elif, { body: "x", anonymous: true, audience: "role_owner" });
    const c = raiseConcern(elif, { body: "x", anonymous: true, audience: "hr" });
    const role = (id: string) => getDb().select({ r: concerns.jobRoleId }).from(concerns).where(eq(concerns.id, id)).get()!.r;
    expect([role(a.id), role(b.id), role(c.id)]).toEqual([elif.jobRoleId, elif.jobRoleId, null]);
  });
});

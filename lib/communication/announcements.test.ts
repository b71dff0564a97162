import { and, eq, inArray, or } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { acknowledgements, announcements, auditLog, jobRoles, people, roleVersions, taskPersonOwners, taskTransfers, teams } from "@/db/schema";
import { ANNOUNCEMENT_PEOPLE_SEARCH_LIMIT, announcementFormOptions, announcementRoleTasks, createAnnouncement, searchAnnouncementPeople, searchAnnouncementTeams, type AnnouncementInput } from "@/lib/communication/announcements";
import { resolveAudience, type Audience } from "@/lib/communication/audience";
import { FieldError, ForbiddenError } from "@/lib/core/errors";
import { taskIndex, type RoleDoc } from "@/lib/roles/doc";
import { getDraft, publishDraft, saveDraft } from "@/lib/roles/drafts";
import { getVersion } from "@/lib/roles/history";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { applyDueTransfers } from "@/lib/communication/transfers";
import { todayIso } from "@/lib/core/dates";
import { ownedTaskKeysOf, searchTasks } from "@/lib/roles/whose-task";

beforeAll(async () => {
  await useSeededTestDb();
});

const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY);

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}
const fieldErrors = (fn: () => unknown) => {
  const err = thrown(fn);
  expect(err).toBeInstanceOf(FieldError);
  return (err as FieldError).fieldErrors;
};

const db = () => getDb();
const role = (slug: string) => db().select().from(jobRoles).where(eq(jobRoles.slug, slug)).get()!;
const team = (slug: string) => db().select().from(teams).where(eq(teams.slug, slug)).get()!;
const personId = (email: string) => db().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const emailsOf = (ids: number[]) =>
  ids.length
    ? db()
        .select({ email: people.email })
        .from(people)
        .where(inArray(people.id, ids))
        .all()
        .map((p) => p.email)
        .sort()
    : [];
const currentDoc = (slug: string): RoleDoc => getVersion(actorFor("hr@example.com"), slug, role(slug).currentVersion).doc;
const taskKey = (slug: string, title: string) => {
  for (const [key, v] of taskIndex(currentDoc(slug))) if (v.task.title === title) return key;
  throw new Error(`${slug} has no task "${title}"`);
};
const taskTitles = (slug: string) => [...taskIndex(currentDoc(slug)).values()].map((v) => v.task.title);
const respOf = (slug: string, title: string) => taskIndex(currentDoc(slug)).get(taskKey(slug, title))!.responsibilityTitle;
const audience = (a: Partial<Audience>): Audience => ({ everyone: false, roleIds: [], teamIds: [], personIds: [], ...a });
const countAnnouncements = () => db().select().from(announcements).all().length;

const RECEPTION = [
  "andreea.ionescu@example.com",
  "employee@example.com",
  "james.whitfield@example.com",
  "manager@example.com",
  "newhire@example.com",
  "thomas.bakker@example.com",
];
const TECHNICIANS = [
  "burak.demir@example.com",
  "janis.ozolins@example.com",
  "lotte.deboer@example.com",
  "lukas.petrauskas@example.com",
  "mehmet.kaya@example.com",
  "oliver.hughes@example.com",
  "pieter.vandijk@example.com",
  "raluca.dumitru@example.com",
  "tomas.kazlauskas@example.com",
];
const PARTS_CLERKS = ["emre.sahin@example.com", "ilze.kalnina@example.com", "mark.dawson@example.com"];

describe("the form's person search", () => {
  it("finds active people by part of a name or email, at most 20, by name, with their job role; nothing for an empty text", () => {
    const hr = actorFor("hr@example.com");
    const many = searchAnnouncementPeople(hr, "example.com");
    expect(many).toHaveLength(ANNOUNCEMENT_PEOPLE_SEARCH_LIMIT);
    expect(many.map((p) => p.name)).toEqual([...many.map((p) => p.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const elif = searchAnnouncementPeople(hr, "yilmaz");
    expect(elif.map((p) => p.email)).toEqual(["employee@example.com"]);
    expect(elif[0]!.jobRoleId).toBe(actorFor("employee@example.com").jobRoleId);
    expect(searchAnnouncementPeople(hr, "  ")).toEqual([]);
    expect(searchAnnouncementPeople(hr, "%")).toEqual([]);
  });
});

describe("the form's teams and roles", () => {
  it("lists a few teams, searches them by part of the name (wildcards literal), and names roles without their tasks", () => {
    const hr = actorFor("hr@example.com");
    const options = announcementFormOptions(hr);
    expect(options.teamSearch).toBe(false);
    expect(options.teams.map((t) => t.name)).toContain("Workshop");
    expect(options.roles.every((r) => Object.keys(r).sort().join() === "id,title")).toBe(true);
    expect(searchAnnouncementTeams(hr, "SHOP").map((t) => t.name)).toEqual(["Workshop"]);
    expect(searchAnnouncementTeams(hr, "%")).toEqual([]);
    expect(searchAnnouncementTeams(hr, " ")).toEqual([]);
  });

  it("loads one role's responsibilities and tasks, each task with its responsibility's title", () => {
    const detail = announcementRoleTasks(actorFor("hr@example.com"), role("technician").id);
    expect(detail.title).toBe("Technician");
    expect(detail.responsibilities.length).toBeGreaterThan(1);
    expect(detail.tasks.length).toBeGreaterThanOrEqual(detail.responsibilities.length);
    expect(detail.tasks.every((t) => detail.responsibilities.some((r) => r.title === t.responsibility))).toBe(true);
  });
});

describe("audience resolution", () => {
  it("a team, a role and named people resolve to exactly those active people", () => {
    const hr = actorFor("hr@example.com");
    expect(emailsOf(resolveAudience(db(), hr, audience({ teamIds: [team("reception").id] })))).toEqual(RECEPTION);
    expect(emailsOf(resolveAudience(db(), hr, audience({ roleIds: [role("technician").id] })))).toEqual(TECHNICIANS);
    const named = [personId("mark.dawson@example.com"), personId("daan.visser@example.com")];
    expect(emailsOf(resolveAudience(db(), hr, audience({ personIds: named })))).toEqual(["daan.visser@example.com", "mark.dawson@example.com"]);
  });

  it("parts combine without duplicates", () => {
    const hr = actorFor("hr@example.com");
    const ids = resolveAudience(db(), hr, audience({ roleIds: [role("parts-clerk").id], personIds: [personId("mark.dawson@example.com"), personId("hr@example.com")] }));
    expect(ids).toHaveLength(new Set(ids).size);
    expect(emailsOf(ids)).toEqual(["emre.sahin@example.com", "hr@example.com", "ilze.kalnina@example.com", "mark.dawson@example.com"]);
  });

  it("everyone, for HR, is every active person", () => {
    const ids = resolveAudience(db(), actorFor("hr@example.com"), audience({ everyone: true }));
    expect(ids).toHaveLength(25);
    expect(ids.length).toBe(db().select().from(people).where(eq(people.active, true)).all().length);
  });

  it("a manager's audience is narrowed to the people they may address", () => {
    const mgr = actorFor("manager@example.com");
    const named = ["hr@example.com", "daan.visser@example.com", "employee@example.com"].map(personId);
    expect(emailsOf(resolveAudience(db(), mgr, audience({ personIds: named })))).toEqual(["employee@example.com"]);
    expect(resolveAudience(db(), mgr, audience({ roleIds: [role("hr-partner").id] }))).toEqual([]);
    expect(emailsOf(resolveAudience(db(), mgr, audience({ teamIds: [team("reception").id] })))).toEqual(RECEPTION);
    const sa = resolveAudience(db(), mgr, audience({ roleIds: [role("service-advisor").id, role("hr-partner").id] }));
    expect(emailsOf(sa)).toEqual(RECEPTION.filter((e) => e !== "manager@example.com"));
  });

  it("inactive people are left out", () => {
    const hr = actorFor("hr@example.com");
    const james = personId("james.whitfield@example.com");
    db().update(people).set({ active: false }).where(eq(people.id, james)).run();
    try {
      expect(emailsOf(resolveAudience(db(), hr, audience({ teamIds: [team("reception").id] })))).toEqual(
        RECEPTION.filter((e) => e !== "james.whitfield@example.com"),
      );
      expect(resolveAudience(db(), hr, audience({ personIds: [james] }))).toEqual([]);
      expect(resolveAudience(db(), hr, audience({ everyone: true }))).toHaveLength(24);
    } finally {
      db().update(people).set({ active: true }).where(eq(people.id, james)).run();
    }
  });
});

const base = (over: Partial<AnnouncementInput> = {}): AnnouncementInput => ({
  title: "Test announcement",
  body: "Body",
  effectiveDate: todayIso(),
  audience: audience({ teamIds: [team("reception").id] }),
  transfers: [],
  ...over,
});

describe("createAnnouncement validation", () => {
  it("refuses an empty audience", () => {
    const before = countAnnouncements();
    expect(fieldErrors(() => createAnnouncement(actorFor("manager@example.com"), base({ audience: audience({}) })))).toEqual({
      audience: "audienceRequired",
    });
    expect(countAnnouncements()).toBe(before);
  });

  it("refuses a transfer dated in the past", () => {
    const input = base({
      effectiveDate: todayIso(inDays(-1)),
      transfers: [
        { type: "role", taskKey: taskKey("technician", "Label removed warranty parts"), fromRoleId: role("technician").id, toRoleId: role("parts-clerk").id, toResponsibilityKey: null },
      ],
    });
    expect(fieldErrors(() => createAnnouncement(actorFor("manager@example.com"), input))).toEqual({ effectiveDate: "effectiveDatePast" });
    // without transfers, a past date is only informative
    expect(() => createAnnouncement(actorFor("manager@example.com"), base({ title: "Past note", effectiveDate: todayIso(inDays(-1)) }))).not.toThrow();
    expect(db().select().from(taskTransfers).all()).toHaveLength(1); // the seed's only
  });

  it("refuses to move a task the source role does not own, a role out of scope, or to the same role", () => {
    const mgr = actorFor("manager@example.com");
    const warranty = taskKey("parts-clerk", "Warranty claim paperwork");
    const sa = role("service-advisor").id;
    const pc = role("parts-clerk").id;
    const before = countAnnouncements();
    expect(
      fieldErrors(() =>
        createAnnouncement(
          mgr,
          base({
            transfers: [
              { type: "role", taskKey: warranty, fromRoleId: sa, toRoleId: pc, toResponsibilityKey: null },
              { type: "role", taskKey: taskKey("hr-partner", "Issue the contract"), fromRoleId: role("hr-partner").id, toRoleId: sa, toResponsibilityKey: null },
              { type: "role", taskKey: warranty, fromRoleId: pc, toRoleId: pc, toResponsibilityKey: null },
              { type: "role", taskKey: warranty, fromRoleId: pc, toRoleId: sa, toResponsibilityKey: "no-such-responsibility" },
            ],
          }),
        ),
      ),
    ).toEqual({ "transfers.0": "taskNotOwned", "transfers.1": "roleOutOfScope", "transfers.2": "sameSource", "transfers.3": "invalidChoice" });
    expect(countAnnouncements()).toBe(before);
  });

  it("supervisors and employees may not announce, and a manager may not address everyone", () => {
    const before = countAnnouncements();
    expect(() => createAnnouncement(actorFor("supervisor@example.com"), base())).toThrow(ForbiddenError);
    expect(() => createAnnouncement(actorFor("employee@example.com"), base())).toThrow(ForbiddenError);
    const mgr = actorFor("manager@example.com");
    const err = thrown(() => createAnnouncement(mgr, base({ audience: audience({ everyone: true }) })));
    expect(err).toBeInstanceOf(ForbiddenError);
    expect((err as ForbiddenError).permission).toBe("announcements.createForAll");
    expect(countAnnouncements()).toBe(before);
    const denied = db().select().from(auditLog).where(and(eq(auditLog.action, "access.denied"), eq(auditLog.actorId, mgr.id))).all();
    expect(denied.map((d) => JSON.parse(d.detail).permission)).toContain("announcements.createForAll");
  });
});

describe("role-to-role transfers", () => {
  const LABEL = "Label removed warranty parts";
  let labelKey = "";

  it("a transfer dated today is applied at once: both roles get a new material version", () => {
    const mgr = actorFor("manager@example.com");
    labelKey = taskKey("technician", LABEL);
    const tech = role("technician");
    const pc = role("parts-clerk");
    expect([tech.currentVersion, pc.currentVersion]).toEqual([1, 2]);
    const returns = currentDoc("parts-clerk").responsibilities.find((r) => r.title === "Returns, cores and warranty parts")!;
    const title = "Warranty part labels move to the parts desk";
    const { id, recipients } = createAnnouncement(
      mgr,
      base({
        title,
        audience: audience({ roleIds: [tech.id, pc.id] }),
        transfers: [{ type: "role", taskKey: labelKey, fromRoleId: tech.id, toRoleId: pc.id, toResponsibilityKey: returns.key }],
      }),
    );
    expect(recipients).toBe(TECHNICIANS.length + PARTS_CLERKS.length);

    expect(role("technician").currentVersion).toBe(2);
    expect(role("parts-clerk").currentVersion).toBe(3);
    const made = db()
      .select()
      .from(roleVersions)
      .where(eq(roleVersions.announcementId, id))
      .all()
      .map((v) => [v.jobRoleId, v.number, v.kind, v.summary, v.authorId]);
    expect(made.sort()).toEqual(
      [
        [tech.id, 2, "material", title, mgr.id],
        [pc.id, 3, "material", title, mgr.id],
      ].sort(),
    );
    expect(taskTitles("technician")).not.toContain(LABEL);
    expect(taskKey("parts-clerk", LABEL)).toBe(labelKey);
    expect(respOf("parts-clerk", LABEL)).toBe("Returns, cores and warranty parts");
    expect(db().select().from(taskTransfers).where(eq(taskTransfers.announcementId, id)).get()!.appliedAt).not.toBeNull();

    // one item per person: the holders of both roles answer the announcement, which names the
    // move; the versions the move made ask them nothing more
    const v = (roleId: number, number: number) =>
      db().select({ id: roleVersions.id }).from(roleVersions).where(and(eq(roleVersions.jobRoleId, roleId), eq(roleVersions.number, number))).get()!.id;
    const asked = (versionId: number) =>
      emailsOf(db().select({ id: acknowledgements.personId }).from(acknowledgements).where(eq(acknowledgements.roleVersionId, versionId)).all().map((a) => a.id));
    expect(asked(v(tech.id, 2))).toEqual([]);
    expect(asked(v(pc.id, 3))).toEqual([]);
    const itemsAbout = db()
      .select({ personId: acknowledgements.personId })
      .from(acknowledgements)
      .where(or(eq(acknowledgements.announcementId, id), inArray(acknowledgements.roleVersionId, [v(tech.id, 2), v(pc.id, 3)])))
      .all()
      .map((a) => a.personId);
    expect(emailsOf(itemsAbout)).toEqual([...TECHNICIANS, ...PARTS_CLERKS].sort());
    expect(new Set(itemsAbout).size).toBe(itemsAbout.length);
  });

  it("search then shows the destination role for that task", () => {
    const results = searchTasks(actorFor("employee@example.com"), "label removed warranty parts");
    const first = results.find((r) => r.kind === "task")!;
    expect(first).toMatchObject({ title: LABEL, key: labelKey, responsibility: "Returns, cores and warranty parts" });
    expect(first.role.slug).toBe("parts-clerk");
    expect(first.holders.map((h) => h.name)).toEqual(["Emre Şahin", "Ilze Kalniņa", "Mark Dawson"]);
    expect(results.some((r) => r.kind === "task" && r.role.slug === "technician" && r.title === LABEL)).toBe(false);
  });

  it("a transfer dated in the future waits for its date", () => {
    const mgr = actorFor("manager@example.com");
    const TOOLS = "Sign special tools in and out";
    const key = taskKey("technician", TOOLS);
    const tech = role("technician");
    const foreman = role("workshop-foreman");
    const date = todayIso(inDays(3));
    const { id } = createAnnouncement(
      mgr,
      base({
        title: "Special tools move to the foreman",
        effectiveDate: date,
        audience: audience({ teamIds: [team("workshop").id] }),
        transfers: [{ type: "role", taskKey: key, fromRoleId: tech.id, toRoleId: foreman.id, toResponsibilityKey: null }],
      }),
    );
    const transfer = () => db().select().from(taskTransfers).where(eq(taskTransfers.announcementId, id)).get()!;
    expect(transfer()).toMatchObject({ effectiveDate: date, appliedAt: null, taskTitle: TOOLS });
    expect(role("technician").currentVersion).toBe(2);
    expect(taskTitles("technician")).toContain(TOOLS);

    // the day before, nothing is due (searching applies due transfers too)
    expect(applyDueTransfers(inDays(2))).toBe(0);
    expect(searchTasks(mgr, "sign special tools").find((r) => r.kind === "task")!.role.slug).toBe("technician");
    expect(transfer().appliedAt).toBeNull();

    // on the date it is applied, once
    const dueDate = new Date(`${date}T06:00:00.000Z`);
    expect(applyDueTransfers(dueDate)).toBe(1);
    expect(applyDueTransfers(dueDate)).toBe(0);
    expect(transfer().appliedAt).toBe(dueDate.toISOString());
    expect(role("technician").currentVersion).toBe(3);
    expect(role("workshop-foreman").currentVersion).toBe(2);
    expect(taskTitles("technician")).not.toContain(TOOLS);
    // no responsibility chosen: it joins the destination's last one
    const foremanDoc = currentDoc("workshop-foreman");
    expect(foremanDoc.responsibilities.at(-1)!.tasks.at(-1)).toMatchObject({ key, title: TOOLS });
    expect(searchTasks(mgr, "sign special tools").find((r) => r.kind === "task")!.role.slug).toBe("workshop-foreman");
  });
});

describe("person-to-person transfers", () => {
  const OFFER = "Offer the replaced parts";

  it("the source person must own the task, and both people must be in scope", () => {
    const mgr = actorFor("manager@example.com");
    const elif = personId("employee@example.com");
    const mark = personId("mark.dawson@example.com");
    const before = countAnnouncements();
    expect(
      fieldErrors(() =>
        createAnnouncement(
          mgr,
          base({
            transfers: [
              { type: "person", taskKey: taskKey("parts-clerk", "Weekly cycle count"), fromPersonId: elif, toPersonId: mark },
              { type: "person", taskKey: taskKey("service-advisor", OFFER), fromPersonId: elif, toPersonId: personId("hr@example.com") },
              { type: "person", taskKey: taskKey("service-advisor", OFFER), fromPersonId: elif, toPersonId: elif },
            ],
          }),
        ),
      ),
    ).toEqual({ "transfers.0": "taskNotOwned", "transfers.1": "personOutOfScope", "transfers.2": "sameSource" });
    expect(countAnnouncements()).toBe(before);
  });

  it("after applying, the task belongs to the receiving person and not the giving one", () => {
    const mgr = actorFor("manager@example.com");
    const elif = personId("employee@example.com");
    const mark = personId("mark.dawson@example.com");
    const nora = personId("newhire@example.com");
    const key = taskKey("service-advisor", OFFER);
    expect(ownedTaskKeysOf(elif).get(key)).toBe(OFFER);
    expect(ownedTaskKeysOf(mark).has(key)).toBe(false);
    const saVersion = role("service-advisor").currentVersion;

    createAnnouncement(
      mgr,
      base({
        title: "Mark offers the replaced parts",
        audience: audience({ personIds: [elif, mark] }),
        transfers: [{ type: "person", taskKey: key, fromPersonId: elif, toPersonId: mark }],
      }),
    );

    expect(ownedTaskKeysOf(mark).get(key)).toBe(OFFER);
    expect(ownedTaskKeysOf(mark).has(taskKey("parts-clerk", "Weekly cycle count"))).toBe(true);
    expect(ownedTaskKeysOf(elif).has(key)).toBe(false);
    expect(ownedTaskKeysOf(elif).has(taskKey("service-advisor", "Explain the invoice line by line"))).toBe(true);
    expect(ownedTaskKeysOf(nora).get(key)).toBe(OFFER);
    // the role itself is unchanged
    expect(role("service-advisor").currentVersion).toBe(saVersion);
    const rows = db()
      .select({ personId: taskPersonOwners.personId, kind: taskPersonOwners.kind })
      .from(taskPersonOwners)
      .where(eq(taskPersonOwners.taskKey, key))
      .all();
    expect(rows.sort((a, b) => a.personId - b.personId)).toEqual(
      [
        { personId: elif, kind: "released" },
        { personId: mark, kind: "assigned" },
      ].sort((a, b) => a.personId - b.personId),
    );

    // search lists the new holder and not the old one
    const hit = searchTasks(mgr, OFFER).find((r) => r.kind === "task" && r.key === key)!;
    expect(hit.holders.map((h) => [h.name, h.via])).toEqual([
      ["Andreea Ionescu", "role"],
      ["James Whitfield", "role"],
      ["Nora Bērziņa", "role"],
      ["Thomas Bakker", "role"],
      ["Mark Dawson", "assigned"],
    ]);
  });

  it("passing the task on again moves the assignment, without leaving it with the middle person", () => {
    const mgr = actorFor("manager@example.com");
    const mark = personId("mark.dawson@example.com");
    const ilze = personId("ilze.kalnina@example.com");
    const key = taskKey("service-advisor", OFFER);
    createAnnouncement(
      mgr,
      base({ title: "Ilze takes over", audience: audience({ personIds: [ilze] }), transfers: [{ type: "person", taskKey: key, fromPersonId: mark, toPersonId: ilze }] }),
    );
    expect(ownedTaskKeysOf(ilze).get(key)).toBe(OFFER);
    expect(ownedTaskKeysOf(mark).has(key)).toBe(false);
    expect(ownedTaskKeysOf(personId("employee@example.com")).has(key)).toBe(false);
  });
});

describe("HR announcements", () => {
  it("HR may address everyone; the author is not among the recipients", () => {
    const hr = actorFor("hr@example.com");
    const { id, recipients } = createAnnouncement(hr, base({ title: "Company outing", audience: audience({ everyone: true }) }));
    expect(recipients).toBe(24);
    const acks = db().select().from(acknowledgements).where(eq(acknowledgements.announcementId, id)).all();
    expect(acks).toHaveLength(24);
    expect(acks.some((a) => a.personId === hr.id)).toBe(false);
    expect(acks.every((a) => a.state === "pending" && a.ownerId === hr.id)).toBe(true);
  });
});

describe("transfer to a role without responsibilities", () => {
  // Regression (lib/transfers.ts, giveTask/applyOne; lib/announcements.ts, createAnnouncement): a role may
  // be published with no responsibilities (roleDocSchema allows an empty list). A transfer to such a
  // role passes validation, then applyOne takes the task out of the source role while giveTask
  // returns the destination document unchanged: both roles get a new material version and the task
  // is owned by nobody. The transfer should be refused (or the task placed in the destination).
  it("never loses the task", () => {
    const mgr = actorFor("manager@example.com");
    const draft = getDraft(mgr, "customer-care-agent");
    saveDraft(mgr, "customer-care-agent", 0, { ...draft.doc, responsibilities: [] });
    publishDraft(mgr, "customer-care-agent", 1, { summary: "Being redesigned", kind: "material" });
    expect(currentDoc("customer-care-agent").responsibilities).toEqual([]);

    const TITLE = "Book the next visit before the customer leaves";
    const key = taskKey("service-advisor", TITLE);
    try {
      createAnnouncement(
        mgr,
        base({
          title: "Follow-up bookings move to customer care",
          transfers: [{ type: "role", taskKey: key, fromRoleId: role("service-advisor").id, toRoleId: role("customer-care-agent").id, toResponsibilityKey: null }],
        }),
      );
    } catch (e) {
      // refusing the transfer is a correct outcome
      expect(e).toBeInstanceOf(FieldError);
    }
    const owners = [...taskTitles("service-advisor"), ...taskTitles("customer-care-agent")];
    expect(owners).toContain(TITLE);
  });
});

describe("one item per person for a moved task", () => {
  it("people who answer the announcement get no second item; holders outside its audience get the version item", () => {
    const mgr = actorFor("manager@example.com");
    const tech = role("technician");
    const pc = role("parts-clerk");
    const TITLE = taskTitles("technician")[0];
    const { id } = createAnnouncement(
      mgr,
      base({
        title: "One more task for the parts desk",
        audience: audience({ roleIds: [pc.id] }),
        transfers: [{ type: "role", taskKey: taskKey("technician", TITLE), fromRoleId: tech.id, toRoleId: pc.id, toResponsibilityKey: null }],
      }),
    );
    const versionOf = (roleId: number) =>
      db().select({ id: roleVersions.id }).from(roleVersions).where(and(eq(roleVersions.jobRoleId, roleId), eq(roleVersions.announcementId, id))).get()!.id;
    const people = (where: ReturnType<typeof eq>) => emailsOf(db().select({ id: acknowledgements.personId }).from(acknowledgements).where(where).all().map((a) => a.id));
    // the parts clerks were addressed: their one item is the announcement
    expect(people(eq(acknowledgements.announcementId, id))).toEqual(PARTS_CLERKS);
    expect(people(eq(acknowledgements.roleVersionId, versionOf(pc.id)))).toEqual([]);
    // the technicians were not: they are asked about their new version
    expect(people(eq(acknowledgements.roleVersionId, versionOf(tech.id)))).toEqual(TECHNICIANS);
  });
});

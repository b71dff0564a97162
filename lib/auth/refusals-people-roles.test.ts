import { eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect } from "vitest";
import { getDb } from "@/db/client";
import { people } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed";
import { auditFilterOptions, auditPersonName, searchAuditPeople } from "@/lib/audit/browse";
import { checkCredentials } from "@/lib/auth/signin";
import { assertPeopleDirectory, getPerson, listPeople, type PersonSummary } from "@/lib/people/directory";
import { createPerson, personFormOptions, searchTeams, setOwnLocale, setPersonActive, updatePerson } from "@/lib/people/records";
import { getMyRole, getRoleBySlug, listRoles, type RoleDetail } from "@/lib/roles/catalog";
import { editableRoleDocs } from "@/lib/roles/documents";
import { discardDraft, draftChanges, getDraft, publishDraft, saveDraft } from "@/lib/roles/drafts";
import { compareVersions, getVersion, listVersions } from "@/lib/roles/history";
import { getPublicPosting, postingStatus } from "@/lib/roles/postings";
import { ownershipReports, searchTasks } from "@/lib/roles/whose-task";
import { useSeededTestDb } from "@/lib/test/db";
import {
  actorOf,
  buildFixtures,
  EMP,
  forbidden,
  HR,
  idOf,
  MGR,
  NORA,
  notFound,
  refusals,
  STRANGER,
  SUP,
  type Fixtures,
  type RefusalCase,
  SEED_TIMEOUT,
} from "@/lib/test/refusals";

/** Refusals in audit, people, roles and sign-in (harness: lib/test/refusals.ts). */

let fx: Fixtures;
beforeAll(async () => {
  await useSeededTestDb();
  fx = await buildFixtures();
  // A deactivated account for the sign-in case.
  const aylin = getPerson(actorOf(HR), idOf("aylin.celik@example.com"));
  setPersonActive(actorOf(HR), aylin.id, aylin.revision, false);
}, SEED_TIMEOUT);

const SA = "service-advisor";
const EVERYONE_BUT_HR = [MGR, SUP, EMP, NORA];
const all = (email: string): PersonSummary[] => listPeople(actorOf(email), { status: "all" }).rows;
const emails = (rows: { email: string }[]) => rows.map((r) => r.email);
const personInput = (email: string) => {
  const p = getPerson(actorOf(HR), idOf(email));
  return { id: p.id, revision: p.revision, input: { name: p.name, email: p.email, phone: p.phone, appRole: p.appRole, jobRoleId: p.jobRoleId, teamId: p.teamId, reportsToId: p.reportsToId, startDate: p.startDate, locale: p.locale } };
};
const newPerson = { name: "Refused Person", email: "refused.person@example.com", phone: null, appRole: "employee" as const, jobRoleId: null, teamId: null, reportsToId: null, startDate: "2030-01-01", locale: null, password: "a-long-enough-password" };
const docOf = (slug: string) => getVersion(actorOf(HR), slug, 1).doc;
const person = () => ({ type: "person", id: idOf(NORA) });
const saRole = () => ({ type: "job_role", id: SA });
const holderNames = (r: RoleDetail) => r.holders.map((h) => h.id);
const outsideManager = ["hr@example.com", "daan.visser@example.com", "aylin.celik@example.com", "xander.outside@example.com"];

const cases: RefusalCase[] = [
  // ---------- audit ----------
  ...forbidden("auditFilterOptions", EVERYONE_BUT_HR, (a) => auditFilterOptions(a), "audit.read", () => ({ type: "audit_log" })),
  ...forbidden("searchAuditPeople", EVERYONE_BUT_HR, (a) => searchAuditPeople(a, "a"), "audit.read", () => ({ type: "audit_log" })),
  ...forbidden("auditPersonName", EVERYONE_BUT_HR, (a) => auditPersonName(a, idOf(NORA)), "audit.read", () => ({ type: "audit_log" })),

  // ---------- people: directory ----------
  ...forbidden("assertPeopleDirectory", [EMP, NORA, STRANGER], (a) => assertPeopleDirectory(a), "people.read", () => ({ type: "person" })),
  ...forbidden("listPeople", [EMP, NORA], (a) => listPeople(a), "people.read", () => ({ type: "person" })),
  {
    name: "listPeople: the supervisor sees himself and his reports only",
    as: SUP,
    call: () => emails(all(SUP)),
    expect: (e: string[]) => {
      expect(e).toEqual(expect.arrayContaining([SUP, EMP, NORA, "mehmet.kaya@example.com", "xander.outside@example.com"]));
      for (const out of [HR, MGR, "thomas.bakker@example.com", "daan.visser@example.com", "mark.dawson@example.com"]) expect(e).not.toContain(out);
    },
  },
  {
    name: "listPeople: the manager sees his teams and reports, not HR's people or the supervisor's teamless report",
    as: MGR,
    call: () => emails(all(MGR)),
    expect: (e: string[]) => {
      expect(e).toEqual(expect.arrayContaining([MGR, SUP, EMP, "mark.dawson@example.com"]));
      for (const out of outsideManager) expect(e).not.toContain(out);
    },
  },
  ...forbidden("getPerson (someone else)", [EMP], (a) => getPerson(a, idOf(NORA)), "people.read", person),
  ...forbidden("getPerson (someone else)", [NORA], (a) => getPerson(a, idOf(EMP)), "people.read", () => ({ type: "person", id: idOf(EMP) })),
  ...forbidden("getPerson (themself)", [STRANGER], (a) => getPerson(a, a.id), "self.read", () => ({ type: "person", id: idOf("daan.visser@example.com") })),
  notFound("getPerson: the supervisor may not open HR's record", SUP, (a) => getPerson(a, idOf(HR)), () => ({ type: "person", id: idOf(HR) }), "peopleScope"),
  notFound("getPerson: the supervisor may not open a service advisor reporting to the manager", SUP, (a) => getPerson(a, idOf("thomas.bakker@example.com")), () => ({ type: "person", id: idOf("thomas.bakker@example.com") }), "peopleScope"),
  notFound("getPerson: the manager may not open Daan (HR's report)", MGR, (a) => getPerson(a, idOf("daan.visser@example.com")), () => ({ type: "person", id: idOf("daan.visser@example.com") }), "peopleScope"),
  notFound("getPerson: the manager may not open the supervisor's teamless report", MGR, (a) => getPerson(a, fx.outsider), () => ({ type: "person", id: fx.outsider }), "peopleScope"),
  { name: "positive: Elif opens her own record", as: EMP, call: (a) => getPerson(a, a.id).email, expect: (e: string) => expect(e).toBe(EMP) },
  { name: "positive: the supervisor opens his report", as: SUP, call: (a) => getPerson(a, idOf(EMP)).email, expect: (e: string) => expect(e).toBe(EMP) },

  // ---------- people: records ----------
  ...forbidden("personFormOptions", EVERYONE_BUT_HR, (a) => personFormOptions(a), "people.update", () => ({ type: "person" })),
  ...forbidden("searchTeams", EVERYONE_BUT_HR, (a) => searchTeams(a, "a"), "people.update", () => ({ type: "person" })),
  ...forbidden("createPerson", [MGR, SUP, EMP], (a) => createPerson(a, newPerson), "people.create", () => ({ type: "person" })),
  ...forbidden("updatePerson", [MGR, SUP, EMP], (a) => { const p = personInput(NORA); return updatePerson(a, p.id, p.revision, p.input); }, "people.update", person),
  ...forbidden("setPersonActive", EVERYONE_BUT_HR, (a) => { const p = personInput(EMP); return setPersonActive(a, p.id, p.revision, false); }, "people.deactivate", () => ({ type: "person", id: idOf(EMP) })),
  ...forbidden("setOwnLocale", [STRANGER], (a) => setOwnLocale(a, "nl"), "self.updateLocale", () => ({ type: "person", id: idOf("daan.visser@example.com") })),

  // ---------- roles: catalog and documents ----------
  ...forbidden("listRoles", [STRANGER], (a) => listRoles(a), "roles.read", () => ({ type: "job_role" })),
  ...forbidden("getRoleBySlug", [STRANGER], (a) => getRoleBySlug(a, SA), "roles.read", saRole),
  ...forbidden("getMyRole", [STRANGER], (a) => getMyRole(a), "self.read", () => ({ type: "person", id: idOf("daan.visser@example.com") })),
  { name: "getRoleBySlug: Elif sees herself among the holders, nobody else", as: EMP, call: (a) => holderNames(getRoleBySlug(a, SA)), expect: (ids: number[]) => expect(ids).toEqual([idOf(EMP)]) },
  {
    name: "getRoleBySlug: the supervisor sees only his reports among the holders",
    as: SUP,
    call: (a) => getRoleBySlug(a, SA),
    expect: (r: RoleDetail) => {
      expect(holderNames(r).sort()).toEqual([idOf(EMP), idOf(NORA)].sort());
      expect(r.holderCount).toBeGreaterThan(2);
    },
  },
  { name: "getRoleBySlug: the manager sees none of HR's holders", as: MGR, call: (a) => getRoleBySlug(a, "hr-partner"), expect: (r: RoleDetail) => expect([r.holders, r.holderCount > 0]).toEqual([[], true]) },
  { name: "editableRoleDocs: the supervisor may edit no role", as: SUP, call: (a) => editableRoleDocs(a), expect: (r: unknown[]) => expect(r).toEqual([]) },
  { name: "editableRoleDocs: Elif may edit no role", as: EMP, call: (a) => editableRoleDocs(a), expect: (r: unknown[]) => expect(r).toEqual([]) },
  { name: "editableRoleDocs: the manager may edit every role but HR's", as: MGR, call: (a) => editableRoleDocs(a).map((d) => d.role.slug), expect: (s: string[]) => expect(s.sort()).toEqual(["customer-care-agent", "parts-clerk", "service-advisor", "service-manager", "technician", "workshop-foreman"]) },

  // ---------- roles: drafts ----------
  ...forbidden("getDraft", [SUP, EMP, NORA], (a) => getDraft(a, SA), "roles.edit", saRole),
  ...forbidden("saveDraft", [SUP, EMP, NORA], (a) => saveDraft(a, SA, 0, docOf(SA)), "roles.edit", saRole),
  ...forbidden("discardDraft", [SUP, EMP, NORA], (a) => discardDraft(a, SA, 1), "roles.edit", saRole),
  ...forbidden("publishDraft", [SUP, EMP, NORA], (a) => publishDraft(a, SA, 1, { summary: "x", kind: "editorial" }), "roles.edit", saRole),
  ...forbidden("draftChanges", [SUP, EMP, NORA], (a) => draftChanges(a, SA), "roles.edit", saRole),
  ...(
    [
      ["getDraft", (a) => getDraft(a, "hr-partner")],
      ["saveDraft", (a) => saveDraft(a, "hr-partner", 0, docOf("hr-partner"))],
      ["discardDraft", (a) => discardDraft(a, "hr-partner", 1)],
      ["publishDraft", (a) => publishDraft(a, "hr-partner", 1, { summary: "x", kind: "editorial" })],
      ["draftChanges", (a) => draftChanges(a, "hr-partner")],
    ] as [string, RefusalCase["call"]][]
  ).map(([fn, call]) => notFound(`${fn}: the manager may not touch HR's role`, MGR, call, () => ({ type: "job_role", id: "hr-partner" }), "mayEditRole")),

  // ---------- roles: history, postings, search ----------
  ...forbidden("listVersions", [STRANGER], (a) => listVersions(a, SA), "roles.read", saRole),
  ...forbidden("getVersion", [STRANGER], (a) => getVersion(a, SA, 1), "roles.read", saRole),
  ...forbidden("compareVersions", [STRANGER], (a) => compareVersions(a, SA, 1, 2), "roles.read", saRole),
  ...forbidden("postingStatus", EVERYONE_BUT_HR, (a) => postingStatus(a, SA), "postings.manage", () => ({ type: "job_posting", id: SA })),
  { name: "getPublicPosting: a role without a published posting has no public advert", as: EMP, call: () => getPublicPosting("technician"), expect: (p: unknown) => expect(p).toBeNull() },
  ...forbidden("searchTasks", [STRANGER], (a) => searchTasks(a, "warranty"), "tasks.search"),
  ...forbidden("ownershipReports", [SUP, EMP, NORA], (a) => ownershipReports(a), "tasks.ownershipReports"),

  // ---------- sign-in ----------
  {
    name: "checkCredentials: a wrong password is refused and only counted",
    as: HR,
    call: () => checkCredentials(HR, "not-the-password", "192.0.2.10"),
    expect: (r: unknown) => expect(r).toEqual({ ok: false, reason: "invalid" }),
    changes: ["login_failures", "sqlite_sequence"],
  },
  {
    name: "checkCredentials: a deactivated account is refused even with the right password",
    as: HR,
    call: () => checkCredentials("aylin.celik@example.com", DEMO_PASSWORD, "192.0.2.11"),
    expect: (r: unknown) => expect(r).toEqual({ ok: false, reason: "invalid" }),
    changes: ["login_failures", "sqlite_sequence"],
  },

  // Allowed writes last.
  {
    name: "positive: setOwnLocale changes Elif's own record and nobody else's",
    as: EMP,
    call: (a) => {
      const others = () => getDb().select().from(people).where(ne(people.id, a.id)).all();
      const before = others();
      setOwnLocale(a, "nl");
      return { before, after: others(), mine: getDb().select({ locale: people.locale }).from(people).where(eq(people.id, a.id)).get()!.locale };
    },
    expect: (r: { before: unknown[]; after: unknown[]; mine: string }) => {
      expect(r.after).toEqual(r.before);
      expect(r.mine).toBe("nl");
    },
    changes: ["people"],
  },
];

describe("refusals: audit, people, roles, sign-in", () => {
  refusals(cases);
});

import { and, eq } from "drizzle-orm";
import { beforeAll, expect } from "vitest";
import { getDb } from "@/db/client";
import { accessGrants, people, teams } from "@/db/schema";
import { accessChecklist, accessTeam, accessTeams, openAccess, searchAccessTeams, setAccess } from "@/lib/capability/access";
import { useSeededTestDb } from "@/lib/test/db";
import { EMP, forbidden, HR, idOf, MGR, NORA, notFound, refusals, SEED_TIMEOUT, STRANGER, SUP, type RefusalCase } from "@/lib/test/refusals";

/** Tools and access (issue 11): the checklist, the open list and ticking (the harness is lib/test/refusals.ts). */

let office = 0;
beforeAll(async () => {
  await useSeededTestDb();
  // Daan (reports to HR) in a team of HR's: a team whose access only HR manages.
  office = getDb().insert(teams).values({ slug: "people-office", name: "People office", managerId: idOf(HR) }).returning({ id: teams.id }).get().id;
  getDb().update(people).set({ teamId: office }).where(eq(people.email, DAAN)).run();
}, SEED_TIMEOUT);

const DAAN = "daan.visser@example.com";
const PERSON = (email: string) => () => ({ type: "person", id: idOf(email) });
const ACCESS = () => ({ type: "access" });
const noraTool = () => getDb().select().from(accessGrants).where(eq(accessGrants.personId, idOf(NORA))).all()[0];
const daanTool = () => getDb().select().from(accessGrants).where(eq(accessGrants.personId, idOf(DAAN))).all()[0];
const grantNora = (a: Parameters<typeof setAccess>[0]) => setAccess(a, idOf(NORA), { toolKey: noraTool().toolKey, action: "grant", revision: noraTool().revision });

const cases: RefusalCase[] = [
  // Only HR and managers manage access.
  ...forbidden("accessChecklist", [SUP, EMP, NORA, STRANGER], (a) => accessChecklist(a, idOf(NORA)), "access.manage", PERSON(NORA)),
  ...forbidden("setAccess", [SUP, EMP, STRANGER], grantNora, "access.manage", PERSON(NORA)),
  ...forbidden("openAccess", [SUP, EMP, STRANGER], (a) => openAccess(a), "access.manage", ACCESS),
  ...forbidden("accessTeams", [SUP, STRANGER], (a) => accessTeams(a), "access.manage", ACCESS),
  ...forbidden("searchAccessTeams", [SUP, EMP, STRANGER], (a) => searchAccessTeams(a, "o"), "access.manage", ACCESS),
  ...forbidden("accessTeam", [SUP, EMP], (a) => accessTeam(a, 1), "access.manage", ACCESS),
  // The team filter offers the manager only teams of the people whose access he manages.
  {
    name: "accessTeams / searchAccessTeams / accessTeam: the manager never sees HR's people office",
    as: MGR,
    call: (a) => ({ listed: accessTeams(a).map((t) => t.id), found: searchAccessTeams(a, "office"), named: accessTeam(a, office) }),
    expect: (r: { listed: number[]; found: unknown[]; named: unknown }) => {
      expect(r.listed.length).toBeGreaterThan(0);
      expect(r.listed).not.toContain(office);
      expect(r.found).toEqual([]);
      expect(r.named).toBeNull();
    },
  },
  {
    name: "positive: HR's team filter has the people office",
    as: HR,
    call: (a) => ({ listed: accessTeams(a).map((t) => t.id), found: searchAccessTeams(a, "office").map((t) => t.id), named: accessTeam(a, office)?.id }),
    expect: (r: { listed: number[]; found: number[]; named: number }) => expect(r).toEqual({ listed: expect.arrayContaining([office]), found: [office], named: office }),
  },

  // A manager only for their people (Daan reports to HR and has no team), never for themself.
  notFound("accessChecklist: Daan is outside the manager's people", MGR, (a) => accessChecklist(a, idOf(DAAN)), PERSON(DAAN), "accessPeopleCondition"),
  notFound(
    "setAccess: the manager may not tick Daan's access",
    MGR,
    (a) => setAccess(a, idOf(DAAN), { toolKey: daanTool().toolKey, action: "revoke", revision: daanTool().revision }),
    PERSON(DAAN),
    "accessPeopleCondition",
  ),
  notFound("accessChecklist: nobody manages their own access", MGR, (a) => accessChecklist(a, idOf(MGR)), PERSON(MGR), "accessPeopleCondition"),
  notFound("setAccess: HR may not grant themself access", HR, (a) => setAccess(a, a.id, { toolKey: "hr system and contract templates", action: "grant", revision: 1 }), PERSON(HR), "accessPeopleCondition"),

  // The open list narrows silently to the actor's people.
  {
    name: "openAccess: the manager's list leaves out people outside their scope",
    as: MGR,
    call: (a) => openAccess(a, { view: "open" }),
    expect: (page: ReturnType<typeof openAccess>) => {
      expect(page.total).toBeGreaterThan(0);
      expect(page.rows.some((r) => r.personId === idOf(DAAN) || r.personId === idOf(HR))).toBe(false);
    },
  },
  // Positive control: the manager grants one of Nora's tools.
  {
    name: "setAccess: the manager grants Nora's tool",
    as: MGR,
    call: grantNora,
    expect: () => expect(getDb().select().from(accessGrants).where(and(eq(accessGrants.personId, idOf(NORA)), eq(accessGrants.status, "granted"))).all()).toHaveLength(1),
    changes: ["access_grants"],
  },
];

refusals(cases);

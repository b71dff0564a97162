import { beforeAll, describe, expect } from "vitest";
import { createPersonalCode, makeServiceLink, mayMakeLinksForOthers, myRecentLinks, personalCode, roleCustomerFacing, searchLinkPeople, setCustomerFacing } from "@/lib/feedback/links";
import { useSeededTestDb } from "@/lib/test/db";
import { EMP, forbidden, HR, idOf, MGR, NORA, notFound, refusals, roleIdOf, type RefusalCase, SEED_TIMEOUT, STRANGER, SUP } from "@/lib/test/refusals";

/** Refusals of rating links and personal QR codes (issue 12): oneself, or the people one leads (`mayMakeRatingLink`); HR's customer-facing flag (harness: lib/test/refusals.ts). */

beforeAll(async () => {
  await useSeededTestDb();
}, SEED_TIMEOUT);

const THOMAS = "thomas.bakker@example.com";
const MEHMET = "mehmet.kaya@example.com";
const link = () => ({ type: "rating_link" });
const code = () => ({ type: "rating_code" });
const person = (email: string) => () => ({ type: "person", id: idOf(email) });
const advisor = () => ({ type: "job_role", id: roleIdOf("service-advisor") });

const cases: RefusalCase[] = [
  // ---------- per-service links (ratings.links: everyone; for others: mayMakeRatingLink) ----------
  ...forbidden("makeServiceLink", [STRANGER], (a) => makeServiceLink(a, { personId: a.id, reference: "" }), "ratings.links", link),
  ...forbidden("searchLinkPeople", [STRANGER], (a) => searchLinkPeople(a, "Elif"), "ratings.links", link),
  ...forbidden("myRecentLinks", [STRANGER], (a) => myRecentLinks(a), "ratings.links", link),
  ...forbidden("mayMakeLinksForOthers", [STRANGER], (a) => mayMakeLinksForOthers(a), "ratings.links", link),
  notFound("makeServiceLink: Elif may not make a link for her colleague Thomas", EMP, (a) => makeServiceLink(a, { personId: idOf(THOMAS), reference: "" }), person(THOMAS), "mayMakeRatingLink"),
  notFound("makeServiceLink: the foreman may not make a link for Thomas (not below him)", SUP, (a) => makeServiceLink(a, { personId: idOf(THOMAS), reference: "" }), person(THOMAS), "mayMakeRatingLink"),
  notFound("makeServiceLink: Nora may not make a link for Elif", NORA, (a) => makeServiceLink(a, { personId: idOf(EMP), reference: "" }), person(EMP), "mayMakeRatingLink"),
  notFound("makeServiceLink: a person who does not exist", HR, (a) => makeServiceLink(a, { personId: 999_999, reference: "" }), () => ({ type: "person", id: 999_999 }), "mayMakeRatingLink"),
  { name: "searchLinkPeople: Elif finds nobody else", as: EMP, call: (a) => searchLinkPeople(a, "a"), expect: (r: { id: number }[], a) => expect(r.map((p) => p.id).filter((id) => id !== a.id)).toEqual([]) },
  { name: "searchLinkPeople: the foreman finds Elif but not Thomas", as: SUP, call: (a) => searchLinkPeople(a, "e").map((p) => p.id), expect: (ids: number[]) => (expect(ids).toContain(idOf(EMP)), expect(ids).not.toContain(idOf(THOMAS))) },
  { name: "mayMakeLinksForOthers: not for Elif, who leads nobody", as: EMP, call: (a) => mayMakeLinksForOthers(a), expect: (v: boolean) => expect(v).toBe(false) },
  { name: "mayMakeLinksForOthers: the foreman leads people", as: SUP, call: (a) => mayMakeLinksForOthers(a), expect: (v: boolean) => expect(v).toBe(true) },
  { name: "myRecentLinks: Nora sees none of Elif's links", as: NORA, call: (a) => myRecentLinks(a).total, expect: (n: number) => expect(n).toBe(0) },
  {
    name: "positive: the foreman makes a link for Elif",
    as: SUP,
    call: (a) => makeServiceLink(a, { personId: idOf(EMP), reference: "RO-1" }),
    expect: (r: { path: string }) => expect(r.path).toMatch(/^\/r\/[A-Za-z0-9_-]{43}$/),
    changes: ["rating_links", "sqlite_sequence"],
  },

  // ---------- personal QR codes ----------
  ...forbidden("personalCode", [STRANGER], (a) => personalCode(a, a.id), "ratings.links", code),
  ...forbidden("createPersonalCode", [STRANGER], (a) => createPersonalCode(a, a.id), "ratings.links", code),
  notFound("personalCode: Elif may not see Thomas's code", EMP, (a) => personalCode(a, idOf(THOMAS)), person(THOMAS), "mayMakeRatingLink"),
  notFound("createPersonalCode: Elif may not replace Thomas's code", EMP, (a) => createPersonalCode(a, idOf(THOMAS)), person(THOMAS), "mayMakeRatingLink"),
  notFound("createPersonalCode: the foreman may not replace Thomas's code", SUP, (a) => createPersonalCode(a, idOf(THOMAS)), person(THOMAS), "mayMakeRatingLink"),
  { name: "personalCode: a technician has none (not customer-facing)", as: SUP, call: (a) => personalCode(a, idOf(MEHMET)), expect: (c: { code: string | null; customerFacing: boolean }) => expect(c).toMatchObject({ code: null, customerFacing: false }) },
  { name: "positive: the manager reads Thomas's code", as: MGR, call: (a) => personalCode(a, idOf(THOMAS)).path, expect: (p: string) => expect(p).toMatch(/^\/q\//) },

  // ---------- the customer-facing flag (ratings.oversee: HR) ----------
  ...forbidden("setCustomerFacing", [MGR, SUP, EMP, STRANGER], (a) => setCustomerFacing(a, roleIdOf("service-advisor"), false), "ratings.oversee", advisor),
  ...forbidden("roleCustomerFacing", [STRANGER], (a) => roleCustomerFacing(a, roleIdOf("service-advisor")), "roles.read", advisor),
  notFound("setCustomerFacing: a role that does not exist", HR, (a) => setCustomerFacing(a, 999_999, true), null),
  { name: "positive: HR marks the technician role customer-facing", as: HR, call: (a) => setCustomerFacing(a, roleIdOf("technician"), true), expect: (r: unknown) => expect(r).toEqual({ customerFacing: true }), changes: ["job_roles"] },
];

describe("refusals: rating links", () => {
  refusals(cases);
});

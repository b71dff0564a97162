import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { jobRoles, people, taskPersonOwners } from "@/db/schema";
import { ForbiddenError } from "@/lib/core/errors";
import { taskIndex } from "@/lib/roles/doc";
import { getDraft, publishDraft, saveDraft } from "@/lib/roles/drafts";
import { getVersion } from "@/lib/roles/history";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { HOLDERS_SHOWN, OWNERSHIP_PAGE_SIZE, SEARCH_PAGE_SIZE, closestWords, editDistance, ftsQuery, ownershipReports, searchTasks, searchTasksPage, trigramQuery } from "@/lib/roles/whose-task";

beforeAll(async () => {
  await useSeededTestDb();
});

const role = (slug: string) => getDb().select().from(jobRoles).where(eq(jobRoles.slug, slug)).get()!;
const currentTasks = (slug: string) => [...taskIndex(getVersion(actorFor("hr@example.com"), slug, role(slug).currentVersion).doc)];
const taskKey = (slug: string, title: string) => currentTasks(slug).find(([, v]) => v.task.title === title)![0];
const personId = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;

describe("ftsQuery", () => {
  it("quotes every word as a prefix term, all words required by default", () => {
    expect(ftsQuery("warranty claim")).toBe('"warranty"* "claim"*');
    expect(ftsQuery("warranty claim", "any")).toBe('"warranty"* OR "claim"*');
    expect(ftsQuery("Invoice")).toBe('"invoice"*');
  });

  it("ignores punctuation and FTS syntax, so nothing typed can break the query", () => {
    expect(ftsQuery(`"Who's" (invoice)? NEAR/3 a*b`)).toBe('"who"* "invoice"* "near"*');
    expect(ftsQuery('foo" OR bar*')).toBe('"foo"* "or"* "bar"*');
    expect(ftsQuery("repair-order: VIN, mileage.")).toBe('"repair"* "order"* "vin"* "mileage"*');
  });

  it("folds case and diacritics", () => {
    expect(ftsQuery("Bērziņa YILMAZ Yılmaz")).toBe('"berzina"* "yilmaz"* "yilmaz"*');
  });

  it("returns null when there is nothing to search for", () => {
    expect(ftsQuery("")).toBeNull();
    expect(ftsQuery("   ")).toBeNull();
    expect(ftsQuery("!!! ? -- ()")).toBeNull();
    expect(ftsQuery("a b c")).toBeNull();
  });

  it("keeps at most 12 words", () => {
    const q = ftsQuery(Array.from({ length: 20 }, (_, i) => `word${i}`).join(" "))!;
    expect(q.split(" ")).toHaveLength(12);
    expect(q.endsWith('"word11"*')).toBe(true);
  });
});

describe("searchTasks", () => {
  it("finds the exact task first: warranty paperwork belongs to the Parts Clerk after the seed's transfer", () => {
    const results = searchTasks(actorFor("employee@example.com"), "warranty claim paperwork");
    expect(results.length).toBeGreaterThan(0);
    const first = results[0];
    expect(first).toMatchObject({ kind: "task", title: "Warranty claim paperwork", responsibility: "Returns, cores and warranty parts" });
    expect(first.role).toMatchObject({ slug: "parts-clerk", title: "Parts Clerk" });
    expect(first.key).toBe(taskKey("parts-clerk", "Warranty claim paperwork"));
    expect(first.holders).toEqual([
      { id: personId("emre.sahin@example.com"), name: "Emre Şahin", via: "role" },
      { id: personId("ilze.kalnina@example.com"), name: "Ilze Kalniņa", via: "role" },
      { id: personId("mark.dawson@example.com"), name: "Mark Dawson", via: "role" },
    ]);
    expect(first.snippet).toContain("\u0002");
    expect(first.snippet).toContain("\u0003");
    // nobody finds it under the Service Advisor any more
    expect(results.some((r) => r.role.slug === "service-advisor" && r.title === "Warranty claim paperwork")).toBe(false);
  });

  it("is case- and accent-insensitive", () => {
    const first = searchTasks(actorFor("employee@example.com"), "WARRANTY Cláim PAPERWORK")[0];
    expect(first.title).toBe("Warranty claim paperwork");
  });

  it("tolerates word forms: invoices and invoicing find the task about the invoice", () => {
    const emp = actorFor("employee@example.com");
    for (const q of ["invoices", "invoicing", "invoice"]) {
      const tasks = searchTasks(emp, q).filter((r) => r.kind === "task");
      const explain = tasks.find((r) => r.title === "Explain the invoice line by line");
      expect(explain, q).toBeDefined();
      expect(explain!.role.slug).toBe("service-advisor");
      expect(explain!.responsibility).toBe("Vehicle handover and invoice explanation");
      expect(explain!.holders.map((h) => h.name)).toEqual(["Andreea Ionescu", "Elif Yılmaz", "James Whitfield", "Nora Bērziņa", "Thomas Bakker"]);
    }
  });

  it("falls back to any word when no result has all of them", () => {
    const results = searchTasks(actorFor("employee@example.com"), "warranty xylophone");
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(`${r.title} ${r.snippet}`.toLowerCase()).toMatch(/warrant/);
  });

  it("returns nothing for no match or an empty query, and honours the limit", () => {
    const emp = actorFor("employee@example.com");
    expect(searchTasks(emp, "zzqx xylophone")).toEqual([]);
    expect(searchTasks(emp, "  ?! ")).toEqual([]);
    expect(searchTasks(emp, "customer", 3)).toHaveLength(3);
  });

  it("also returns responsibilities and roles, with no holders list per task", () => {
    const results = searchTasks(actorFor("employee@example.com"), "courtesy cars");
    const resp = results.find((r) => r.kind === "responsibility")!;
    expect(resp).toMatchObject({ title: "Courtesy cars", responsibility: "Courtesy cars" });
    expect(resp.role.slug).toBe("service-advisor");
    expect(resp.holders).toHaveLength(5);
    const roleHit = searchTasks(actorFor("employee@example.com"), "parts clerk").find((r) => r.kind === "role")!;
    expect(roleHit).toMatchObject({ title: "Parts Clerk", key: "parts-clerk", responsibility: null });
  });

  // Regression (lib/whose-task.ts, searchTasks): the ranking uses bm25(role_search, 10.0, 1.0), but bm25's
  // weights follow the table's column order, which starts with the three UNINDEXED columns
  // (kind, ref_key, role_id). The 10.0 weight lands on `kind` and title and body both get 1.0, so a
  // title match gets no boost: a task that only mentions "safety" in its description outranks the
  // tasks and responsibilities named after safety. It should be bm25(role_search, 0, 0, 0, 10.0, 1.0).
  it("ranks matches in the title above matches only in the description", () => {
    const emp = actorFor("employee@example.com");
    const safety = searchTasks(emp, "safety");
    expect(safety.slice(0, 3).map((r) => r.title)).toEqual([expect.stringMatching(/safety/i), expect.stringMatching(/safety/i), expect.stringMatching(/safety/i)]);
    expect(searchTasks(emp, "diagnosis")[0].title).toBe("Diagnosis");
  });
});

describe("typo tolerance and ranking", () => {
  it("measures edit distance with swapped letters as one slip, stopping past the budget", () => {
    expect(editDistance("waranty", "warranty")).toBe(1);
    expect(editDistance("warrnaty", "warranty")).toBe(1);
    expect(editDistance("invoce", "invoice")).toBe(1);
    expect(editDistance("xylophone", "telephone")).toBe(3);
    expect(editDistance("abc", "abcdefg")).toBe(3);
  });

  it("picks the closest words from candidate texts, and nothing too far away", () => {
    expect(closestWords("waranty", ["Warranty claim paperwork", "Returns, cores and warranty parts"])).toEqual(["warranty"]);
    expect(closestWords("xylophone", ["telephone and phone calls"])).toEqual([]);
    expect(trigramQuery("warr")).toBe('"war" OR "arr"');
  });

  it("a mistyped word finds the task: waranty finds the warranty claim paperwork", () => {
    const emp = actorFor("employee@example.com");
    expect(searchTasks(emp, "waranty").some((r) => r.title === "Warranty claim paperwork")).toBe(true);
    expect(searchTasks(emp, "waranty clam paperwrok")[0]).toMatchObject({ kind: "task", title: "Warranty claim paperwork" });
  });

  it("ranks results that contain every word above those that mention only some, and keeps the partial ones", () => {
    const emp = actorFor("employee@example.com");
    const words = ["warrant", "claim", "paperwork"];
    const results = searchTasks(emp, "warranty claim paperwork", 100);
    const count = (r: { title: string; snippet: string }) => {
      const text = `${r.title} ${r.snippet}`.toLowerCase();
      return words.filter((w) => text.includes(w)).length;
    };
    expect(results[0].kind).toBe("task");
    expect(count(results[0])).toBe(3);
    // a role or responsibility that mentions one word is still listed, but below every full match
    const partial = results.findIndex((r) => count(r) < 3);
    expect(partial).toBeGreaterThan(0);
    expect(results.slice(0, partial).every((r) => count(r) === 3)).toBe(true);
  });

  it("pages through the results", () => {
    const emp = actorFor("employee@example.com");
    // The page shows SEARCH_PAGE_SIZE results at a time.
    expect(searchTasksPage(emp, "customer").rows.length).toBeLessThanOrEqual(SEARCH_PAGE_SIZE);
    expect(searchTasksPage(emp, "customer").pageSize).toBe(SEARCH_PAGE_SIZE);
    const first = searchTasksPage(emp, "customer", 1, 5);
    expect(first.rows).toHaveLength(5);
    expect(first.total).toBeGreaterThan(5);
    const second = searchTasksPage(emp, "customer", 2, 5);
    expect(second.page).toBe(2);
    const key = (r: { kind: string; key: string }) => `${r.kind}:${r.key}`;
    expect(second.rows.some((r) => first.rows.map(key).includes(key(r)))).toBe(false);
  });
});

/** Every unowned task, page after page. */
function allUnowned(actor: ReturnType<typeof actorFor>) {
  const first = ownershipReports(actor).unowned;
  return Array.from({ length: first.pageCount }, (_, k) => ownershipReports(actor, { unownedPage: k + 1 }).unowned.rows).flat();
}

describe("ownershipReports", () => {
  it("refuses employees and supervisors", () => {
    expect(() => ownershipReports(actorFor("employee@example.com"))).toThrow(ForbiddenError);
    expect(() => ownershipReports(actorFor("supervisor@example.com"))).toThrow(ForbiddenError);
  });

  it("finds no gaps in the seeded organisation", () => {
    const none = { rows: [], total: 0, page: 1, pageCount: 1, pageSize: OWNERSHIP_PAGE_SIZE };
    expect(ownershipReports(actorFor("manager@example.com"))).toEqual({ unowned: none, shared: none });
    expect(ownershipReports(actorFor("hr@example.com"))).toEqual({ unowned: none, shared: none });
  });

  it("lists the tasks of a role nobody active holds", () => {
    const cca = role("customer-care-agent");
    const holders = getDb().select({ id: people.id }).from(people).where(eq(people.jobRoleId, cca.id)).all().map((p) => p.id);
    expect(holders).toHaveLength(3);
    getDb().update(people).set({ active: false }).where(inArray(people.id, holders)).run();

    const titles = currentTasks("customer-care-agent").map(([, v]) => v.task.title);
    expect(titles.length).toBeGreaterThan(3);
    const unowned = allUnowned(actorFor("manager@example.com"));
    expect(unowned.map((u) => u.title)).toEqual(titles);
    for (const u of unowned) expect(u.roles).toEqual([{ slug: "customer-care-agent", title: "Customer Care Agent" }]);

    // search shows the gap too
    const hit = searchTasks(actorFor("employee@example.com"), titles[0]).find((r) => r.kind === "task" && r.title === titles[0])!;
    expect(hit.holders).toEqual([]);
  });

  it("a task assigned to a person is owned; a task released by the only holder is not", () => {
    const ccaTitles = currentTasks("customer-care-agent").map(([, v]) => v.task.title);
    const assigned = ccaTitles[0];
    const mark = personId("mark.dawson@example.com");
    const manager = personId("manager@example.com");
    getDb()
      .insert(taskPersonOwners)
      .values([
        { taskKey: taskKey("customer-care-agent", assigned), personId: mark, kind: "assigned", since: "2025-01-01" },
        { taskKey: taskKey("service-manager", "Approve goodwill"), personId: manager, kind: "released", since: "2025-01-01" },
      ])
      .run();
    const unowned = allUnowned(actorFor("manager@example.com"));
    // roles in title order: Customer Care Agent, then Service Manager
    expect(unowned.map((u) => u.title)).toEqual([...ccaTitles.slice(1), "Approve goodwill"]);
    expect(unowned.find((u) => u.title === "Approve goodwill")!.roles).toEqual([{ slug: "service-manager", title: "Service Manager" }]);
    expect(unowned).toHaveLength(ccaTitles.length);

    const hit = searchTasks(actorFor("employee@example.com"), assigned).find((r) => r.kind === "task" && r.title === assigned)!;
    expect(hit.holders).toEqual([{ id: mark, name: "Mark Dawson", via: "assigned" }]);
    expect(hit.holderCount).toBe(1);
  });

  it("lists a task title owned by more than one role, whatever its case and spacing", () => {
    const mgr = actorFor("manager@example.com");
    const draft = getDraft(mgr, "technician");
    const doc = structuredClone(draft.doc);
    doc.responsibilities[0].tasks.push({ key: randomUUID(), title: "  WEEKLY   cycle count ", description: "Count the special tools." });
    saveDraft(mgr, "technician", 0, doc);
    expect(publishDraft(mgr, "technician", 1, { summary: "Tool count", kind: "editorial" }).number).toBe(2);

    const { shared } = ownershipReports(mgr);
    expect(shared.total).toBe(1);
    expect(shared.rows).toEqual([
      {
        title: "Weekly cycle count",
        roles: [
          { slug: "parts-clerk", title: "Parts Clerk" },
          { slug: "technician", title: "Technician" },
        ],
        roleCount: 2,
      },
    ]);
  });

  it("comes a page at a time, never every gap", () => {
    const active = getDb().select({ id: people.id }).from(people).where(eq(people.active, true)).all().map((p) => p.id);
    getDb().update(people).set({ active: false }).where(inArray(people.id, active)).run();
    try {
      const mgr = actorFor("manager@example.com");
      const first = ownershipReports(mgr).unowned;
      expect(first.total).toBeGreaterThan(OWNERSHIP_PAGE_SIZE);
      expect(first.rows).toHaveLength(OWNERSHIP_PAGE_SIZE);
      expect(first.pageCount).toBe(Math.ceil(first.total / OWNERSHIP_PAGE_SIZE));
      const pages = Array.from({ length: first.pageCount }, (_, k) => ownershipReports(mgr, { unownedPage: k + 1 }).unowned);
      expect(pages.reduce((n, p) => n + p.rows.length, 0)).toBe(first.total);
      expect(pages[1].page).toBe(2);
      expect(pages[1].rows[0]).not.toEqual(first.rows[0]);
      // a page past the end is the last page
      expect(ownershipReports(mgr, { unownedPage: 999 }).unowned.page).toBe(first.pageCount);
    } finally {
      getDb().update(people).set({ active: true }).where(inArray(people.id, active)).run();
    }
  });
});

describe("whose task? at scale", () => {
  it("names the first few holders of each result and counts them all, never listing everyone", () => {
    const sa = role("service-advisor");
    const before = searchTasks(actorFor("employee@example.com"), "courtesy cars").find((r) => r.kind === "responsibility")!;
    for (let i = 0; i < 12; i++)
      getDb()
        .insert(people)
        .values({ name: `Aaron Bulk ${String(i).padStart(2, "0")}`, email: `aaron.bulk.${i}@example.com`, passwordHash: "x", startDate: "2025-01-01", jobRoleId: sa.id })
        .run();
    const hit = searchTasks(actorFor("employee@example.com"), "courtesy cars").find((r) => r.kind === "responsibility")!;
    expect(hit.holders).toHaveLength(HOLDERS_SHOWN);
    expect(hit.holders.map((h) => h.name)).toEqual(["Aaron Bulk 00", "Aaron Bulk 01", "Aaron Bulk 02", "Aaron Bulk 03", "Aaron Bulk 04"]);
    expect(hit.holderCount).toBe(before.holderCount + 12);
  });
});

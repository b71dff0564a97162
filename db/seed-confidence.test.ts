import { and, eq, isNotNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { concernAuthors, concernMessages, concerns, faqEntries, jobRoles, people, pulseAnswers, pulseSends, roleVersions, taskThreadPosts, taskThreads } from "@/db/schema";
import { DEMO_RECEIPT_CODE } from "@/db/seed-confidence";
import { inboxCount } from "@/lib/concerns/read";
import { hashReceiptCode } from "@/lib/concerns/receipt";
import { parseRoleDoc } from "@/lib/roles/doc";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
});

const personId = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
function doc(slug: string) {
  const row = getDb()
    .select({ id: jobRoles.id, content: roleVersions.content })
    .from(jobRoles)
    .innerJoin(roleVersions, and(eq(roleVersions.jobRoleId, jobRoles.id), eq(roleVersions.number, jobRoles.currentVersion)))
    .where(eq(jobRoles.slug, slug))
    .get()!;
  return { id: row.id, doc: parseRoleDoc(row.content) };
}

describe("confidence demo data", () => {
  it("has an anonymous concern from a technician, answered by manager@, readable with the README's receipt code and tied to nobody", () => {
    const db = getDb();
    const c = db.select().from(concerns).where(eq(concerns.receiptHash, hashReceiptCode(DEMO_RECEIPT_CODE))).get()!;
    expect(c.anonymous).toBe(true);
    expect(c.status).toBe("answered");
    expect(c.jobRoleId).toBe(doc("technician").id);
    expect(c.createdOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(c.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(db.select().from(concernAuthors).where(eq(concernAuthors.concernId, c.id)).all()).toEqual([]);
    const thread = db.select().from(concernMessages).where(eq(concernMessages.concernId, c.id)).orderBy(concernMessages.seq).all();
    expect(thread[0]).toMatchObject({ fromAuthor: true, personId: null });
    expect(thread[0]!.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(thread[1]).toMatchObject({ fromAuthor: false, personId: personId("manager@example.com") });
    expect(thread[1]!.body).toMatch(/overtime/);
  });

  it("has employee@'s named goodwill concern, resolved, and its FAQ entry published on 'Warranty, recalls and goodwill'", () => {
    const db = getDb();
    const advisor = doc("service-advisor");
    const warranty = advisor.doc.responsibilities.find((r) => r.title === "Warranty, recalls and goodwill")!;
    const faq = db.select().from(faqEntries).where(eq(faqEntries.jobRoleId, advisor.id)).all();
    expect(faq).toHaveLength(1);
    expect(faq[0]).toMatchObject({ responsibilityKey: warranty.key, status: "published" });
    const source = db.select().from(concerns).where(eq(concerns.id, faq[0]!.sourceConcernId!)).get()!;
    expect(source).toMatchObject({ anonymous: false, status: "resolved" });
    expect(db.select().from(concernAuthors).where(eq(concernAuthors.concernId, source.id)).get()!.personId).toBe(personId("employee@example.com"));
    // "Whose task is this?" finds it.
    expect(db.all(sql`select ref_key from role_search where kind = 'faq'`)).toEqual([{ ref_key: String(faq[0]!.id) }]);
  });

  it("has a named concern waiting in supervisor@'s inbox, and nothing waiting in manager@'s", () => {
    expect(inboxCount(actorFor("supervisor@example.com"))).toBe(1);
    expect(inboxCount(actorFor("manager@example.com"))).toBe(0);
  });

  it("has a task thread with a marked solution on a task of the role", () => {
    const db = getDb();
    const advisor = doc("service-advisor");
    const solved = db.select().from(taskThreads).where(eq(taskThreads.status, "solved")).all();
    expect(solved).toHaveLength(1);
    const t = solved[0]!;
    expect(t.jobRoleId).toBe(advisor.id);
    expect(advisor.doc.responsibilities.flatMap((r) => r.tasks.map((x) => x.key))).toContain(t.taskKey);
    const post = db.select().from(taskThreadPosts).where(eq(taskThreadPosts.id, t.solutionPostId!)).get()!;
    expect(post.threadId).toBe(t.id);
  });

  it("has three months of pulse answers for Reception and Workshop, with 'Courtesy cars' named least clear most often by Service Advisors", () => {
    const db = getDb();
    const advisor = doc("service-advisor");
    const months = db.select({ month: pulseAnswers.month }).from(pulseAnswers).groupBy(pulseAnswers.month).all();
    expect(months.length).toBe(3);
    // The current month starts empty, so a pulse sent today forms a group of its own.
    expect(months.map((m) => m.month)).not.toContain(new Date().toISOString().slice(0, 7));
    const byKey = db
      .select({ key: pulseAnswers.leastClearKey, n: sql<number>`count(*)` })
      .from(pulseAnswers)
      .where(and(eq(pulseAnswers.jobRoleId, advisor.id), isNotNull(pulseAnswers.leastClearKey)))
      .groupBy(pulseAnswers.leastClearKey)
      .orderBy(sql`count(*) desc`)
      .all();
    const courtesy = advisor.doc.responsibilities.find((r) => r.title === "Courtesy cars")!.key;
    expect(byKey[0]!.key).toBe(courtesy);
    // Every answer matches an answered send, and the scores are on the scale.
    const answered = db.select({ n: sql<number>`count(*)` }).from(pulseSends).where(isNotNull(pulseSends.answeredOn)).get()!.n;
    const all = db.select().from(pulseAnswers).all();
    expect(all).toHaveLength(answered);
    for (const a of all)
      for (const v of [a.expected, a.how, a.wrong, a.judged, a.resources]) {
        expect(v).toBeGreaterThanOrEqual(1);
        expect(v).toBeLessThanOrEqual(5);
      }
    // employee@ answered everything sent to her (the pulse tests send her new ones).
    expect(db.select().from(pulseSends).where(and(eq(pulseSends.personId, personId("employee@example.com")), sql`${pulseSends.answeredOn} is null`)).all()).toEqual([]);
  });
});

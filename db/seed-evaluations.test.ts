import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { evaluationEntries, evaluationRatings, evaluations, people } from "@/db/schema";
import { evaluationsDue } from "@/lib/evaluations/due";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { SEED_TIMEOUT } from "@/lib/test/refusals";

/** The evaluations demo (issue 9, point 12): what a new user finds when they sign in. */

beforeAll(async () => {
  await useSeededTestDb();
}, SEED_TIMEOUT);

const emailOf = (id: number | null) => (id === null ? null : getDb().select({ email: people.email }).from(people).where(eq(people.id, id)).get()!.email);
const all = () =>
  getDb()
    .select({ e: evaluations, email: people.email })
    .from(evaluations)
    .innerJoin(people, eq(people.id, evaluations.personId))
    .all()
    .map((r) => ({ ...r.e, email: r.email, author: emailOf(r.e.authorId) }));

describe("demo evaluations", () => {
  it("supervisor@ has a draft for one technician, who submitted a self-assessment", () => {
    const drafts = all().filter((e) => e.status === "draft" && e.author === "supervisor@example.com");
    expect(drafts.map((d) => d.email)).toEqual(["pieter.vandijk@example.com"]);
    expect(drafts[0].selfSubmittedAt).not.toBeNull();
    const self = getDb().select().from(evaluationRatings).where(eq(evaluationRatings.evaluationId, drafts[0].id)).all().filter((r) => r.source === "self");
    expect(self.length).toBeGreaterThan(0);
  });
  it("employee@ has a released evaluation by supervisor@ with a question the supervisor answered", () => {
    const released = all().find((e) => e.email === "employee@example.com" && e.status === "answered")!;
    expect(released.author).toBe("supervisor@example.com");
    const entries = getDb().select().from(evaluationEntries).where(eq(evaluationEntries.evaluationId, released.id)).orderBy(evaluationEntries.createdAt).all();
    expect(entries.map((x) => [x.kind, emailOf(x.authorId)])).toEqual([
      ["question", "employee@example.com"],
      ["answer", "supervisor@example.com"],
    ]);
  });
  it("one disagreement is escalated to manager@", () => {
    const escalated = all().filter((e) => e.status === "escalated");
    expect(escalated.map((e) => [e.email, emailOf(e.escalatedToId)])).toEqual([["oliver.hughes@example.com", "manager@example.com"]]);
  });
  it("supervisor@ has two evaluations due, one of them overdue (listed first)", () => {
    const due = evaluationsDue(actorFor("supervisor@example.com"));
    expect(due.rows.map((r) => [r.name, r.overdue])).toEqual([
      ["Pieter van Dijk", true],
      ["Burak Demir", false],
    ]);
  });
  it("every released evaluation has at least one strength and one improvement, and every criterion rated", () => {
    for (const e of all().filter((x) => !["draft", "self_assessment"].includes(x.status))) {
      expect(JSON.parse(e.strengths).length, e.email).toBeGreaterThan(0);
      expect(JSON.parse(e.improvements).length, e.email).toBeGreaterThan(0);
      const ratings = getDb().select().from(evaluationRatings).where(eq(evaluationRatings.evaluationId, e.id)).all().filter((r) => r.source === "author");
      const criteria = JSON.parse(e.criteria).responsibilities.flatMap((r: { criteria: unknown[] }) => r.criteria).length;
      expect(ratings.length, e.email).toBe(criteria);
    }
  });
});

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { announcements, onboardings } from "@/db/schema";
import { auditSubjects, peopleMatching, personInScope, type AuditEntryRef } from "@/lib/audit/subjects";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
});

/**
 * The audit log is HR's, but the names, links and Person search behind it are narrowed by the policy
 * for whoever reads: with a narrower reader, every check shows.
 */
describe("audit log names, links and Person search follow the reader's scope", () => {
  const entry = (entityType: string, entityId: number): AuditEntryRef => ({ action: "x.y", entityType, entityId: String(entityId), detail: {} });

  it("the Person search finds only people the reader may see", () => {
    const hr = actorFor("hr@example.com");
    const elif = actorFor("employee@example.com");
    expect(peopleMatching(hr, "helena", 20).map((p) => p.name)).toEqual(["Helena Rossi"]);
    expect(peopleMatching(elif, "helena", 20)).toEqual([]);
    expect(peopleMatching(elif, "example.com", 20).map((p) => p.id)).toEqual([elif.id]);
    expect(personInScope(hr, hr.id)?.name).toBe("Helena Rossi");
    expect(personInScope(elif, hr.id)).toBeNull();
  });

  it("a person is named only in scope and linked only with people.read", () => {
    const hr = actorFor("hr@example.com");
    const elif = actorFor("employee@example.com");
    const rows = [entry("person", elif.id), entry("person", hr.id)];
    const forHr = auditSubjects(hr, rows);
    expect(forHr(rows[0])).toMatchObject({ name: "Elif Yılmaz", href: `/people/${elif.id}` });
    expect(forHr(rows[1])).toMatchObject({ name: "Helena Rossi", href: `/people/${hr.id}` });
    const forElif = auditSubjects(elif, rows);
    expect(forElif(rows[0])).toMatchObject({ name: "Elif Yılmaz", href: null });
    expect(forElif(rows[1])).toMatchObject({ name: null, href: null });
  });

  it("an announcement links only for those who may track it; a plan is named only in scope", () => {
    const hr = actorFor("hr@example.com");
    const elif = actorFor("employee@example.com");
    const nora = actorFor("newhire@example.com");
    const ann = getDb().select({ id: announcements.id, title: announcements.title }).from(announcements).limit(1).get()!;
    const plan = getDb().select({ id: onboardings.id }).from(onboardings).where(eq(onboardings.personId, nora.id)).get()!;
    const rows = [entry("announcement", ann.id), entry("onboarding", plan.id)];
    const forHr = auditSubjects(hr, rows);
    expect(forHr(rows[0])).toMatchObject({ name: ann.title, href: `/announcements/${ann.id}` });
    expect(forHr(rows[1])).toMatchObject({ kind: "plan", name: "Nora Bērziņa", href: `/onboarding/${plan.id}` });
    const forElif = auditSubjects(elif, rows);
    expect(forElif(rows[0]).href).toBeNull();
    expect(forElif(rows[1])).toMatchObject({ name: null, href: null });
  });
});

import { and, eq, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { acknowledgements, jobRoles, onboardingItems, onboardings, people, roleVersions } from "@/db/schema";
import { getAck, replyToAck } from "@/lib/communication/answers";
import { answerMyRole, getMyRole } from "@/lib/communication/role-reading";
import { ConflictError, FieldError } from "@/lib/core/errors";
import { getPlan, setItemDone } from "@/lib/onboarding/plans";
import { READ_ROLE_GEN_KEY } from "@/lib/onboarding/read-role";
import { parseRoleDoc } from "@/lib/roles/doc";
import { roleBySlug } from "@/lib/roles/documents";
import { publishDoc } from "@/lib/roles/publish";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
});

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}

const SA = "service-advisor";
const personId = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const versionId = (slug: string, number: number) =>
  getDb()
    .select({ id: roleVersions.id })
    .from(roleVersions)
    .innerJoin(jobRoles, eq(jobRoles.id, roleVersions.jobRoleId))
    .where(and(eq(jobRoles.slug, slug), eq(roleVersions.number, number)))
    .get()!.id;
const ackFor = (email: string, slug: string, number: number) =>
  getDb()
    .select()
    .from(acknowledgements)
    .where(and(eq(acknowledgements.personId, personId(email)), eq(acknowledgements.roleVersionId, versionId(slug, number))))
    .get();
const noraPlan = () => getDb().select().from(onboardings).where(eq(onboardings.personId, personId("newhire@example.com"))).get()!;
const planItems = (planId: number) => getDb().select().from(onboardingItems).where(eq(onboardingItems.onboardingId, planId)).all();

describe("a new hire reads the whole role", () => {
  it("someone who never understood any version of their role gets the whole current version, with its contents", () => {
    const nora = actorFor("newhire@example.com");
    const ack = getAck(nora, ackFor("newhire@example.com", SA, 2)!.id);
    expect(ack.role).toMatchObject({ mode: "whole", version: 2, fromVersion: null, versions: [] });
    const doc = parseRoleDoc(getDb().select({ c: roleVersions.content }).from(roleVersions).where(eq(roleVersions.id, versionId(SA, 2))).get()!.c);
    expect(ack.role!.whole!.doc).toEqual(doc);
    expect(ack.role!.whole!.contents).toEqual(doc.responsibilities.map((r) => ({ key: r.key, title: r.title })));
    expect(ack.role!.whole!.contents.length).toBeGreaterThan(2);

    const mine = getMyRole(nora);
    expect(mine).toMatchObject({ firstTime: true, role: { slug: SA }, version: { number: 2 }, ack: { state: "pending" } });
    expect(mine.contents).toEqual(ack.role!.whole!.contents);
  });

  it("someone who understood a version gets the diff mode", () => {
    const elif = actorFor("employee@example.com");
    expect(getMyRole(elif).firstTime).toBe(false);
    // James asked about v2 but never understood a version: still the whole role.
    const james = actorFor("james.whitfield@example.com");
    expect(getAck(james, ackFor("james.whitfield@example.com", SA, 2)!.id).role!.mode).toBe("whole");
  });

  it("the read-role item is on the hire's plan (its key copied from the template) and cannot be ticked by hand", () => {
    const nora = actorFor("newhire@example.com");
    const plan = getPlan(nora, noraPlan().id);
    const item = plan.items.find((i) => i.genKey === READ_ROLE_GEN_KEY)!;
    expect(item).toMatchObject({ title: "Read and answer your role description", assignee: "hire", doneAt: null, canTick: false });
    // Other items she owes can be ticked: only this one is refused.
    expect(plan.items.some((i) => i.assignee === "hire" && i.genKey !== READ_ROLE_GEN_KEY && i.canTick)).toBe(true);
    const err = thrown(() => setItemDone(nora, item.id, true));
    expect(err).toBeInstanceOf(FieldError);
    expect((err as FieldError).fieldErrors).toEqual({ _form: "readRoleByConfirming" });
    expect(planItems(noraPlan().id).find((i) => i.id === item.id)!.doneAt).toBeNull();
  });

  it("asking instead of confirming keeps the item open; confirming ticks the read-role item and nothing else", () => {
    const nora = actorFor("newhire@example.com");
    const mine = getMyRole(nora);
    expect(thrown(() => answerMyRole(nora, 2, mine.ack!.revision, "ask", "  "))).toBeInstanceOf(FieldError);
    expect(thrown(() => answerMyRole(nora, 1, mine.ack!.revision, "understood"))).toBeInstanceOf(ConflictError);
    const before = planItems(noraPlan().id);

    const asked = answerMyRole(nora, 2, mine.ack!.revision, "ask", "Who signs the warranty declaration?");
    expect(asked.state).toBe("clarification");
    expect(planItems(noraPlan().id)).toEqual(before);

    // The owner answers in the usual thread; then she confirms.
    const owner = actorFor("manager@example.com");
    const ack = ackFor("newhire@example.com", SA, 2)!;
    replyToAck(owner, ack.id, ack.revision, "You do, at reception.");
    const confirmed = answerMyRole(nora, 2, getMyRole(nora).ack!.revision, "understood");
    expect(confirmed).toEqual({ id: ack.id, state: "understood" });

    const after = planItems(noraPlan().id);
    const readRole = after.find((i) => i.genKey === READ_ROLE_GEN_KEY)!;
    expect(readRole.doneAt).not.toBeNull();
    expect(readRole.doneById).toBe(nora.id);
    // Nothing else changed on the plan, and it stays open.
    expect(after.filter((i) => i.id !== readRole.id)).toEqual(before.filter((i) => i.id !== readRole.id));
    expect(noraPlan().status).toBe("open");
    // She now has understood a version: the page no longer treats her as reading it for the first time.
    expect(getMyRole(nora)).toMatchObject({ firstTime: false, ack: { state: "understood" } });
    // Answering again is refused.
    expect(thrown(() => answerMyRole(nora, 2, getMyRole(nora).ack!.revision, "understood"))).toBeInstanceOf(FieldError);
  });

  it("someone who joined the role after its last material change confirms it too (an answer is opened for them)", () => {
    // An active technician: no material change of their role since they joined, so no answer yet.
    const technician = getDb()
      .select({ email: people.email })
      .from(people)
      .innerJoin(jobRoles, eq(jobRoles.id, people.jobRoleId))
      .leftJoin(acknowledgements, and(eq(acknowledgements.personId, people.id), sql`${acknowledgements.roleVersionId} is not null`))
      .where(and(eq(jobRoles.slug, "technician"), eq(people.active, true), isNull(acknowledgements.id)))
      .get()!;
    const hire = actorFor(technician.email);
    const mine = getMyRole(hire);
    expect(mine).toMatchObject({ firstTime: true, role: { slug: "technician" }, ack: null });
    // A page that saw an answer which does not exist is out of date.
    expect(thrown(() => answerMyRole(hire, mine.version.number, 3, "understood"))).toBeInstanceOf(ConflictError);
    expect(answerMyRole(hire, mine.version.number, 0, "understood").state).toBe("understood");
    expect(ackFor(technician.email, "technician", mine.version.number)).toMatchObject({ state: "understood", baseVersionId: null });
    // A second submit of the same page is refused, not a second answer.
    expect((thrown(() => answerMyRole(hire, mine.version.number, 0, "understood")) as FieldError).fieldErrors).toEqual({ _form: "ackClosed" });
  });
});

describe("a diff spanning several versions", () => {
  it("someone who last understood v1, looking at v3, sees the diff from v1 and the summary of v2 and v3", () => {
    const thomas = "thomas.bakker@example.com";
    // Thomas understood v1 back then; v2's answer is still open.
    getDb()
      .insert(acknowledgements)
      .values({ personId: personId(thomas), roleVersionId: versionId(SA, 1), state: "understood", createdAt: "2025-01-01T09:00:00.000Z", answeredAt: "2025-01-02T09:00:00.000Z" })
      .run();
    const role = roleBySlug(SA)!;
    const doc = parseRoleDoc(getDb().select({ c: roleVersions.content }).from(roleVersions).where(eq(roleVersions.id, versionId(SA, 2))).get()!.c);
    doc.purpose = `${doc.purpose} Every customer leaves with a clear next step.`;
    getDb().transaction((tx) => publishDoc(tx, null, role, doc, { summary: "Every visit ends with a next step", kind: "material" }));

    const ack = ackFor(thomas, SA, 3)!;
    const detail = getAck(actorFor(thomas), ack.id);
    expect(detail.role).toMatchObject({ mode: "diff", fromVersion: 1, version: 3, whole: null });
    expect(detail.role!.versions.map((v) => [v.number, v.summary])).toEqual([
      [2, getDb().select({ s: roleVersions.summary }).from(roleVersions).where(eq(roleVersions.id, versionId(SA, 2))).get()!.s],
      [3, "Every visit ends with a next step"],
    ]);
    expect(detail.role!.versions.every((v) => /^\d{4}-\d{2}-\d{2}T/.test(v.publishedAt))).toBe(true);
    // The diff runs from v1: v2's change (warranty paperwork moved away) is in it as well as v3's.
    expect(detail.role!.diff.purposeDiff).not.toBeNull();
    expect(detail.role!.diff.responsibilities.length).toBeGreaterThan(0);
    // Nora's v3 item: she understood v2, so she gets only v3's change.
    const nora = getAck(actorFor("newhire@example.com"), ackFor("newhire@example.com", SA, 3)!.id);
    expect(nora.role).toMatchObject({ mode: "diff", fromVersion: 2 });
    expect(nora.role!.versions.map((v) => v.number)).toEqual([3]);

    // An editorial version after it asks nothing new: confirming the role answers the open v3 item.
    const v3 = parseRoleDoc(getDb().select({ c: roleVersions.content }).from(roleVersions).where(eq(roleVersions.id, versionId(SA, 3))).get()!.c);
    getDb().transaction((tx) => publishDoc(tx, null, roleBySlug(SA)!, { ...v3, purpose: `${v3.purpose} ` }, { summary: "Typo", kind: "editorial" }));
    const mine = getMyRole(actorFor(thomas));
    expect(mine).toMatchObject({ version: { number: 4 }, ack: { id: ack.id, version: 3, state: "pending" } });
    expect(answerMyRole(actorFor(thomas), 4, mine.ack!.revision, "understood")).toEqual({ id: ack.id, state: "understood" });
    expect(ackFor(thomas, SA, 4)).toBeUndefined();
  });
});

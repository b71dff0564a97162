import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { acknowledgements, auditLog, jobRoles, notifications, people, responsibilities, roleDrafts, roleVersions, tasks } from "@/db/schema";
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from "@/lib/core/errors";
import type { RoleDoc } from "@/lib/roles/doc";
import { compareVersions, getVersion, listVersions } from "@/lib/roles/history";
import { getDraft, publishDraft, saveDraft } from "@/lib/roles/drafts";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
});

const SA = "service-advisor";
const byNumber = (a: number, b: number) => a - b;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}

const roleRow = (slug: string) => getDb().select().from(jobRoles).where(eq(jobRoles.slug, slug)).get()!;
const draftRow = (slug: string) => getDb().select().from(roleDrafts).where(eq(roleDrafts.jobRoleId, roleRow(slug).id)).get();
const versionRow = (slug: string, number: number) =>
  getDb()
    .select()
    .from(roleVersions)
    .where(and(eq(roleVersions.jobRoleId, roleRow(slug).id), eq(roleVersions.number, number)))
    .get();
const personId = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
/** Live task titles of a role, in responsibility then task order. */
const liveTaskTitles = (slug: string) =>
  getDb()
    .select({ title: tasks.title })
    .from(tasks)
    .innerJoin(responsibilities, eq(responsibilities.id, tasks.responsibilityId))
    .where(eq(responsibilities.jobRoleId, roleRow(slug).id))
    .orderBy(asc(responsibilities.position), asc(tasks.position))
    .all()
    .map((t) => t.title);
const docTaskTitles = (doc: RoleDoc) => doc.responsibilities.flatMap((r) => r.tasks.map((t) => t.title));
const acksFor = (versionId: number) => getDb().select().from(acknowledgements).where(eq(acknowledgements.roleVersionId, versionId)).all();
const countRows = (table: typeof acknowledgements | typeof notifications | typeof roleVersions) => getDb().select().from(table).all().length;

const COFFEE = "Offer waiting customers a coffee";
let revision = 0;

describe("drafts", () => {
  it("a manager's draft of the Service Advisor starts from v2, revision 0", () => {
    const mgr = actorFor("manager@example.com");
    const draft = getDraft(mgr, SA);
    expect(draft).toMatchObject({ revision: 0, baseVersion: 2, hasDraft: false, updatedBy: null, updatedAt: null });
    expect(draft.role).toMatchObject({ slug: SA, title: "Service Advisor", currentVersion: 2 });
    expect(draft.doc).toEqual(getVersion(mgr, SA, 2).doc);
    expect(docTaskTitles(draft.doc)).not.toContain("Warranty claim paperwork");
    expect(docTaskTitles(draft.doc)).toContain("Check open recalls and field actions on every VIN");
    expect(draftRow(SA)).toBeUndefined();
  });

  it("saving it creates revision 1, recorded with the editor and audited", () => {
    const mgr = actorFor("manager@example.com");
    const doc = clone(getDraft(mgr, SA).doc);
    doc.responsibilities[0].tasks.push({ key: randomUUID(), title: COFFEE, description: "Ask at check-in." });
    expect(saveDraft(mgr, SA, 0, doc)).toEqual({ revision: 1 });
    const draft = getDraft(mgr, SA);
    expect(draft).toMatchObject({ revision: 1, baseVersion: 2, hasDraft: true, updatedBy: "Marco Janssen" });
    expect(draft.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(draft.doc.responsibilities[0].tasks.at(-1)).toMatchObject({ title: COFFEE, description: "Ask at check-in." });
    const entries = getDb().select().from(auditLog).where(and(eq(auditLog.action, "role.draft.save"), eq(auditLog.entityId, String(roleRow(SA).id)))).all();
    expect(entries).toHaveLength(1);
    expect(entries[0].actorId).toBe(mgr.id);
    revision = 1;
  });

  it("a save from a stale revision is a conflict and leaves the stored draft alone", () => {
    const mgr = actorFor("manager@example.com");
    const before = draftRow(SA)!;
    const other = clone(getDraft(mgr, SA).doc);
    other.purpose = "Overwritten by a second editor";
    expect(() => saveDraft(mgr, SA, 0, other)).toThrow(ConflictError);
    expect(draftRow(SA)).toEqual(before);

    // the editor who loaded revision 1 saves: revision 2
    const doc = clone(getDraft(mgr, SA).doc);
    doc.purpose = `${doc.purpose} Always.`;
    expect(saveDraft(mgr, SA, 1, doc)).toEqual({ revision: 2 });
    const saved = draftRow(SA)!;
    expect(saved.revision).toBe(2);

    // and a second editor who also loaded revision 1 now conflicts
    expect(() => saveDraft(mgr, SA, 1, other)).toThrow(ConflictError);
    expect(draftRow(SA)).toEqual(saved);
    expect(getDraft(mgr, SA).doc.purpose).toMatch(/ Always\.$/);
    revision = 2;
  });

  it("an empty responsibility title is a field error keyed by its path, and nothing is written", () => {
    const mgr = actorFor("manager@example.com");
    const before = draftRow(SA)!;
    const doc = clone(getDraft(mgr, SA).doc);
    doc.responsibilities[0].title = "   ";
    const err = thrown(() => saveDraft(mgr, SA, revision, doc));
    expect(err).toBeInstanceOf(FieldError);
    expect((err as FieldError).fieldErrors).toEqual({ "responsibilities.0.title": "required" });
    expect(draftRow(SA)).toEqual(before);
  });

  it("a description over 20,000 characters is a field error keyed by its path, and nothing is written", () => {
    const mgr = actorFor("manager@example.com");
    const before = draftRow(SA)!;
    const doc = clone(getDraft(mgr, SA).doc);
    doc.responsibilities[0].description = "x".repeat(20_001);
    doc.responsibilities[1].tasks[0].title = "";
    const err = thrown(() => saveDraft(mgr, SA, revision, doc));
    expect(err).toBeInstanceOf(FieldError);
    expect((err as FieldError).fieldErrors).toEqual({
      "responsibilities.0.description": "textTooLong",
      "responsibilities.1.tasks.0.title": "required",
    });
    expect(draftRow(SA)).toEqual(before);

    // exactly 20,000 passes validation: with a revision that does not exist it gets as far as the
    // conflict check, so still nothing is written
    doc.responsibilities[0].description = "x".repeat(20_000);
    doc.responsibilities[1].tasks[0].title = "Open the repair order";
    const ok = thrown(() => {
      saveDraft(mgr, SA, 999, doc);
    });
    expect(ok).toBeInstanceOf(ConflictError);
    expect(draftRow(SA)).toEqual(before);
  });

  it("a key used twice in one document is refused", () => {
    const mgr = actorFor("manager@example.com");
    const doc = clone(getDraft(mgr, SA).doc);
    doc.responsibilities[1].tasks[0].key = doc.responsibilities[0].tasks[0].key;
    const err = thrown(() => saveDraft(mgr, SA, revision, doc));
    expect((err as FieldError).fieldErrors).toEqual({ _form: "invalid" });
    expect(draftRow(SA)!.revision).toBe(revision);
  });
});

describe("scope", () => {
  it("an employee and a supervisor may not get or save the draft", () => {
    const before = draftRow(SA)!;
    for (const email of ["employee@example.com", "supervisor@example.com"]) {
      const actor = actorFor(email);
      expect(() => getDraft(actor, SA)).toThrow(ForbiddenError);
      expect(() => saveDraft(actor, SA, revision, getVersion(actor, SA, 2).doc)).toThrow(ForbiddenError);
    }
    expect(draftRow(SA)).toEqual(before);
    const denied = getDb().select().from(auditLog).where(eq(auditLog.action, "access.denied")).all();
    // Two refused calls on the same role within the hour: one audit row (a crawler cannot flood the log).
    expect(denied.filter((d) => d.actorId === personId("employee@example.com") && d.detail.includes("roles.edit")).length).toBe(1);
  });

  it("a manager may not see the draft of a role outside their scope; HR may see any", () => {
    const mgr = actorFor("manager@example.com");
    expect(() => getDraft(mgr, "hr-partner")).toThrow(NotFoundError);
    expect(() => getDraft(mgr, "no-such-role")).toThrow(NotFoundError);
    const hr = actorFor("hr@example.com");
    expect(getDraft(hr, SA)).toMatchObject({ revision, hasDraft: true, updatedBy: "Marco Janssen" });
    expect(getDraft(hr, "hr-partner")).toMatchObject({ revision: 0, baseVersion: 1, hasDraft: false });
  });

  it("an employee may read the published versions", () => {
    const emp = actorFor("employee@example.com");
    const { role, versions } = listVersions(emp, SA);
    expect(role.slug).toBe(SA);
    expect(versions.map((v) => [v.number, v.kind])).toEqual([
      [2, "material"],
      [1, "editorial"],
    ]);
    expect(versions[0].summary).toBe("Warranty claim paperwork moves to the Parts desk");
    expect(versions[0].authorName).toBe("Marco Janssen");
    expect(versions[0].announcementId).toEqual(expect.any(Number));
    expect(versions[1].summary).toBe("First published version");

    const v1 = getVersion(emp, SA, 1);
    expect(v1.meta.number).toBe(1);
    expect(docTaskTitles(v1.doc)).toContain("Warranty claim paperwork");
    expect(v1.doc.title).toBe("Service Advisor");
    expect(() => getVersion(emp, SA, 99)).toThrow(NotFoundError);
    expect(() => listVersions(emp, "no-such-role")).toThrow(NotFoundError);
  });

  it("comparing v1 and v2 reports the warranty task as removed from the Service Advisor", () => {
    const emp = actorFor("employee@example.com");
    const { from, to, diff } = compareVersions(emp, SA, 1, 2);
    expect([from.number, to.number]).toEqual([1, 2]);
    expect(diff.changed).toBe(true);
    expect(diff.counts).toEqual({ added: 0, removed: 1, moved: 0, changed: 0 });
    const changed = diff.responsibilities.filter((r) => r.status !== "unchanged");
    expect(changed.map((r) => r.title)).toEqual(["Warranty, recalls and goodwill"]);
    const removed = changed[0].tasks.filter((t) => t.status !== "unchanged");
    expect(removed.map((t) => [t.title, t.status])).toEqual([["Warranty claim paperwork", "removed"]]);

    // and on the Parts Clerk, the same task arrives
    const pc = compareVersions(emp, "parts-clerk", 1, 2).diff;
    const arrived = pc.responsibilities.flatMap((r) => r.tasks).filter((t) => t.status !== "unchanged");
    expect(arrived.map((t) => [t.title, t.status])).toEqual([["Warranty claim paperwork", "added"]]);
  });
});

describe("publishing", () => {
  it("a material change creates v3 and asks every active holder to answer it", () => {
    const mgr = actorFor("manager@example.com");
    const db = getDb();
    const sa = roleRow(SA);
    const v1 = versionRow(SA, 1)!;
    const v2 = versionRow(SA, 2)!;
    const v2AcksBefore = acksFor(v2.id);
    // a holder who has left is not asked
    const thomas = personId("thomas.bakker@example.com");
    db.update(people).set({ active: false }).where(eq(people.id, thomas)).run();
    const notificationsBefore = countRows(notifications);
    const lastNotification = Math.max(0, ...db.select({ id: notifications.id }).from(notifications).all().map((n) => n.id));
    try {
      const result = publishDraft(mgr, SA, revision, { summary: "Coffee for waiting customers", kind: "material" });
      expect(result.number).toBe(3);

      const v3 = versionRow(SA, 3)!;
      expect(v3).toMatchObject({ id: result.versionId, authorId: mgr.id, summary: "Coffee for waiting customers", kind: "material", announcementId: null });
      expect(roleRow(SA).currentVersion).toBe(3);
      const published = getVersion(mgr, SA, 3).doc;
      expect(docTaskTitles(published)).toContain(COFFEE);
      expect(published.purpose).toMatch(/ Always\.$/);

      // the live tables follow the published document
      expect(liveTaskTitles(SA)).toEqual(docTaskTitles(published));
      expect(roleRow(SA).purpose).toBe(published.purpose);

      // one pending answer per active holder, for exactly this version
      const holders = ["employee@example.com", "newhire@example.com", "andreea.ionescu@example.com", "james.whitfield@example.com"].map(personId);
      const open = acksFor(result.versionId);
      expect(open.map((a) => a.personId).sort(byNumber)).toEqual([...holders].sort(byNumber));
      for (const a of open) expect(a).toMatchObject({ roleVersionId: result.versionId, state: "pending", ownerId: mgr.id, announcementId: null });
      // each is shown the changes since the last version they understood
      const baseOf = new Map(open.map((a) => [a.personId, a.baseVersionId]));
      expect(baseOf.get(personId("employee@example.com"))).toBe(v2.id);
      expect(baseOf.get(personId("newhire@example.com"))).toBe(v1.id);

      // older items nobody asked about are superseded; the understood one and the asked one stay
      const v2After = new Map(acksFor(v2.id).map((a) => [a.personId, a]));
      for (const before of v2AcksBefore) {
        const after = v2After.get(before.personId)!;
        if (before.state !== "pending") expect(after).toEqual(before);
        else {
          expect(after.state).toBe("superseded");
          expect(after.revision).toBe(before.revision + 1);
        }
      }
      expect(v2After.get(personId("employee@example.com"))!.state).toBe("understood");
      expect(v2After.get(personId("newhire@example.com"))!.state).toBe("superseded");
      expect(v2After.get(personId("james.whitfield@example.com"))!.state).toBe("answered");

      // each holder is notified once
      const sent = db.select().from(notifications).where(and(eq(notifications.kind, "role.changed"), gt(notifications.id, lastNotification))).all();
      expect(sent.map((n) => n.personId).sort(byNumber)).toEqual([...holders].sort(byNumber));
      expect(JSON.parse(sent[0].params)).toEqual({ role: "Service Advisor", version: 3 });
      // each opens the holder's own item
      for (const n of sent) expect(n.link).toBe(`/changes/${open.find((a) => a.personId === n.personId)!.id}`);
      expect(countRows(notifications)).toBe(notificationsBefore + holders.length);

      // the draft is gone; the next one starts from v3
      expect(draftRow(SA)).toBeUndefined();
      expect(getDraft(mgr, SA)).toMatchObject({ revision: 0, baseVersion: 3, hasDraft: false });
      const entry = db.select().from(auditLog).where(and(eq(auditLog.action, "role.publish"), eq(auditLog.entityId, String(sa.id)))).all().at(-1)!;
      expect(JSON.parse(entry.detail)).toEqual({ version: 3, kind: "material", announcementId: null });
    } finally {
      db.update(people).set({ active: true }).where(eq(people.id, thomas)).run();
    }
  });

  it("publishing a draft that is gone, or from another revision, is a conflict", () => {
    const mgr = actorFor("manager@example.com");
    expect(() => publishDraft(mgr, SA, revision, { summary: "again", kind: "material" })).toThrow(ConflictError);
    expect(saveDraft(mgr, SA, 0, getDraft(mgr, SA).doc)).toEqual({ revision: 1 });
    const versions = countRows(roleVersions);
    expect(() => publishDraft(mgr, SA, 0, { summary: "stale", kind: "material" })).toThrow(ConflictError);
    expect(countRows(roleVersions)).toBe(versions);
    expect(roleRow(SA).currentVersion).toBe(3);
  });

  it("an editorial fix creates a version and asks nobody", () => {
    const mgr = actorFor("manager@example.com");
    const draft = getDraft(mgr, SA);
    expect(draft.revision).toBe(1);
    const doc = clone(draft.doc);
    doc.purpose = doc.purpose.replace(/ Always\.$/, "");
    expect(saveDraft(mgr, SA, 1, doc)).toEqual({ revision: 2 });
    const acks = countRows(acknowledgements);
    const notes = countRows(notifications);
    const v3 = versionRow(SA, 3)!;
    const result = publishDraft(mgr, SA, 2, { summary: "Typo", kind: "editorial" });
    expect(result.number).toBe(4);
    expect(versionRow(SA, 4)).toMatchObject({ kind: "editorial", summary: "Typo", authorId: mgr.id });
    expect(acksFor(result.versionId)).toEqual([]);
    expect(countRows(acknowledgements)).toBe(acks);
    expect(countRows(notifications)).toBe(notes);
    // the open v3 answers stay open
    expect(acksFor(v3.id).every((a) => a.state === "pending")).toBe(true);
    expect(roleRow(SA).purpose).not.toMatch(/Always\.$/);
    expect(listVersions(mgr, SA).versions.map((v) => v.number)).toEqual([4, 3, 2, 1]);
  });

  it("stores script and HTML text verbatim (it is rendered as text)", () => {
    const mgr = actorFor("manager@example.com");
    const doc = clone(getDraft(mgr, SA).doc);
    const script = "<script>alert(1)</script>";
    const img = `<img src=x onerror="alert('x')">`;
    const body = `**bold** <b>tag</b> & "quotes" 'single' \u00e9 \n second line`;
    doc.responsibilities[0].title = script;
    doc.responsibilities[0].tasks[0] = { ...doc.responsibilities[0].tasks[0], title: img, description: body };
    expect(saveDraft(mgr, SA, 0, doc)).toEqual({ revision: 1 });
    const saved = getDraft(mgr, SA).doc;
    expect(saved.responsibilities[0].title).toBe(script);
    expect(saved.responsibilities[0].tasks[0].title).toBe(img);
    expect(saved.responsibilities[0].tasks[0].description).toBe(body);

    const { number } = publishDraft(mgr, SA, 1, { summary: script, kind: "editorial" });
    const published = getVersion(mgr, SA, number);
    expect(published.meta.summary).toBe(script);
    expect(published.doc.responsibilities[0].title).toBe(script);
    expect(published.doc.responsibilities[0].tasks[0]).toMatchObject({ title: img, description: body });
    const live = getDb()
      .select({ title: responsibilities.title })
      .from(responsibilities)
      .where(and(eq(responsibilities.jobRoleId, roleRow(SA).id), eq(responsibilities.position, 1)))
      .get()!;
    expect(live.title).toBe(script);
    expect(liveTaskTitles(SA)[0]).toBe(img);
  });

  // Regression (lib/role-versions.ts, validateDoc / materializeRole): keys are only checked for duplicates
  // within the document, and materializeRole upserts tasks and responsibilities by their globally
  // unique key. A draft that carries the key of another role's task (keys are sent to every browser
  // in search results) therefore moves that task's live row into the publishing role, although the
  // other role's published version still lists it.
  it("publishing a document that reuses another role's task key leaves that role's live tasks alone", () => {
    const mgr = actorFor("manager@example.com");
    const hrRole = roleRow("hr-partner");
    const hrDoc = getVersion(mgr, "hr-partner", 1).doc;
    const hrTasksBefore = liveTaskTitles("hr-partner");
    expect(hrTasksBefore).toEqual(docTaskTitles(hrDoc));
    const foreign = hrDoc.responsibilities[0].tasks[0];
    const doc = clone(getDraft(mgr, "technician").doc);
    doc.responsibilities[0].tasks.push({ ...foreign, title: "Borrowed task" });
    try {
      saveDraft(mgr, "technician", 0, doc);
      publishDraft(mgr, "technician", 1, { summary: "borrow", kind: "editorial" });
    } catch {
      // refusing the document is an acceptable fix
    }
    expect(liveTaskTitles("hr-partner")).toEqual(hrTasksBefore);
    const row = getDb().select({ roleId: responsibilities.jobRoleId }).from(tasks).innerJoin(responsibilities, eq(responsibilities.id, tasks.responsibilityId)).where(inArray(tasks.key, [foreign.key])).get()!;
    expect(row.roleId).toBe(hrRole.id);
  });
});

describe("keys that belong to another role", () => {
  it("a task or responsibility key of another role is refused on save, however many keys the document has; its own keys are fine", () => {
    const mgr = actorFor("manager@example.com");
    const hrDoc = getVersion(mgr, "hr-partner", 1).doc;
    const base = clone(getDraft(mgr, "technician").doc);
    const before = draftRow("technician");
    const withTask = clone(base);
    withTask.responsibilities[0].tasks.push({ ...hrDoc.responsibilities[0].tasks[0], title: "Borrowed task" });
    expect((thrown(() => saveDraft(mgr, "technician", before?.revision ?? 0, withTask)) as FieldError).fieldErrors).toEqual({ _form: "invalid" });
    const withResp = clone(base);
    withResp.responsibilities.push({ ...hrDoc.responsibilities[0], tasks: [] });
    expect((thrown(() => saveDraft(mgr, "technician", before?.revision ?? 0, withResp)) as FieldError).fieldErrors).toEqual({ _form: "invalid" });
    expect(draftRow("technician")).toEqual(before);
    // The role's own keys, a few or all of them, pass the same check.
    const own = clone(base);
    own.responsibilities = own.responsibilities.slice(0, 1);
    const { revision: first } = saveDraft(mgr, "technician", before?.revision ?? 0, own);
    expect(saveDraft(mgr, "technician", first, base).revision).toBe(first + 1);
  });
});

describe("criterion and capability keys", () => {
  const WF = "workshop-foreman";
  const hr = () => actorFor("hr@example.com");
  /** The index of the first responsibility with at least `n` criteria. */
  const withCriteria = (doc: RoleDoc, n: number) => doc.responsibilities.findIndex((r) => r.evaluation.length >= n);

  it("a criterion key used twice in one document is refused on the repeat's field, and nothing is written", () => {
    const doc = clone(getDraft(hr(), WF).doc);
    const i = withCriteria(doc, 1);
    const j = doc.responsibilities.findIndex((r, x) => x !== i && r.evaluation.length > 0);
    doc.responsibilities[j].evaluation[0].key = doc.responsibilities[i].evaluation[0].key;
    const err = thrown(() => saveDraft(hr(), WF, 0, doc));
    expect((err as FieldError).fieldErrors).toEqual({ [`responsibilities.${j}.evaluation.0.criterion`]: "duplicateKey" });
    expect(draftRow(WF)).toBeUndefined();
  });

  it("a capability key twice in one responsibility is refused; one capability in two responsibilities keeps one key", () => {
    const doc = clone(getDraft(hr(), WF).doc);
    const [a, b] = doc.responsibilities;
    const shared = { key: randomUUID(), name: "Torque wrench calibration", kind: "technical" as const };
    a.capabilities.push(shared, { ...shared });
    const err = thrown(() => saveDraft(hr(), WF, 0, doc));
    expect((err as FieldError).fieldErrors).toEqual({ [`responsibilities.0.capabilities.${a.capabilities.length - 1}.name`]: "duplicateKey" });
    expect(draftRow(WF)).toBeUndefined();

    a.capabilities.pop();
    b.capabilities.push({ ...shared });
    expect(saveDraft(hr(), WF, 0, doc)).toEqual({ revision: 1 });
    const saved = getDraft(hr(), WF).doc;
    expect(saved.responsibilities[0].capabilities.at(-1)!.key).toBe(shared.key);
    expect(saved.responsibilities[1].capabilities.at(-1)!.key).toBe(shared.key);
  });

  it("criteria keep their keys through a rename, a move, a removal and publishing; a new one keeps the key it was given", () => {
    const current = getDraft(hr(), WF);
    const doc = clone(current.doc);
    const i = withCriteria(doc, 2);
    const [first, second, ...rest] = doc.responsibilities[i].evaluation;
    const added = { key: randomUUID(), criterion: "Comebacks within 30 days", good: "fewer than 2%" };
    // The second renamed and moved first; the first removed; one added.
    doc.responsibilities[i].evaluation = [{ ...second, criterion: `${second.criterion} (renamed)` }, ...rest, added];
    saveDraft(hr(), WF, current.revision, doc);
    const { number } = publishDraft(hr(), WF, current.revision + 1, { summary: "Criteria reworded", kind: "material" });

    const published = getVersion(hr(), WF, number).doc.responsibilities[i].evaluation;
    expect(published.map((c) => c.key)).toEqual([second.key, ...rest.map((c) => c.key), added.key]);
    expect(published[0].criterion).toBe(`${second.criterion} (renamed)`);
    expect(published.some((c) => c.key === first.key)).toBe(false);
    // The other responsibilities' criteria and every capability are as they were.
    const before = getVersion(hr(), WF, number - 1).doc;
    const after = getVersion(hr(), WF, number).doc;
    before.responsibilities.forEach((r, x) => {
      if (x !== i) expect(after.responsibilities[x].evaluation).toEqual(r.evaluation);
    });
    // The version comparison shows the rename as a change of that criterion, not a removal.
    const evaluation = compareVersions(hr(), WF, number - 1, number).diff.responsibilities[i].sections.find((s) => s.name === "evaluation")!;
    expect(evaluation.diff.filter((p) => p.added).map((p) => p.value.trim())).toContain("(renamed)");
    expect(evaluation.diff.filter((p) => p.removed).map((p) => p.value)).toContain(`${first.criterion}${first.good ? ` — ${first.good}` : ""}`);
  });
});

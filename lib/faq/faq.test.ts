import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, getSqlite } from "@/db/client";
import { auditLog, faqEntries, jobRoles } from "@/db/schema";
import { ConflictError, FieldError, NotFoundError } from "@/lib/core/errors";
import { FAQ_QUESTION_MAX, TEXT_MAX } from "@/lib/core/limits";
import { faqForRole } from "@/lib/faq/read";
import { deleteFaq, faqForEdit, publishFaq, saveFaq, startFaqForRole, startFaqFromConcern, unpublishFaq } from "@/lib/faq/write";
import { currentDoc } from "@/lib/roles/documents";
import { reindexRole } from "@/lib/roles/search-index";
import { searchTasks } from "@/lib/roles/whose-task";
import { insertConcern } from "@/lib/test/confidence";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

const HR = "hr@example.com";
const MGR = "manager@example.com";
const SUP = "supervisor@example.com";
const EMP = "employee@example.com";
const NORA = "newhire@example.com";

beforeAll(async () => {
  await useSeededTestDb();
}, 120_000);

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}

const role = () => getDb().select().from(jobRoles).where(eq(jobRoles.slug, "service-advisor")).get()!;
const keyOf = (title: string) => currentDoc(role()).responsibilities.find((r) => r.title === title)!.key;
const WARRANTY = () => keyOf("Warranty, recalls and goodwill");
const text = (over: Partial<{ responsibilityKey: string; question: string; answer: string }> = {}) => ({
  responsibilityKey: WARRANTY(),
  question: "How far may I go with goodwill without asking?",
  answer: "Up to **€150** on your own; above that, ask the service manager.",
  ...over,
});

/** A named concern by Elif on the warranty responsibility, answered by the supervisor (who may not edit roles). */
const namedAnswered = () =>
  insertConcern({
    authorEmail: EMP,
    addresseeEmails: [SUP],
    jobRoleId: role().id,
    responsibilityKey: WARRANTY(),
    body: "How much goodwill may I give a customer without asking Marco first?",
    answer: "Up to 150 euros; above that ask Marco.",
  }).id;

describe("starting an FAQ entry from a concern", () => {
  it("an addressee of an answered named concern gets its responsibility, its text as the question and the latest answer", () => {
    const form = startFaqFromConcern(actorFor(SUP), namedAnswered());
    expect(form.role.slug).toBe("service-advisor");
    expect(form.concern?.anonymous).toBe(false);
    expect(form.entry).toMatchObject({
      id: null,
      responsibilityKey: WARRANTY(),
      question: "How much goodwill may I give a customer without asking Marco first?",
      answer: "Up to 150 euros; above that ask Marco.",
    });
    expect(form.responsibilities.map((r) => r.key)).toContain(WARRANTY());
  });

  it("an anonymous concern's text is never copied: the question and answer start empty", () => {
    const id = insertConcern({
      anonymous: true,
      addresseeEmails: [SUP],
      jobRoleId: role().id,
      responsibilityKey: WARRANTY(),
      body: "I was told off in front of a customer about goodwill.",
      answer: "Thank you, I will look into it.",
    }).id;
    const form = startFaqFromConcern(actorFor(SUP), id);
    expect(form.concern).toEqual({ id, anonymous: true });
    expect(form.entry.question).toBe("");
    expect(form.entry.answer).toBe("");
    expect(form.entry.responsibilityKey).toBe(WARRANTY());
  });

  it("a responsibility key the role no longer has is not preselected", () => {
    const id = insertConcern({ authorEmail: EMP, addresseeEmails: [SUP], jobRoleId: role().id, responsibilityKey: "gone-key", answer: "An answer." }).id;
    expect(startFaqFromConcern(actorFor(SUP), id).entry.responsibilityKey).toBe("");
  });

  it("HR, who may edit every role, may start one without being an addressee", () => {
    expect(startFaqFromConcern(actorFor(HR), namedAnswered()).role.slug).toBe("service-advisor");
  });

  it("is refused as not found for an open concern, its author, someone it was not addressed to, a concern without a role and a malformed id", () => {
    const open = insertConcern({ authorEmail: EMP, addresseeEmails: [SUP], jobRoleId: role().id }).id;
    expect(thrown(() => startFaqFromConcern(actorFor(SUP), open))).toBeInstanceOf(NotFoundError);
    const answered = namedAnswered();
    expect(thrown(() => startFaqFromConcern(actorFor(EMP), answered))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => startFaqFromConcern(actorFor(NORA), answered))).toBeInstanceOf(NotFoundError);
    const noRole = insertConcern({ authorEmail: EMP, addresseeEmails: [SUP], answer: "Answered." }).id;
    expect(thrown(() => startFaqFromConcern(actorFor(SUP), noRole))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => startFaqFromConcern(actorFor(SUP), "not-a-uuid"))).toBeInstanceOf(NotFoundError);
  });
});

describe("a refused anonymous concern leaves no record", () => {
  const deniedAbout = (id: string) => getDb().select().from(auditLog).where(and(eq(auditLog.action, "access.denied"), eq(auditLog.entityId, id))).all();

  it("someone out of reach (perhaps its author) gets a plain not found for an anonymous concern, with no access.denied entry naming them and it", () => {
    const id = insertConcern({ anonymous: true, addresseeEmails: [SUP], jobRoleId: role().id, responsibilityKey: WARRANTY(), answer: "Answered." }).id;
    expect(thrown(() => startFaqFromConcern(actorFor(EMP), id))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => saveFaq(actorFor(NORA), { ...text(), id: null, concernId: id }))).toBeInstanceOf(NotFoundError);
    const open = insertConcern({ anonymous: true, addresseeEmails: [SUP], jobRoleId: role().id }).id;
    expect(thrown(() => startFaqFromConcern(actorFor(SUP), open))).toBeInstanceOf(NotFoundError);
    expect([...deniedAbout(id), ...deniedAbout(open)]).toEqual([]);
  });

  it("a named concern out of reach is still audited", () => {
    const id = namedAnswered();
    expect(thrown(() => startFaqFromConcern(actorFor(NORA), id))).toBeInstanceOf(NotFoundError);
    expect(deniedAbout(id).map((e) => e.actorId)).toEqual([actorFor(NORA).id]);
  });
});

describe("saving, publishing and finding an entry", () => {
  it("an addressee saves a draft from a concern; publishing shows it to holders and in Whose task; unpublishing hides it", () => {
    const concernId = namedAnswered();
    const sup = actorFor(SUP);
    const saved = saveFaq(sup, { ...text({ question: "Zebrawidget goodwill limit?" }), id: null, concernId });
    const row = getDb().select().from(faqEntries).where(eq(faqEntries.id, saved.id)).get()!;
    expect(row).toMatchObject({ status: "draft", sourceConcernId: concernId, createdById: sup.id, jobRoleId: role().id, revision: 1 });

    // A draft: not on the role page for a holder, not in the search.
    expect(faqForRole(actorFor(EMP), role().id).byResponsibility[WARRANTY()] ?? []).not.toContainEqual(expect.objectContaining({ id: saved.id }));
    expect(faqForRole(actorFor(MGR), role().id).byResponsibility[WARRANTY()]).toContainEqual(expect.objectContaining({ id: saved.id, status: "draft" }));
    expect(searchTasks(actorFor(EMP), "zebrawidget").filter((r) => r.kind === "faq")).toEqual([]);

    const published = publishFaq(sup, saved.id, saved.revision);
    expect(published.revision).toBe(2);
    expect(faqForRole(actorFor(EMP), role().id).byResponsibility[WARRANTY()]).toContainEqual(
      expect.objectContaining({ id: saved.id, question: "Zebrawidget goodwill limit?", status: "published" }),
    );
    const hits = searchTasks(actorFor(EMP), "zebrawidget");
    expect(hits).toEqual([
      expect.objectContaining({ kind: "faq", key: String(saved.id), title: "Zebrawidget goodwill limit?", responsibility: "Warranty, recalls and goodwill", responsibilityKey: WARRANTY() }),
    ]);
    // Answer text is searched too.
    expect(searchTasks(actorFor(EMP), "Zebrawidget service manager").some((r) => r.kind === "faq")).toBe(true);

    // Publishing the role again rebuilds its rows and keeps the FAQ's.
    getDb().transaction((tx) => reindexRole(tx, role().id, role().slug, currentDoc(role())));
    expect(searchTasks(actorFor(EMP), "zebrawidget").map((r) => r.kind)).toEqual(["faq"]);

    // Editing a published entry updates what is found.
    const edited = saveFaq(sup, { ...text({ question: "Quaggafrost goodwill limit?" }), id: saved.id, revision: published.revision });
    expect(searchTasks(actorFor(EMP), "zebrawidget")).toEqual([]);
    expect(searchTasks(actorFor(EMP), "quaggafrost").map((r) => r.kind)).toEqual(["faq"]);

    unpublishFaq(sup, saved.id, edited.revision);
    expect(searchTasks(actorFor(EMP), "quaggafrost")).toEqual([]);
    expect(faqForRole(actorFor(EMP), role().id).byResponsibility[WARRANTY()] ?? []).not.toContainEqual(expect.objectContaining({ id: saved.id }));

    const actions = getDb().select().from(auditLog).where(eq(auditLog.entityType, "job_role")).all().filter((a) => a.action.startsWith("faq.") && JSON.parse(a.detail).faq === saved.id);
    expect(actions.map((a) => a.action)).toEqual(["faq.save", "faq.publish", "faq.save", "faq.unpublish"]);
    expect(JSON.parse(actions[1].detail)).toEqual({ faq: saved.id, title: "Zebrawidget goodwill limit?", responsibilityKey: WARRANTY(), sourceConcern: concernId });
  });

  it("an entry made from an anonymous concern names nobody in the audit log", () => {
    const id = insertConcern({ anonymous: true, addresseeEmails: [SUP], jobRoleId: role().id, body: "Secret words from an anonymous author.", answer: "Answered." }).id;
    const saved = saveFaq(actorFor(SUP), { ...text({ question: "A neutral question?" }), id: null, concernId: id });
    publishFaq(actorFor(SUP), saved.id, saved.revision);
    const rows = getSqlite().prepare("select * from audit_log where detail like ?").all(`%${id}%`) as { actor_id: number; detail: string }[];
    expect(rows.length).toBe(2);
    for (const r of rows) {
      expect(r.actor_id).toBe(actorFor(SUP).id);
      expect(r.detail).not.toContain("Secret words");
    }
  });

  it("refuses a responsibility the role's current version does not have, next to the field", () => {
    const e = thrown(() => saveFaq(actorFor(MGR), { ...text({ responsibilityKey: "no-such-key" }), id: null, jobRoleId: role().id }));
    expect(e).toBeInstanceOf(FieldError);
    expect((e as FieldError).fieldErrors).toEqual({ responsibilityKey: "invalidChoice" });
  });

  it("refuses an empty question, an over-long question or answer, and writes nothing", () => {
    const before = getDb().select().from(faqEntries).all().length;
    const cases: [Partial<ReturnType<typeof text>>, Record<string, string>][] = [
      [{ question: "   " }, { question: "required" }],
      [{ question: "x".repeat(FAQ_QUESTION_MAX + 1) }, { question: "tooLong" }],
      [{ answer: "" }, { answer: "required" }],
      [{ answer: "x".repeat(TEXT_MAX + 1) }, { answer: "tooLong" }],
    ];
    for (const [over, errors] of cases) {
      const e = thrown(() => saveFaq(actorFor(MGR), { ...text(over), id: null, jobRoleId: role().id }));
      expect(e).toBeInstanceOf(FieldError);
      expect((e as FieldError).fieldErrors).toEqual(errors);
    }
    expect(getDb().select().from(faqEntries).all().length).toBe(before);
  });

  it("a stale revision is a conflict for saving, publishing, unpublishing and deleting", () => {
    const mgr = actorFor(MGR);
    const saved = saveFaq(mgr, { ...text(), id: null, jobRoleId: role().id });
    const next = saveFaq(mgr, { ...text({ answer: "Changed." }), id: saved.id, revision: saved.revision });
    expect(thrown(() => saveFaq(mgr, { ...text(), id: saved.id, revision: saved.revision }))).toBeInstanceOf(ConflictError);
    expect(thrown(() => publishFaq(mgr, saved.id, saved.revision))).toBeInstanceOf(ConflictError);
    expect(thrown(() => unpublishFaq(mgr, saved.id, next.revision))).toBeInstanceOf(ConflictError); // not published
    expect(thrown(() => deleteFaq(mgr, saved.id, saved.revision))).toBeInstanceOf(ConflictError);
    deleteFaq(mgr, saved.id, next.revision);
    expect(getDb().select().from(faqEntries).where(eq(faqEntries.id, saved.id)).get()).toBeUndefined();
  });
});

describe("who may write FAQ entries directly on a role", () => {
  it("whoever may edit the role (its owner, HR) may; a holder, a supervisor and someone else may not", () => {
    expect(startFaqForRole(actorFor(MGR), "service-advisor", WARRANTY()).entry.responsibilityKey).toBe(WARRANTY());
    expect(startFaqForRole(actorFor(HR), "service-advisor").entry.responsibilityKey).toBe("");
    for (const who of [EMP, SUP, NORA]) {
      expect(thrown(() => startFaqForRole(actorFor(who), "service-advisor"))).toBeInstanceOf(NotFoundError);
      expect(thrown(() => saveFaq(actorFor(who), { ...text(), id: null, jobRoleId: role().id }))).toBeInstanceOf(NotFoundError);
    }
  });

  it("an addressee keeps an entry made from their concern; others who may not edit the role cannot open it", () => {
    const saved = saveFaq(actorFor(SUP), { ...text(), id: null, concernId: namedAnswered() });
    expect(faqForEdit(actorFor(SUP), saved.id).entry.id).toBe(saved.id);
    expect(faqForEdit(actorFor(MGR), saved.id).entry.id).toBe(saved.id);
    expect(thrown(() => faqForEdit(actorFor(EMP), saved.id))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => publishFaq(actorFor(EMP), saved.id, saved.revision))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => deleteFaq(actorFor(NORA), saved.id, saved.revision))).toBeInstanceOf(NotFoundError);
    // An entry made straight on the role is the role editors' only.
    const direct = saveFaq(actorFor(MGR), { ...text(), id: null, jobRoleId: role().id });
    expect(thrown(() => faqForEdit(actorFor(SUP), direct.id))).toBeInstanceOf(NotFoundError);
  });

  it("the role page's list marks what the reader may edit and whether they may add", () => {
    const mgr = faqForRole(actorFor(MGR), role().id);
    const emp = faqForRole(actorFor(EMP), role().id);
    expect(mgr.mayEdit).toBe(true);
    expect(emp.mayEdit).toBe(false);
    expect(emp.editable).toEqual([]);
    expect(Object.values(emp.byResponsibility).flat().every((f) => f.status === "published")).toBe(true);
  });
});

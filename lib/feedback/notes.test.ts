import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, getSqlite } from "@/db/client";
import { feedbackNotes, notifications, people } from "@/db/schema";
import { FieldError, NotFoundError } from "@/lib/core/errors";
import { giveNote, hasSharedNotes, listNotes, noteTies, searchNoteRecipients, type NoteInput } from "@/lib/feedback/notes";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
}, 120_000);

const ELIF = "employee@example.com";
const THOMAS = "thomas.bakker@example.com";
const PIETER = "pieter.vandijk@example.com";
const a = (email: string) => actorFor(email);

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}
function fieldErrors(fn: () => unknown): Record<string, string> {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(FieldError);
  return (e as FieldError).fieldErrors;
}
const notesCount = () => getSqlite().prepare("select count(*) from feedback_notes").pluck().get() as number;
const noticesOf = (email: string, kind: string) =>
  getDb()
    .select({ params: notifications.params, link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.personId, a(email).id), eq(notifications.kind, kind as never)))
    .all();
const idsIn = (email: string, box: Parameters<typeof listNotes>[1]) => listNotes(a(email), box).rows.map((n) => n.id);

describe("praise and suggestions", () => {
  it("finds active colleagues, never oneself", () => {
    const elif = a(ELIF);
    expect(searchNoteRecipients(elif, "thomas").map((p) => p.name)).toEqual(["Thomas Bakker"]);
    expect(searchNoteRecipients(elif, "yilmaz")).toEqual([]);
    expect(searchNoteRecipients(elif, "  ")).toEqual([]);
  });

  it("offers the responsibilities and the standard categories of the recipient's role", () => {
    const ties = noteTies(a(ELIF), a(PIETER).id);
    expect(ties.roleTitle).toBe("Technician");
    expect(ties.responsibilities.map((r) => r.title)).toContain("Diagnosis");
    expect(ties.standards).toEqual(expect.arrayContaining(["speed", "safety"]));
    expect(ties.standards).not.toContain("gestures"); // the technician's role has no standard on gestures
  });

  it("praise shown to the team reaches the recipient and their team, not other teams; the recipient is notified", () => {
    const elif = a(ELIF);
    const thomas = a(THOMAS);
    const { id } = giveNote(elif, { toId: thomas.id, kind: "praise", visibility: "team", tie: "s:gestures", body: "  You calmed the customer with the recall letter.  " });
    const row = getDb().select().from(feedbackNotes).where(eq(feedbackNotes.id, id)).get()!;
    expect(row).toMatchObject({ fromId: elif.id, toId: thomas.id, teamId: thomas.teamId, jobRoleId: thomas.jobRoleId, standardCategory: "gestures", responsibilityKey: null, body: "You calmed the customer with the recall letter." });
    expect(idsIn(THOMAS, "received")).toContain(id);
    expect(idsIn(ELIF, "sent")).toContain(id);
    expect(idsIn("newhire@example.com", "team")).toContain(id); // Nora is in Reception
    expect(idsIn("mehmet.kaya@example.com", "team")).not.toContain(id); // Workshop
    expect(idsIn("mehmet.kaya@example.com", "received")).not.toContain(id);
    expect(noticesOf(THOMAS, "feedback.praise")).toContainEqual({ params: JSON.stringify({ name: elif.name }), link: `/feedback/notes#note-${id}` });
    const listed = listNotes(a(THOMAS), "received").rows.find((n) => n.id === id)!;
    expect(listed).toMatchObject({ kind: "praise", from: { id: elif.id, name: elif.name }, to: { id: thomas.id }, standardCategory: "gestures" });
  });

  it("praise for the recipient only is not shown to their team", () => {
    const { id } = giveNote(a(ELIF), { toId: a(THOMAS).id, kind: "praise", visibility: "recipient", body: "Thanks for the coffee." });
    expect(idsIn(THOMAS, "received")).toContain(id);
    expect(idsIn("newhire@example.com", "team")).not.toContain(id);
  });

  it("a suggestion shared with the manager reaches the recipient and their leaders only; they are notified", () => {
    const elif = a(ELIF);
    const pieter = a(PIETER);
    const diagnosis = noteTies(elif, pieter.id).responsibilities.find((r) => r.title === "Diagnosis")!;
    const { id } = giveNote(elif, { toId: pieter.id, kind: "suggestion", visibility: "manager", tie: `r:${diagnosis.key}`, body: "Please add the fault code to the note." });
    expect(idsIn(PIETER, "received")).toContain(id);
    expect(idsIn("supervisor@example.com", "shared")).toContain(id); // Pieter reports to Sven
    expect(idsIn("manager@example.com", "shared")).toContain(id); // Marco manages the Workshop
    expect(hasSharedNotes(a("supervisor@example.com"))).toBe(true);
    for (const other of ["mehmet.kaya@example.com", "hr@example.com", "newhire@example.com"]) {
      for (const box of ["received", "team", "shared"] as const) expect(idsIn(other, box)).not.toContain(id);
    }
    expect(listNotes(pieter, "received").rows.find((n) => n.id === id)?.responsibility).toBe("Diagnosis");
    expect(noticesOf(PIETER, "feedback.suggestion").map((n) => n.link)).toContain(`/feedback/notes#note-${id}`);
    expect(noticesOf("supervisor@example.com", "feedback.suggestionShared")).toContainEqual({
      params: JSON.stringify({ name: elif.name, person: pieter.name }),
      link: `/feedback/notes?box=shared#note-${id}`,
    });
    expect(noticesOf("manager@example.com", "feedback.suggestionShared").map((n) => n.link)).toContain(`/feedback/notes?box=shared#note-${id}`);
  });

  it("a suggestion for the recipient only is not shared with their manager, nor with their team", () => {
    const { id } = giveNote(a(ELIF), { toId: a(PIETER).id, kind: "suggestion", visibility: "recipient", body: "Maybe park the cars nose out." });
    expect(idsIn(PIETER, "received")).toContain(id);
    expect(idsIn("supervisor@example.com", "shared")).not.toContain(id);
    expect(idsIn("mehmet.kaya@example.com", "team")).not.toContain(id);
  });

  it("audits who sent a note to whom, never its text", () => {
    const before = getSqlite().prepare("select count(*) from audit_log where action = 'feedback.note'").pluck().get() as number;
    giveNote(a(ELIF), { toId: a(THOMAS).id, kind: "praise", visibility: "recipient", body: "Secret words of thanks." });
    const rows = getSqlite().prepare("select actor_id, entity_type, entity_id, detail from audit_log where action = 'feedback.note' order by id desc").all() as Record<string, unknown>[];
    expect(rows.length).toBe(before + 1);
    expect(rows[0]).toEqual({ actor_id: a(ELIF).id, entity_type: "person", entity_id: String(a(THOMAS).id), detail: JSON.stringify({ kind: "praise" }) });
  });

  it("refuses bad input next to its field and writes nothing", () => {
    const elif = a(ELIF);
    const thomas = a(THOMAS).id;
    const before = notesCount();
    const base: NoteInput = { toId: thomas, kind: "suggestion", visibility: "recipient", body: "Text" };
    expect(fieldErrors(() => giveNote(elif, { ...base, visibility: "team" }))).toEqual({ visibility: "notes.visibilityNotForKind" });
    expect(fieldErrors(() => giveNote(elif, { ...base, kind: "praise", visibility: "manager" }))).toEqual({ visibility: "notes.visibilityNotForKind" });
    expect(fieldErrors(() => giveNote(elif, { ...base, body: "x".repeat(2001) }))).toEqual({ body: "notes.bodyTooLong" });
    expect(fieldErrors(() => giveNote(elif, { ...base, body: "   " }))).toEqual({ body: "required" });
    // A responsibility of another role (the technician's "Diagnosis"), a standard the role lacks, junk.
    const diagnosis = noteTies(elif, a(PIETER).id).responsibilities.find((r) => r.title === "Diagnosis")!.key;
    expect(fieldErrors(() => giveNote(elif, { ...base, tie: `r:${diagnosis}` }))).toEqual({ tie: "notes.notTheirRole" });
    expect(fieldErrors(() => giveNote(elif, { ...base, tie: "s:appearance-x" }))).toEqual({ tie: "notes.notTheirRole" });
    expect(fieldErrors(() => giveNote(elif, { ...base, tie: "junk" }))).toEqual({ tie: "notes.notTheirRole" });
    expect(fieldErrors(() => giveNote(elif, { ...base, toId: a(PIETER).id, tie: "s:gestures" }))).toEqual({ tie: "notes.notTheirRole" });
    expect(fieldErrors(() => giveNote(elif, { ...base, kind: "cheer" as never }))).toEqual({ kind: "invalidChoice" });
    expect(notesCount()).toBe(before);
  });

  it("never to oneself, nor to someone inactive or unknown", () => {
    const elif = a(ELIF);
    const before = notesCount();
    expect(thrown(() => giveNote(elif, { toId: elif.id, kind: "praise", visibility: "recipient", body: "Well done me." }))).toBeInstanceOf(NotFoundError);
    const daan = a("daan.visser@example.com").id;
    getDb().update(people).set({ active: false }).where(eq(people.id, daan)).run();
    try {
      expect(thrown(() => giveNote(elif, { toId: daan, kind: "praise", visibility: "recipient", body: "Thanks." }))).toBeInstanceOf(NotFoundError);
      expect(thrown(() => noteTies(elif, daan))).toBeInstanceOf(NotFoundError);
      expect(searchNoteRecipients(elif, "daan")).toEqual([]);
    } finally {
      getDb().update(people).set({ active: true }).where(eq(people.id, daan)).run();
    }
    expect(thrown(() => giveNote(elif, { toId: 999_999, kind: "praise", visibility: "recipient", body: "Hi." }))).toBeInstanceOf(NotFoundError);
    expect(notesCount()).toBe(before);
  });

  it("the demo: Thomas's praise of Elif is visible to Reception, Elif's suggestion to Pieter to his leaders", () => {
    const praise = listNotes(a("newhire@example.com"), "team").rows.find((n) => n.from.name === "Thomas Bakker" && n.to.name === "Elif Yılmaz");
    expect(praise?.standardCategory).toBe("gestures");
    const shared = listNotes(a("supervisor@example.com"), "shared").rows.find((n) => n.to.name === "Pieter van Dijk" && n.from.name === "Elif Yılmaz");
    expect(shared?.kind).toBe("suggestion");
    expect(listNotes(a("mehmet.kaya@example.com"), "shared").rows).toEqual([]);
  });
});

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect } from "vitest";
import { getDb } from "@/db/client";
import { feedbackNotes, people } from "@/db/schema";
import { mayGiveNote, mayGiveUpward, notesCondition } from "@/lib/auth/feedback-policy";
import { giveNote, hasSharedNotes, listNotes, noteTies, searchNoteRecipients, type NoteInput } from "@/lib/feedback/notes";
import { giveUpward, hasUpwardResults, myUpwardLeaders, myUpwardResults, type UpwardInput } from "@/lib/feedback/upward";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { EMP, forbidden, HR, idOf, MGR, notFound, refusals, type RefusalCase, SEED_TIMEOUT, STRANGER, SUP } from "@/lib/test/refusals";

/**
 * Refusals of praise and suggestions (feedback.give: anyone, to an active colleague but oneself;
 * reading narrowed by notesCondition) and upward feedback (upward.give: to one's own leaders, once
 * a quarter; results only one's own) (harness: lib/test/refusals.ts).
 */

const AYLIN = "aylin.celik@example.com";
const LUKAS = "lukas.petrauskas@example.com";
const PRIVATE = "A private suggestion for Pieter only.";
const MEHMET = "mehmet.kaya@example.com";
const scores = { greets: 4, listens: 4, recognises: 3, approachable: 5, expectations: 4, explains: 3, feedback: 2 };
const up = (leader: string): UpwardInput => ({ leaderId: idOf(leader), scores });
const note = (to: string, extra: Partial<NoteInput> = {}): NoteInput => ({ toId: idOf(to), kind: "praise", visibility: "recipient", body: "Thank you.", ...extra });

beforeAll(async () => {
  await useSeededTestDb();
  // Aylin has left: nobody may send her a note any more.
  getDb().update(people).set({ active: false }).where(eq(people.id, idOf(AYLIN))).run();
  // Lukas now reports to Aylin (who has left) instead of Sven: she is no leader to answer for.
  getDb().update(people).set({ reportsToId: idOf(AYLIN) }).where(eq(people.id, idOf(LUKAS))).run();
  // Elif already answered for Sven this quarter.
  giveUpward(actorFor(EMP), up(SUP));
  // A suggestion for Pieter alone: his leaders must not see it.
  giveNote(actorFor(EMP), { toId: idOf("pieter.vandijk@example.com"), kind: "suggestion", visibility: "recipient", body: PRIVATE });
  // Praise for Daan (the refusal suite's stranger when his app role is unknown).
  giveNote(actorFor(EMP), { toId: idOf("daan.visser@example.com"), kind: "praise", visibility: "recipient", body: "Thanks for the payslip fix." });
}, SEED_TIMEOUT);

const noteTarget = () => ({ type: "feedback_note" });
const upwardTarget = () => ({ type: "upward_answer" });
const person = (email: string) => () => ({ type: "person", id: idOf(email) });

const cases: RefusalCase[] = [
  // ---------- praise and suggestions ----------
  ...forbidden("searchNoteRecipients", [STRANGER], (a) => searchNoteRecipients(a, "elif"), "feedback.give", noteTarget),
  ...forbidden("noteTies", [STRANGER], (a) => noteTies(a, idOf(EMP)), "feedback.give", noteTarget),
  ...forbidden("giveNote", [STRANGER], (a) => giveNote(a, note(EMP)), "feedback.give", noteTarget),
  ...forbidden("listNotes", [STRANGER], (a) => listNotes(a, "received"), "feedback.give", noteTarget),
  ...forbidden("hasSharedNotes", [STRANGER], (a) => hasSharedNotes(a), "feedback.give", noteTarget),
  notFound("giveNote: never to oneself", EMP, (a) => giveNote(a, note(EMP)), null),
  notFound("giveNote: not to someone inactive", EMP, (a) => giveNote(a, note(AYLIN)), person(AYLIN), "mayGiveNote"),
  notFound("noteTies: not for someone inactive", SUP, (a) => noteTies(a, idOf(AYLIN)), person(AYLIN), "mayGiveNote"),
  notFound("giveNote: nobody with that id", EMP, (a) => giveNote(a, { ...note(EMP), toId: 999_999 }), null),
  {
    name: "giveNote: a suggestion cannot be shown to the team",
    as: EMP,
    call: (a) => giveNote(a, note(MEHMET, { kind: "suggestion", visibility: "team" })),
    expect: "field",
    fieldErrors: { visibility: "notes.visibilityNotForKind" },
  },
  { name: "searchNoteRecipients: inactive people are not offered", as: EMP, call: (a) => searchNoteRecipients(a, "aylin"), expect: (r: unknown[]) => expect(r).toEqual([]) },
  {
    name: "listNotes: a technician does not see Elif's suggestion to Pieter shared with his manager",
    as: MEHMET,
    call: (a) => [...listNotes(a, "shared").rows, ...listNotes(a, "team").rows].filter((n) => n.kind === "suggestion"),
    expect: (r: unknown[]) => expect(r).toEqual([]),
  },
  {
    name: "listNotes: HR does not see praise between others that was not shared with the team",
    as: HR,
    call: (a) => (["received", "sent", "team", "shared"] as const).flatMap((b) => listNotes(a, b).rows).filter((n) => n.from.name === "Andreea Ionescu"),
    expect: (r: unknown[]) => expect(r).toEqual([]),
  },
  {
    name: "listNotes: Sven does not see a suggestion to Pieter that was not shared with him",
    as: SUP,
    call: (a) => (["received", "sent", "team", "shared"] as const).flatMap((b) => listNotes(a, b).rows).filter((n) => n.body === PRIVATE),
    expect: (r: unknown[]) => expect(r).toEqual([]),
  },
  {
    name: "notesCondition: a leader does not read a suggestion to his report that was not shared with him",
    as: SUP,
    call: (a) => getDb().select({ body: feedbackNotes.body }).from(feedbackNotes).where(notesCondition(a)).all().filter((n) => n.body === PRIVATE),
    expect: (r: unknown[]) => expect(r).toEqual([]),
  },
  { name: "hasSharedNotes: nothing was shared with a technician", as: MEHMET, call: (a) => hasSharedNotes(a), expect: (b: boolean) => expect(b).toBe(false) },
  {
    name: "notesCondition: someone without feedback.give reads no note, not even one sent to them",
    as: STRANGER,
    call: (a) => getDb().select({ id: feedbackNotes.id }).from(feedbackNotes).where(notesCondition(a)).all(),
    expect: (r: unknown[]) => expect(r).toEqual([]),
  },
  { name: "mayGiveNote: someone without feedback.give may not send one", as: STRANGER, call: (a) => mayGiveNote(a, idOf(EMP)), expect: (b: boolean) => expect(b).toBe(false) },
  {
    name: "positive: Nora sees Thomas's praise of Elif shown to Reception",
    as: "newhire@example.com",
    call: (a) => listNotes(a, "team").rows.map((n) => `${n.from.name} → ${n.to.name}`),
    expect: (r: string[]) => expect(r).toContain("Thomas Bakker → Elif Yılmaz"),
  },
  {
    name: "positive: Sven sees the suggestion to Pieter shared with him",
    as: SUP,
    call: (a) => listNotes(a, "shared").rows.map((n) => n.to.name),
    expect: (names: string[]) => expect(names).toContain("Pieter van Dijk"),
  },
  {
    name: "positive: Elif sends Mehmet praise",
    as: EMP,
    call: (a) => giveNote(a, note(MEHMET)).id,
    expect: (id: number) => expect(id).toBeGreaterThan(0),
    changes: ["feedback_notes", "notification_deliveries", "notifications", "sqlite_sequence"],
  },

  // ---------- upward feedback ----------
  ...forbidden("myUpwardLeaders", [STRANGER], (a) => myUpwardLeaders(a), "upward.give", upwardTarget),
  ...forbidden("giveUpward", [STRANGER], (a) => giveUpward(a, up(SUP)), "upward.give", upwardTarget),
  ...forbidden("myUpwardResults", [STRANGER], (a) => myUpwardResults(a), "upward.give", upwardTarget),
  ...forbidden("hasUpwardResults", [STRANGER], (a) => hasUpwardResults(a), "upward.give", upwardTarget),
  notFound("giveUpward: Elif may not answer for a technician", EMP, (a) => giveUpward(a, up(MEHMET)), person(MEHMET), "upwardLeadersCondition"),
  notFound("giveUpward: nobody answers for themself", SUP, (a) => giveUpward(a, up(SUP)), person(SUP), "upwardLeadersCondition"),
  notFound("giveUpward: HR reports to nobody", HR, (a) => giveUpward(a, up(MGR)), person(MGR), "upwardLeadersCondition"),
  notFound("giveUpward: Marco manages his own team but is not his own leader", MGR, (a) => giveUpward(a, up(MGR)), person(MGR), "upwardLeadersCondition"),
  notFound("giveUpward: not for a leader who has left", LUKAS, (a) => giveUpward(a, up(AYLIN)), person(AYLIN), "upwardLeadersCondition"),
  { name: "mayGiveUpward: someone without upward.give may not answer", as: STRANGER, call: (a) => mayGiveUpward(a, idOf(HR)), expect: (b: boolean) => expect(b).toBe(false) },
  { name: "myUpwardLeaders: Elif is offered exactly her supervisor and her team's manager", as: EMP, call: (a) => myUpwardLeaders(a).leaders.map((l) => l.name).sort(), expect: (r: string[]) => expect(r).toEqual(["Marco Janssen", "Sven de Vries"]) },
  { name: "myUpwardLeaders: a leader who has left is not offered", as: LUKAS, call: (a) => myUpwardLeaders(a).leaders.map((l) => l.name), expect: (r: string[]) => expect(r).toEqual(["Marco Janssen"]) },
  { name: "hasUpwardResults: someone who leads nobody", as: EMP, call: (a) => hasUpwardResults(a), expect: (b: boolean) => expect(b).toBe(false) },
  { name: "positive: hasUpwardResults for a supervisor", as: SUP, call: (a) => hasUpwardResults(a), expect: (b: boolean) => expect(b).toBe(true) },
  notFound("giveUpward: a technician may not answer for HR", MEHMET, (a) => giveUpward(a, up(HR)), person(HR), "upwardLeadersCondition"),
  { name: "giveUpward: a second answer in the same quarter", as: EMP, call: (a) => giveUpward(a, up(SUP)), expect: "field", fieldErrors: { _form: "upward.alreadyGiven" } },
  { name: "giveUpward: a score outside 1–5", as: MEHMET, call: (a) => giveUpward(a, { ...up(SUP), scores: { ...scores, listens: 9 } }), expect: "field", fieldErrors: { listens: "upward.outOfScale" } },
  { name: "myUpwardResults: someone who leads nobody has none", as: EMP, call: (a) => myUpwardResults(a).rows, expect: (r: unknown[]) => expect(r).toEqual([]) },
  { name: "myUpwardResults: Marco sees none of Sven's results", as: MGR, call: (a) => myUpwardResults(a).rows, expect: (r: unknown[]) => expect(r).toEqual([]) },
  {
    name: "positive: Sven sees this quarter's results",
    as: SUP,
    call: (a) => myUpwardResults(a).rows.filter((r) => r.shown).length,
    expect: (n: number) => expect(n).toBe(1),
  },
  { name: "positive: Burak answers for Sven", as: "burak.demir@example.com", call: (a) => giveUpward(a, up(SUP)), expect: (r: unknown) => expect(r).toEqual({ given: true }), changes: ["upward_answers", "upward_given"] },
];

describe("refusals: praise, suggestions and upward feedback", () => {
  refusals(cases);
});

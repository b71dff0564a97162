import { eq } from "drizzle-orm";
import { beforeAll, describe, expect } from "vitest";
import { getDb } from "@/db/client";
import { evaluations } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ActionError } from "@/lib/core/errors";
import { addAddendum, conversationOf, reply, respond, review, type Conversation } from "@/lib/evaluations/respond";
import { unansweredForManagers, waitingCount } from "@/lib/evaluations/waiting";
import { insertEvaluation } from "@/lib/test/evaluations";
import { useSeededTestDb } from "@/lib/test/db";
import { EMP, HR, MGR, NORA, notFound, refusals, SEED_TIMEOUT, STRANGER, SUP, type RefusalCase } from "@/lib/test/refusals";

/**
 * Refusals after an evaluation's release (lib/evaluations/respond.ts; harness: lib/test/refusals.ts):
 * answering, replying, addenda, review and the thread. Out of sight is "not found" (audited); in
 * sight but not theirs to do is a clear ActionError that writes nothing.
 */

const PEER = "thomas.bakker@example.com";
const THREAD_CHANGES = ["evaluations", "evaluation_entries", "notifications", "notification_deliveries", "sqlite_sequence"];

let ev: {
  /** Elif's, by the supervisor: released, nothing said yet. */
  released: number;
  /** Elif's, by the supervisor: Elif asked a question. */
  questioned: number;
  /** Elif's, by the supervisor: a disagreement kept, escalated to the manager. */
  escalated: number;
  /** Elif's, by the supervisor: still a draft. */
  draft: number;
  /** Elif's, by the supervisor: waiting for her self-assessment. */
  selfAssessment: number;
  /** Nora's, by the supervisor (Elif is Nora's buddy). */
  nora: number;
  /** Elif's, questioned, its author gone (deleted): HR's to reply to. */
  orphan: number;
  /** Elif's, by the supervisor, for the positive controls. */
  positive: number;
  /** HR's own, questioned, its author gone: HR is the employee here, not HR. */
  hrOwn: number;
  /** HR's own, by the manager, escalated to the manager. */
  hrEscalated: number;
  /** The supervisor's of himself (start refuses this; written straight): he is the employee, not the author. */
  selfWritten: number;
  /** The manager's, escalated to the manager himself (escalationReviewer never does this; written straight). */
  selfReview: number;
};

/** The demo's own escalation to manager@ (Oliver's kept disagreement, db/seed-evaluations.ts). */
let seededEscalation = 0;

beforeAll(async () => {
  await useSeededTestDb();
  seededEscalation = getDb().select({ id: evaluations.id }).from(evaluations).where(eq(evaluations.status, "escalated")).get()!.id;
  const make = (status: Parameters<typeof insertEvaluation>[0]["status"], personEmail = EMP) => insertEvaluation({ personEmail, authorEmail: SUP, status });
  ev = {
    released: make("released"),
    questioned: make("questioned"),
    escalated: insertEvaluation({ personEmail: EMP, authorEmail: SUP, status: "escalated", escalatedToEmail: MGR }),
    draft: make("draft"),
    selfAssessment: make("self_assessment"),
    nora: make("released", NORA),
    orphan: make("questioned"),
    positive: make("released"),
    hrOwn: insertEvaluation({ personEmail: HR, authorEmail: MGR, status: "questioned" }),
    hrEscalated: insertEvaluation({ personEmail: HR, authorEmail: MGR, status: "escalated", escalatedToEmail: MGR }),
    selfWritten: insertEvaluation({ personEmail: SUP, authorEmail: SUP, status: "questioned" }),
    selfReview: insertEvaluation({ personEmail: MGR, authorEmail: HR, status: "escalated", escalatedToEmail: MGR }),
  };
  for (const id of [ev.orphan, ev.hrOwn]) getDb().update(evaluations).set({ authorId: null }).where(eq(evaluations.id, id)).run();
}, SEED_TIMEOUT);

const target = (key: keyof typeof ev) => () => ({ type: "evaluation", id: ev[key] });

/** An in-sight refusal: the call's ActionError, returned so the harness can also check nothing was written. */
function refused(name: string, as: string, call: (a: Actor) => unknown, key: string, values?: Record<string, string>): RefusalCase {
  return {
    name,
    as,
    call: (a) => {
      try {
        call(a);
      } catch (e) {
        return e;
      }
      return "not refused";
    },
    expect: (e: unknown) => {
      expect(e).toBeInstanceOf(ActionError);
      expect((e as ActionError).key).toBe(`evaluationConversation.${key}`);
      if (values) expect((e as ActionError).values).toEqual(values);
    },
  };
}

const name = (email: string) => (email === EMP ? "Elif Yılmaz" : email);

const cases: RefusalCase[] = [
  // ---------- out of sight: not found ----------
  notFound("respond: the buddy may not answer Nora's evaluation", EMP, (a) => respond(a, ev.nora, { answer: "understood" }), target("nora"), "evaluationsCondition"),
  notFound("conversationOf: the buddy may not read Nora's evaluation", EMP, (a) => conversationOf(a, ev.nora), target("nora"), "evaluationsCondition"),
  notFound("conversationOf: a peer may not read Elif's evaluation", PEER, (a) => conversationOf(a, ev.released), target("released"), "evaluationsCondition"),
  notFound("respond: a peer may not answer Elif's evaluation", PEER, (a) => respond(a, ev.released, { answer: "understood" }), target("released"), "evaluationsCondition"),
  notFound("reply: a peer may not reply on Elif's evaluation", PEER, (a) => reply(a, ev.questioned, { note: "Me." }), target("questioned"), "evaluationsCondition"),
  notFound("addAddendum: Nora may not correct Elif's evaluation", NORA, (a) => addAddendum(a, ev.released, { note: "Me." }), target("released"), "evaluationsCondition"),
  notFound("review: a peer may not review Elif's disagreement", PEER, (a) => review(a, ev.escalated, { note: "Me." }), target("escalated"), "evaluationsCondition"),
  notFound("conversationOf: an unknown app role sees nothing", STRANGER, (a) => conversationOf(a, ev.released), target("released"), "evaluationsCondition"),
  notFound("conversationOf: Elif may not read her draft", EMP, (a) => conversationOf(a, ev.draft), target("draft"), "evaluationsCondition"),
  notFound("respond: Elif may not answer her draft", EMP, (a) => respond(a, ev.draft, { answer: "understood" }), target("draft"), "evaluationsCondition"),
  notFound("respond: an evaluation that does not exist", EMP, (a) => respond(a, 999_999, { answer: "understood" }), null),

  // ---------- in sight, not theirs: a clear refusal ----------
  refused("respond: the author may not answer for Elif", SUP, (a) => respond(a, ev.released, { answer: "understood" }), "onlyEmployee", { name: name(EMP) }),
  refused("respond: the author's manager may not answer for Elif", MGR, (a) => respond(a, ev.released, { answer: "question", note: "?" }), "onlyEmployee", { name: name(EMP) }),
  refused("respond: HR may not answer for Elif", HR, (a) => respond(a, ev.released, { answer: "disagree", note: "!" }), "onlyEmployee", { name: name(EMP) }),
  refused("reply: Elif may not reply to herself", EMP, (a) => reply(a, ev.questioned, { note: "Me." }), "onlyAuthor"),
  refused("reply: the author's manager may not reply for the author", MGR, (a) => reply(a, ev.questioned, { note: "Me." }), "onlyAuthor"),
  refused("reply: HR may not reply while the author is here", HR, (a) => reply(a, ev.questioned, { note: "Me." }), "onlyAuthor"),
  refused("reply: the manager may not reply when the author is gone (HR only)", MGR, (a) => reply(a, ev.orphan, { note: "Me." }), "onlyHr"),
  refused("addAddendum: Elif may not add a correction", EMP, (a) => addAddendum(a, ev.released, { note: "Me." }), "onlyAuthorAddendum"),
  refused("addAddendum: HR may not add a correction for the author", HR, (a) => addAddendum(a, ev.released, { note: "Me." }), "onlyAuthorAddendum"),
  refused("review: the author may not review the disagreement with him", SUP, (a) => review(a, ev.escalated, { note: "Fine." }), "onlyReviewer"),
  refused("review: Elif may not review her own disagreement", EMP, (a) => review(a, ev.escalated, { note: "Fine." }), "onlyReviewer"),

  // ---------- wrong state ----------
  refused("respond: Elif may not answer while her question waits for a reply", EMP, (a) => respond(a, ev.questioned, { answer: "understood" }), "waitingForReply"),
  refused("respond: Elif may not answer while her disagreement is under review", EMP, (a) => respond(a, ev.escalated, { answer: "understood" }), "withReviewer"),
  refused("respond: Elif may not answer an evaluation not yet released", EMP, (a) => respond(a, ev.selfAssessment, { answer: "understood" }), "notReleased"),
  refused("reply: the author may not reply when nothing is asked", SUP, (a) => reply(a, ev.released, { note: "Unasked." }), "nothingToReply"),
  refused("reply: the author may not reply on a draft", SUP, (a) => reply(a, ev.draft, { note: "Early." }), "notReleased"),
  refused("addAddendum: the author may not correct a draft", SUP, (a) => addAddendum(a, ev.draft, { note: "Early." }), "notReleased"),
  refused("review: the manager may not review what is not escalated", MGR, (a) => review(a, ev.questioned, { note: "Early." }), "nothingToReview"),

  // ---------- bad input ----------
  { name: "respond: a question without a note", as: EMP, call: (a) => respond(a, ev.released, { answer: "question", note: "" }), expect: "field", fieldErrors: { note: "required" } },
  { name: "respond: a disagreement without a note", as: EMP, call: (a) => respond(a, ev.released, { answer: "disagree" }), expect: "field", fieldErrors: { note: "required" } },
  { name: "respond: a note over 20,000 characters", as: EMP, call: (a) => respond(a, ev.released, { answer: "understood", note: "x".repeat(20_001) }), expect: "field", fieldErrors: { note: "textTooLong" } },
  { name: "reply: an empty reply", as: SUP, call: (a) => reply(a, ev.questioned, { note: " " }), expect: "field", fieldErrors: { note: "required" } },
  { name: "addAddendum: an empty correction", as: SUP, call: (a) => addAddendum(a, ev.released, { note: "" }), expect: "field", fieldErrors: { note: "required" } },
  { name: "review: a review over 20,000 characters", as: MGR, call: (a) => review(a, ev.escalated, { note: "x".repeat(20_001) }), expect: "field", fieldErrors: { note: "textTooLong" } },

  // ---------- what each may do, as the thread reports it ----------
  {
    name: "conversationOf: the author's manager sees the evaluation and may do nothing in it",
    as: MGR,
    call: (a) => conversationOf(a, ev.questioned).me,
    expect: (me: Conversation["me"]) => expect(me).toEqual({ isEmployee: false, isAuthor: false, answer: null, reply: false, addendum: false, review: false }),
  },
  {
    name: "conversationOf: HR may reply only when the author is gone",
    as: HR,
    call: (a) => [conversationOf(a, ev.questioned).me.reply, conversationOf(a, ev.orphan).me.reply],
    expect: (r: boolean[]) => expect(r).toEqual([false, true]),
  },
  {
    name: "conversationOf: the author may not reply when nothing is asked, nor correct a draft",
    as: SUP,
    call: (a) => [conversationOf(a, ev.released).me.reply, conversationOf(a, ev.draft).me.addendum, conversationOf(a, ev.released).me.addendum],
    expect: (r: boolean[]) => expect(r).toEqual([false, false, true]),
  },
  {
    name: "conversationOf: the author may not answer for Elif",
    as: SUP,
    call: (a) => conversationOf(a, ev.released).me.answer,
    expect: (r: unknown) => expect(r).toBeNull(),
  },
  {
    name: "conversationOf: the author's manager may not answer for Elif",
    as: MGR,
    call: (a) => conversationOf(a, ev.released).me.answer,
    expect: (r: unknown) => expect(r).toBeNull(),
  },
  {
    name: "conversationOf: HR may not review what is not escalated",
    as: HR,
    call: (a) => [conversationOf(a, ev.released).me.review, conversationOf(a, ev.escalated).me.review],
    expect: (r: boolean[]) => expect(r).toEqual([false, true]),
  },
  {
    name: "conversationOf: in her own evaluation HR is the employee: no reply in place of a gone author, no review of her own disagreement",
    as: HR,
    call: (a) => [conversationOf(a, ev.hrOwn).me.reply, conversationOf(a, ev.hrEscalated).me.review, conversationOf(a, ev.hrOwn).me.isEmployee],
    expect: (r: boolean[]) => expect(r).toEqual([false, false, true]),
  },
  refused("review: HR may not review her own kept disagreement", HR, (a) => review(a, ev.hrEscalated, { note: "Mine." }), "onlyReviewer"),
  refused("reply: HR may not reply to her own question", HR, (a) => reply(a, ev.hrOwn, { note: "Mine." }), "onlyHr"),
  {
    name: "conversationOf: in an evaluation of himself the supervisor is the employee, not the author",
    as: SUP,
    call: (a) => conversationOf(a, ev.selfWritten).me,
    expect: (me: Conversation["me"]) => expect([me.isEmployee, me.isAuthor, me.reply, me.addendum]).toEqual([true, false, false, false]),
  },
  refused("review: nobody reviews a disagreement with their own evaluation", MGR, (a) => review(a, ev.selfReview, { note: "Mine." }), "onlyReviewer"),
  {
    name: "conversationOf: the reviewer (and only the reviewer or HR) may review",
    as: MGR,
    call: (a) => conversationOf(a, ev.escalated).me.review,
    expect: (r: boolean) => expect(r).toBe(true),
  },
  { name: "conversationOf: the author may not review", as: SUP, call: (a) => conversationOf(a, ev.escalated).me.review, expect: (r: boolean) => expect(r).toBe(false) },
  {
    name: "conversationOf: Elif may answer her released evaluation, not one waiting for a reply",
    as: EMP,
    call: (a) => [conversationOf(a, ev.released).me.answer !== null, conversationOf(a, ev.questioned).me.answer !== null],
    expect: (r: boolean[]) => expect(r).toEqual([true, false]),
  },

  // ---------- waiting lists narrow silently ----------
  {
    name: "unansweredForManagers: the supervisor does not get HR's orphaned questions, nor his own evaluation",
    as: SUP,
    call: (a) => unansweredForManagers(a).rows.map((r) => r.id),
    expect: (ids: number[]) => expect(ids).toEqual([ev.questioned]),
  },
  {
    name: "unansweredForManagers: the manager sees his supervisor's unanswered question and the escalation to him",
    as: MGR,
    call: (a) => unansweredForManagers(a).rows.map((r) => [r.id, r.reason]),
    expect: (rows: [number, string][]) =>
      expect(rows.sort()).toEqual(
        [
          [seededEscalation, "review"],
          [ev.escalated, "review"],
          [ev.questioned, "below"],
          [ev.hrEscalated, "review"],
          [ev.selfWritten, "below"],
        ].sort(),
      ),
  },
  {
    name: "unansweredForManagers: HR gets the questions of authors who are gone, never her own",
    as: HR,
    call: (a) => unansweredForManagers(a).rows.map((r) => [r.id, r.reason]),
    expect: (rows: [number, string][]) => expect(rows).toEqual([[ev.orphan, "reply"]]),
  },
  { name: "waitingCount: Elif has nothing to answer for others", as: EMP, call: (a) => waitingCount(a), expect: (n: number) => expect(n).toBe(0) },
  { name: "waitingCount: a peer has nothing waiting", as: PEER, call: (a) => waitingCount(a), expect: (n: number) => expect(n).toBe(0) },
  { name: "waitingCount: an unknown app role has nothing waiting", as: STRANGER, call: (a) => waitingCount(a), expect: (n: number) => expect(n).toBe(0) },

  // ---------- positive controls (last: they change the evaluation) ----------
  {
    name: "positive: Elif asks a question on her evaluation",
    as: EMP,
    call: (a) => respond(a, ev.positive, { answer: "question", note: "What does it mean?" }).status,
    expect: (s: string) => expect(s).toBe("questioned"),
    changes: THREAD_CHANGES,
  },
  {
    name: "positive: the author replies",
    as: SUP,
    call: (a) => reply(a, ev.positive, { note: "It means this." }).status,
    expect: (s: string) => expect(s).toBe("answered"),
    changes: THREAD_CHANGES,
  },
  {
    name: "positive: the author adds a correction (the evaluation row stays)",
    as: SUP,
    call: (a) => addAddendum(a, ev.positive, { note: "Corrected." }).entryCreated,
    expect: (ok: boolean) => expect(ok).toBe(true),
    changes: ["evaluation_entries", "notifications", "notification_deliveries", "sqlite_sequence"],
  },
  {
    name: "positive: HR replies to a question whose author is gone",
    as: HR,
    call: (a) => reply(a, ev.orphan, { note: "HR answers." }).status,
    expect: (s: string) => expect(s).toBe("answered"),
    changes: THREAD_CHANGES,
  },
  {
    name: "positive: the manager reviews the disagreement escalated to him",
    as: MGR,
    call: (a) => review(a, ev.escalated, { note: "Reviewed." }).status,
    expect: (s: string) => expect(s).toBe("closed"),
    changes: THREAD_CHANGES,
  },
];

describe("refusals: answering, replying, correcting and reviewing an evaluation", () => {
  refusals(cases);
});

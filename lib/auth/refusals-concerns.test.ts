import { beforeAll, describe, expect } from "vitest";
import { getConcern, inboxCount, listConcerns, type ConcernListRow } from "@/lib/concerns/read";
import { answerConcern, closeConcern, forwardConcern, replyAsAuthor, resolveConcern, searchForwardTargets } from "@/lib/concerns/respond";
import { searchConcernTeams } from "@/lib/concerns/raise";
import { useSeededTestDb } from "@/lib/test/db";
import { insertConcern } from "@/lib/test/confidence";
import { EMP, forbidden, HR, idOf, MGR, notFound, refusals, SEED_TIMEOUT, STRANGER, SUP, type RefusalCase } from "@/lib/test/refusals";

/** Refusals on existing concerns: reading, answering, the author's reply and resolve, closing, forwarding (harness: lib/test/refusals.ts). */

const PEER = "thomas.bakker@example.com";
const fx = { named: "", anon: "", answered: "", peers: "", closed: "", toDaan: "" };
beforeAll(async () => {
  await useSeededTestDb();
  // Elif's named concern, addressed to her supervisor.
  fx.named = insertConcern({ authorEmail: EMP, addresseeEmails: [SUP], body: "Named concern." }).id;
  // An anonymous concern addressed to the supervisor (nobody knows whose).
  fx.anon = insertConcern({ anonymous: true, addresseeEmails: [SUP], body: "Anonymous concern." }).id;
  fx.answered = insertConcern({ authorEmail: EMP, addresseeEmails: [SUP], answer: "An answer." }).id;
  // Thomas's named concern, addressed to the manager: Elif and the supervisor have nothing to do with it.
  fx.peers = insertConcern({ authorEmail: PEER, addresseeEmails: [MGR], body: "Thomas's concern." }).id;
  fx.closed = insertConcern({ authorEmail: EMP, addresseeEmails: [SUP], status: "closed" }).id;
  // Addressed to Daan, whom STRANGER plays with an app role the table does not know.
  fx.toDaan = insertConcern({ authorEmail: EMP, addresseeEmails: ["daan.visser@example.com"] }).id;
}, SEED_TIMEOUT);

const concern = (id: () => string) => () => ({ type: "concern", id: id() });
const ids = (rows: ConcernListRow[]) => rows.map((r) => r.id);

const cases: RefusalCase[] = [
  // ---------- reading ----------
  ...forbidden("listConcerns", [STRANGER], (a) => listConcerns(a, { view: "inbox" }), "concerns.raise"),
  ...forbidden("listConcerns all", [EMP, SUP, MGR], (a) => listConcerns(a, { view: "all" }), "concerns.oversee"),
  ...forbidden("getConcern", [STRANGER], (a) => getConcern(a, fx.named), "concerns.raise"),
  // The raise form's team search: for whoever may raise a concern.
  ...forbidden("searchConcernTeams", [STRANGER], (a) => searchConcernTeams(a, "Reception"), "concerns.raise"),
  notFound("getConcern: a peer does not see Elif's named concern", PEER, (a) => getConcern(a, fx.named), concern(() => fx.named), "concernsCondition"),
  notFound("getConcern: the manager is not an addressee of Elif's concern", MGR, (a) => getConcern(a, fx.named), concern(() => fx.named), "concernsCondition"),
  notFound("getConcern: Elif does not see Thomas's concern", EMP, (a) => getConcern(a, fx.peers), concern(() => fx.peers), "concernsCondition"),
  // No access.denied row: whoever tries may be its author, and nothing may tie them to it.
  notFound("getConcern: an anonymous concern out of sight is not found and not audited", EMP, (a) => getConcern(a, fx.anon), null),
  notFound("getConcern: a malformed id", HR, (a) => getConcern(a, "1"), null),
  notFound("getConcern: an id that does not exist", HR, (a) => getConcern(a, "3f2b8e4c-1d2a-4b6c-9e8f-0a1b2c3d4e5f"), null),
  { name: "listConcerns: the manager's inbox holds only concerns addressed to him", as: MGR, call: (a) => ids(listConcerns(a, { view: "inbox" }).rows), expect: (r: string[]) => expect(r).toEqual([fx.peers]) },
  {
    name: "getConcern: nobody may act on a closed concern, not even its addressee",
    as: SUP,
    call: (a) => getConcern(a, fx.closed).access,
    expect: (r: Record<string, boolean>) => expect(r).toMatchObject({ isAddressee: true, mayAnswer: false, mayClose: false, mayForward: false }),
  },
  {
    name: "getConcern: nor its author",
    as: EMP,
    call: (a) => getConcern(a, fx.closed).access,
    expect: (r: Record<string, boolean>) => expect(r).toMatchObject({ isAuthor: true, mayReplyAsAuthor: false, mayResolve: false }),
  },
  { name: "inboxCount: nothing for someone without concerns.raise", as: STRANGER, call: (a) => inboxCount(a), expect: (r: number) => expect(r).toBe(0) },
  { name: "inboxCount: positive control, Daan has one waiting", as: "daan.visser@example.com", call: (a) => inboxCount(a), expect: (r: number) => expect(r).toBe(1) },
  { name: "listConcerns: a peer's inbox is empty", as: PEER, call: (a) => inboxCount(a), expect: (r: number) => expect(r).toBe(0) },
  { name: "listConcerns: mine never lists anonymous concerns", as: EMP, call: (a) => ids(listConcerns(a, { view: "mine" }).rows), expect: (r: string[]) => {
      // Hers from this suite (the demo adds her resolved goodwill concern), never the anonymous one.
      expect(r.filter((id) => Object.values(fx).includes(id)).sort()).toEqual([fx.named, fx.answered, fx.closed, fx.toDaan].sort());
      expect(r).not.toContain(fx.anon);
    } },

  // ---------- answering ----------
  ...forbidden("answerConcern", [STRANGER], (a) => answerConcern(a, fx.named, { body: "Hi", revision: 1 }), "concerns.raise"),
  notFound("answerConcern: a peer is not an addressee", PEER, (a) => answerConcern(a, fx.named, { body: "Hi", revision: 1 }), concern(() => fx.named), "concernsCondition"),
  notFound("answerConcern: the manager on an anonymous concern not addressed to him", MGR, (a) => answerConcern(a, fx.anon, { body: "Hi", revision: 1 }), null),
  { name: "answerConcern: HR sees it but is not an addressee", as: HR, call: (a) => answerConcern(a, fx.named, { body: "Hi", revision: 1 }), expect: "forbidden" },
  { name: "answerConcern: the author replies, never answers", as: EMP, call: (a) => answerConcern(a, fx.named, { body: "Hi", revision: 1 }), expect: "forbidden" },
  { name: "answerConcern: an empty answer", as: SUP, call: (a) => answerConcern(a, fx.named, { body: "  \n ", revision: 1 }), expect: "field", fieldErrors: { body: "required" } },
  { name: "answerConcern: over 20,000 characters", as: SUP, call: (a) => answerConcern(a, fx.named, { body: "x".repeat(20_001), revision: 1 }), expect: "field", fieldErrors: { body: "textTooLong" } },

  // ---------- the author ----------
  ...forbidden("replyAsAuthor", [STRANGER], (a) => replyAsAuthor(a, fx.answered, { body: "Hi", revision: 1 }), "concerns.raise"),
  ...forbidden("resolveConcern", [STRANGER], (a) => resolveConcern(a, fx.answered, { revision: 1 }), "concerns.raise"),
  { name: "replyAsAuthor: the addressee is not the author", as: SUP, call: (a) => replyAsAuthor(a, fx.answered, { body: "Hi", revision: 1 }), expect: "forbidden" },
  { name: "replyAsAuthor: nobody signed in is an anonymous concern's author", as: SUP, call: (a) => replyAsAuthor(a, fx.anon, { body: "Hi", revision: 1 }), expect: "forbidden" },
  { name: "replyAsAuthor: an empty reply", as: EMP, call: (a) => replyAsAuthor(a, fx.answered, { body: "", revision: 1 }), expect: "field", fieldErrors: { body: "required" } },
  { name: "resolveConcern: the addressee cannot resolve", as: SUP, call: (a) => resolveConcern(a, fx.answered, { revision: 1 }), expect: "forbidden" },
  { name: "resolveConcern: HR cannot resolve for the author", as: HR, call: (a) => resolveConcern(a, fx.answered, { revision: 1 }), expect: "forbidden" },
  notFound("resolveConcern: a peer", PEER, (a) => resolveConcern(a, fx.answered, { revision: 1 }), concern(() => fx.answered), "concernsCondition"),

  // ---------- closing ----------
  ...forbidden("closeConcern", [STRANGER], (a) => closeConcern(a, fx.named, { reason: "Done", revision: 1 }), "concerns.raise"),
  { name: "closeConcern: without a reason", as: SUP, call: (a) => closeConcern(a, fx.named, { reason: " ", revision: 1 }), expect: "field", fieldErrors: { reason: "required" } },
  { name: "closeConcern: the author cannot close", as: EMP, call: (a) => closeConcern(a, fx.named, { reason: "Done", revision: 1 }), expect: "forbidden" },
  { name: "closeConcern: HR, not an addressee, cannot close", as: HR, call: (a) => closeConcern(a, fx.named, { reason: "Done", revision: 1 }), expect: "forbidden" },

  // ---------- forwarding ----------
  ...forbidden("forwardConcern", [STRANGER], (a) => forwardConcern(a, fx.named, { personId: idOf(MGR), revision: 1 }), "concerns.raise"),
  ...forbidden("searchForwardTargets", [STRANGER], (a) => searchForwardTargets(a, fx.named, "a"), "concerns.raise"),
  { name: "forwardConcern: an addressee does not forward to themself", as: SUP, call: (a) => forwardConcern(a, fx.named, { personId: a.id, revision: 1 }), expect: "field", fieldErrors: { personId: "concernThread.notForwardTarget" } },
  { name: "searchForwardTargets: HR may take a concern on themself", as: HR, call: (a) => searchForwardTargets(a, fx.named, "Helena").map((p) => p.id), expect: (r: number[]) => expect(r).toEqual([idOf(HR)]) },
  { name: "forwardConcern: not to an employee", as: SUP, call: (a) => forwardConcern(a, fx.named, { personId: idOf(PEER), revision: 1 }), expect: "field", fieldErrors: { personId: "concernThread.notForwardTarget" } },
  { name: "forwardConcern: not to the author", as: HR, call: (a) => forwardConcern(a, fx.named, { personId: idOf(EMP), revision: 1 }), expect: "field", fieldErrors: { personId: "concernThread.notForwardTarget" } },
  { name: "forwardConcern: not to someone who does not exist", as: SUP, call: (a) => forwardConcern(a, fx.named, { personId: 999_999, revision: 1 }), expect: "field", fieldErrors: { personId: "concernThread.notForwardTarget" } },
  { name: "forwardConcern: not to a current addressee", as: HR, call: (a) => forwardConcern(a, fx.named, { personId: idOf(SUP), revision: 1 }), expect: "field", fieldErrors: { personId: "concernThread.alreadyAddressee" } },
  { name: "forwardConcern: the author cannot forward", as: EMP, call: (a) => forwardConcern(a, fx.named, { personId: idOf(MGR), revision: 1 }), expect: "forbidden" },
  notFound("forwardConcern: a peer", PEER, (a) => forwardConcern(a, fx.named, { personId: idOf(MGR), revision: 1 }), concern(() => fx.named), "concernsCondition"),
  { name: "searchForwardTargets: the author cannot search", as: EMP, call: (a) => searchForwardTargets(a, fx.named, "a"), expect: "forbidden" },
  { name: "searchForwardTargets: offers no employee", as: SUP, call: (a) => searchForwardTargets(a, fx.named, "example").map((p) => p.id), expect: (r: number[]) => expect(r).not.toContain(idOf(PEER)) },

  // Allowed writes last.
  {
    name: "positive: the supervisor answers Elif's concern",
    as: SUP,
    call: (a) => answerConcern(a, fx.named, { body: "Let us talk.", revision: 1 }),
    expect: (r: { revision: number }) => expect(r.revision).toBe(2),
    changes: ["concern_messages", "concerns", "notification_deliveries", "notifications", "sqlite_sequence"],
  },
];

describe("refusals: concerns", () => {
  refusals(cases);
});

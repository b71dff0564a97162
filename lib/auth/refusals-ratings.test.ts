import { eq } from "drizzle-orm";
import { beforeAll, describe, expect } from "vitest";
import { getDb } from "@/db/client";
import { people, ratingFollowups, ratings } from "@/db/schema";
import { followupsWaitingCount, getFollowup, handOverFollowup, listFollowups, recordCustomerContact, recordWhatHappened, searchHandoverTargets, solveFollowup } from "@/lib/feedback/followups";
import { listRatingsOf, ratingsSummary } from "@/lib/feedback/my-ratings";
import { teamComments, teamRatings, type TeamRatings } from "@/lib/feedback/team-ratings";
import { ActionError } from "@/lib/core/errors";
import { useSeededTestDb } from "@/lib/test/db";
import { EMP, forbidden, HR, idOf, MGR, notFound, refusals, SEED_TIMEOUT, STRANGER, SUP, type RefusalCase } from "@/lib/test/refusals";

/** Refusals for customer ratings: My feedback, team aggregates, follow-ups of low ratings (harness: lib/test/refusals.ts). */

const PEER = "thomas.bakker@example.com";
const NORA = "newhire@example.com";
const fx = { open: 0, handed: 0, solved: 0, elif: 0, thomas: 0, nora: 0 };
beforeAll(async () => {
  await useSeededTestDb();
  const db = getDb();
  fx.elif = idOf(EMP);
  fx.thomas = idOf(PEER);
  fx.nora = idOf(NORA);
  // Nora reports to Thomas, an employee: leading someone does not give him ratings.aggregate.
  db.update(people).set({ reportsToId: fx.thomas }).where(eq(people.id, fx.nora)).run();
  // Aylin has left: nobody may hand a follow-up to her.
  db.update(people).set({ active: false }).where(eq(people.email, "aylin.celik@example.com")).run();
  fx.open = db.select({ id: ratingFollowups.id }).from(ratingFollowups).where(eq(ratingFollowups.status, "open")).get()!.id;
  fx.solved = db.select({ id: ratingFollowups.id }).from(ratingFollowups).where(eq(ratingFollowups.status, "solved")).get()!.id;
  // A follow-up of a rating of Elif the supervisor handed to the manager.
  const elif = db.select().from(people).where(eq(people.id, fx.elif)).get()!;
  const at = new Date().toISOString();
  const rating = db
    .insert(ratings)
    .values({ personId: elif.id, jobRoleId: elif.jobRoleId, teamId: elif.teamId, source: "walkup", stars: 1, comment: "", locale: "en", contactName: "C", contactPhone: "+31 6 1111 2222", createdAt: at, createdOn: at.slice(0, 10) })
    .returning({ id: ratings.id })
    .get();
  fx.handed = db
    .insert(ratingFollowups)
    .values({ ratingId: rating.id, ownerId: idOf(SUP), handedToId: idOf(MGR), status: "handed", dueOn: at.slice(0, 10), createdAt: at, updatedAt: at })
    .returning({ id: ratingFollowups.id })
    .get().id;
}, SEED_TIMEOUT);

const followup = (id: () => number) => () => ({ type: "rating_followup", id: id() });
const person = (id: () => number) => () => ({ type: "person", id: id() });

const cases: RefusalCase[] = [
  // ---------- My feedback ----------
  ...forbidden("ratingsSummary", [STRANGER], (a) => ratingsSummary(a, a.id), "ratings.read"),
  ...forbidden("listRatingsOf", [STRANGER], (a) => listRatingsOf(a, a.id), "ratings.read"),
  notFound("ratingsSummary: a colleague does not read Elif's ratings", PEER, (a) => ratingsSummary(a, fx.elif), person(() => fx.elif), "mayReadRatingsOf"),
  notFound("listRatingsOf: a colleague does not read Elif's ratings", PEER, (a) => listRatingsOf(a, fx.elif), person(() => fx.elif), "mayReadRatingsOf"),
  notFound("listRatingsOf: the supervisor does not read Thomas's (he reports to the manager)", SUP, (a) => listRatingsOf(a, fx.thomas), person(() => fx.thomas), "mayReadRatingsOf"),
  notFound("listRatingsOf: an employee someone reports to does not read their ratings", PEER, (a) => listRatingsOf(a, fx.nora), person(() => fx.nora), "mayReadRatingsOf"),
  {
    name: "listRatingsOf: Elif reads her own ratings",
    as: EMP,
    call: (a) => listRatingsOf(a, a.id),
    expect: (r: { total: number }) => expect(r.total).toBeGreaterThan(0),
  },
  {
    name: "ratingsSummary: HR reads anyone's",
    as: HR,
    call: (a) => ratingsSummary(a, fx.thomas),
    expect: (r: { overall: { n: number } }) => expect(r.overall.n).toBeGreaterThan(0),
  },
  {
    name: "teamRatings: HR sees everyone rated",
    as: HR,
    call: (a) => teamRatings(a, {}),
    expect: (r: TeamRatings) => expect(r.people.rows.map((p) => Number(p.key))).toEqual(expect.arrayContaining([fx.elif, fx.thomas])),
  },
  notFound("listRatingsOf: a person that does not exist", HR, (a) => listRatingsOf(a, 999_999), null),
  {
    name: "listRatingsOf: the supervisor reads her report's ratings",
    as: SUP,
    call: (a) => listRatingsOf(a, fx.elif),
    expect: (r: { total: number }) => expect(r.total).toBeGreaterThan(0),
  },

  // ---------- Team aggregates ----------
  ...forbidden("teamRatings", [EMP, STRANGER], (a) => teamRatings(a, {}), "ratings.aggregate"),
  ...forbidden("teamComments", [EMP, STRANGER], (a) => teamComments(a, {}), "ratings.aggregate"),
  {
    name: "teamRatings: the supervisor sees only the people below her",
    as: SUP,
    call: (a) => teamRatings(a, {}),
    expect: (r: TeamRatings) => expect(r.people.rows.map((p) => Number(p.key))).toEqual([fx.elif]),
  },
  {
    name: "teamComments: the supervisor reads no comments about Thomas",
    as: SUP,
    call: (a) => teamComments(a, { from: "2000-01-01", to: "2000-12-31" }),
    expect: (r: { total: number }) => expect(r.total).toBe(0),
  },

  // ---------- Follow-ups ----------
  ...forbidden("listFollowups", [STRANGER], (a) => listFollowups(a), "followups.handle"),
  ...forbidden("followupsWaitingCount", [STRANGER], (a) => followupsWaitingCount(a), "followups.handle"),
  ...forbidden("getFollowup", [STRANGER], (a) => getFollowup(a, fx.open), "followups.handle"),
  ...forbidden("recordWhatHappened", [STRANGER], (a) => recordWhatHappened(a, fx.open, { text: "x", revision: 1 }), "followups.handle"),
  ...forbidden("handOverFollowup", [STRANGER], (a) => handOverFollowup(a, fx.open, { personId: idOf(MGR), revision: 1 }), "followups.handle"),
  ...forbidden("recordCustomerContact", [STRANGER], (a) => recordCustomerContact(a, fx.open, { note: "x", revision: 1 }), "followups.handle"),
  ...forbidden("solveFollowup", [STRANGER], (a) => solveFollowup(a, fx.open, { revision: 1 }), "followups.handle"),
  ...forbidden("searchHandoverTargets", [STRANGER], (a) => searchHandoverTargets(a, fx.open, "Marco"), "followups.handle"),
  {
    name: "listFollowups: the supervisor sees the ones she owns",
    as: SUP,
    call: (a) => listFollowups(a),
    expect: (r: { rows: { id: number }[] }) => expect(r.rows.map((x) => x.id)).toEqual(expect.arrayContaining([fx.open, fx.solved])),
  },
  {
    name: "listFollowups: HR sees every one",
    as: HR,
    call: (a) => listFollowups(a),
    expect: (r: { rows: { id: number }[] }) => expect(r.rows.map((x) => x.id)).toEqual(expect.arrayContaining([fx.open, fx.solved, fx.handed])),
  },
  {
    name: "getFollowup: HR reads one it does not own, and may take every step",
    as: HR,
    call: (a) => getFollowup(a, fx.open),
    expect: (r: ReturnType<typeof getFollowup>) => expect(r.me).toEqual({ mayRead: true, mayHandOver: true, mayResolve: true }),
  },
  {
    name: "getFollowup: a solved one can be read but no step taken",
    as: SUP,
    call: (a) => getFollowup(a, fx.solved),
    expect: (r: ReturnType<typeof getFollowup>) => expect(r.me).toEqual({ mayRead: true, mayHandOver: false, mayResolve: false }),
  },
  {
    name: "recordWhatHappened: a solved one is refused as solved",
    as: SUP,
    call: (a) => {
      try {
        return recordWhatHappened(a, fx.solved, { text: "x", revision: 4 });
      } catch (e) {
        return e;
      }
    },
    expect: (e: unknown) => expect(e).toBeInstanceOf(ActionError),
  },
  {
    name: "listFollowups: the rated employee sees none of her follow-ups",
    as: EMP,
    call: (a) => listFollowups(a),
    expect: (r: { total: number }) => expect(r.total).toBe(0),
  },
  notFound("getFollowup: the rated employee does not see it (nor the contact details)", EMP, (a) => getFollowup(a, fx.open), followup(() => fx.open), "followupAccess"),
  notFound("getFollowup: a colleague does not see it", PEER, (a) => getFollowup(a, fx.open), followup(() => fx.open), "followupAccess"),
  notFound("getFollowup: the manager does not see one not handed to him", MGR, (a) => getFollowup(a, fx.open), followup(() => fx.open), "followupAccess"),
  notFound("getFollowup: an id that does not exist", HR, (a) => getFollowup(a, 999_999), null),
  notFound("recordWhatHappened: the rated employee", EMP, (a) => recordWhatHappened(a, fx.open, { text: "x", revision: 1 }), followup(() => fx.open), "followupAccess"),
  notFound("handOverFollowup: a colleague", PEER, (a) => handOverFollowup(a, fx.open, { personId: idOf(MGR), revision: 1 }), followup(() => fx.open), "followupAccess"),
  notFound("recordCustomerContact: the rated employee", EMP, (a) => recordCustomerContact(a, fx.open, { note: "x", revision: 1 }), followup(() => fx.open), "followupAccess"),
  notFound("solveFollowup: the rated employee", EMP, (a) => solveFollowup(a, fx.open, { revision: 1 }), followup(() => fx.open), "followupAccess"),
  notFound("searchHandoverTargets: a colleague", PEER, (a) => searchHandoverTargets(a, fx.open, "Marco"), followup(() => fx.open), "followupAccess"),
  {
    name: "searchHandoverTargets: the owner finds an active colleague, never someone who left",
    as: SUP,
    call: (a) => [searchHandoverTargets(a, fx.open, "Marco"), searchHandoverTargets(a, fx.open, "Aylin")],
    expect: (r: { id: number }[][]) => expect(r.map((list) => list.map((p) => p.id))).toEqual([[idOf(MGR)], []]),
  },
  { name: "handOverFollowup: the person it was handed to may not hand it on", as: MGR, call: (a) => handOverFollowup(a, fx.handed, { personId: idOf(HR), revision: 1 }), expect: "forbidden" },
  { name: "recordWhatHappened: the person it was handed to may not rewrite it", as: MGR, call: (a) => recordWhatHappened(a, fx.handed, { text: "x", revision: 1 }), expect: "forbidden" },
  {
    name: "handOverFollowup: never to the rated employee",
    as: SUP,
    call: (a) => handOverFollowup(a, fx.open, { personId: fx.elif, revision: 1 }),
    expect: "field",
    fieldErrors: { personId: "followups.notTarget" },
  },
  {
    name: "handOverFollowup: never to oneself",
    as: SUP,
    call: (a) => handOverFollowup(a, fx.open, { personId: a.id, revision: 1 }),
    expect: "field",
    fieldErrors: { personId: "followups.notTarget" },
  },
  {
    name: "getFollowup: the person it was handed to reads it with the contact details",
    as: MGR,
    call: (a) => getFollowup(a, fx.handed),
    expect: (r: ReturnType<typeof getFollowup>) => expect(r.rating.contact.phone).toBe("+31 6 1111 2222"),
  },
];

describe("ratings refusals", () => {
  refusals(cases);
});

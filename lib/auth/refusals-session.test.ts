import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, vi } from "vitest";
import { getDb } from "@/db/client";
import { people } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { getActor, requireActor } from "@/lib/auth/session";
import { getPerson } from "@/lib/people/directory";
import { setPersonActive } from "@/lib/people/records";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { actorOf, EMP, HR, idOf, refusals, SEED_TIMEOUT, type RefusalCase } from "@/lib/test/refusals";

/**
 * The session: every request re-reads the signed-in person, so a missing or stale session, a bumped
 * session version and a deactivated account are all signed out (harness: lib/test/refusals.ts).
 */

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("@/auth", () => ({ auth: async () => session.current }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
}));

const AYLIN = "aylin.celik@example.com";
beforeAll(async () => {
  await useSeededTestDb();
  const aylin = getPerson(actorOf(HR), idOf(AYLIN));
  setPersonActive(actorOf(HR), aylin.id, aylin.revision, false);
}, SEED_TIMEOUT);

const sv = (email: string) => getDb().select({ v: people.sessionVersion }).from(people).where(eq(people.id, idOf(email))).get()!.v;
/** getActor under a given session. */
const as = (s: () => unknown) => () => {
  session.current = s();
  return getActor();
};
const signedOut = (name: string, s: () => unknown): RefusalCase => ({ name, as: HR, call: as(s), expect: (a: Actor | null) => expect(a).toBeNull() });

const cases: RefusalCase[] = [
  signedOut("getActor: no session", () => null),
  signedOut("getActor: a session without a person", () => ({ user: {}, sv: 0 })),
  signedOut("getActor: a session without a version", () => ({ user: { id: String(idOf(EMP)) } })),
  signedOut("getActor: a session of an unknown person", () => ({ user: { id: "99999" }, sv: 0 })),
  signedOut("getActor: a session whose version was bumped", () => ({ user: { id: String(idOf(EMP)) }, sv: sv(EMP) - 1 })),
  signedOut("getActor: a deactivated person's current session", () => ({ user: { id: String(idOf(AYLIN)) }, sv: sv(AYLIN) })),
  {
    name: "requireActor: no session redirects to sign-in",
    as: HR,
    call: async () => {
      session.current = null;
      return requireActor().then(
        () => "signed in",
        (e: Error) => e.message,
      );
    },
    expect: (r: string) => expect(r).toBe("redirect /sign-in?expired=1"),
  },
  { name: "positive: a current session is the person, read fresh", as: HR, call: as(() => ({ user: { id: String(idOf(EMP)) }, sv: sv(EMP) })), expect: (a: Actor | null) => expect(a).toEqual(actorFor(EMP)) },
];

describe("refusals: the session", () => {
  refusals(cases);
});

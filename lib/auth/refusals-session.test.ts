import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, vi } from "vitest";
import { getDb } from "@/db/client";
import { people } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorOfToken, requireActor, type SessionToken } from "@/lib/auth/session";
import { createSession, endSession } from "@/lib/auth/sessions";
import { getPerson } from "@/lib/people/directory";
import { setPersonActive } from "@/lib/people/records";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { actorOf, EMP, HR, idOf, refusals, SEED_TIMEOUT, type RefusalCase } from "@/lib/test/refusals";

/**
 * The session: every request re-reads the signed-in person, so a missing or stale session, a bumped
 * session version and a deactivated account are all signed out (harness: lib/test/refusals.ts).
 */

// requireActor reads the request's cookie: outside a request there is none, so it is signed out.
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));
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
  for (const email of [EMP, HR, AYLIN]) live.set(email, createSession({ personId: idOf(email), method: "password", secondFactor: false, ip: null, userAgent: null }));
  signedOutSid = createSession({ personId: idOf(EMP), method: "password", secondFactor: false, ip: null, userAgent: null });
  endSession(signedOutSid, "signout");
}, SEED_TIMEOUT);

const sv = (email: string) => getDb().select({ v: people.sessionVersion }).from(people).where(eq(people.id, idOf(email))).get()!.v;
/** Live server-side sessions (the cookie's sid), made before the cases (which must write nothing). */
const live = new Map<string, string>();
const sid = (email: string) => live.get(email)!;
let signedOutSid = "";
/** The person a decoded session token signs in. */
const as = (token: () => SessionToken | null) => () => actorOfToken(token());
const signedOut = (name: string, token: () => SessionToken | null): RefusalCase => ({ name, as: HR, call: as(token), expect: (a: Actor | null) => expect(a).toBeNull() });

const cases: RefusalCase[] = [
  signedOut("getActor: no session", () => null),
  signedOut("getActor: a session without a person", () => ({ sid: sid(EMP), sv: sv(EMP) })),
  signedOut("getActor: a session without a version", () => ({ sub: String(idOf(EMP)), sid: sid(EMP) })),
  signedOut("getActor: a token without a server-side session", () => ({ sub: String(idOf(EMP)), sv: sv(EMP) })),
  signedOut("getActor: a token naming an unknown session", () => ({ sub: String(idOf(EMP)), sid: "no-such-session", sv: sv(EMP) })),
  signedOut("getActor: another person's session", () => ({ sub: String(idOf(EMP)), sid: sid(HR), sv: sv(EMP) })),
  signedOut("getActor: a session that was signed out", () => ({ sub: String(idOf(EMP)), sid: signedOutSid, sv: sv(EMP) })),
  signedOut("getActor: a session of an unknown person", () => ({ sub: "99999", sid: sid(EMP), sv: 0 })),
  signedOut("getActor: a session whose version was bumped", () => ({ sub: String(idOf(EMP)), sid: sid(EMP), sv: sv(EMP) - 1 })),
  signedOut("getActor: a deactivated person's current session", () => ({ sub: String(idOf(AYLIN)), sid: sid(AYLIN), sv: sv(AYLIN) })),
  {
    name: "requireActor: no session redirects to sign-in",
    as: HR,
    call: async () => {
      return requireActor().then(
        () => "signed in",
        (e: Error) => e.message,
      );
    },
    expect: (r: string) => expect(r).toBe("redirect /sign-in?expired=1"),
  },
  { name: "positive: a current session is the person, read fresh", as: HR, call: as(() => ({ sub: String(idOf(EMP)), sid: sid(EMP), sv: sv(EMP) })), expect: (a: Actor | null) => expect(a).toEqual(actorFor(EMP)) },
];

describe("refusals: the session", () => {
  refusals(cases);
});

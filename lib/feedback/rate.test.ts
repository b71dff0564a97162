import { count, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { jobRoles, loginFailures, people, ratingCodes, ratings, ratingTags } from "@/db/schema";
import { ActionError, FieldError, NotFoundError } from "@/lib/core/errors";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { changedTables, fingerprint } from "@/lib/test/refusals";
import { openServiceLink, openWalkup, ratingFormSchema, submitServiceRating, submitWalkupRating, type RatingForm } from "./rate";
import { issueServiceLink } from "./tokens";

/** The public rating pages' rules (lib/feedback/rate.ts): opening never writes, single use, expiry, no self-rating, valid input, walk-up limits. */

let elifId: number;
let elifCode: string;
let otherCode: string;
let otherId: number;

beforeAll(async () => {
  await useSeededTestDb();
  elifId = actorFor("employee@example.com").id;
  elifCode = getDb().select().from(ratingCodes).where(eq(ratingCodes.personId, elifId)).get()!.code;
  const other = getDb().select().from(ratingCodes).all().find((c) => c.personId !== elifId)!;
  otherCode = other.code;
  otherId = other.personId;
}, 120_000);

const form = (over: Partial<RatingForm> = {}): RatingForm => ({ stars: "5", comment: "", tags: [], contactMe: false, contactName: "", contactPhone: "", contactEmail: "", ...over });
const link = (now = new Date()) => getDb().transaction((tx) => issueServiceLink(tx, { personId: elifId, madeBy: "person", createdById: elifId, apiKeyId: null, reference: "", now })).token;
const ratingCount = () => getDb().select({ n: count() }).from(ratings).get()!.n;

function refusal(call: () => unknown): unknown {
  const before = fingerprint();
  try {
    call();
  } catch (e) {
    expect(changedTables(before, fingerprint())).toEqual([]);
    return e;
  }
  throw new Error("not refused");
}
const actionKey = (e: unknown) => (e instanceof ActionError ? e.key : String(e));
const fieldErrors = (e: unknown) => (e instanceof FieldError ? e.fieldErrors : String(e));

describe("per-service link page", () => {
  it("shows the employee's first name, role and the role's standard categories, and records nothing", () => {
    const token = link();
    const before = fingerprint();
    const page = openServiceLink(null, token);
    expect(changedTables(before, fingerprint())).toEqual([]);
    expect(page).toMatchObject({ state: "open", firstName: "Elif", roleTitle: "Service Advisor" });
    expect(page.state === "open" && page.tags.length).toBeGreaterThan(0);
  });

  it("a token that names nothing is not found", () => {
    expect(() => openServiceLink(null, "nope")).toThrow(NotFoundError);
    expect(() => openServiceLink(null, "A".repeat(43))).toThrow(NotFoundError);
  });

  it("is used once: the second submit is refused with a clear message and the page says so", () => {
    const token = link();
    const n = ratingCount();
    const { ratingId } = submitServiceRating(null, token, form({ stars: "4", comment: "  Clear and kind.  " }), "nl");
    const row = getDb().select().from(ratings).where(eq(ratings.id, ratingId)).get()!;
    expect(row).toMatchObject({ personId: elifId, source: "service", stars: 4, comment: "Clear and kind.", locale: "nl" });
    expect(ratingCount()).toBe(n + 1);
    expect(actionKey(refusal(() => submitServiceRating(null, token, form(), "en")))).toBe("rate.linkUsed");
    expect(openServiceLink(null, token).state).toBe("used");
  });

  it("expires after 14 days", () => {
    const token = link(new Date(Date.now() - 15 * 24 * 60 * 60 * 1000));
    expect(openServiceLink(null, token).state).toBe("expired");
    expect(actionKey(refusal(() => submitServiceRating(null, token, form(), "en")))).toBe("rate.linkExpired");
  });

  it("refuses self-rating on opening and on submitting; others signed in may rate", () => {
    const token = link();
    const elif = actorFor("employee@example.com");
    expect(openServiceLink(elif, token).state).toBe("self");
    expect(actionKey(refusal(() => submitServiceRating(elif, token, form(), "en")))).toBe("rate.self");
    const supervisor = actorFor("supervisor@example.com");
    expect(openServiceLink(supervisor, token).state).toBe("open");
  });

  it("refuses stars outside 1–5, tags the role does not have, and a contact request without phone or email", () => {
    const token = link();
    for (const stars of [undefined, "", "0", "6", "3.5", "-1"]) {
      expect(fieldErrors(refusal(() => submitServiceRating(null, token, form({ stars }), "en")))).toEqual({ stars: "rate.chooseStars" });
    }
    expect(fieldErrors(refusal(() => submitServiceRating(null, token, form({ tags: ["nonsense"] }), "en")))).toEqual({ tags: "invalidChoice" });
    expect(fieldErrors(refusal(() => submitServiceRating(null, token, form({ contactMe: true, contactName: "Jan" }), "en")))).toEqual({ contactPhone: "rate.contactNeeded" });
    // The link is still open after all that.
    expect(openServiceLink(null, token).state).toBe("open");
  });

  it("stores tags of the role and the contact details only when asked", () => {
    const token = link();
    const page = openServiceLink(null, token);
    const tag = page.state === "open" ? page.tags[0] : "gestures";
    const { ratingId } = submitServiceRating(null, token, form({ stars: "2", tags: [tag], contactMe: true, contactName: "Jan", contactEmail: "jan@example.net" }), "en");
    expect(getDb().select({ tag: ratingTags.tag }).from(ratingTags).where(eq(ratingTags.ratingId, ratingId)).all()).toEqual([{ tag }]);
    expect(getDb().select().from(ratings).where(eq(ratings.id, ratingId)).get()).toMatchObject({ contactName: "Jan", contactEmail: "jan@example.net" });
    const token2 = link();
    const second = submitServiceRating(null, token2, form({ contactMe: false, contactName: "Jan", contactEmail: "jan@example.net" }), "en");
    expect(getDb().select().from(ratings).where(eq(ratings.id, second.ratingId)).get()).toMatchObject({ contactName: null, contactEmail: null });
  });
});

describe("the form's shape", () => {
  it("refuses a comment over 2,000 characters and a malformed email", () => {
    const ok = ratingFormSchema.safeParse({ key: "k", stars: "5", comment: "x".repeat(2000) });
    expect(ok.success).toBe(true);
    const long = ratingFormSchema.safeParse({ key: "k", stars: "5", comment: "x".repeat(2001) });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0].path).toEqual(["comment"]);
    const email = ratingFormSchema.safeParse({ key: "k", contactEmail: "not an email" });
    expect(email.error?.issues[0].path).toEqual(["contactEmail"]);
  });
  it("reads one tag or several, and the contact checkbox", () => {
    expect(ratingFormSchema.parse({ key: "k", tags: "speed", contactMe: "on" })).toMatchObject({ tags: ["speed"], contactMe: true });
    expect(ratingFormSchema.parse({ key: "k", tags: ["speed", "safety"] })).toMatchObject({ tags: ["speed", "safety"], contactMe: false });
  });
});

describe("walk-up page (personal QR code)", () => {
  it("opens without writing, refuses the employee themself, and marks ratings walk-up", () => {
    const before = fingerprint();
    expect(openWalkup(null, elifCode)).toMatchObject({ state: "open", firstName: "Elif" });
    expect(changedTables(before, fingerprint())).toEqual([]);
    const elif = actorFor("employee@example.com");
    expect(openWalkup(elif, elifCode).state).toBe("self");
    expect(actionKey(refusal(() => submitWalkupRating(elif, elifCode, form(), "en", { address: "10.0.0.1", device: "d-self" })))).toBe("rate.self");
    const { ratingId } = submitWalkupRating(null, elifCode, form({ stars: "5" }), "en", { address: "10.0.0.1", device: "d-0" });
    expect(getDb().select().from(ratings).where(eq(ratings.id, ratingId)).get()).toMatchObject({ source: "walkup", linkId: null, personId: elifId });
  });

  it("allows 2 an hour per device and 10 an hour per address, for each person rated", () => {
    const address = "192.0.2.7";
    const submit = (device: string, code = elifCode) => submitWalkupRating(null, code, form(), "en", { address, device });
    submit("dev-a");
    submit("dev-a");
    expect(actionKey(refusal(() => submit("dev-a")))).toBe("rate.tooMany");
    // Other devices from the same address, up to 10 in all.
    for (let i = 0; i < 8; i++) submit(`dev-${i}`);
    expect(actionKey(refusal(() => submit("dev-fresh")))).toBe("rate.tooMany");
    // Another person's code from the same address and device is counted separately.
    expect(submit("dev-a", otherCode).ratingId).toBeGreaterThan(0);
    // The counters name the person and the address/device.
    const keys = getDb().select({ key: loginFailures.key }).from(loginFailures).where(like(loginFailures.key, "walkup-%")).all().map((r) => r.key);
    expect(keys).toContain(`walkup-ip:${elifId}:${address}`);
    expect(keys).toContain(`walkup-device:${elifId}:dev-a`);
    expect(keys).toContain(`walkup-device:${otherId}:dev-a`);
  });

  it("the hour's limits are forgotten after an hour", () => {
    const address = "192.0.2.9";
    const t0 = new Date(Date.now() - 2 * 60 * 60 * 1000);
    submitWalkupRating(null, elifCode, form(), "en", { address, device: "old" }, t0);
    submitWalkupRating(null, elifCode, form(), "en", { address, device: "old" }, t0);
    expect(submitWalkupRating(null, elifCode, form(), "en", { address, device: "old" }).ratingId).toBeGreaterThan(0);
  });

  it("a code of someone whose role is not customer-facing, or who left, names nobody", () => {
    const elif = getDb().select().from(people).where(eq(people.id, elifId)).get()!;
    getDb().update(jobRoles).set({ customerFacing: false }).where(eq(jobRoles.id, elif.jobRoleId!)).run();
    expect(() => openWalkup(null, elifCode)).toThrow(NotFoundError);
    getDb().update(jobRoles).set({ customerFacing: true }).where(eq(jobRoles.id, elif.jobRoleId!)).run();
    getDb().update(people).set({ active: false }).where(eq(people.id, otherId)).run();
    expect(() => openWalkup(null, otherCode)).toThrow(NotFoundError);
    getDb().update(people).set({ active: true }).where(eq(people.id, otherId)).run();
    expect(openWalkup(null, elifCode).state).toBe("open");
  });
});

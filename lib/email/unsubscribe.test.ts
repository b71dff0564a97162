import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailPreferences, people } from "@/db/schema";
import { fingerprint } from "@/lib/test/refusals";
import { useSeededTestDb } from "@/lib/test/db";
import { unsubscribe, unsubscribePreview, unsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe";
import { DEFAULT_MODE } from "./vocabulary";

beforeAll(async () => {
  await useSeededTestDb();
}, 120_000);

const idOf = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const modesOf = (personId: number) =>
  Object.fromEntries(getDb().select().from(emailPreferences).where(eq(emailPreferences.personId, personId)).all().map((r) => [r.group, r.mode]));

/** Signs a payload the way the module does (to forge tokens with a valid signature but a bad payload). */
const signed = (payload: string) =>
  `${Buffer.from(payload).toString("base64url")}.${createHmac("sha256", process.env.AUTH_SECRET || "rolebook-unsubscribe-development-secret")
    .update(`unsubscribe:${payload}`)
    .digest("base64url")}`;

describe("unsubscribe tokens", () => {
  it("round trip: the token names the person and the scope", () => {
    const token = unsubscribeToken(42, "digest");
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyUnsubscribeToken(token)).toEqual({ personId: 42, scope: "digest" });
    expect(verifyUnsubscribeToken(unsubscribeToken(7, "announcements"))).toEqual({ personId: 7, scope: "announcements" });
  });

  it("a tampered token is invalid", () => {
    const token = unsubscribeToken(42, "digest");
    const [payload, sig] = token.split(".");
    const otherPayload = Buffer.from("43:digest").toString("base64url");
    expect(verifyUnsubscribeToken(`${otherPayload}.${sig}`)).toBeNull();
    const flipped = sig.slice(0, -2) + (sig.at(-2) === "A" ? "B" : "A") + sig.at(-1);
    expect(verifyUnsubscribeToken(`${payload}.${flipped}`)).toBeNull();
    expect(verifyUnsubscribeToken(`${payload}.`)).toBeNull();
    expect(verifyUnsubscribeToken(payload)).toBeNull();
    expect(verifyUnsubscribeToken("")).toBeNull();
    // Another secret signs a different token.
    const before = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = "another-secret";
    expect(verifyUnsubscribeToken(token)).toBeNull();
    process.env.AUTH_SECRET = before;
    if (before === undefined) delete process.env.AUTH_SECRET;
    expect(verifyUnsubscribeToken(token)).not.toBeNull();
  });

  it("a signed token with an unknown scope or a malformed person is invalid", () => {
    expect(verifyUnsubscribeToken(signed("42:digest"))).toEqual({ personId: 42, scope: "digest" });
    expect(verifyUnsubscribeToken(signed("42:everything"))).toBeNull();
    expect(verifyUnsubscribeToken(signed("0:digest"))).toBeNull();
    expect(verifyUnsubscribeToken(signed("-1:digest"))).toBeNull();
    expect(verifyUnsubscribeToken(signed("42:digest:extra"))).toBeNull();
  });
});

describe("unsubscribing", () => {
  it("opening the link (the preview) writes nothing and says what would stop", () => {
    const emp = idOf("employee@example.com");
    const before = fingerprint();
    const preview = unsubscribePreview(unsubscribeToken(emp, "digest"))!;
    expect(preview.scope).toBe("digest");
    expect(preview.firstName).toBe(getDb().select({ name: people.name }).from(people).where(eq(people.id, emp)).get()!.name.split(" ")[0]);
    expect(preview.groups).toEqual(Object.entries(DEFAULT_MODE).filter(([, m]) => m === "digest").map(([g]) => g));
    expect(fingerprint()).toEqual(before);
    expect(unsubscribePreview("nonsense.token")).toBeNull();
  });

  it("from the digest: every group the person has in the digest goes off, the immediate ones stay; a second click changes nothing", () => {
    const emp = idOf("employee@example.com");
    getDb().insert(emailPreferences).values({ personId: emp, group: "changes", mode: "digest" }).run();
    getDb().insert(emailPreferences).values({ personId: emp, group: "pulse", mode: "immediate" }).run();
    const off = unsubscribe(unsubscribeToken(emp, "digest"))!;
    expect(off.sort()).toEqual(["announcements", "capability", "changes", "feedback", "onboarding", "threads"]);
    const modes = modesOf(emp);
    for (const g of off) expect(modes[g]).toBe("off");
    expect(modes.pulse).toBe("immediate");
    expect(modes.questions).toBeUndefined(); // still the default: immediately
    expect(unsubscribe(unsubscribeToken(emp, "digest"))).toEqual([]);
    expect(modesOf(emp)).toEqual(modes);
  });

  it("from one group: only that group goes off, only for that person", () => {
    const nora = idOf("newhire@example.com");
    const emp = idOf("employee@example.com");
    const empBefore = modesOf(emp);
    expect(unsubscribe(unsubscribeToken(nora, "questions"))).toEqual(["questions"]);
    expect(modesOf(nora)).toEqual({ questions: "off" });
    expect(modesOf(emp)).toEqual(empBefore);
  });

  it("an invalid token or a person who does not exist changes nothing", () => {
    const before = fingerprint();
    expect(unsubscribe("abc.def")).toBeNull();
    expect(unsubscribe(unsubscribeToken(999_999, "digest"))).toBeNull();
    expect(fingerprint()).toEqual(before);
  });
});

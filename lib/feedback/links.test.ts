import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { loginFailures, ratingLinks } from "@/db/schema";
import { recordFailure } from "@/lib/auth/rate-limit";
import { ActionError, NotFoundError } from "@/lib/core/errors";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { createPersonalCode, makeServiceLink, myRecentLinks, personalCode, setCustomerFacing } from "./links";
import { openServiceLink, openWalkup } from "./rate";
import { hashToken } from "./tokens";

/** Rating links and personal codes, the signed-in side (lib/feedback/links.ts). */

beforeAll(async () => {
  await useSeededTestDb();
}, 120_000);

describe("per-service links", () => {
  it("stores only the token's hash and lists the link as open for its maker and for the employee", () => {
    const sup = actorFor("supervisor@example.com");
    const elif = actorFor("employee@example.com");
    const made = makeServiceLink(sup, { personId: elif.id, reference: "  RO-77  " });
    const token = made.path.slice("/r/".length);
    const row = getDb().select().from(ratingLinks).where(eq(ratingLinks.tokenHash, hashToken(token))).get()!;
    expect(row).toMatchObject({ personId: elif.id, createdById: sup.id, madeBy: "person", reference: "RO-77", usedAt: null });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(openServiceLink(null, token).state).toBe("open");
    for (const who of [sup, elif]) expect(myRecentLinks(who).rows.find((l) => l.id === row.id)?.state).toBe("open");
    // The demo's expired link shows as expired to Elif.
    expect(myRecentLinks(elif).rows.some((l) => l.reference === "RO-19877" && l.state === "expired")).toBe(true);
  });
});

describe("personal codes", () => {
  it("a new code retires the old one", () => {
    const elif = actorFor("employee@example.com");
    const old = personalCode(elif, elif.id);
    expect(old.code).not.toBeNull();
    const fresh = createPersonalCode(elif, elif.id);
    expect(fresh.path).not.toBe(old.path);
    expect(() => openWalkup(null, old.code!)).toThrow(NotFoundError);
    expect(openWalkup(null, fresh.path.slice("/q/".length)).state).toBe("open");
  });

  it("only people in customer-facing roles get one, and HR's flag decides", () => {
    const sup = actorFor("supervisor@example.com");
    const mehmet = actorFor("mehmet.kaya@example.com");
    expect(() => createPersonalCode(sup, mehmet.id)).toThrow(ActionError);
    setCustomerFacing(actorFor("hr@example.com"), mehmet.jobRoleId!, true);
    expect(createPersonalCode(sup, mehmet.id).path).toMatch(/^\/q\//);
    setCustomerFacing(actorFor("hr@example.com"), mehmet.jobRoleId!, false);
    expect(personalCode(sup, mehmet.id)).toMatchObject({ customerFacing: false, code: null });
  });

  it("sign-in failures' cleanup keeps the walk-up counters of the last hour", () => {
    const now = Date.now();
    getDb().insert(loginFailures).values({ key: "walkup-ip:1:192.0.2.1", at: now - 30 * 60 * 1000 }).run();
    recordFailure({ account: "account:x@example.com" }, now);
    expect(getDb().select().from(loginFailures).where(eq(loginFailures.key, "walkup-ip:1:192.0.2.1")).all()).toHaveLength(1);
  });
});

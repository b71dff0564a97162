import { createHash, randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "./client";
import * as schema from "./schema";
import { LINK_VALID_DAYS, TOKEN_BYTES } from "../lib/feedback/vocabulary";

/** The roles whose people serve customers directly in the demo dealership. */
export const CUSTOMER_FACING_ROLES = ["service-advisor", "customer-care-agent", "parts-clerk"];

const DAY = 24 * 60 * 60 * 1000;
const randomToken = () => randomBytes(TOKEN_BYTES).toString("base64url");

/**
 * Demo data for the feedback tool (issue 12), the links part: customer-facing roles (Service Advisor, Customer Care Agent, Parts Clerk), a personal QR code for each of their people, and a couple of per-service links (one unused, one expired).
 * Link tokens are random and not kept (only their hashes are stored, as in the app).
 */
export function seedRatingLinks(today: Date, personIds: Map<string, number>): void {
  const db = getDb();
  db.transaction((tx) => {
    const roles = tx.select({ id: schema.jobRoles.id }).from(schema.jobRoles).where(inArray(schema.jobRoles.slug, CUSTOMER_FACING_ROLES)).all();
    const roleIds = roles.map((r) => r.id);
    if (roleIds.length) tx.update(schema.jobRoles).set({ customerFacing: true }).where(inArray(schema.jobRoles.id, roleIds)).run();
    const holders = roleIds.length
      ? tx
          .select({ id: schema.people.id })
          .from(schema.people)
          .where(and(inArray(schema.people.jobRoleId, roleIds), eq(schema.people.active, true)))
          .all()
      : [];
    const createdAt = new Date(today.getTime() - 30 * DAY).toISOString();
    if (holders.length) tx.insert(schema.ratingCodes).values(holders.map((h) => ({ personId: h.id, code: randomToken(), createdAt }))).onConflictDoNothing().run();

    const elif = personIds.get("employee@example.com");
    if (elif == null) return;
    const link = (daysAgo: number, reference: string) => {
      const made = new Date(today.getTime() - daysAgo * DAY);
      return {
        tokenHash: createHash("sha256").update(randomToken(), "utf8").digest("hex"),
        personId: elif,
        madeBy: "person" as const,
        createdById: elif,
        reference,
        createdAt: made.toISOString(),
        expiresAt: new Date(made.getTime() + LINK_VALID_DAYS * DAY).toISOString(),
      };
    };
    // One sent yesterday and not yet answered, one from three weeks ago the customer never opened.
    tx.insert(schema.ratingLinks).values([link(21, "RO-19877"), link(1, "RO-20418")]).run();
  });
}

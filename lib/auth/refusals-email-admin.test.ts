import { eq } from "drizzle-orm";
import { beforeAll, describe, expect } from "vitest";
import { getDb } from "@/db/client";
import { emailBounces, notificationDeliveries } from "@/db/schema";
import { ActionError } from "@/lib/core/errors";
import { clearBounce, emailOverview, listEmails, readEmail, retryDeliveries } from "@/lib/email/admin";
import { invitationState, resendInvitation } from "@/lib/email/invitations";
import { createPerson } from "@/lib/people/records";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { EMP, forbidden, HR, idOf, MGR, NORA, refusals, SEED_TIMEOUT, STRANGER, SUP, type RefusalCase } from "@/lib/test/refusals";

/** HR's email page (retry, clear a bounce, read an email) and invitations (the harness is lib/test/refusals.ts). */

const NOT_HR = [MGR, SUP, EMP, NORA, STRANGER];
let failedId = 0;
let invitedId = 0;
let passwordPersonId = 0;

beforeAll(async () => {
  await useSeededTestDb();
  const db = getDb();
  failedId = db
    .insert(notificationDeliveries)
    .values({ channel: "email", kind: "notification", status: "failed", personId: idOf(EMP), messageKey: "refusal-failed", lastError: "421 try later", attempts: 9 })
    .returning({ id: notificationDeliveries.id })
    .get().id;
  db.insert(emailBounces).values({ personId: idOf(NORA), address: "newhire@example.com", reason: "550 no such user", bouncedAt: new Date().toISOString() }).run();
  const base = { phone: null, appRole: "employee" as const, jobRoleId: null, teamId: null, reportsToId: null, startDate: "2026-12-01", locale: null };
  invitedId = (await createPerson(actorFor(HR), { ...base, name: "Ines Invited", email: "ines.invited@example.com", signIn: "invite" })).id;
  passwordPersonId = (await createPerson(actorFor(HR), { ...base, name: "Pavel Password", email: "pavel.password@example.com", password: "pavel-password-1" })).id;
}, SEED_TIMEOUT);

const EMAIL = () => ({ type: "email" });
const caught = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return e;
  }
};

const cases: RefusalCase[] = [
  ...forbidden("emailOverview", NOT_HR, (a) => emailOverview(a), "email.oversee", EMAIL),
  ...forbidden("listEmails", NOT_HR, (a) => listEmails(a, "failed"), "email.oversee", EMAIL),
  ...forbidden("readEmail", NOT_HR, (a) => readEmail(a, failedId), "email.oversee", () => ({ type: "email", id: failedId })),
  ...forbidden("retryDeliveries", NOT_HR, (a) => retryDeliveries(a, [failedId]), "email.oversee", EMAIL),
  ...forbidden("retryDeliveries all", NOT_HR, (a) => retryDeliveries(a, "all"), "email.oversee", EMAIL),
  ...forbidden("clearBounce", NOT_HR, (a) => clearBounce(a, idOf(NORA)), "email.oversee", () => ({ type: "person", id: idOf(NORA) })),
  ...forbidden("invitationState", NOT_HR, (a) => invitationState(a, invitedId), "people.invite", () => ({ type: "person", id: invitedId })),
  ...forbidden("resendInvitation", NOT_HR, (a) => resendInvitation(a, invitedId), "people.invite", () => ({ type: "person", id: invitedId })),
  {
    name: "readEmail: an email that does not exist is not found",
    as: HR,
    call: (a) => readEmail(a, 999_999),
    expect: "notFound",
  },
  {
    name: "clearBounce: a person whose address is not blocked is not found",
    as: HR,
    call: (a) => clearBounce(a, idOf(EMP)),
    expect: "notFound",
  },
  {
    name: "resendInvitation: someone who was given a password, not an invitation, is refused",
    as: HR,
    call: (a) => caught(() => resendInvitation(a, passwordPersonId)),
    expect: (e: unknown) => expect(e).toEqual(new ActionError("invite.notInvited")),
  },

  // Allowed writes last.
  {
    name: "positive: HR unblocks Nora's address",
    as: HR,
    call: (a) => {
      clearBounce(a, idOf(NORA));
      return getDb().select().from(emailBounces).where(eq(emailBounces.personId, idOf(NORA))).all();
    },
    expect: (rows: unknown[]) => expect(rows).toEqual([]),
    changes: ["email_bounces"],
  },
  {
    name: "positive: HR resends Ines's invitation",
    as: HR,
    call: (a) => resendInvitation(a, invitedId),
    expect: (r: { invitationId: number }) => expect(r.invitationId).toBeGreaterThan(0),
    changes: ["invitations", "notification_deliveries", "sqlite_sequence"],
  },
];

describe("refusals: HR's email page and invitations", () => {
  refusals(cases);
});

import { createHash } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, invitations, notificationDeliveries, people } from "@/db/schema";
import { checkCredentials } from "@/lib/auth/signin";
import { ActionError, FieldError } from "@/lib/core/errors";
import { createPerson } from "@/lib/people/records";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { acceptInvitation, invitationState, openInvitation, resendInvitation } from "./invitations";
import { renderInvitation } from "./render-invitation";
import { INVITATION_VALID_MS } from "./vocabulary";

beforeAll(async () => {
  await useSeededTestDb();
}, 120_000);

const hr = () => actorFor("hr@example.com");
let counter = 0;

/** HR creates a person with an invitation; returns the person and the token from the outbox row. */
async function invite(locale: "en" | "tr" | "nl" | null = null) {
  counter += 1;
  const email = `invitee.${counter}@example.com`;
  const { id, invited } = await createPerson(hr(), {
    name: `Invited Person${counter}`,
    email,
    phone: null,
    appRole: "employee",
    jobRoleId: null,
    teamId: null,
    reportsToId: null,
    startDate: "2026-12-01",
    locale,
    signIn: "invite",
  });
  expect(invited).toBe(true);
  return { id, email, ...outbox(id) };
}

function outbox(personId: number) {
  const row = getDb()
    .select()
    .from(notificationDeliveries)
    .where(and(eq(notificationDeliveries.personId, personId), eq(notificationDeliveries.kind, "invitation")))
    .orderBy(desc(notificationDeliveries.id))
    .get()!;
  return { row, token: (JSON.parse(row.payload) as { token: string }).token };
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

describe("invitations", () => {
  it("creating a person with an invitation stores only the token's hash, queues one email row and leaves no usable password", async () => {
    const { id, email, row, token } = await invite();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = getDb().select().from(invitations).where(eq(invitations.personId, id)).all();
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).toBe(sha256(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(Date.parse(stored[0].expiresAt) - Date.parse(stored[0].createdAt)).toBe(INVITATION_VALID_MS);
    expect(row).toMatchObject({ channel: "email", kind: "invitation", status: "pending", messageKey: `i${stored[0].id}`, personId: id });
    const person = getDb().select({ hash: people.passwordHash }).from(people).where(eq(people.id, id)).get()!;
    expect(person.hash.startsWith("$argon2")).toBe(false);
    expect((await checkCredentials(email, person.hash, null)).ok).toBe(false);
  });

  it("creating a person with a password still needs the password", async () => {
    await expect(
      createPerson(hr(), {
        name: "No Password",
        email: "no.password@example.com",
        phone: null,
        appRole: "employee",
        jobRoleId: null,
        teamId: null,
        reportsToId: null,
        startDate: "2026-12-01",
        locale: null,
        signIn: "password",
      }),
    ).rejects.toMatchObject({ fieldErrors: { password: "required" } });
  });

  it("the link opens without writing; a wrong or malformed token is invalid", async () => {
    const { token } = await invite();
    const page = openInvitation(token);
    expect(page).toMatchObject({ state: "open", firstName: "Invited" });
    expect(openInvitation(token)).toMatchObject({ state: "open" });
    expect(openInvitation("x".repeat(43))).toEqual({ state: "invalid" });
    expect(openInvitation("../../etc")).toEqual({ state: "invalid" });
  });

  it("is single use: the password is set, sessions end, the audit records it, and a second use is refused", async () => {
    const { id, email, token } = await invite();
    const before = getDb().select({ v: people.sessionVersion }).from(people).where(eq(people.id, id)).get()!.v;
    await acceptInvitation(token, { password: "my-own-password-1", repeat: "my-own-password-1" });
    expect(getDb().select({ v: people.sessionVersion }).from(people).where(eq(people.id, id)).get()!.v).toBe(before + 1);
    expect((await checkCredentials(email, "my-own-password-1", null)).ok).toBe(true);
    expect(openInvitation(token)).toEqual({ state: "used" });
    await expect(acceptInvitation(token, { password: "another-password-2", repeat: "another-password-2" })).rejects.toBeInstanceOf(ActionError);
    expect((await checkCredentials(email, "another-password-2", null)).ok).toBe(false);
    const entries = getDb().select().from(auditLog).where(and(eq(auditLog.action, "invitation.accept"), eq(auditLog.entityId, String(id)))).all();
    expect(entries).toHaveLength(1);
    expect(entries[0].detail).not.toContain(token);
    expect(invitationState(hr(), id)).toMatchObject({ invited: true, accepted: true });
  });

  it("expires after 7 days", async () => {
    const { email, token } = await invite();
    const later = new Date(Date.now() + INVITATION_VALID_MS + 60_000);
    expect(openInvitation(token, later)).toEqual({ state: "expired" });
    await expect(acceptInvitation(token, { password: "too-late-password", repeat: "too-late-password" }, later)).rejects.toBeInstanceOf(ActionError);
    expect((await checkCredentials(email, "too-late-password", null)).ok).toBe(false);
  });

  it("refuses two different passwords and a short one next to their fields, and uses nothing up", async () => {
    const { token } = await invite();
    await expect(acceptInvitation(token, { password: "first-password-1", repeat: "other-password-1" })).rejects.toMatchObject({ fieldErrors: { repeat: "invite.passwordsDiffer" } });
    await expect(acceptInvitation(token, { password: "short", repeat: "short" })).rejects.toBeInstanceOf(FieldError);
    expect(openInvitation(token)).toMatchObject({ state: "open" });
  });

  it("resending makes the older link stop working, skips its unsent email and queues a new one", async () => {
    const first = await invite();
    resendInvitation(hr(), first.id);
    const second = outbox(first.id);
    expect(second.token).not.toBe(first.token);
    expect(openInvitation(first.token).state).toBe("expired");
    expect(openInvitation(second.token).state).toBe("open");
    const old = getDb().select().from(notificationDeliveries).where(eq(notificationDeliveries.id, first.row.id)).get()!;
    expect(old).toMatchObject({ status: "skipped", payload: "{}" });
    expect(getDb().select().from(auditLog).where(and(eq(auditLog.action, "invitation.send"), eq(auditLog.entityId, String(first.id)))).all()).toHaveLength(2);
    // Someone who accepted cannot be invited again.
    await acceptInvitation(second.token, { password: "accepted-password", repeat: "accepted-password" });
    expect(() => resendInvitation(hr(), first.id)).toThrow(ActionError);
  });

  it("the email is in the recipient's language, names who invited them and links to the one-time page", async () => {
    const { id, row, token } = await invite("tr");
    const rendered = renderInvitation(row, { id, name: "Invited Person", email: "x@example.com", locale: "tr" });
    expect(rendered.subject).toBe("Rolebook parolanızı belirleyin");
    expect(rendered.text).toContain(`/invite/${token}`);
    expect(rendered.text).toContain("Helena Rossi");
    expect(rendered.html).toContain(`/invite/${token}`);
    const en = renderInvitation(row, { id, name: "Invited Person", email: "x@example.com", locale: "en" });
    expect(en.subject).toBe("Set your password for Rolebook");
    // Once the worker has emptied the payload, the row cannot be rendered again (the token is gone).
    expect(() => renderInvitation({ ...row, payload: "{}" }, { id, name: "I", email: "x@example.com", locale: "en" })).toThrow();
  });
});

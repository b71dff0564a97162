import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, like, sql } from "drizzle-orm";
import { getDb, type DB } from "@/db/client";
import { invitations, notificationDeliveries, people } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { audit } from "@/lib/audit/log";
import { ActionError, FieldError } from "@/lib/core/errors";
import { getPerson } from "@/lib/people/directory";
import { organisationSettings } from "@/lib/org/settings";
import { INVITATION_VALID_MS } from "./vocabulary";

/*
 * Invitation emails (issue 13, point 6): instead of a password HR shares, the new person gets a
 * one-time link (valid 7 days) to choose their own. The token is 32 random bytes (base64url); only
 * its SHA-256 is stored. The outbox row carries the token until the row ends: sent, skipped, bounced
 * or failed (the worker then empties the payload), so the token never stays in the database. HR's
 * retry of a failed invitation sends a fresh one (lib/email/admin.ts).
 */

type Tx = Pick<DB, "insert" | "update" | "select">;

/** The shape of a token this module creates: 32 bytes base64url = 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function invitationTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A password hash nobody can sign in with (not an argon2 hash: verification always fails). */
export function unusablePasswordHash(): string {
  return `!invitation:${randomBytes(24).toString("base64url")}`;
}

/**
 * Creates an invitation and its email row in the caller's transaction. Earlier invitations of the
 * person that were not used stop working (their links expire now) and their unsent emails are
 * skipped. Returns the invitation's id and the token (for the outbox row only).
 */
export function queueInvitation(tx: Tx, input: { personId: number; createdById: number | null; now?: Date }): { invitationId: number; token: string } {
  const now = input.now ?? new Date();
  const nowIso = now.toISOString();
  tx.update(invitations)
    .set({ expiresAt: nowIso })
    .where(and(eq(invitations.personId, input.personId), isNull(invitations.usedAt), gt(invitations.expiresAt, nowIso)))
    .run();
  tx.update(notificationDeliveries)
    .set({ status: "skipped", payload: "{}", lastError: "replaced by a newer invitation" })
    .where(
      and(
        eq(notificationDeliveries.personId, input.personId),
        eq(notificationDeliveries.kind, "invitation"),
        eq(notificationDeliveries.status, "pending"),
        like(notificationDeliveries.messageKey, "i%"),
      ),
    )
    .run();
  const token = randomBytes(32).toString("base64url");
  const invitationId = tx
    .insert(invitations)
    .values({
      personId: input.personId,
      tokenHash: invitationTokenHash(token),
      expiresAt: new Date(now.getTime() + INVITATION_VALID_MS).toISOString(),
      createdById: input.createdById,
      createdAt: nowIso,
    })
    .returning({ id: invitations.id })
    .get().id;
  tx.insert(notificationDeliveries)
    .values({
      personId: input.personId,
      channel: "email",
      kind: "invitation",
      status: "pending",
      payload: JSON.stringify({ token }),
      messageKey: `i${invitationId}`,
      nextAttemptAt: nowIso,
      createdAt: nowIso,
    })
    .run();
  return { invitationId, token };
}

export type InvitationState = { invited: boolean; accepted: boolean; lastSentAt: string | null; expiresAt: string | null };

/** For the person's page: whether they were invited and have not accepted yet (HR: people.invite). */
export function invitationState(actor: Actor, personId: number): InvitationState {
  authorize(actor, "people.invite", { type: "person", id: personId });
  const row = getDb()
    .select({
      count: sql<number>`count(*)`,
      accepted: sql<number>`sum(case when ${invitations.usedAt} is not null then 1 else 0 end)`,
      lastSentAt: sql<string | null>`max(${invitations.createdAt})`,
      expiresAt: sql<string | null>`max(${invitations.expiresAt})`,
    })
    .from(invitations)
    .where(eq(invitations.personId, personId))
    .get();
  const count = Number(row?.count ?? 0);
  return { invited: count > 0, accepted: Number(row?.accepted ?? 0) > 0, lastSentAt: row?.lastSentAt ?? null, expiresAt: row?.expiresAt ?? null };
}

/**
 * HR sends a new invitation to someone who was invited and has not accepted (the older links stop
 * working). Audited.
 */
export function resendInvitation(actor: Actor, personId: number, now = new Date()): { invitationId: number } {
  authorize(actor, "people.invite", { type: "person", id: personId });
  const person = getPerson(actor, personId);
  if (!person.active) throw new ActionError("invite.inactive");
  const state = invitationState(actor, personId);
  if (!state.invited) throw new ActionError("invite.notInvited");
  if (state.accepted) throw new ActionError("invite.alreadyAccepted");
  return getDb().transaction((tx) => {
    const { invitationId } = queueInvitation(tx, { personId, createdById: actor.id, now });
    audit({ actorId: actor.id, action: "invitation.send", entityType: "person", entityId: personId, detail: { invitationId, resend: true } }, tx);
    return { invitationId };
  });
}

export type InvitationPage =
  | { state: "open"; firstName: string; organisation: string; expiresAt: string }
  | { state: "invalid" | "expired" | "used" };

function findByToken(token: string) {
  if (!TOKEN_PATTERN.test(token)) return null;
  return (
    getDb()
      .select({ id: invitations.id, personId: invitations.personId, expiresAt: invitations.expiresAt, usedAt: invitations.usedAt, name: people.name, email: people.email, active: people.active })
      .from(invitations)
      .innerJoin(people, eq(people.id, invitations.personId))
      .where(eq(invitations.tokenHash, invitationTokenHash(token)))
      .get() ?? null
  );
}

/** What /invite/<token> shows (public, no sign-in). Never writes. */
export function openInvitation(token: string, now = new Date()): InvitationPage {
  const row = findByToken(token);
  if (!row || !row.active) return { state: "invalid" };
  if (row.usedAt) return { state: "used" };
  if (row.expiresAt <= now.toISOString()) return { state: "expired" };
  return { state: "open", firstName: row.name.split(/\s+/)[0] ?? row.name, organisation: organisationSettings().name, expiresAt: row.expiresAt };
}

/**
 * The person sets their first password through the link: the invitation is marked used in the same
 * UPDATE that checks it is unused and unexpired (single use, even for two tabs at once), the hash is
 * set and every session of the person ends. Returns the person's id.
 */
export async function acceptInvitation(token: string, input: { password: string; repeat: string }, now = new Date()): Promise<{ personId: number }> {
  const found = findByToken(token);
  const problem = await passwordProblem(input.password, found ? [found.name, found.email ?? ""] : []);
  if (problem) throw new FieldError({ password: problem });
  if (input.password !== input.repeat) throw new FieldError({ repeat: "invite.passwordsDiffer" });
  if (!found || !found.active) throw new ActionError("invite.linkInvalid");
  const passwordHash = await hashPassword(input.password);
  const nowIso = now.toISOString();
  return getDb().transaction((tx) => {
    const used = tx
      .update(invitations)
      .set({ usedAt: nowIso })
      .where(and(eq(invitations.id, found.id), isNull(invitations.usedAt), gt(invitations.expiresAt, nowIso)))
      .returning({ personId: invitations.personId })
      .get();
    if (!used) throw new ActionError("invite.linkInvalid");
    const changed = tx
      .update(people)
      .set({
        passwordHash,
        sessionVersion: sql`${people.sessionVersion} + 1`,
        revision: sql`${people.revision} + 1`,
        updatedAt: nowIso,
      })
      .where(and(eq(people.id, used.personId), eq(people.active, true)))
      .run();
    if (changed.changes === 0) throw new ActionError("invite.linkInvalid");
    // Any other link of the person stops working too.
    tx.update(invitations)
      .set({ expiresAt: nowIso })
      .where(and(eq(invitations.personId, used.personId), isNull(invitations.usedAt)))
      .run();
    audit({ actorId: used.personId, action: "invitation.accept", entityType: "person", entityId: used.personId, detail: { invitationId: found.id } }, tx);
    return { personId: used.personId };
  });
}

/** For the invitation email: who invited and until when the link works (by the outbox row's key `i<id>`). */
export function invitationForEmail(messageKey: string | null): { inviterName: string | null; expiresAt: string; organisation: string } | null {
  const match = /^i([1-9][0-9]*)$/.exec(messageKey ?? "");
  if (!match) return null;
  const inviter = people;
  const row = getDb()
    .select({ expiresAt: invitations.expiresAt, inviterName: inviter.name })
    .from(invitations)
    .leftJoin(inviter, eq(inviter.id, invitations.createdById))
    .where(eq(invitations.id, Number(match[1])))
    .get();
  return row ? { inviterName: row.inviterName ?? null, expiresAt: row.expiresAt, organisation: organisationSettings().name } : null;
}

import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailPreferences, emailSettings } from "@/db/schema";
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, FieldError } from "@/lib/core/errors";
import { DEFAULT_DIGEST_TIME, DEFAULT_MODE, DIGEST_TIMES, EMAIL_GROUPS, EMAIL_MODES, type EmailGroup, type EmailMode } from "./vocabulary";

/*
 * A person's own email choices (issue 13, point 2): per kind group immediately, in the daily digest
 * or not by email, and the time of the digest (organisation zone). Only one's own: nobody reads or
 * sets another person's choices. No row = the group's default (lib/email/vocabulary.ts); only the
 * choices that differ from the default are stored, so a changed default reaches everyone who never
 * chose.
 */

export type OwnEmailPreferences = {
  groups: { group: EmailGroup; mode: EmailMode; isDefault: boolean }[];
  digestTime: string;
  /** The email_settings revision the form starts from (0 = never saved). */
  revision: number;
};

export type EmailPreferencesInput = { modes: Record<EmailGroup, EmailMode>; digestTime: string };

export function ownEmailPreferences(actor: Actor): OwnEmailPreferences {
  authorize(actor, "email.preferences", { type: "person", id: actor.id });
  const db = getDb();
  const stored = new Map(
    db
      .select({ group: emailPreferences.group, mode: emailPreferences.mode })
      .from(emailPreferences)
      .where(eq(emailPreferences.personId, actor.id))
      .all()
      .map((r) => [r.group, r.mode]),
  );
  const settings = db
    .select({ digestTime: emailSettings.digestTime, revision: emailSettings.revision })
    .from(emailSettings)
    .where(eq(emailSettings.personId, actor.id))
    .get();
  return {
    groups: EMAIL_GROUPS.map((group) => {
      const own = stored.get(group);
      return { group, mode: own ?? DEFAULT_MODE[group], isDefault: own === undefined };
    }),
    digestTime: settings?.digestTime ?? DEFAULT_DIGEST_TIME,
    revision: settings?.revision ?? 0,
  };
}

/**
 * Saves the actor's own choices. `revision` is the one the form was loaded with (0 when the person
 * had never saved): a stale one is a conflict (another tab saved meanwhile). Unknown modes or times
 * are refused next to their field.
 */
export function saveOwnEmailPreferences(actor: Actor, revision: number, input: EmailPreferencesInput): { revision: number } {
  authorize(actor, "email.preferences", { type: "person", id: actor.id });
  const errors: Record<string, string> = {};
  for (const group of EMAIL_GROUPS) if (!EMAIL_MODES.includes(input.modes[group])) errors[`mode_${group}`] = "invalidChoice";
  if (!DIGEST_TIMES.includes(input.digestTime)) errors.digestTime = "invalidChoice";
  if (Object.keys(errors).length) throw new FieldError(errors);
  const now = new Date().toISOString();
  return getDb().transaction((tx) => {
    const changed =
      revision === 0
        ? tx
            .insert(emailSettings)
            .values({ personId: actor.id, digestTime: input.digestTime, revision: 1, updatedAt: now })
            .onConflictDoNothing()
            .run()
        : tx
            .update(emailSettings)
            .set({ digestTime: input.digestTime, revision: sql`${emailSettings.revision} + 1`, updatedAt: now })
            .where(and(eq(emailSettings.personId, actor.id), eq(emailSettings.revision, revision)))
            .run();
    if (changed.changes === 0) throw new ConflictError();
    tx.delete(emailPreferences).where(eq(emailPreferences.personId, actor.id)).run();
    const own = EMAIL_GROUPS.filter((g) => input.modes[g] !== DEFAULT_MODE[g]).map((group) => ({ personId: actor.id, group, mode: input.modes[group] }));
    if (own.length) tx.insert(emailPreferences).values(own).run();
    return { revision: revision + 1 };
  });
}

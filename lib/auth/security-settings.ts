import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, preparedQuery } from "@/db/client";
import { people, securitySettings as table } from "@/db/schema";
import { audit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { ABSOLUTE_HOURS_DEFAULT, ABSOLUTE_HOURS_RANGE, IDLE_MINUTES_DEFAULT, IDLE_MINUTES_RANGE } from "@/lib/auth/security-vocabulary";
import { ConflictError, FieldError } from "@/lib/core/errors";

export type SecuritySettings = {
  idleMinutes: number;
  absoluteHours: number;
  requireSecondFactorForHr: boolean;
  ssoCreatesPeople: boolean;
  revision: number;
};

const DEFAULTS: SecuritySettings = {
  idleMinutes: IDLE_MINUTES_DEFAULT,
  absoluteHours: ABSOLUTE_HOURS_DEFAULT,
  requireSecondFactorForHr: false,
  ssoCreatesPeople: false,
  revision: 1,
};

/** Read on every request (the session's timeouts): built once (db/client.ts `preparedQuery`). */
const settingsRow = preparedQuery((db) =>
  db
    .select({
      idleMinutes: table.idleMinutes,
      absoluteHours: table.absoluteHours,
      requireSecondFactorForHr: table.requireSecondFactorForHr,
      ssoCreatesPeople: table.ssoCreatesPeople,
      revision: table.revision,
    })
    .from(table)
    .where(eq(table.id, 1))
    .prepare(),
);

/**
 * The sign-in security settings (one row, created by migration 0010; defaults if missing). Read on
 * every request by the session check: no actor, nothing secret. HR edits them through the sessions
 * part's update function (/settings/security).
 */
export function securitySettings(): SecuritySettings {
  return settingsRow().get() ?? DEFAULTS;
}

export type SecuritySettingsInput = Partial<Pick<SecuritySettings, "idleMinutes" | "absoluteHours" | "requireSecondFactorForHr" | "ssoCreatesPeople">>;

const KEYS = ["idleMinutes", "absoluteHours", "requireSecondFactorForHr", "ssoCreatesPeople"] as const;

/** HR's form on /settings/security (organisation.manage): the values, their revision, and who changed them last. */
export function securitySettingsForEdit(actor: Actor): SecuritySettings & { updatedAt: number | null; updatedByName: string | null } {
  authorize(actor, "organisation.manage", { type: "organisation", id: 1 });
  const last = getDb()
    .select({ updatedAt: table.updatedAt, updatedByName: people.name })
    .from(table)
    .leftJoin(people, eq(people.id, table.updatedById))
    .where(eq(table.id, 1))
    .get();
  return { ...securitySettings(), updatedAt: last?.updatedAt ?? null, updatedByName: last?.updatedByName ?? null };
}

/**
 * HR changes the sign-in security settings (organisation.manage). Only the fields given change.
 * `revision` is the settings row's own (a stale one is a conflict). An idle timeout or lifetime
 * outside its range is refused next to its field. Audited as organisation.update with what changed
 * (like the other organisation settings).
 */
export function updateSecuritySettings(actor: Actor, revision: number, input: SecuritySettingsInput, now = Date.now()): { revision: number } {
  authorize(actor, "organisation.manage", { type: "organisation", id: 1 });
  const errors: Record<string, string> = {};
  const inRange = (value: number, [lo, hi]: readonly [number, number]) => Number.isInteger(value) && value >= lo && value <= hi;
  if (input.idleMinutes !== undefined && !inRange(input.idleMinutes, IDLE_MINUTES_RANGE)) errors.idleMinutes = "idleMinutesRange";
  if (input.absoluteHours !== undefined && !inRange(input.absoluteHours, ABSOLUTE_HOURS_RANGE)) errors.absoluteHours = "absoluteHoursRange";
  if (Object.keys(errors).length) {
    const values = {
      idleMinutes: { min: IDLE_MINUTES_RANGE[0], max: IDLE_MINUTES_RANGE[1] },
      absoluteHours: { min: ABSOLUTE_HOURS_RANGE[0], max: ABSOLUTE_HOURS_RANGE[1] },
    };
    throw new FieldError(errors, Object.fromEntries(Object.keys(errors).map((k) => [k, values[k as keyof typeof values]])));
  }
  const next = Object.fromEntries(KEYS.filter((k) => input[k] !== undefined).map((k) => [k, input[k]])) as SecuritySettingsInput;
  return getDb().transaction((tx) => {
    const current = securitySettings();
    const changed = tx
      .update(table)
      .set({ ...next, revision: sql`${table.revision} + 1`, updatedById: actor.id, updatedAt: now })
      .where(and(eq(table.id, 1), eq(table.revision, revision)))
      .run();
    if (changed.changes === 0) throw new ConflictError();
    const diff = Object.fromEntries(KEYS.filter((k) => next[k] !== undefined && current[k] !== next[k]).map((k) => [k, { from: current[k], to: next[k] }]));
    audit({ actorId: actor.id, action: "organisation.update", entityType: "organisation", entityId: 1, detail: { changes: diff } }, tx);
    return { revision: revision + 1 };
  });
}

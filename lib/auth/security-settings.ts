import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { securitySettings as table } from "@/db/schema";
import { ABSOLUTE_HOURS_DEFAULT, IDLE_MINUTES_DEFAULT } from "@/lib/auth/security-vocabulary";

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

/**
 * The sign-in security settings (one row, created by migration 0010; defaults if missing). Read on
 * every request by the session check: no actor, nothing secret. HR edits them through the sessions
 * part's update function (/settings/security).
 */
export function securitySettings(): SecuritySettings {
  const row = getDb()
    .select({
      idleMinutes: table.idleMinutes,
      absoluteHours: table.absoluteHours,
      requireSecondFactorForHr: table.requireSecondFactorForHr,
      ssoCreatesPeople: table.ssoCreatesPeople,
      revision: table.revision,
    })
    .from(table)
    .where(eq(table.id, 1))
    .get();
  return row ?? DEFAULTS;
}

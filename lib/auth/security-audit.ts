import "server-only";
import type { DB } from "@/db/client";
import { audit } from "@/lib/audit/log";
import type { SecurityEvent } from "@/lib/auth/security-vocabulary";

type Tx = Pick<DB, "insert">;

/**
 * One security event in the audit log: action `security.<event>`, about a person (entity "person",
 * null when the email named nobody), with where it came from. Never a password, code or token.
 */
export function securityEvent(
  event: SecurityEvent,
  who: { actorId: number | null; personId: number | null; ip: string | null; userAgent: string | null },
  detail: Record<string, unknown> = {},
  tx?: Tx,
): void {
  audit(
    {
      actorId: who.actorId,
      action: `security.${event}`,
      entityType: "person",
      entityId: who.personId,
      detail: { ...detail, ip: who.ip, userAgent: who.userAgent },
    },
    tx,
  );
}

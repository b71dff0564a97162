import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/log";
import { ForbiddenError } from "@/lib/core/errors";
import { can, type Permission } from "@/lib/auth/permissions";

/** The one check helper: refuses (and audits the refusal) unless the permission table allows it. */
export function authorize(actor: Actor, permission: Permission, target?: { type: string; id?: string | number }): void {
  if (can(actor.appRole, permission)) return;
  audit({
    actorId: actor.id,
    action: "access.denied",
    entityType: target?.type ?? "permission",
    entityId: target?.id ?? null,
    detail: { permission },
  });
  throw new ForbiddenError(permission);
}

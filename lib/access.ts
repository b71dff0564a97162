import "server-only";
import type { Actor } from "./actor";
import { audit } from "./audit";
import { ForbiddenError } from "./errors";
import { can, type Permission } from "./permissions";

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

import type { AppRole } from "@/db/schema/people";

/**
 * The one permission table: app role → what it may do. Every function in lib/ asks `can` or
 * `assertCan` before it touches data, and then narrows its query to the records the person may see
 * (see lib/scope.ts).
 */
export const PERMISSIONS = [
  "self.read",
  "self.updateLocale",
  "people.read",
  "people.create",
  "people.update",
  "people.deactivate",
  "people.assignAppRole",
  "roles.read",
  "teams.read",
  "audit.read",
  "roles.edit",
  "roles.track",
  "acks.answer",
  "announcements.read",
  "announcements.create",
  "announcements.createForAll",
  "postings.manage",
  "tasks.search",
  "tasks.ownershipReports",
  "notifications.read",
  "onboarding.participate",
  "onboarding.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everyone: Permission[] = [
  "self.read",
  "self.updateLocale",
  "roles.read",
  "acks.answer",
  "announcements.read",
  "tasks.search",
  "notifications.read",
  "onboarding.participate",
];

export const PERMISSION_TABLE: Record<AppRole, ReadonlySet<Permission>> = {
  hr_admin: new Set<Permission>([
    ...everyone,
    "people.read",
    "people.create",
    "people.update",
    "people.deactivate",
    "people.assignAppRole",
    "teams.read",
    "audit.read",
    "roles.edit",
    "roles.track",
    "announcements.create",
    "announcements.createForAll",
    "postings.manage",
    "tasks.ownershipReports",
    "onboarding.manage",
  ]),
  manager: new Set<Permission>([
    ...everyone,
    "people.read",
    "teams.read",
    "roles.edit",
    "roles.track",
    "announcements.create",
    "tasks.ownershipReports",
    "onboarding.manage",
  ]),
  supervisor: new Set<Permission>([...everyone, "people.read", "teams.read"]),
  employee: new Set<Permission>([...everyone]),
};

export function can(role: AppRole, permission: Permission): boolean {
  return PERMISSION_TABLE[role]?.has(permission) ?? false;
}

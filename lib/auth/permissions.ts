import type { AppRole } from "@/lib/people/vocabulary";

/**
 * The one permission table: app role → what it may do. Only the policy (./policy.ts) reads it:
 * lib functions ask `authorize`/`can` there, then narrow their queries with the scope fragments
 * (./scope.ts) and the named relationship rules.
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
  "acks.answer",
  "communication.oversee",
  "announcements.read",
  "announcements.create",
  "announcements.createForAll",
  "postings.manage",
  "tasks.search",
  "tasks.ownershipReports",
  "notifications.read",
  "onboarding.participate",
  "onboarding.manage",
  "onboarding.hrItems",
  "organisation.manage",
  "evaluations.write",
  "evaluations.oversee",
  "concerns.raise",
  "concerns.oversee",
  "threads.participate",
  "pulse.answer",
  "pulse.send",
  "clarity.read",
  "clarity.oversee",
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
  "concerns.raise",
  "threads.participate",
  "pulse.answer",
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
    "announcements.create",
    "announcements.createForAll",
    "communication.oversee",
    "postings.manage",
    "tasks.ownershipReports",
    "onboarding.manage",
    "onboarding.hrItems",
    "organisation.manage",
    "evaluations.write",
    "evaluations.oversee",
    "concerns.oversee",
    "pulse.send",
    "clarity.read",
    "clarity.oversee",
  ]),
  manager: new Set<Permission>([
    ...everyone,
    "people.read",
    "teams.read",
    "roles.edit",
    "announcements.create",
    "tasks.ownershipReports",
    "onboarding.manage",
    "evaluations.write",
    "clarity.read",
  ]),
  supervisor: new Set<Permission>([...everyone, "people.read", "evaluations.write"]),
  employee: new Set<Permission>([...everyone]),
};

/** For the table's own test; lib and pages ask `can(actor, …)` in ./policy.ts. */
export function roleCan(role: AppRole, permission: Permission): boolean {
  return PERMISSION_TABLE[role]?.has(permission) ?? false;
}

/** The onboarding area's vocabulary. Pure values: the schema, lib and the UI all take them from here. */
export const ASSIGNEES = ["hire", "manager", "buddy", "hr"] as const;
export type Assignee = (typeof ASSIGNEES)[number];
export const LINK_KINDS = ["responsibility", "task"] as const;
export const ITEM_SOURCES = ["generated", "manual"] as const;
export const ONBOARDING_KINDS = ["new_hire", "role_change"] as const;
export const ONBOARDING_STATUSES = ["open", "closed"] as const;
export const CHECKIN_MILESTONES = ["day1", "week1", "day30", "day60", "day90"] as const;
export type CheckinMilestone = (typeof CHECKIN_MILESTONES)[number];

/** The people area's vocabulary. Pure values: the schema, lib and the UI all take them from here. */
export const APP_ROLES = ["hr_admin", "manager", "supervisor", "employee"] as const;
export type AppRole = (typeof APP_ROLES)[number];

export const LOCALES = ["en", "tr", "lv", "lt", "nl", "ro"] as const;
export type Locale = (typeof LOCALES)[number];

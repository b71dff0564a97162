/** The roles area's vocabulary. Pure values: the schema, lib and the UI all take them from here. */
export const VERSION_KINDS = ["material", "editorial"] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

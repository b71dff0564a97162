import type { RoleResponsibility } from "./doc";

/** The roles area's vocabulary. Pure values: the schema, lib and the UI all take them from here. */
export const VERSION_KINDS = ["material", "editorial"] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

/** The kinds of standard a responsibility can set (the role description, lib/roles/doc.ts). */
export const STANDARD_CATEGORIES = ["gestures", "vocabulary", "distance", "appearance", "speed", "safety"] as const;
export type StandardCategory = (typeof STANDARD_CATEGORIES)[number];

/** A new, empty responsibility (the role editor adds it; client code, so no zod here). */
export function emptyResponsibility(newKey: string): RoleResponsibility {
  return {
    key: newKey,
    title: "",
    description: "",
    tasks: [],
    standards: [],
    whenWrong: { steps: "", escalateTo: "" },
    decisionRights: [],
    evaluation: [],
    capabilities: [],
  };
}

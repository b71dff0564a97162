import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { people } from "./people";

/**
 * Who did what to which record, and when (UTC). Never holds passwords, secrets, or anything that
 * could tie an anonymous post to its author.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorId: integer("actor_id").references(() => people.id, { onDelete: "set null" }),
    /** e.g. "person.create", "person.deactivate", "access.denied", "auth.signin". */
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    /** JSON object with non-secret details. */
    detail: text("detail").notNull().default("{}"),
    /** ISO-8601 UTC. */
    at: text("at").notNull(),
  },
  (t) => [
    index("audit_actor_idx").on(t.actorId),
    index("audit_entity_idx").on(t.entityType, t.entityId),
    index("audit_action_idx").on(t.action),
    index("audit_at_idx").on(t.at),
  ],
);

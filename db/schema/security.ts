import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { people } from "./people";

/**
 * Issue 14 (identity and security). Times here are milliseconds since the epoch (UTC), like
 * login_failures, because they are compared on every request.
 */

/** How a session was started. */
export const SESSION_METHODS = ["password", "sso"] as const;
export type SessionMethod = (typeof SESSION_METHODS)[number];

/** Why a session ended early (null while it is live; idle and absolute expiry are computed, not stored). */
export const SESSION_END_REASONS = ["signout", "ended", "everywhere", "password", "secondFactorReset", "deactivated"] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/**
 * The server-side record of every sign-in (lib/auth/sessions.ts). The session cookie (an encrypted
 * Auth.js JWT) carries only the person's id and this row's id (`sid`); a request is signed in only
 * while its row is live: not revoked, seen within the idle timeout, and younger than the absolute
 * lifetime (security_settings).
 */
export const sessions = sqliteTable(
  "sessions",
  {
    /** 32 random bytes, base64url. Only ever inside the encrypted cookie. */
    id: text("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    method: text("method", { enum: SESSION_METHODS }).notNull(),
    /** Whether the second factor was checked at this sign-in. */
    secondFactor: integer("second_factor", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
    /** Updated at most once a minute by the requests of this session. */
    lastSeenAt: integer("last_seen_at").notNull(),
    revokedAt: integer("revoked_at"),
    revokedReason: text("revoked_reason", { enum: SESSION_END_REASONS }),
    /** Where it was started (shown to the person on "where you are signed in"). */
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_person_idx").on(t.personId, t.revokedAt), index("sessions_last_seen_idx").on(t.lastSeenAt)],
);

/** Emailed one-time links to choose a new password (valid 30 minutes, single use; only the SHA-256 is kept). */
export const passwordResets = sqliteTable(
  "password_resets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [uniqueIndex("password_resets_token_uq").on(t.tokenHash), index("password_resets_person_idx").on(t.personId)],
);

/**
 * A person's TOTP second factor (one row per person who enrolled or is enrolling). The secret is
 * encrypted with a key derived from AUTH_SECRET. `enabledAt` null = enrolment started, not confirmed.
 */
export const secondFactors = sqliteTable(
  "second_factors",
  {
    personId: integer("person_id")
      .primaryKey()
      .references(() => people.id, { onDelete: "cascade" }),
    secretEnc: text("secret_enc").notNull(),
    enabledAt: integer("enabled_at"),
    /** The last accepted 30-second step: a code is never accepted twice. */
    lastStep: integer("last_step"),
    createdAt: integer("created_at").notNull(),
  },
);

/** Ten single-use recovery codes per enrolled person (only their hashes). */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [index("recovery_codes_person_idx").on(t.personId), uniqueIndex("recovery_codes_hash_uq").on(t.codeHash)],
);

/**
 * Sign-in security settings: one row (id = 1), edited by HR on /settings/security with its own
 * revision (not the organisation's, so saving these never conflicts with other settings).
 */
export const securitySettings = sqliteTable("security_settings", {
  id: integer("id").primaryKey(),
  /** A session ends after this many minutes without a request (5…480). */
  idleMinutes: integer("idle_minutes").notNull().default(30),
  /** …and this many hours after sign-in, whatever happens (1…24). */
  absoluteHours: integer("absolute_hours").notNull().default(12),
  /** HR admins must use a second factor. */
  requireSecondFactorForHr: integer("require_second_factor_for_hr", { mode: "boolean" }).notNull().default(false),
  /** SSO may create a person (employee app role) for a verified email nobody has yet. */
  ssoCreatesPeople: integer("sso_creates_people", { mode: "boolean" }).notNull().default(false),
  revision: integer("revision").notNull().default(1),
  updatedById: integer("updated_by_id").references(() => people.id, { onDelete: "set null" }),
  updatedAt: integer("updated_at"),
}, (t) => [index("security_settings_updated_by_idx").on(t.updatedById)]);

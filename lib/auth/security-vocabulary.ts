/**
 * Issue 14's shared constants (no imports: safe in client components, scripts and tests).
 */

/** Session idle timeout HR may set, in minutes (default 30). */
export const IDLE_MINUTES_RANGE = [5, 480] as const;
export const IDLE_MINUTES_DEFAULT = 30;
/** Session absolute lifetime HR may set, in hours (default 12). The cookie itself lives at most the maximum. */
export const ABSOLUTE_HOURS_RANGE = [1, 24] as const;
export const ABSOLUTE_HOURS_DEFAULT = 12;
/** A session's last-seen time is written at most this often (so idle expiry is exact to a minute). */
export const SESSION_TOUCH_MS = 60 * 1000;

/** New passwords: at least this many characters, and not common or breached (lib/auth/password-policy.ts). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1000;
/** Emailed password-reset links are valid this long, once. */
export const PASSWORD_RESET_VALID_MS = 30 * 60 * 1000;

/** Recovery codes given at second-factor enrolment (each single use). */
export const RECOVERY_CODE_COUNT = 10;

/**
 * Security events in the audit log (action `security.<event>`), each with the source address and
 * user agent in its detail (never a password, code or token).
 */
export const SECURITY_EVENTS = [
  "signin", // succeeded (detail.method: password | sso; detail.secondFactor: totp | recovery | none)
  "signinFailed",
  "signinLocked", // refused or slowed by the failure limits
  "signout",
  "sessionRevoked", // one session ended by its person, or all of them ("sign out everywhere")
  "passwordChanged",
  "passwordResetRequested",
  "passwordReset",
  "secondFactorEnrolled",
  "secondFactorUsed",
  "secondFactorReset", // by HR
  "secondFactorDisabled", // by the person
  "ssoSignin",
  "ssoRefused",
  "setupCompleted",
] as const;
export type SecurityEvent = (typeof SECURITY_EVENTS)[number];

import "server-only";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { ActionError, ConflictError, FieldError, ForbiddenError, NotFoundError } from "@/lib/core/errors";
import { getActor, getActorUntouched } from "@/lib/auth/session";
import { mustEnrolSecondFactor } from "@/lib/auth/second-factor";

import type { ActionResult, FieldErrors } from "@/lib/core/action-types";
export type { ActionResult, FieldErrors };

/** Turns FormData into a plain object; repeated names become arrays. */
export function formDataToObject(input: FormData | Record<string, unknown>): Record<string, unknown> {
  if (!(input instanceof FormData)) return input;
  const out: Record<string, unknown> = {};
  for (const [key, value] of input.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (key in out) {
      const prev = out[key];
      out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
    } else out[key] = value;
  }
  return out;
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Maps a zod issue to a message in the person's language. */
export function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  switch (issue.code) {
    case "too_big":
      return issue.origin === "string"
        ? t("tooLong", { max: Number(issue.maximum) })
        : t("tooBig", { max: Number(issue.maximum) });
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1 ? t("required") : t("tooShort", { min: Number(issue.minimum) });
      }
      return t("tooSmall", { min: Number(issue.minimum) });
    case "invalid_format":
      return issue.format === "email" ? t("invalidEmail") : t("invalid");
    case "invalid_value":
      return t("invalidChoice");
    case "custom":
      return knownKey(issue.message) ? t(issue.message) : t("invalid");
    case "invalid_type":
      return issue.input === undefined || issue.input === null || issue.input === "" ? t("required") : t("invalid");
    default:
      return t("invalid");
  }
}

const KNOWN = new Set([
  "required",
  "invalid",
  "invalidEmail",
  "invalidDate",
  "dateOutOfRange",
  "invalidChoice",
  "emailTaken",
  "passwordTooShort",
  "reportsToSelf",
  "notFound",
  "forbidden",
  "conflict",
]);
function knownKey(key: string): boolean {
  return KNOWN.has(key);
}

export function zodFieldErrors(error: z.ZodError, t: Translate): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : "_form";
    fieldErrors[field] ??= issueMessage(issue, t);
  }
  return fieldErrors;
}

type Options = {
  public?: boolean;
  /** Allowed to a person who must enrol a second factor first (the enrolment itself, signing out). */
  beforeSecondFactor?: boolean;
  /** false: the session's last-seen time is not updated by this request (an anonymous author's actions). */
  touchSession?: boolean;
};

/**
 * The one wrapper for Server Actions: parses input with zod (FormData coerced to an object),
 * resolves the signed-in person, runs the mutation, and returns
 * `{ ok: true, data } | { ok: false, error, fieldErrors }`. Expected failures are returned, not
 * thrown; anything else (including Next's redirect) propagates.
 */
export function createAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, actor: Actor) => Promise<T> | T,
  options: Options = {},
) {
  return async (_prev: unknown, raw: FormData | Record<string, unknown>): Promise<ActionResult<T>> => {
    const t = (await getTranslations("errors")) as unknown as Translate;
    const actor = options.touchSession === false ? await getActorUntouched() : await getActor();
    if (!actor && !options.public) return { ok: false, error: t("unauthenticated"), fieldErrors: {} };
    // HR admins the settings require a second factor of do nothing else until they have one.
    if (actor && !options.public && !options.beforeSecondFactor && mustEnrolSecondFactor(actor)) {
      return { ok: false, error: t("twoFactorEnrolFirst"), fieldErrors: {} };
    }
    const parsed = schema.safeParse(formDataToObject(raw));
    if (!parsed.success) {
      return { ok: false, error: t("checkFields"), fieldErrors: zodFieldErrors(parsed.error, t) };
    }
    try {
      return { ok: true, data: await handler(parsed.data, actor as Actor) };
    } catch (e) {
      if (e instanceof FieldError) {
        const fieldErrors = Object.fromEntries(Object.entries(e.fieldErrors).map(([k, v]) => [k, t(v, e.values[k])]));
        return { ok: false, error: t("checkFields"), fieldErrors };
      }
      if (e instanceof ActionError) return { ok: false, error: t(e.key, e.values), fieldErrors: {} };
      if (e instanceof NotFoundError) return { ok: false, error: t("notFound"), fieldErrors: {} };
      if (e instanceof ForbiddenError) return { ok: false, error: t("forbidden"), fieldErrors: {} };
      if (e instanceof ConflictError) return { ok: false, error: t("conflict"), fieldErrors: {} };
      throw e;
    }
  };
}

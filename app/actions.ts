"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { signOut } from "@/auth";
import { LOCALE_COOKIE, locales } from "@/i18n/config";
import { createAction } from "@/lib/core/action";
import { setOwnLocale } from "@/lib/people/records";

/** Switches the UI language: stored on the person when signed in, and in the locale cookie. */
export const setLocaleAction = createAction(
  z.object({ locale: z.enum(locales) }),
  async ({ locale }, actor) => {
    if (actor) setOwnLocale(actor, locale);
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
    return { locale };
  },
  { public: true },
);

/** Signs out and forgets the language cookie (the stored choice comes back at the next sign-in). */
export const signOutAction = createAction(
  z.object({}),
  async () => {
    (await cookies()).delete(LOCALE_COOKIE);
    await signOut({ redirectTo: "/sign-in" });
  },
  { beforeSecondFactor: true },
);

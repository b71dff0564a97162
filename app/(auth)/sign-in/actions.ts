"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/auth";
import { isLocale, LOCALE_COOKIE } from "@/i18n/config";
import { createAction } from "@/lib/core/action";
import { ActionError } from "@/lib/core/errors";
import { storedLocaleOf } from "@/lib/auth/signin";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { appBaseUrl } from "@/lib/email/urls";

const schema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1000),
  code: z.string().trim().max(64).optional(),
  callbackUrl: z.string().max(2000).optional(),
});

export const signInAction = createAction(
  schema,
  async ({ email, password, code, callbackUrl }) => {
    try {
      await signIn("credentials", { email, password, ...(code ? { code } : {}), redirect: false });
    } catch (e) {
      if (e instanceof AuthError && e.type === "CredentialsSignin") {
        const refusal = (e as CredentialsSignin).code ?? "";
        // The second-factor step (lib/auth/second-factor.ts): the form then shows the code field.
        if (refusal === "codeRequired") throw new ActionError("signInCodeRequired");
        if (refusal === "codeInvalid") throw new ActionError("signInCodeInvalid");
        // Slowed by the failure limits (lib/auth/rate-limit.ts signInWait): seconds, or minutes from one minute on.
        if (refusal.startsWith("slow:")) {
          const seconds = Math.max(1, Number(refusal.slice(5)) || 60);
          if (seconds < 60) throw new ActionError("signInWaitSeconds", { seconds });
          throw new ActionError("signInLocked", { minutes: Math.ceil(seconds / 60) });
        }
        throw new ActionError("signInInvalid");
      }
      throw e;
    }
    const locale = storedLocaleOf(email);
    if (isLocale(locale)) {
      (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
    }
    // Only a path on the app's own origin: never an open redirect.
    redirect(safeCallbackPath(callbackUrl, appBaseUrl()));
  },
  { public: true },
);

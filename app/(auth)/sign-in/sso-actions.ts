"use server";

import { z } from "zod";
import { signIn } from "@/auth";
import { createAction } from "@/lib/core/action";
import { SSO_PROVIDER_ID, ssoEnabled } from "@/lib/auth/sso";
import { NotFoundError } from "@/lib/core/errors";

const schema = z.object({ callbackUrl: z.string().max(2000).optional() });

/** Only a path on this site (Auth.js's redirect callback also refuses other origins). */
function samePath(url: string | undefined): string {
  if (!url) return "/";
  try {
    const base = new URL("http://rolebook.invalid");
    const resolved = new URL(url, base);
    return resolved.origin === base.origin && url.startsWith("/") ? `${resolved.pathname}${resolved.search}${resolved.hash}` : "/";
  } catch {
    return "/";
  }
}

/** "Sign in with <provider>": Auth.js sends the browser to the identity provider (issue 14 point 5). */
export const ssoSignInAction = createAction(
  schema,
  async ({ callbackUrl }) => {
    if (!ssoEnabled()) throw new NotFoundError();
    await signIn(SSO_PROVIDER_ID, { redirectTo: samePath(callbackUrl) });
  },
  { public: true },
);

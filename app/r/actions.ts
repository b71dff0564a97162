"use server";

import { randomBytes } from "node:crypto";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { clientAddress } from "@/lib/auth/request-info";
import { createAction } from "@/lib/core/action";
import { ratingFormSchema, submitServiceRating, submitWalkupRating } from "@/lib/feedback/rate";

/**
 * The public rating form (issue 12, point 2): posted by /r/<token> and /q/<code>, with or without
 * JavaScript. Public (no sign-in); a signed-in browser is passed on so the employee cannot rate
 * themself. Success goes to the thank-you page (a reload cannot send it twice).
 */
const DEVICE_COOKIE = "rb_rate_device";

export const rateServiceAction = createAction(
  ratingFormSchema,
  async (input, actor) => {
    submitServiceRating(actor ?? null, input.key, input, await getLocale());
    redirect("/r/thanks");
  },
  { public: true },
);

export const rateWalkupAction = createAction(
  ratingFormSchema,
  async (input, actor) => {
    const jar = await cookies();
    let device = jar.get(DEVICE_COOKIE)?.value ?? null;
    if (!device || !/^[A-Za-z0-9_-]{22}$/.test(device)) {
      device = randomBytes(16).toString("base64url");
      const https = (await headers()).get("x-forwarded-proto") === "https";
      jar.set(DEVICE_COOKIE, device, { httpOnly: true, sameSite: "lax", secure: https, path: "/q", maxAge: 60 * 60 * 24 * 365 });
    }
    submitWalkupRating(actor ?? null, input.key, input, await getLocale(), { address: clientAddress(await headers()), device });
    redirect("/r/thanks");
  },
  { public: true },
);

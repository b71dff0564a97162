"use server";

import { headers } from "next/headers";
import QRCode from "qrcode";
import { z } from "zod";
import { createAction } from "@/lib/core/action";
import { FieldError } from "@/lib/core/errors";
import { fields } from "@/lib/core/validation";
import { createPersonalCode, makeServiceLink, searchLinkPeople, setCustomerFacing } from "@/lib/feedback/links";
import { publicBaseUrl } from "@/lib/onboarding/calendar";

/** Rating links & QR (issue 12, point 1): making a per-service link, the personal code, HR's customer-facing flag. */

async function origin(): Promise<string> {
  return publicBaseUrl(process.env.APP_URL, await headers(), process.env.AUTH_URL ?? "http://localhost:3000");
}

export const searchLinkPeopleAction = createAction(z.object({ q: z.string().max(100) }), (input, actor) => searchLinkPeople(actor, input.q));

export const makeLinkAction = createAction(
  z.object({ personId: fields.optionalId.optional(), personText: z.string().trim().max(100).default(""), reference: z.string().trim().max(100).default("") }),
  async (input, actor) => {
    // A name typed but not picked from the list: never silently a link for oneself.
    if (input.personId == null && input.personText) throw new FieldError({ personId: "invalidChoice" });
    const personId = input.personId ?? actor.id;
    const made = makeServiceLink(actor, { personId, reference: input.reference });
    const url = `${await origin()}${made.path}`;
    // The QR of the new link, drawn on the server (no QR code library in the browser).
    const qr = await QRCode.toDataURL(url, { errorCorrectionLevel: "M", margin: 2, width: 240 });
    return { url, qr, personName: made.personName, expiresAt: made.expiresAt };
  },
);

export const createCodeAction = createAction(z.object({ personId: fields.id }), (input, actor) => createPersonalCode(actor, input.personId));

export const setCustomerFacingAction = createAction(
  z.object({ roleId: fields.id, customerFacing: fields.bool }),
  (input, actor) => setCustomerFacing(actor, input.roleId, input.customerFacing),
);

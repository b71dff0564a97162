"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createAction } from "@/lib/core/action";
import { fields } from "@/lib/core/validation";
import { searchCapabilities } from "@/lib/capability/directory";
import { mergeCapability, updateCapability } from "@/lib/capability/manage";
import { CAPABILITY_KEY_PATTERN } from "@/lib/capability/merge-doc";
import { CAPABILITY_KINDS, VALIDITY_MAX_MONTHS } from "@/lib/capability/vocabulary";

const key = z.string().regex(CAPABILITY_KEY_PATTERN);
/** Months as plain digits; empty = the capability does not lapse. */
const months = z.preprocess(
  (v) => (v === "" || v == null ? null : typeof v === "string" && /^(?:0|[1-9][0-9]{0,3})$/.test(v) ? Number(v) : v),
  z.number().int().min(1).max(VALIDITY_MAX_MONTHS).nullable(),
);

export const updateCapabilityAction = createAction(
  z.object({ key, revision: fields.revision, name: fields.name, kind: z.enum(CAPABILITY_KINDS), validityMonths: months }),
  (input, actor) => {
    const res = updateCapability(actor, input.key, input.revision, { name: input.name, kind: input.kind, validityMonths: input.validityMonths });
    revalidatePath(`/capabilities/${input.key}`);
    return res;
  },
);

export const mergeCapabilityAction = createAction(
  z.object({ key, revision: fields.revision, into: z.string().min(1).max(64) }),
  (input, actor) => {
    const res = mergeCapability(actor, input.key, input.revision, input.into);
    revalidatePath("/capabilities");
    redirect(`/capabilities/${encodeURIComponent(res.into)}?merged=1`);
  },
);

/** Search-as-you-type for the role editor and the merge form (never the whole table). */
export const searchCapabilitiesAction = createAction(
  z.object({ q: z.string().max(100), exclude: z.array(z.string().max(64)).max(50).default([]) }),
  (input, actor) => searchCapabilities(actor, input.q, { exclude: input.exclude }),
);

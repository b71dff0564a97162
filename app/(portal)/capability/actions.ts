"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/core/action";
import { fields } from "@/lib/core/validation";
import { addCertificate, signOff } from "@/lib/capability/evidence";

/** Sign-offs and certificates (issue 11, point 4): the checks live in lib/capability/evidence.ts. */

const capabilityKey = z.string().min(1).max(100);

const signOffSchema = z.object({
  personId: fields.id,
  capabilityKey,
  note: z.string().max(5000),
});

export const signOffAction = createAction(signOffSchema, (input, actor) => {
  const result = signOff(actor, input);
  revalidatePath(`/people/${input.personId}/capability`);
  return result;
});

const certificateSchema = z.object({
  personId: fields.id,
  capabilityKey,
  issuer: z.string().max(1000),
  date: z.string().max(20),
  note: z.string().max(5000).optional(),
  file: z.instanceof(File),
});

export const addCertificateAction = createAction(certificateSchema, async ({ file, ...input }, actor) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const result = addCertificate(actor, { ...input, file: { bytes, name: file.name } });
  revalidatePath("/capability");
  revalidatePath(`/people/${input.personId}/capability`);
  return { evidenceId: result.evidenceId };
});

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { createAction } from "@/lib/core/action";
import { fields } from "@/lib/core/validation";
import { SEARCH_MAX } from "@/lib/core/limits";
import { courseInputSchema, createCourse, searchCapabilitiesForCourse, updateCourse, uploadCourseImage } from "@/lib/capability/courses";

export const createCourseAction = createAction(courseInputSchema, async (input, actor) => {
  const { id } = createCourse(actor, input);
  revalidatePath("/training");
  redirect(`/training/${id}`);
});

export const updateCourseAction = createAction(
  courseInputSchema.extend({ id: fields.id, revision: fields.revision }),
  async ({ id, revision, ...input }, actor) => {
    updateCourse(actor, id, revision, input);
    revalidatePath("/training");
    revalidatePath(`/training/${id}`);
    redirect(`/training/${id}`);
  },
);

export const uploadCourseImageAction = createAction(z.object({ file: z.instanceof(File) }), async ({ file }, actor) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return uploadCourseImage(actor, { bytes, name: file.name });
});

/** Search-as-you-type for the capability picker: null when the person is signed out or may not write courses. */
export async function searchCapabilitiesAction(q: string): Promise<{ key: string; name: string }[] | null> {
  const actor = await getActor();
  if (!actor || typeof q !== "string") return null;
  try {
    return searchCapabilitiesForCourse(actor, q.slice(0, SEARCH_MAX)).map(({ key, name }) => ({ key, name }));
  } catch {
    return null;
  }
}

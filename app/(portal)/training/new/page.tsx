import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { mayWriteCourses } from "@/lib/capability/courses";
import { CourseForm } from "../_components/course-form";
import { createCourseAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("training");
  return { title: t("newTitle") };
}

export default async function NewCoursePage() {
  const actor = await requireActor();
  if (!mayWriteCourses(actor)) notFound();
  const t = await getTranslations("training");
  return (
    <div>
      <PageHeader title={t("newTitle")} description={t("newIntro")} />
      <CourseForm action={createCourseAction} course={null} />
    </div>
  );
}

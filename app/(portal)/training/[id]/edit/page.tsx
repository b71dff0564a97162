import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { found, idParam } from "@/lib/core/page";
import { courseForEdit } from "@/lib/capability/courses";
import { CourseForm } from "../../_components/course-form";
import { updateCourseAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("training");
  return { title: t("editTitle") };
}

export default async function EditCoursePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const id = idParam((await params).id);
  const course = found(() => courseForEdit(actor, id));
  const t = await getTranslations("training");
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href={`/training/${id}`} className="text-brand-700 underline hover:text-brand-800">
          {t("backToCourse", { title: course.title })}
        </Link>
      </p>
      <PageHeader title={t("editTitle")} />
      <CourseForm action={updateCourseAction} course={course} />
    </div>
  );
}

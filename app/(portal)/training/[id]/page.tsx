import type { Metadata } from "next";
import { cache } from "react";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Badge, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button-link";
import { requireActor } from "@/lib/auth/session";
import { found, idParam } from "@/lib/core/page";
import { getCourse } from "@/lib/capability/courses";
import { CourseContent } from "../_components/course-content";

/** The course, read once per request: the title and the page both need it (React's request cache). */
const courseOf = cache(async (id: number) => {
  const actor = await requireActor();
  return found(() => getCourse(actor, id));
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: (await courseOf(idParam((await params).id))).title };
}

export default async function CoursePage({ params }: { params: Promise<{ id: string }> }) {
  const id = idParam((await params).id);
  const course = await courseOf(id);
  const t = await getTranslations("training");
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/training" className="text-brand-700 underline hover:text-brand-800">
          {t("backToCatalog")}
        </Link>
      </p>
      <PageHeader
        title={course.title}
        description={course.summary || undefined}
        actions={
          course.mayEdit ? (
            <ButtonLink href={`/training/${id}/edit`} variant="secondary">
              {t("edit")}
            </ButtonLink>
          ) : null
        }
      />
      <dl className="mb-6 grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-700">{t("form.kind")}</dt>
        <dd>
          <Badge tone="brand">{t(`kind.${course.kind}`)}</Badge>
        </dd>
        <dt className="font-medium text-slate-700">{t("time")}</dt>
        <dd>{t("minutes", { count: course.estimatedMinutes })}</dd>
        <dt className="font-medium text-slate-700">{t("builds")}</dt>
        <dd>
          {course.capabilities.length ? (
            <ul className="list-inside list-disc">
              {course.capabilities.map((c) => (
                <li key={c.key}>
                  <Link href={`/capabilities/${encodeURIComponent(c.key)}`} className="text-brand-700 underline hover:text-brand-800">
                    {c.name}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            t("buildsNone")
          )}
        </dd>
      </dl>
      <article className="rounded-lg border border-slate-200 bg-white p-5">
        {course.content ? <CourseContent>{course.content}</CourseContent> : <p className="text-sm text-slate-600">{t("noContent")}</p>}
      </article>
      {course.hasQuiz ? (
        <div className="mt-6 rounded-lg border border-brand-200 bg-brand-50 p-4">
          <p className="mb-3 text-sm text-slate-800">{t("quizIntro")}</p>
          <ButtonLink href={`/training/${id}/quiz`}>{t("takeQuiz")}</ButtonLink>
        </div>
      ) : null}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { quizForEdit } from "@/lib/capability/quizzes";
import { found, idParam } from "@/lib/core/page";
import { QuizEditor } from "../_components/quiz-editor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("quiz.edit");
  return { title: t("pageTitle") };
}

/** The quiz editor of a course: whoever may edit the course (HR any, a manager their own). */
export default async function EditQuizPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const courseId = idParam((await params).id);
  const data = found(() => quizForEdit(actor, courseId));
  const t = await getTranslations("quiz.edit");
  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title", { course: data.course.title })} description={t("intro")} />
      <p className="mb-4 flex flex-wrap gap-4 text-sm">
        <Link href={`/training/${courseId}`} className="text-brand-700 underline">
          {t("backToCourse")}
        </Link>
        {data.quiz ? (
          <Link href={`/training/${courseId}/quiz`} className="text-brand-700 underline">
            {t("preview")}
          </Link>
        ) : null}
      </p>
      <Card>
        <QuizEditor
          courseId={courseId}
          revision={data.quiz?.revision ?? 0}
          passMark={data.quiz?.passMark ?? 80}
          maxAttempts={data.quiz?.maxAttempts ?? 3}
          attemptsMax={data.attemptsMax}
          questions={data.quiz?.questions.map((q) => ({ kind: q.kind, text: q.text, options: q.options.map((o) => ({ text: o.text, correct: o.correct })) })) ?? []}
        />
      </Card>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button-link";
import { requireActor } from "@/lib/auth/session";
import { quizToTake } from "@/lib/capability/quizzes";
import { formatInstant } from "@/lib/core/format-dates";
import { found, idParam } from "@/lib/core/page";
import { TakeQuizForm } from "./_components/take-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("quiz.take");
  return { title: t("pageTitle") };
}

/** Taking a course's quiz: questions and options shuffled for this attempt, no correct answers sent. */
export default async function TakeQuizPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const courseId = idParam((await params).id);
  const quiz = found(() => quizToTake(actor, courseId));
  const t = await getTranslations("quiz.take");
  const format = await getFormatter();
  const zone = await getTimeZone();
  return (
    <div className="max-w-3xl">
      <PageHeader
        title={t("title", { course: quiz.course.title })}
        description={t("intro", { passMark: quiz.passMark, count: quiz.questions.length })}
        actions={
          quiz.mayEdit ? (
            <ButtonLink variant="secondary" href={`/training/${courseId}/quiz/edit`}>
              {t("edit")}
            </ButtonLink>
          ) : undefined
        }
      />
      <p className="mb-4 text-sm">
        <Link href={`/training/${courseId}`} className="text-brand-700 underline">
          {t("backToCourse")}
        </Link>
      </p>
      <p className="mb-4 text-sm text-slate-700" data-testid="attempts-left">
        {quiz.left === null ? t("unlimited", { used: quiz.used }) : t("attemptsLeft", { left: quiz.left, max: quiz.maxAttempts })}
      </p>
      {quiz.recent.length ? (
        <Card className="mb-6">
          <h2 className="mb-2 font-semibold">{t("recent")}</h2>
          <ul className="space-y-1 text-sm">
            {quiz.recent.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/training/${courseId}/quiz/attempts/${a.id}`} className="text-brand-700 underline">
                  {formatInstant(format, a.submittedAt, zone)}
                </Link>
                <span>{t("score", { score: a.score })}</span>
                <Badge tone={a.passed ? "green" : "red"}>{a.passed ? t("passed") : t("failed")}</Badge>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {quiz.mayAttempt ? (
        <TakeQuizForm courseId={courseId} personId={actor.id} revision={quiz.revision} seed={quiz.seed} questions={quiz.questions} />
      ) : (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("noAttemptsLeft")}
        </p>
      )}
    </div>
  );
}

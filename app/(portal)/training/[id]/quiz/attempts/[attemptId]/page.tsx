import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { quizAttemptResult } from "@/lib/capability/quizzes";
import { formatDay, formatInstant } from "@/lib/core/format-dates";
import { found, idParam } from "@/lib/core/page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("quiz.result");
  return { title: t("pageTitle") };
}

/** The result of one of my attempts: score, pass or fail, attempts left, and per question right or wrong. */
export default async function QuizResultPage({ params }: { params: Promise<{ id: string; attemptId: string }> }) {
  const actor = await requireActor();
  const p = await params;
  const courseId = idParam(p.id);
  const attemptId = idParam(p.attemptId);
  const r = found(() => quizAttemptResult(actor, courseId, attemptId));
  const t = await getTranslations("quiz.result");
  const format = await getFormatter();
  const zone = await getTimeZone();
  const right = r.questions.filter((q) => q.right).length;
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("title", { course: r.course.title })} description={formatInstant(format, r.submittedAt, zone)} />
      <Card className="mb-6">
        <p className="text-2xl font-semibold text-slate-900" data-testid="quiz-score">
          {t("score", { score: r.score, passMark: r.passMark })}
        </p>
        <p className="mt-2">
          <Badge tone={r.passed ? "green" : "red"}>{r.passed ? t("passed") : t("failed")}</Badge>
        </p>
        <p className="mt-2 text-sm text-slate-700">{t("rightCount", { right, total: r.questions.length })}</p>
        <p className="mt-1 text-sm text-slate-700" data-testid="attempts-left">
          {r.left === null ? t("unlimited") : t("attemptsLeft", { left: r.left })}
        </p>
        {r.evidence.length ? (
          <div className="mt-4">
            <h2 className="font-semibold">{t("evidenceTitle")}</h2>
            <ul className="mt-1 list-disc pl-5 text-sm">
              {r.evidence.map((e) => (
                <li key={e.name}>{e.validUntil ? t("validUntil", { name: e.name, date: formatDay(format, e.validUntil) }) : t("noExpiry", { name: e.name })}</li>
              ))}
            </ul>
            <p className="mt-2 text-sm">
              <Link href="/capability" className="text-brand-700 underline">
                {t("myCapability")}
              </Link>
            </p>
          </div>
        ) : null}
      </Card>
      <h2 className="mb-2 text-lg font-semibold">{t("perQuestion")}</h2>
      <ol className="space-y-3">
        {r.questions.map((q, i) => (
          <li key={q.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="result-question">
            <p className="font-medium text-slate-900">
              {i + 1}. {q.text}
            </p>
            <p className="mt-1 text-sm text-slate-700">{t("yourAnswer", { answer: q.chosen.join(", ") || "—" })}</p>
            <p className="mt-2">
              <Badge tone={q.right ? "green" : "red"}>{q.right ? t("right") : t("wrong")}</Badge>
            </p>
          </li>
        ))}
      </ol>
      <p className="mt-6 flex flex-wrap gap-4 text-sm">
        {r.left === null || r.left > 0 ? (
          <Link href={`/training/${courseId}/quiz`} className="text-brand-700 underline">
            {r.passed ? t("takeAgain") : t("tryAgain")}
          </Link>
        ) : null}
        <Link href={`/training/${courseId}`} className="text-brand-700 underline">
          {t("backToCourse")}
        </Link>
      </p>
    </div>
  );
}

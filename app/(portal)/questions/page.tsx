import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { listQuestionsToAnswer } from "@/lib/communication/questions";
import { found, pageParam } from "@/lib/core/page";
import { requireActor } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("questions");
  return { title: t("title") };
}

/** The answerer's inbox: every question waiting for them, across role versions and announcements, oldest first. */
export default async function QuestionsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const result = found(() => listQuestionsToAnswer(actor, { page: pageParam(sp.page) }));
  const t = await getTranslations("questions");
  const c = await getTranslations("changes");
  const format = await getFormatter();
  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} description={t("intro", { count: result.total })} />
      {result.rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ol className="space-y-3" aria-label={t("list")}>
          {result.rows.map((q) => (
            <li key={q.id}>
              <Card>
                <h2 className="font-semibold">
                  <Link href={`/changes/${q.id}`} className="rb-link">
                    {t("askedAbout", {
                      name: q.personName,
                      item: q.kind === "role" ? c("roleItem", { role: q.title, version: q.version ?? 0 }) : q.title,
                    })}
                  </Link>
                </h2>
                <blockquote className="mt-2 line-clamp-3 whitespace-pre-wrap border-l-4 border-slate-200 pl-3 text-sm text-slate-800">{q.question}</blockquote>
                <p className="mt-2 text-xs text-slate-600">
                  {q.kind === "role" ? t("roleChange") : c("announcement")} · {t("askedWhen", { when: format.relativeTime(new Date(q.askedAt)) })}
                </p>
              </Card>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} basePath="/questions" />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { AckStateBadge } from "@/components/communication/ack-state-badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { listMyItems } from "@/lib/communication/answers";
import { questionsToAnswerCount } from "@/lib/communication/questions";
import { found, pageParam } from "@/lib/core/page";
import { requireActor } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("changes");
  return { title: t("title") };
}

export default async function ChangesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const result = found(() => listMyItems(actor, { page: pageParam(sp.page) }));
  const questions = questionsToAnswerCount(actor);
  const t = await getTranslations("changes");
  const format = await getFormatter();
  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} description={t("intro")} />
      {questions ? (
        <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <Link href="/questions" className="font-medium underline">
            {questions > 99 ? t("questionsWaitingMany") : t("questionsWaiting", { count: questions })}
          </Link>
        </p>
      ) : null}
      {result.rows.length === 0 ? (
        <EmptyState>{questions ? t("emptyOwn") : t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label={t("list")}>
          {result.rows.map((item) => (
            <li key={item.id}>
              <Card>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h2 className="font-semibold">
                    <Link href={`/changes/${item.id}`} className="rb-link">
                      {item.kind === "role" ? t("roleItem", { role: item.title, version: item.version ?? 0 }) : item.title}
                    </Link>
                  </h2>
                  <AckStateBadge state={item.state} />
                </div>
                <p className="mt-1 text-sm text-slate-600">
                  {item.kind === "role" ? item.summary : t("announcement")} · {format.relativeTime(new Date(item.createdAt))}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} basePath="/changes" />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { AckStateBadge } from "@/components/communication/ack-state-badge";
import { ButtonLink } from "@/components/ui/button-link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { listFeed } from "@/lib/communication/announcements";
import { found, pageParam } from "@/lib/core/page";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { formatDay } from "@/lib/core/format-dates";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("announcements");
  return { title: t("title") };
}

export default async function AnnouncementsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const result = found(() => listFeed(actor, { page: pageParam(sp.page) }));
  const t = await getTranslations("announcements");
  const format = await getFormatter();
  return (
    <div className="max-w-4xl">
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={can(actor, "announcements.create") ? <ButtonLink href="/announcements/new">{t("new")}</ButtonLink> : null}
      />
      {result.rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label={t("feed")}>
          {result.rows.map((a) => (
            <li key={a.id}>
              <Card>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h2 className="font-semibold">
                    <Link href={`/announcements/${a.id}`} className="rb-link">
                      {a.title}
                    </Link>
                  </h2>
                  {a.myState ? <AckStateBadge state={a.myState as never} /> : <span className="text-xs text-slate-500">{t("yours")}</span>}
                </div>
                <p className="mt-1 text-sm text-slate-600">
                  {t("meta", {
                    author: a.authorName ?? "—",
                    date: formatDay(format, a.effectiveDate, { dateStyle: "medium" }),
                  })}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} basePath="/announcements" />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { formatDay } from "@/lib/core/format-dates";
import { found, pageParam } from "@/lib/core/page";
import { listFollowups } from "@/lib/feedback/followups";
import { statusTone } from "./_components/status";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("followups");
  return { title: t("title") };
}

/** Follow-ups of low ratings (issue 12, point 5): open first, overdue flagged. */
export default async function FollowupsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireActor();
  if (!can(actor, "followups.handle")) notFound();
  const sp = await searchParams;
  const list = found(() => listFollowups(actor, { page: pageParam(sp.page) }));
  const t = await getTranslations("followups");
  const format = await getFormatter();
  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} description={t("intro")} />
      {list.rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="followup-list">
          {list.rows.map((f) => (
            <li key={f.id}>
              <Card className={f.overdue ? "border-red-300" : ""}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h2 className="font-semibold">
                    <Link href={`/feedback/follow-ups/${f.id}`} className="rb-link">
                      {t("listHeading", { name: f.personName, stars: f.stars })}
                    </Link>
                  </h2>
                  <span className="flex flex-wrap gap-2">
                    {f.overdue ? (
                      <Badge tone="red">
                        <span data-testid="followup-overdue">{t("overdue")}</span>
                      </Badge>
                    ) : null}
                    <Badge tone={statusTone(f.status)}>{t(`status.${f.status}`)}</Badge>
                  </span>
                </div>
                {f.comment ? <p className="mt-2 line-clamp-2 whitespace-pre-line text-sm text-slate-800">{f.comment}</p> : null}
                <p className="mt-2 text-sm text-slate-700">
                  {[
                    t("ratedOn", { date: formatDay(format, f.ratedOn) }),
                    f.status === "solved" ? null : t("dueOn", { date: formatDay(format, f.dueOn) }),
                    f.ownerName ? t("ownerIs", { name: f.ownerName }) : null,
                    f.handedToName ? t("handedToIs", { name: f.handedToName }) : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} basePath="/feedback/follow-ups" />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/ui/button-link";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { CONCERN_STATUSES, type ConcernStatus } from "@/lib/confidence/vocabulary";
import { formatDay } from "@/lib/core/format-dates";
import { found, pageParam } from "@/lib/core/page";
import { CONCERN_VIEWS, inboxCount, listConcerns, type ConcernView } from "@/lib/concerns/read";
import { statusTone } from "../_components/status";
import { badgeLabel } from "@/lib/core/capped-count";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("concerns.inbox");
  return { title: t("title") };
}

type Search = { view?: string; page?: string; status?: string };

/** Concerns: the addressee's inbox (oldest first), answered ones to check back on, my named concerns, and HR's list. */
export default async function ConcernsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  if (!can(actor, "concerns.raise")) notFound();
  const sp = await searchParams;
  const oversees = can(actor, "concerns.oversee");
  const tabs = CONCERN_VIEWS.filter((v) => v !== "all" || oversees);
  const view: ConcernView = (tabs as readonly string[]).includes(sp.view ?? "") ? (sp.view as ConcernView) : "inbox";
  const status = view === "all" || view === "mine" ? (CONCERN_STATUSES as readonly string[]).includes(sp.status ?? "") ? (sp.status as ConcernStatus) : undefined : undefined;
  const result = found(() => listConcerns(actor, { view, page: pageParam(sp.page), status }));
  const waiting = inboxCount(actor);
  const t = await getTranslations("concerns.inbox");
  const format = await getFormatter();
  const tabHref = (v: ConcernView) => (v === "inbox" ? "/concerns" : `/concerns?view=${v}`);
  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} description={t("intro")} actions={<ButtonLink href="/concerns/new">{t("raise")}</ButtonLink>} />
      <nav aria-label={t("views")} className="mb-4 flex flex-wrap gap-2">
        {tabs.map((v) => (
          <Link
            key={v}
            href={tabHref(v)}
            aria-current={v === view ? "page" : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${v === view ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`}
          >
            {t(`view.${v}`)}
            {v === "inbox" && waiting ? <span className="ml-1.5 font-semibold">({badgeLabel(waiting)})</span> : null}
          </Link>
        ))}
      </nav>
      <p className="mb-4 text-sm text-slate-600">{t(`viewIntro.${view}`)}</p>
      {view === "all" || view === "mine" ? (
        <nav aria-label={t("statusFilter")} className="mb-4 flex flex-wrap gap-2 text-sm">
          {[undefined, ...CONCERN_STATUSES].map((s) => (
            <Link
              key={s ?? "any"}
              href={`/concerns?view=${view}${s ? `&status=${s}` : ""}`}
              aria-current={s === status ? "page" : undefined}
              className={`rounded-md px-2 py-0.5 ${s === status ? "bg-slate-800 text-white" : "rb-link"}`}
            >
              {s ? t(`status.${s}`) : t("anyStatus")}
            </Link>
          ))}
        </nav>
      ) : null}
      {result.rows.length === 0 ? (
        <EmptyState>{t(`empty.${view}`)}</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label={t(`view.${view}`)} data-testid="concern-list">
          {result.rows.map((c) => (
            <li key={c.id}>
              <Card>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h2 className="font-semibold">
                    <Link href={`/concerns/${c.id}`} className="rb-link">
                      {c.anonymous ? t("anonymousHeading") : t("namedHeading", { name: c.authorName ?? "" })}
                    </Link>
                  </h2>
                  <Badge tone={statusTone(c.status)}>{t(`status.${c.status}`)}</Badge>
                </div>
                <p className="mt-2 line-clamp-3 whitespace-pre-wrap text-sm text-slate-800">{c.excerpt}</p>
                <p className="mt-2 text-xs text-slate-600">
                  {[t("raisedOn", { date: formatDay(format, c.createdOn) }), c.roleTitle].filter(Boolean).join(" · ")}
                </p>
                {c.waitingDays !== null ? (
                  <p className={`mt-1 text-sm ${c.overdue ? "font-semibold text-red-700" : "text-slate-700"}`} data-testid="concern-waiting">
                    {t("waitingDays", { count: c.waitingDays })}
                  </p>
                ) : null}
                {c.quietDays !== null && view !== "mine" ? (
                  <p className={`mt-1 text-sm ${c.checkBack ? "font-semibold text-amber-800" : "text-slate-700"}`} data-testid="concern-check-back">
                    {c.checkBack ? t("checkBack", { count: c.quietDays }) : t("quietDays", { count: c.quietDays })}
                  </p>
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} basePath="/concerns" params={{ view: view === "inbox" ? undefined : view, status }} />
    </div>
  );
}

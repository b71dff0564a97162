import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { found, pageParam } from "@/lib/core/page";
import { mayMakeLinksForOthers, myRecentLinks, personalCode } from "@/lib/feedback/links";
import { CodeButton } from "./_components/code-button";
import { MakeLinkForm } from "./_components/make-link-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ratingLinks");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ page?: string | string[] }> };

const STATE_TONE = { open: "green", used: "slate", expired: "amber" } as const;

/** Rating links & QR (issue 12, point 1): per-service links for oneself or one's people, the recent ones, one's personal QR code. */
export default async function RatingLinksPage({ searchParams }: Props) {
  const actor = await requireActor();
  const { page } = await searchParams;
  const links = found(() => myRecentLinks(actor, pageParam(page)));
  const forOthers = mayMakeLinksForOthers(actor);
  const mine = personalCode(actor, actor.id);
  const t = await getTranslations("ratingLinks");
  const format = await getFormatter();
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium" });
  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} description={t("intro")} />

      <Card>
        <h2 className="text-lg font-semibold">{t("make.heading")}</h2>
        <p className="mt-1 mb-4 text-sm text-slate-600">{t(forOthers ? "make.introOthers" : "make.intro")}</p>
        <MakeLinkForm forOthers={forOthers} />
      </Card>

      <section aria-labelledby="recent-links">
        <h2 id="recent-links" className="mb-3 text-lg font-semibold">
          {t("list.heading")}
        </h2>
        {links.total === 0 ? (
          <EmptyState>{t("list.empty")}</EmptyState>
        ) : (
          <>
            <DataTable columns={[t("list.person"), t("list.reference"), t("list.made"), t("list.expires"), t("list.state")]}>
              {links.rows.map((l) => (
                <tr key={l.id} data-testid="link-row">
                  <td className="px-4 py-3">
                    {l.personName}
                    {l.madeBy === "api" ? <span className="block text-xs text-slate-500">{t("list.byApi")}</span> : null}
                  </td>
                  <td className="px-4 py-3">{l.reference || "—"}</td>
                  <td className="px-4 py-3">{date(l.createdAt)}</td>
                  <td className="px-4 py-3">{date(l.expiresAt)}</td>
                  <td className="px-4 py-3">
                    <Badge tone={STATE_TONE[l.state]}>{t(`state.${l.state}`)}</Badge>
                  </td>
                </tr>
              ))}
            </DataTable>
            <Pagination page={links.page} pageCount={links.pageCount} basePath="/feedback/links" />
          </>
        )}
      </section>

      <Card>
        <h2 className="text-lg font-semibold">{t("code.heading")}</h2>
        {!mine.customerFacing ? (
          <p className="mt-2 text-sm text-slate-600">{t("code.notCustomerFacing")}</p>
        ) : !mine.code ? (
          <div className="mt-2 space-y-3">
            <p className="text-sm text-slate-600">{t("code.none")}</p>
            <CodeButton personId={actor.id} replace={false} />
          </div>
        ) : (
          <div className="mt-3 flex flex-col gap-5 sm:flex-row sm:items-start">
            {/* eslint-disable-next-line @next/next/no-img-element -- an SVG from our own route handler */}
            <img
              src={`/feedback/links/qr/${actor.id}?format=svg&v=${encodeURIComponent(mine.createdAt ?? "")}`}
              alt={t("code.qrAlt", { name: mine.person.name })}
              width={180}
              height={180}
              className="rounded border border-slate-200 bg-white"
              data-testid="personal-qr"
            />
            <div className="space-y-3 text-sm">
              <p className="text-slate-700">{t("code.intro")}</p>
              <p className="text-slate-500">{t("code.since", { date: date(mine.createdAt!) })}</p>
              <p className="flex flex-wrap gap-2">
                <a className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50" href={`/feedback/links/qr/${actor.id}?format=svg&download=1`} download>
                  {t("code.downloadSvg")}
                </a>
                <a className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50" href={`/feedback/links/qr/${actor.id}?format=png&download=1`} download data-testid="qr-png">
                  {t("code.downloadPng")}
                </a>
                <Link className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50" href={`/feedback/links/print/${actor.id}`}>
                  {t("code.print")}
                </Link>
              </p>
              <div>
                <p className="mb-2 text-slate-600">{t("code.replaceHint")}</p>
                <CodeButton personId={actor.id} replace />
              </div>
            </div>
          </div>
        )}
      </Card>
    </div>
  );
}

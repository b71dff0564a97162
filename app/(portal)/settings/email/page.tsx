import path from "node:path";
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { SettingsTabs } from "../_components/settings-tabs";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { formatInstant } from "@/lib/core/format-dates";
import { found, pageParam } from "@/lib/core/page";
import { EMAIL_LIST_TABS, emailOverview, listEmails, type EmailListRow, type EmailListTab } from "@/lib/email/admin";
import { StatusRegion } from "@/components/ui/status-region";
import { ClearBounceButton, RetryAllButton, RetryButton } from "./_components/email-buttons";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("emailAdmin");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ tab?: string; page?: string }> };

/** HR: where emails go, what went out, what waits, failed, bounced or was skipped (issue 13, points 3 and 4). */
export default async function EmailAdminPage({ searchParams }: Props) {
  const actor = await requireActor();
  const sp = await searchParams;
  const tab: EmailListTab = (EMAIL_LIST_TABS as readonly string[]).includes(sp.tab ?? "") ? (sp.tab as EmailListTab) : "sent";
  const { transport, counts } = found(() => emailOverview(actor));
  const list = found(() => listEmails(actor, tab, pageParam(sp.page)));
  const t = await getTranslations("emailAdmin");
  const format = await getFormatter();
  const zone = await getTimeZone();
  const tabCount: Record<EmailListTab, number> = {
    sent: counts.sent,
    queued: counts.pending + counts.digest,
    failed: counts.failed,
    bounced: counts.bounced,
    skipped: counts.skipped,
  };
  const shownDir = (dir: string) => {
    const rel = path.relative(process.cwd(), dir);
    return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : dir;
  };
  const status = (r: EmailListRow) => {
    const tone = r.status === "sent" ? "green" : r.status === "failed" || r.status === "bounced" ? "red" : r.status === "skipped" ? "slate" : "amber";
    return <Badge tone={tone}>{t(`status.${r.status}`)}</Badge>;
  };
  return (
    <div>
      <PageHeader title={t("title")} description={t("intro")} />
      <SettingsTabs current="email" />
      <Card className="mb-6">
        <h2 className="mb-2 text-lg font-semibold">{t("transportTitle")}</h2>
        <div data-testid="email-transport">
          {transport.mode === "file" ? (
            <p className="text-sm text-slate-700">{t("transportFile", { dir: shownDir(transport.dir) })}</p>
          ) : transport.mode === "smtp" ? (
            <p className="text-sm text-slate-700">
              {transport.secure ? t("transportSmtpSecure", { host: transport.host, port: transport.port }) : t("transportSmtp", { host: transport.host, port: transport.port })}
            </p>
          ) : (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {t("transportInvalid", { error: transport.error })}
            </p>
          )}
        </div>
        {transport.mode !== "smtp" ? <p className="mt-2 text-sm text-slate-600">{t("transportHowTo")}</p> : null}
      </Card>

      <nav aria-label={t("sections")} className="mb-4 flex flex-wrap gap-1 border-b border-slate-200 pb-2">
        {EMAIL_LIST_TABS.map((key) => (
          <Link
            key={key}
            href={key === "sent" ? "/settings/email" : `/settings/email?tab=${key}`}
            aria-current={key === tab ? "page" : undefined}
            className={`rounded-md px-3 py-2 text-sm font-medium ${
              key === tab ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"
            }`}
          >
            {t(`tab.${key}`)} <span className="text-slate-600">({tabCount[key]})</span>
          </Link>
        ))}
      </nav>

      <section aria-labelledby="email-list-title">
        <StatusRegion key={tab}>
          <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
            <div>
              <h2 id="email-list-title" className="text-lg font-semibold">
                {t(`tab.${tab}`)}
              </h2>
              <p className="max-w-3xl text-sm text-slate-600">{t(`tabIntro.${tab}`)}</p>
            </div>
            {tab === "failed" && counts.failed > 0 ? <RetryAllButton /> : null}
          </div>
          {list.rows.length === 0 ? (
            <EmptyState>{t(`empty.${tab}`)}</EmptyState>
          ) : (
            <DataTable columns={[t("when"), t("to"), t("subject"), t("statusColumn"), tab === "skipped" ? t("note") : t("answer"), t("actions")]}>
              {list.rows.map((r) => {
                const subject = r.subject ?? t(`kind.${r.kind}`);
                return (
                  <tr key={r.id} data-testid={`email-${r.id}`}>
                    <td className="whitespace-nowrap px-4 py-3 text-sm">{r.at ? <time dateTime={r.at}>{formatInstant(format, r.at, zone)}</time> : "—"}</td>
                    <td className="px-4 py-3 text-sm">
                      <span className="font-medium">{r.personName ?? "—"}</span>
                      {r.address ? <span className="block break-all text-slate-600">{r.address}</span> : null}
                    </td>
                    <td className="px-4 py-3 text-sm">
                      <Link href={`/settings/email/${r.id}`} className="text-brand-700 underline">
                        {subject}
                      </Link>
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 text-sm">
                      {status(r)}
                      {r.attempts > 0 ? <span className="block text-slate-600">{t("attempts", { count: r.attempts })}</span> : null}
                    </td>
                    <td className="max-w-xs break-words px-4 py-3 text-sm text-slate-700" data-testid="email-answer">
                      {(r.status === "sent" ? r.serverResponse : r.lastError) ?? "—"}
                    </td>
                    <td className="whitespace-nowrap px-4 py-3">
                      <div className="flex flex-col gap-2">
                        {r.status === "failed" || r.status === "bounced" ? <RetryButton id={r.id} label={subject} /> : null}
                        {r.status === "bounced" && r.blocked && r.personId ? <ClearBounceButton personId={r.personId} label={r.personName ?? ""} /> : null}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          )}
          <Pagination page={list.page} pageCount={list.pageCount} basePath="/settings/email" params={{ tab: tab === "sent" ? undefined : tab }} />
        </StatusRegion>
      </section>
    </div>
  );
}

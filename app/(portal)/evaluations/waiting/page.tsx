import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { formatDay } from "@/lib/core/format-dates";
import { found, pageParam } from "@/lib/core/page";
import { unansweredForManagers } from "@/lib/evaluations/waiting";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluations.waiting");
  return { title: t("title") };
}

/**
 * Evaluations waiting on the signed-in person, the longest-waiting first: questions and
 * disagreements to reply to (theirs, or left unanswered by the people below them) and kept
 * disagreements for their review.
 */
export default async function EvaluationsWaitingPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const result = found(() => unansweredForManagers(actor, pageParam(sp.page)));
  const [t, w, roles, format] = await Promise.all([
    getTranslations("evaluations.waiting"),
    getTranslations("evaluations.write"),
    getTranslations("appRoles"),
    getFormatter(),
  ]);
  return (
    <div className="max-w-4xl">
      <p className="mb-2 text-sm">
        <Link href="/evaluations" className="rb-link">
          {w("backToList")}
        </Link>
      </p>
      <PageHeader title={t("title")} description={t("intro")} />
      {result.rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ol className="space-y-3" aria-label={t("list")}>
          {result.rows.map((r) => (
            <li key={r.id}>
              <Card>
                <h2 className="font-semibold">
                  <Link href={`/evaluations/${r.id}`} className="rb-link">
                    {t("open", { name: r.person.name })}
                  </Link>
                </h2>
                <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                  <dt className="text-slate-600">{t("what")}</dt>
                  <dd>
                    <Badge tone={r.status === "escalated" ? "red" : "amber"}>{t(`status.${r.status as "questioned" | "disagreed" | "escalated"}`)}</Badge>{" "}
                    {t(`reason.${r.reason}`, { name: r.author?.name ?? roles("hr_admin") })}
                  </dd>
                  <dt className="text-slate-600">{t("author")}</dt>
                  <dd>{r.author?.name ?? "—"}</dd>
                  <dt className="text-slate-600">{t("period")}</dt>
                  <dd>{t("periodRange", { start: formatDay(format, r.periodStart), end: formatDay(format, r.periodEnd) })}</dd>
                  <dt className="text-slate-600">{t("since")}</dt>
                  <dd>
                    <time dateTime={r.since}>{format.relativeTime(new Date(r.since))}</time>
                  </dd>
                </dl>
              </Card>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} basePath="/evaluations/waiting" />
    </div>
  );
}

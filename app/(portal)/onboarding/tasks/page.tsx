import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { myOnboardingTasks, supportedPlansPage } from "@/lib/onboarding/lists";
import { found, pageParam } from "@/lib/core/page";
import { Pagination } from "@/components/ui/pagination";
import { itemTextForReader } from "@/lib/onboarding/phrases-server";
import { requireActor } from "@/lib/auth/session";
import { TickButton } from "../_components/tick-button";
import { formatDay } from "@/lib/core/format-dates";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("onboarding.tasks");
  return { title: t("title") };
}

export default async function MyOnboardingTasksPage({ searchParams }: { searchParams: Promise<{ page?: string; plans?: string }> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const list = found(() => myOnboardingTasks(actor, { page: pageParam(sp.page) }));
  const items = list.rows;
  const supported = supportedPlansPage(actor, { page: pageParam(sp.plans) });
  const plans = supported.rows;
  const t = await getTranslations("onboarding.tasks");
  const p = await getTranslations("onboarding.plan");
  const o = await getTranslations("onboarding");
  const format = await getFormatter();
  const text = await itemTextForReader();
  return (
    <div className="max-w-4xl">
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <a href="/api/onboarding/calendar" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50">
            {o("calendar")}
          </a>
        }
      />
      {items.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600">{t("count", { count: list.total })}</p>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label={t("list")}>
            {items.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
                <div>
                  <p className="font-medium">{text(i).title}</p>
                  <p className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                    <Link href={`/onboarding/${i.planId}`} className="text-brand-700 underline">
                      {t("for", { name: i.hireName })}
                    </Link>
                    <span>· {p(`assigneeOther.${i.assignee}`)}</span>
                    <span>· {p("due", { date: formatDay(format, i.dueDate, { weekday: "short", day: "numeric", month: "short" }) })}</span>
                    {i.overdue ? <Badge tone="red">{p("overdueBadge")}</Badge> : null}
                  </p>
                </div>
                <TickButton itemId={i.id} planId={i.planId} done={false} title={text(i).title} />
              </li>
            ))}
          </ul>
          <Pagination
            page={list.page}
            pageCount={list.pageCount}
            basePath="/onboarding/tasks"
            params={{ plans: supported.page > 1 ? String(supported.page) : undefined }}
            label={t("list")}
          />
        </>
      )}
      {plans.length ? (
        <section aria-labelledby="supporting" className="mt-8">
          <h2 id="supporting" className="mb-2 text-lg font-semibold">
            {t("supporting")}
          </h2>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {plans.map((plan) => (
              <li key={plan.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <Link href={`/onboarding/${plan.id}`} className="font-medium text-brand-700 underline">
                  {plan.hireName}
                </Link>
                <span className="text-sm text-slate-600">
                  {t(plan.asBuddy ? "supportAsBuddy" : "supportAsManager", { date: formatDay(format, plan.startDate, { dateStyle: "medium" }) })}
                </span>
              </li>
            ))}
          </ul>
          <Pagination
            page={supported.page}
            pageCount={supported.pageCount}
            basePath="/onboarding/tasks"
            params={{ page: list.page > 1 ? String(list.page) : undefined }}
            pageKey="plans"
            label={t("supporting")}
          />
        </section>
      ) : null}
    </div>
  );
}

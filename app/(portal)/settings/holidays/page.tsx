import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { ActionButton } from "@/components/ui/action-button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { formatDay } from "@/lib/core/format-dates";
import { found, pageParam } from "@/lib/core/page";
import { listHolidays } from "@/lib/org/holidays";
import { removeHolidayAction } from "../actions";
import { HolidayForm } from "../_components/holiday-form";
import { SettingsTabs } from "../_components/settings-tabs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("holidaysTitle") };
}

export default async function HolidaysPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const list = found(() => listHolidays(actor, pageParam(sp.page)));
  const t = await getTranslations("settings");
  const format = await getFormatter();
  return (
    <div>
      <PageHeader title={t("holidaysTitle")} description={t("holidaysIntro")} />
      <SettingsTabs current="holidays" />
      <Card className="mb-6">
        <h2 className="mb-3 text-lg font-semibold text-slate-900">{t("addHolidayTitle")}</h2>
        <HolidayForm />
      </Card>
      <p className="mb-2 text-sm text-slate-600">{t("holidayCount", { count: list.total })}</p>
      {list.rows.length === 0 ? (
        <EmptyState>{t("noHolidays")}</EmptyState>
      ) : (
        <DataTable columns={[t("holidayDate"), t("holidayName"), t("actions")]}>
          {list.rows.map((h) => (
            <tr key={h.id}>
              <td className="whitespace-nowrap px-4 py-3">
                <time dateTime={h.date}>{formatDay(format, h.date, { weekday: "short", day: "numeric", month: "long", year: "numeric" })}</time>
              </td>
              <td className="px-4 py-3">{h.name}</td>
              <td className="px-4 py-3">
                <ActionButton action={removeHolidayAction} input={{ id: h.id }} variant="secondary">
                  {t("removeHoliday")}
                  <span className="sr-only">: {h.name}</span>
                </ActionButton>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} basePath="/settings/holidays" />
    </div>
  );
}

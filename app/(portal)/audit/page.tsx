import type { Metadata } from "next";
import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { formatInstant } from "@/lib/core/format-dates";
import { APP_ROLES } from "@/lib/people/vocabulary";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { inputClass, labelClass, selectClass } from "@/components/ui/field-styles";
import { Pagination } from "@/components/ui/pagination";
import { localeNames } from "@/i18n/config";
import { auditFilterOptions, auditPersonName, listAudit, type AuditRow } from "@/lib/audit/browse";
import { changesOf, fieldLabelKey, sentenceKey, sentenceValues, typeLabelKey } from "@/lib/audit/sentences";
import { found, optionalIdParam, pageParam, textParam } from "@/lib/core/page";
import { requireActor } from "@/lib/auth/session";
import { PersonPicker } from "./_components/person-picker";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

type Search = { person?: string; who?: string; type?: string; record?: string; from?: string; to?: string; signins?: string; page?: string };
const isDate = (s?: string) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);
const one = (s: unknown) => (typeof s === "string" ? s : undefined);

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const raw = await searchParams;
  const sp: Search = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, one(v)]));
  const options = found(() => auditFilterOptions(actor));
  const personId = optionalIdParam(sp.person);
  const filters = {
    personId,
    personText: personId ? undefined : textParam(sp.who, 100) || undefined,
    entityType: sp.type || undefined,
    entityId: textParam(sp.record, 100) || undefined,
    from: isDate(sp.from),
    to: isDate(sp.to),
    signIns: sp.signins === "1",
    page: pageParam(sp.page),
  };
  const result = listAudit(actor, filters);
  const person = personId ? auditPersonName(actor, personId) : null;
  const t = await getTranslations("audit");
  const roles = await getTranslations("appRoles");
  const [format, zone] = await Promise.all([getFormatter(), getTimeZone()]);
  const list = (items: string[]) => format.list(items, { type: "conjunction" });
  const translate = (key: string, values?: Record<string, string | number>) => t(key as never, values as never);
  const active = Boolean(personId || filters.personText || filters.entityType || filters.entityId || filters.from || filters.to || filters.signIns);

  const value = (field: string, v: unknown): string => {
    if (v == null || v === "") return t("noValue");
    if (typeof v === "boolean") return v ? t("yes") : t("no");
    if (field === "appRole" && typeof v === "string" && (APP_ROLES as readonly string[]).includes(v)) return roles(v as "hr_admin");
    if (field === "locale" && typeof v === "string" && v in localeNames) return localeNames[v as keyof typeof localeNames];
    return typeof v === "string" || typeof v === "number" ? String(v) : JSON.stringify(v);
  };

  const sentence = (r: AuditRow): ReactNode =>
    t.rich(`sentence.${sentenceKey(r.action, r.detail)}` as never, {
      ...(sentenceValues(r, r.subject, translate, list) as Record<string, string>),
      link: (chunks: ReactNode) =>
        r.subject.href ? (
          <Link href={r.subject.href} className="font-medium text-brand-700 underline hover:text-brand-800">
            {chunks}
          </Link>
        ) : (
          <span className="font-medium">{chunks}</span>
        ),
    } as never);

  return (
    <div>
      <PageHeader title={t("title")} description={t("intro")} />
      <form method="get" action="/audit" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <PersonPicker label={t("person")} hint={t("personHint")} initial={person} initialText={filters.personText ?? ""} />
        <div className="min-w-0 grow basis-44 sm:max-w-xs">
          <label htmlFor="filter-type" className={labelClass()}>
            {t("recordType")}
          </label>
          <select id="filter-type" name="type" defaultValue={sp.type ?? ""} className={selectClass}>
            <option value="">{t("any")}</option>
            {options.entityTypes.map((x) => (
              <option key={x} value={x}>
                {t(`types.${typeLabelKey(x)}` as never)}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-0 grow basis-44 sm:max-w-xs">
          <label htmlFor="filter-record" className={labelClass()}>
            {t("recordId")}
          </label>
          <input id="filter-record" name="record" type="text" defaultValue={sp.record ?? ""} maxLength={100} className={inputClass} />
        </div>
        <div className="min-w-0 grow basis-44 sm:max-w-xs">
          <label htmlFor="filter-from" className={labelClass()}>
            {t("from")}
          </label>
          <input id="filter-from" name="from" type="date" defaultValue={filters.from ?? ""} className={inputClass} />
        </div>
        <div className="min-w-0 grow basis-44 sm:max-w-xs">
          <label htmlFor="filter-to" className={labelClass()}>
            {t("to")}
          </label>
          <input id="filter-to" name="to" type="date" defaultValue={filters.to ?? ""} className={inputClass} />
        </div>
        <div className="flex min-h-10 items-center gap-2">
          <input id="filter-signins" name="signins" type="checkbox" value="1" defaultChecked={filters.signIns} className="size-4 rounded border-slate-300" />
          <label htmlFor="filter-signins" className="text-sm text-slate-700">
            {t("showSignIns")}
          </label>
        </div>
        <div className="flex w-full flex-wrap items-center gap-x-4 gap-y-2 sm:w-auto">
          <button type="submit" className={buttonClass("secondary")}>
            {t("filter")}
          </button>
          {active ? (
            <Link href="/audit" className="rounded text-sm font-medium text-brand-700 underline hover:text-brand-800">
              {t("clear")}
            </Link>
          ) : null}
        </div>
      </form>
      <p className="mb-2 text-sm text-slate-600">
        {result.totalExact ? t("count", { count: result.total }) : t("countAtLeast", { count: result.total })}
        {filters.signIns ? null : ` · ${t("signInsHidden")}`}
      </p>
      {result.rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <DataTable columns={[t("when"), t("what")]} dense>
          {result.rows.map((r) => {
            const { changes } = changesOf(r.detail);
            return (
              <tr key={r.id}>
                <td className="whitespace-nowrap px-3 py-2 align-top">
                  {formatInstant(format, r.at, zone, { dateStyle: "short", timeStyle: "medium" })}
                </td>
                <td className="px-3 py-2">
                  <p>{sentence(r)}</p>
                  {typeof r.detail.ip === "string" || typeof r.detail.userAgent === "string" ? (
                    <p className="mt-0.5 break-words text-xs text-slate-600" data-testid="audit-source">
                      {t("source", {
                        ip: typeof r.detail.ip === "string" ? r.detail.ip : t("sourceUnknown"),
                        agent: typeof r.detail.userAgent === "string" ? r.detail.userAgent.slice(0, 120) : "—",
                      })}
                    </p>
                  ) : null}
                  {changes.length ? (
                    <ul className="mt-1 space-y-0.5 text-xs text-slate-700">
                      {changes.map((c) => (
                        <li key={c.field}>
                          <span className="font-semibold">{t(`field.${fieldLabelKey(c.field)}` as never)}:</span>{" "}
                          {t("fromTo", { from: value(c.field, c.from), to: value(c.field, c.to) })}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        basePath="/audit"
        pageCountKnown={result.totalExact}
        params={{
          person: personId ? String(personId) : undefined,
          who: filters.personText,
          type: sp.type,
          record: sp.record,
          from: filters.from,
          to: filters.to,
          signins: filters.signIns ? "1" : undefined,
        }}
      />
    </div>
  );
}

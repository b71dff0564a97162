import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { requireActor } from "@/lib/auth/session";
import { formatInstant } from "@/lib/core/format-dates";
import { found } from "@/lib/core/page";
import { listScheduledJobs } from "@/lib/jobs/read";
import { organisationTimeZone } from "@/lib/org/settings";
import { SettingsTabs } from "../_components/settings-tabs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("jobs.scheduled");
  return { title: t("title") };
}

/** HR: the scheduled jobs, each with its schedule in words, its last run (organisation zone), result or error, and runs. */
export default async function ScheduledJobsPage() {
  const actor = await requireActor();
  const jobs = found(() => listScheduledJobs(actor));
  const t = await getTranslations("jobs.scheduled");
  const format = await getFormatter();
  const zone = organisationTimeZone();
  return (
    <div>
      <PageHeader title={t("title")} description={t("intro", { zone })} />
      <SettingsTabs current="jobs" />
      <DataTable columns={[t("columns.job"), t("columns.schedule"), t("columns.lastRun"), t("columns.result"), t("columns.runs")]}>
        {jobs.map((job) => (
          <tr key={job.name} data-testid={`job-${job.name}`}>
            <td className="px-4 py-3 align-top">
              <span className="font-medium text-slate-900">{t(`job.${job.name}.name`)}</span>
              <span className="block text-sm text-slate-600">{t(`job.${job.name}.description`)}</span>
            </td>
            <td className="px-4 py-3 align-top text-sm">{t(`job.${job.name}.schedule`)}</td>
            <td className="whitespace-nowrap px-4 py-3 align-top text-sm">
              {job.lastStartedAt ? <time dateTime={job.lastStartedAt}>{formatInstant(format, job.lastStartedAt, zone, { dateStyle: "medium", timeStyle: "medium" })}</time> : t("never")}
              {job.running ? <span className="block text-slate-600">{t("running")}</span> : null}
            </td>
            <td className="min-w-48 px-4 py-3 align-top text-sm">
              {job.lastStatus === "error" ? (
                <span className="font-medium text-red-800">{t("error", { error: job.error ?? "" })}</span>
              ) : job.lastStatus === "ok" ? (
                job.counts.length ? (
                  <ul>
                    {job.counts.map((c) => (
                      <li key={c.key}>{t(`count.${c.key}`, { count: c.count })}</li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-slate-600">{t("nothingDone")}</span>
                )
              ) : (
                "—"
              )}
            </td>
            <td className="px-4 py-3 align-top text-sm tabular-nums">{job.runs}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

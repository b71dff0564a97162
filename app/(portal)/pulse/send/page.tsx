import type { Metadata } from "next";
import { getFormatter, getTimeZone, getTranslations } from "next-intl/server";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FilterForm } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { FieldError } from "@/lib/core/errors";
import { formatInstant } from "@/lib/core/format-dates";
import { found, optionalIdParam, pageParam } from "@/lib/core/page";
import { listPulseRounds, previewPulseRound, pulseSendOptions } from "@/lib/pulse/send";
import { SendRoundForm } from "./send-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pulse.send");
  return { title: t("title") };
}

/** HR: choose a team and/or a role, preview how many people it reaches, send; past rounds below. */
export default async function SendPulsePage({ searchParams }: { searchParams: Promise<{ teamId?: string; jobRoleId?: string; page?: string; sent?: string }> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const options = found(() => pulseSendOptions(actor));
  const teamId = optionalIdParam(sp.teamId);
  const jobRoleId = optionalIdParam(sp.jobRoleId);
  const rounds = found(() => listPulseRounds(actor, { page: pageParam(sp.page) }));
  let preview: { recipients: number; waiting: number } | null = null;
  if (teamId || jobRoleId) {
    try {
      preview = previewPulseRound(actor, { teamId, jobRoleId });
    } catch (e) {
      if (!(e instanceof FieldError)) throw e;
    }
  }
  const t = await getTranslations("pulse.send");
  const [format, zone] = await Promise.all([getFormatter(), getTimeZone()]);
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title={t("title")} description={t("intro")} />
      {sp.sent === "1" ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("sent")}
        </p>
      ) : null}
      <FilterForm
        action="/pulse/send"
        submitLabel={t("preview")}
        primary={!preview}
        fields={[
          { type: "select", name: "teamId", label: t("team"), value: teamId ? String(teamId) : "", options: [{ value: "", label: t("any") }, ...options.teams.map((o) => ({ value: o.id, label: o.name }))] },
          { type: "select", name: "jobRoleId", label: t("role"), value: jobRoleId ? String(jobRoleId) : "", options: [{ value: "", label: t("any") }, ...options.roles.map((o) => ({ value: o.id, label: o.title }))] },
        ]}
      />
      {preview ? (
        <Card>
          <p className="font-medium text-slate-900" data-testid="pulse-preview">
            {t("previewResult", { count: preview.recipients })}
          </p>
          {preview.waiting > 0 ? <p className="mt-1 text-sm text-slate-600">{t("skipped", { count: preview.waiting })}</p> : null}
          {preview.recipients > 0 ? (
            <div className="mt-3">
              <SendRoundForm teamId={teamId ?? null} jobRoleId={jobRoleId ?? null} submitLabel={t("submit")} />
            </div>
          ) : null}
        </Card>
      ) : (
        <p className="text-sm text-slate-600">{t("chooseFirst")}</p>
      )}
      <section aria-labelledby="rounds-heading">
        <h2 id="rounds-heading" className="mb-3 text-xl font-semibold">
          {t("rounds")}
        </h2>
        {rounds.rows.length === 0 ? (
          <EmptyState>{t("noRounds")}</EmptyState>
        ) : (
          <DataTable columns={[t("sentAt"), t("target"), t("recipients"), t("by")]}>
            {rounds.rows.map((r) => (
              <tr key={r.id}>
                <td className="px-3 py-2 text-sm">{formatInstant(format, r.createdAt, zone)}</td>
                <td className="px-3 py-2 text-sm">{[r.teamName, r.roleTitle].filter(Boolean).join(" · ") || t("gone")}</td>
                <td className="px-3 py-2 text-sm">{r.recipients}</td>
                <td className="px-3 py-2 text-sm">{r.createdByName ?? t("gone")}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <Pagination page={rounds.page} pageCount={rounds.pageCount} basePath="/pulse/send" params={{ teamId: sp.teamId, jobRoleId: sp.jobRoleId }} />
      </section>
    </div>
  );
}

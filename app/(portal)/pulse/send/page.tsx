import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FilterForm } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { FieldError } from "@/lib/core/errors";
import { formatInstant } from "@/lib/core/format-dates";
import { found, optionalIdParam, pageParam, textParam } from "@/lib/core/page";
import { findPulseTeams, listPulseRounds, previewPulseRound, PULSE_TEAM_MATCHES, pulseSendOptions, pulseTeamName } from "@/lib/pulse/send";
import { SendRoundForm } from "./send-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pulse.send");
  return { title: t("title") };
}

/** HR: choose a team and/or a role, preview how many people it reaches, send; past rounds below. */
export default async function SendPulsePage({ searchParams }: { searchParams: Promise<{ teamId?: string; teamName?: string | string[]; jobRoleId?: string; page?: string; sent?: string }> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const options = found(() => pulseSendOptions(actor));
  let teamId = optionalIdParam(sp.teamId);
  const jobRoleId = optionalIdParam(sp.jobRoleId);
  // Many teams: the team's name is typed. One match (or a team named exactly so) is the team; several
  // are offered as links; the team of a link shows its name in the field.
  const typed = options.teams ? undefined : textParam(sp.teamName, 100) || undefined;
  let teamText = typed;
  let matches: { id: number; name: string }[] | null = null;
  if (!options.teams && teamId) teamText = pulseTeamName(actor, teamId) ?? undefined;
  else if (typed) {
    const candidates = findPulseTeams(actor, typed);
    if (candidates.length === 1 || candidates[0]?.name.toLowerCase() === typed.toLowerCase()) {
      teamId = candidates[0].id;
      teamText = candidates[0].name;
    } else matches = candidates;
  }
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
          options.teams
            ? { type: "select", name: "teamId", label: t("team"), value: teamId ? String(teamId) : "", options: [{ value: "", label: t("any") }, ...options.teams.map((o) => ({ value: o.id, label: o.name }))] }
            : { type: "search", name: "teamName", label: t("team"), value: teamText, maxLength: 100 },
          { type: "select", name: "jobRoleId", label: t("role"), value: jobRoleId ? String(jobRoleId) : "", options: [{ value: "", label: t("any") }, ...options.roles.map((o) => ({ value: o.id, label: o.title }))] },
        ]}
      />
      {matches && typed ? (
        matches.length === 0 ? (
          <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t("noTeamMatch", { text: typed })}
          </p>
        ) : (
          <Card>
            <p className="font-medium text-slate-900" id="team-matches">
              {t("teamMatches", { text: typed })}
            </p>
            <ul aria-labelledby="team-matches" className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
              {matches.map((m) => (
                <li key={m.id}>
                  <Link className="text-brand-700 underline hover:text-brand-800" href={`/pulse/send?${new URLSearchParams({ teamId: String(m.id), ...(jobRoleId ? { jobRoleId: String(jobRoleId) } : {}) })}`}>
                    {m.name}
                  </Link>
                </li>
              ))}
            </ul>
            {matches.length === PULSE_TEAM_MATCHES ? <p className="mt-2 text-sm text-slate-600">{t("moreTeams", { count: PULSE_TEAM_MATCHES })}</p> : null}
          </Card>
        )
      ) : preview ? (
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
        <Pagination page={rounds.page} pageCount={rounds.pageCount} basePath="/pulse/send" params={{ teamId: sp.teamId, teamName: typed, jobRoleId: sp.jobRoleId }} />
      </section>
    </div>
  );
}

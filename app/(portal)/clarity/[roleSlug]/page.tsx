import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { requireActor } from "@/lib/auth/session";
import { PULSE_ITEMS } from "@/lib/confidence/vocabulary";
import { formatDay } from "@/lib/core/format-dates";
import { found, slugParam } from "@/lib/core/page";
import { clarityForRole, type ItemMeans, type TeamGroup } from "@/lib/pulse/results";
import { ClarityEmptyState } from "../_components/empty-state";
import { Sparkline } from "../_components/sparkline";

type Props = { params: Promise<{ roleSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("clarity");
  return { title: t("title") };
}

/**
 * One role's clarity: item scores over the last 3 ended months and per month (under the group
 * minimum and the time rule of lib/pulse/results.ts), by team, and the least-clear heatmap.
 */
export default async function ClarityRolePage({ params }: Props) {
  const actor = await requireActor();
  const slug = slugParam((await params).roleSlug);
  const r = found(() => clarityForRole(actor, { slug }));
  const t = await getTranslations("clarity");
  const format = await getFormatter();
  const month = (m: string) => formatDay(format, `${m}-01`, { month: "long", year: "numeric" });
  const min = r.minGroup;
  const h = r.headline;
  const period = t("period", { from: month(h.months[0]!), to: month(h.months.at(-1)!) });
  const shownMonths = r.months.filter((m) => m.shown);
  const olderShown = [...shownMonths].filter((m) => !m.inHeadline).reverse();
  const anyWithheld = r.months.some((m) => m.withheld);
  const scoreCells = (means: ItemMeans) =>
    PULSE_ITEMS.map((item) => (
      <td key={item} className="px-3 py-2 tabular-nums">
        {means[item].toFixed(1)}
      </td>
    ));
  const hiddenCells = () =>
    PULSE_ITEMS.map((item) => (
      <td key={item} className="px-3 py-2 text-slate-500">
        <span aria-hidden="true">—</span>
        <span className="sr-only">{t("notShown")}</span>
      </td>
    ));
  const teamLabel = (g: TeamGroup) =>
    g.kind === "team" ? g.name : g.kind === "noTeam" ? t("noTeam") : t("otherTeams", { names: g.names.map((n) => n ?? t("noTeam")).join(", ") });
  const teamRows = (key: string, label: string, groups: TeamGroup[]) =>
    groups.length === 0
      ? [
          <tr key={key} data-testid="clarity-team-row">
            <td className="px-3 py-2 whitespace-nowrap font-medium">{label}</td>
            <td className="px-3 py-2 text-slate-600" colSpan={2 + PULSE_ITEMS.length}>
              {t("breakdownWithheld")}
            </td>
          </tr>,
        ]
      : groups.map((g, i) => (
          <tr key={`${key}-${i}`} data-testid="clarity-team-row">
            <td className="px-3 py-2 whitespace-nowrap font-medium">{label}</td>
            <td className="px-3 py-2 px-3 py-2">{teamLabel(g)}</td>
            <td className="px-3 py-2 px-3 py-2">{t("answersCount", { count: g.n })}</td>
            {scoreCells(g.means)}
          </tr>
        ));
  const headlineNamed = h.leastClear ?? {};
  const mostNamed = Math.max(0, ...Object.values(headlineNamed));
  const maxOf = (counts: Record<string, number> | null) => Math.max(1, ...Object.values(counts ?? {}));
  const shade = (n: number, max: number) => {
    const share = n / max;
    return share >= 0.67 ? "bg-amber-200 font-semibold" : share >= 0.34 ? "bg-amber-100" : share > 0 ? "bg-amber-50" : "";
  };
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/clarity" className="text-brand-700 hover:underline">
          ← {t("back")}
        </Link>
      </p>
      <PageHeader title={t("roleTitle", { role: r.role.title })} description={t("roleIntro", { min })} />
      {!h.shown && shownMonths.length === 0 ? (
        <ClarityEmptyState min={min} />
      ) : (
        <div className="space-y-8">
          <section aria-labelledby="clarity-items">
            <h2 id="clarity-items" className="mb-3 text-lg font-semibold">
              {h.shown ? t("headlineTitle", { period, count: h.n ?? 0 }) : t("headlineFewer", { period, min })}
            </h2>
            {h.means ? (
              <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
                {PULSE_ITEMS.map((item) => (
                  <li key={item}>
                    <Card className="h-full">
                      <p className="text-sm text-slate-700">{t(`item.${item}`)}</p>
                      <p className="mt-2 flex items-center gap-3">
                        <span className="text-2xl font-semibold tabular-nums text-slate-900" data-testid={`clarity-score-${item}`}>
                          {h.means![item].toFixed(1)}
                        </span>
                        <Sparkline values={r.months.map((m) => m.means?.[item] ?? null)} />
                      </p>
                    </Card>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>

          <section aria-labelledby="clarity-months">
            <h2 id="clarity-months" className="mb-3 text-lg font-semibold">
              {t("byMonth")}
            </h2>
            <DataTable columns={[t("month"), t("answers"), ...PULSE_ITEMS.map((i) => t(`itemShort.${i}`))]} dense>
              {[...r.months].reverse().map((m) => (
                <tr key={m.month} data-testid="clarity-month-row">
                  <td className="px-3 py-2 whitespace-nowrap font-medium">{month(m.month)}</td>
                  {m.means ? (
                    <>
                      <td className="px-3 py-2 px-3 py-2">{t("answersCount", { count: m.n ?? 0 })}</td>
                      {scoreCells(m.means)}
                    </>
                  ) : (
                    <>
                      <td className="px-3 py-2 text-slate-600">{m.withheld ? t("withheld") : t("fewerThan", { min })}</td>
                      {hiddenCells()}
                    </>
                  )}
                </tr>
              ))}
            </DataTable>
            {anyWithheld ? <p className="mt-2 max-w-3xl text-sm text-slate-600">{t("withheldNote")}</p> : null}
          </section>

          <section aria-labelledby="clarity-teams">
            <h2 id="clarity-teams" className="mb-1 text-lg font-semibold">
              {t("byTeam")}
            </h2>
            <p className="mb-3 max-w-3xl text-sm text-slate-600">{t("byTeamIntro", { min })}</p>
            <DataTable columns={[t("periodColumn"), t("team"), t("answers"), ...PULSE_ITEMS.map((i) => t(`itemShort.${i}`))]} dense>
              {[...(h.shown ? teamRows("headline", t("lastThree"), h.teams) : []), ...olderShown.flatMap((m) => teamRows(m.month, month(m.month), m.teams))]}
            </DataTable>
          </section>

          <section aria-labelledby="clarity-heatmap">
            <h2 id="clarity-heatmap" className="mb-1 text-lg font-semibold">
              {t("heatmap")}
            </h2>
            <p className="mb-3 max-w-3xl text-sm text-slate-600">{t("heatmapIntro", { min })}</p>
            {r.responsibilities.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noResponsibilities")}</p>
            ) : (
              <DataTable columns={[t("responsibility"), ...(h.shown ? [t("lastThree")] : []), ...shownMonths.map((m) => month(m.month)), t("action")]} dense>
                {r.responsibilities.map((resp) => {
                  const n3 = headlineNamed[resp.key] ?? 0;
                  const top = h.shown && mostNamed > 0 && n3 === mostNamed;
                  return (
                    <tr key={resp.key} data-testid="clarity-heatmap-row" className={top ? "bg-amber-50" : undefined}>
                      <td className="px-3 py-2 font-medium">{resp.title}</td>
                      {h.shown ? (
                        <td data-testid="clarity-heatmap-headline" className={`px-3 py-2 text-center tabular-nums ${top ? "bg-amber-300 font-semibold text-slate-900" : shade(n3, maxOf(h.leastClear))}`}>
                          {t("namedCount", { count: n3 })}
                          {top ? <span className="block text-xs font-semibold uppercase tracking-wide">{t("mostNamed")}</span> : null}
                        </td>
                      ) : null}
                      {shownMonths.map((m) => {
                        const n = m.leastClear?.[resp.key] ?? 0;
                        return (
                          <td key={m.month} className={`px-3 py-2 text-center tabular-nums ${shade(n, maxOf(m.leastClear))}`}>
                            {t("namedCount", { count: n })}
                          </td>
                        );
                      })}
                      <td className="px-3 py-2 px-3 py-2">
                        <Link href={resp.href} className="text-brand-700 underline-offset-2 hover:underline">
                          {r.mayEdit ? t("rewrite") : t("viewResponsibility")}
                          <span className="sr-only">: {resp.title}</span>
                        </Link>
                      </td>
                    </tr>
                  );
                })}
              </DataTable>
            )}
          </section>
        </div>
      )}
    </div>
  );
}

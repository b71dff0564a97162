import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FilterForm } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { FieldError } from "@/lib/core/errors";
import { formatDay } from "@/lib/core/format-dates";
import { found, pageParam } from "@/lib/core/page";
import { periodOf, teamComments, teamRatings, type GroupRow, type TeamRatingsInput } from "@/lib/feedback/team-ratings";
import type { Page } from "@/lib/core/pagination";
import { RATING_MIN_GROUP } from "@/lib/feedback/vocabulary";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("teamRatings");
  return { title: t("title") };
}

type Search = { from?: string; to?: string; page?: string; peoplePage?: string; teamsPage?: string };
const one = (v: unknown) => (typeof v === "string" ? v.slice(0, 20) : undefined);

/** Team ratings (issue 12, point 6): aggregates over a period, each group only with at least 5 ratings; comments with their tags. Not a leaderboard. */
export default async function TeamRatingsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  if (!can(actor, "ratings.aggregate")) notFound();
  const sp = await searchParams;
  const t = await getTranslations("teamRatings");
  const cat = await getTranslations("roleDoc.category");
  const format = await getFormatter();
  const pages = { peoplePage: pageParam(sp.peoplePage), teamsPage: pageParam(sp.teamsPage) };
  let input: TeamRatingsInput = { from: one(sp.from), to: one(sp.to), ...pages };
  let periodError: string | null = null;
  let data;
  try {
    data = found(() => teamRatings(actor, input));
  } catch (e) {
    if (!(e instanceof FieldError)) throw e;
    const [field, key] = Object.entries(e.fieldErrors)[0]!;
    periodError = t(`errors.${key === "invalidDate" ? (field === "from" ? "invalidFrom" : "invalidTo") : key}`);
    input = pages;
    data = found(() => teamRatings(actor, input));
  }
  const comments = found(() => teamComments(actor, { ...input, page: pageParam(sp.page) }));
  const usual = periodOf({});
  const avg = (v: number | null) => (v == null ? "–" : format.number(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  const withheld = (r: { withheld: GroupRow["withheld"] }) => (r.withheld === "few" ? t("fewer", { min: RATING_MIN_GROUP }) : t("protected"));
  const label = (kind: "team" | "role", r: GroupRow) => (r.key === "other" ? t(kind === "team" ? "otherTeams" : "otherRoles") : r.key === "none" ? t(kind === "team" ? "noTeam" : "noRole") : r.label);

  // The query as it stands, for the pagers: each pager sets its own page and keeps the rest.
  const over1 = (n: number) => (n > 1 ? String(n) : undefined);
  const query = { from: input.from, to: input.to, page: over1(pageParam(sp.page)), peoplePage: over1(pages.peoplePage), teamsPage: over1(pages.teamsPage) };
  const without = (key: keyof typeof query) => ({ ...query, [key]: undefined });
  const table = (rows: GroupRow[], heading: string, first: string, name: (r: GroupRow) => string, testId: string, paged?: { page: Page<GroupRow>; key: "peoplePage" | "teamsPage" }) => (
    <section aria-label={heading} className="space-y-2" data-testid={testId}>
      <h2 className="text-lg font-semibold">{heading}</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("nothing")}</p>
      ) : (
        <DataTable columns={[first, t("average"), t("count")]} dense>
          {rows.map((r) => (
            <tr key={r.key}>
              <td className="px-3 py-2 font-medium">{name(r)}</td>
              {r.withheld ? (
                <td className="px-3 py-2 text-slate-600" colSpan={2}>
                  {withheld(r)}
                </td>
              ) : (
                <>
                  <td className="px-3 py-2">{avg(r.average)}</td>
                  <td className="px-3 py-2">{r.n}</td>
                </>
              )}
            </tr>
          ))}
        </DataTable>
      )}
      {paged ? (
        <>
          {paged.page.pageCount > 1 ? <p className="text-sm text-slate-600">{t("groupsShown", { from: (paged.page.page - 1) * paged.page.pageSize + 1, to: (paged.page.page - 1) * paged.page.pageSize + rows.length, total: paged.page.total })}</p> : null}
          <Pagination page={paged.page.page} pageCount={paged.page.pageCount} basePath="/feedback/team" params={without(paged.key)} pageKey={paged.key} label={heading} />
        </>
      ) : null}
    </section>
  );

  return (
    <div className="max-w-5xl space-y-8">
      <PageHeader title={t("title")} description={t("intro", { min: RATING_MIN_GROUP })} />
      <FilterForm
        action="/feedback/team"
        submitLabel={t("show")}
        fields={[
          { type: "date", name: "from", label: t("from"), value: data.from, unset: usual.from },
          { type: "date", name: "to", label: t("to"), value: data.to, unset: usual.to },
        ]}
      />
      {periodError ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="period-error">
          {periodError}
        </p>
      ) : null}
      <p className="text-sm text-slate-700" data-testid="team-period">
        {t("period", { from: formatDay(format, data.from), to: formatDay(format, data.to) })}
      </p>

      <Card>
        <h2 className="text-lg font-semibold">{t("overall")}</h2>
        {data.total.withheld || data.total.n == null ? (
          <p className="mt-1 text-slate-700" data-testid="team-total">
            {data.total.withheld ? t("fewer", { min: RATING_MIN_GROUP }) : t("noRatings")}
          </p>
        ) : (
          <p className="mt-1 text-slate-800" data-testid="team-total">
            {t("totalLine", { average: avg(data.total.average), count: data.total.n })}
          </p>
        )}
      </Card>

      {data.total.n != null ? (
        <>
          {table(data.people.rows, t("perPerson"), t("person"), (r) => r.label, "team-people", { page: data.people, key: "peoplePage" })}
          {table(data.teams.rows, t("perTeam"), t("team"), (r) => label("team", r), "team-teams", { page: data.teams, key: "teamsPage" })}
          {table(data.roles, t("perRole"), t("role"), (r) => label("role", r), "team-roles")}
          {table(data.standards, t("perStandard"), t("standard"), (r) => cat(r.key), "team-standards")}
          <p className="text-xs text-slate-600">{t("sortNote")}</p>
        </>
      ) : null}

      <section aria-labelledby="team-comments" className="space-y-3">
        <h2 id="team-comments" className="text-lg font-semibold">
          {t("comments")}
        </h2>
        {comments.rows.length === 0 ? (
          <EmptyState>{t("noComments")}</EmptyState>
        ) : (
          <ul className="space-y-3" data-testid="team-comments">
            {comments.rows.map((c) => (
              <li key={c.id}>
                <Card>
                  <p className="whitespace-pre-wrap text-sm text-slate-800 [overflow-wrap:anywhere]">{c.comment}</p>
                  <p className="mt-2 text-xs text-slate-600">{t("commentAbout", { name: c.personName, date: formatDay(format, c.createdOn) })}</p>
                  {c.tags.length ? (
                    <ul className="mt-2 flex flex-wrap gap-1.5" aria-label={t("tagsLabel")}>
                      {c.tags.map((tag) => (
                        <li key={tag}>
                          <Badge tone="brand">{cat(tag)}</Badge>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </Card>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={comments.page} pageCount={comments.pageCount} basePath="/feedback/team" params={without("page")} />
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { MarkedMarkdown } from "@/components/marked-markdown";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { FilterForm } from "@/components/ui/filter-form";
import { SEARCH_MAX } from "@/lib/core/limits";
import { found, pageParam, textParam } from "@/lib/core/page";
import { Pagination } from "@/components/ui/pagination";
import { snippetToMarkedMarkdown } from "@/lib/core/marked-text";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { ownershipReports, searchTasksPage } from "@/lib/roles/whose-task";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("whoseTask");
  return { title: t("title") };
}

/** Renders an FTS5 snippet (hits between \u0002 and \u0003) as sanitized Markdown, hits in <mark>. */
function Snippet({ text }: { text: string }) {
  return <MarkedMarkdown className="[&_p]:inline">{snippetToMarkedMarkdown(text)}</MarkedMarkdown>;
}

export default async function WhoseTaskPage({ searchParams }: { searchParams: Promise<{ q?: string | string[]; page?: string; unowned?: string; shared?: string }> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const q = textParam(sp.q, SEARCH_MAX);
  const hits = q ? found(() => searchTasksPage(actor, q, pageParam(sp.page))) : null;
  const results = hits?.rows ?? [];
  const reports = can(actor, "tasks.ownershipReports")
    ? ownershipReports(actor, { unownedPage: pageParam(sp.unowned), sharedPage: pageParam(sp.shared) })
    : null;
  // Each list's pager keeps the search and the other list's page.
  const keep = { q: q || undefined, page: hits && hits.page > 1 ? String(hits.page) : undefined, unowned: reports && reports.unowned.page > 1 ? String(reports.unowned.page) : undefined, shared: reports && reports.shared.page > 1 ? String(reports.shared.page) : undefined };
  const t = await getTranslations("whoseTask");
  const c = await getTranslations("common");
  const f = await getTranslations("faq");
  return (
    <div className="max-w-5xl">
      <PageHeader title={t("title")} description={t("intro")} />
      <FilterForm
        action="/whose-task"
        search
        primary
        submitLabel={t("searchButton")}
        clearLabel={c("clearSearch")}
        fields={[{ type: "search", name: "q", label: t("search"), value: q, placeholder: t("placeholder"), maxLength: SEARCH_MAX, wide: true }]}
      />
      {q ? (
        results.length ? (
          <>
          <ol className="space-y-3" aria-label={t("results")}>
            {results.map((r) => (
              <li key={`${r.kind}-${r.key}-${r.role.id}`}>
                <Card>
                  <p className="rb-eyebrow">{r.kind === "faq" ? f("searchKind") : t(`kind.${r.kind}`)}</p>
                  <h2 className="text-lg font-semibold">
                    <Link
                      href={`/roles/${r.role.slug}${r.kind === "task" ? `#t-${r.key}` : r.kind === "responsibility" ? `#r-${r.key}` : r.kind === "faq" && r.responsibilityKey ? `#r-${r.responsibilityKey}` : ""}`}
                      className="rb-link"
                    >
                      {r.kind === "faq" ? f("searchTitle", { question: r.title }) : r.title}
                    </Link>
                  </h2>
                  <div className="mt-1 text-sm text-slate-600" data-testid="snippet">
                    <Snippet text={r.snippet} />
                  </div>
                  <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
                    <div>
                      <dt className="rb-eyebrow">{t("ownedBy")}</dt>
                      <dd data-testid="owning-role">
                        <Link href={`/roles/${r.role.slug}`} className="text-brand-700 underline">
                          {r.role.title}
                        </Link>
                        {r.responsibility && (r.kind === "task" || r.kind === "faq") ? <span className="text-slate-600"> · {r.responsibility}</span> : null}
                      </dd>
                    </div>
                    <div>
                      <dt className="rb-eyebrow">{t("heldBy")}</dt>
                      <dd>
                        {r.holders.length
                          ? r.holders.map((h, i) => (
                              <span key={h.id}>
                                {i ? ", " : ""}
                                {h.name}
                                {h.via === "assigned" ? ` (${t("assigned")})` : ""}
                              </span>
                            ))
                          : <span className="text-amber-800">{t("nobody")}</span>}
                        {r.holderCount > r.holders.length ? (
                          <>
                            {" "}
                            <Link href={`/roles/${r.role.slug}/holders`} className="text-brand-700 underline">
                              {t("moreHolders", { count: r.holderCount - r.holders.length })}
                            </Link>
                          </>
                        ) : null}
                      </dd>
                    </div>
                  </dl>
                </Card>
              </li>
            ))}
          </ol>
          <Pagination page={hits!.page} pageCount={hits!.pageCount} basePath="/whose-task" params={{ ...keep, page: undefined }} />
          </>
        ) : (
          <EmptyState>{t("noResults", { q })}</EmptyState>
        )
      ) : null}
      {reports ? (
        <div className="mt-10 grid gap-6 lg:grid-cols-2">
          <Card>
            <h2 className="text-lg font-semibold">{t("unowned", { count: reports.unowned.total })}</h2>
            <p className="mt-1 text-sm text-slate-600">{t("unownedHint")}</p>
            <ul className="mt-3 space-y-1 text-sm" aria-label={t("unownedList")}>
              {reports.unowned.rows.map((g, i) => (
                <li key={i}>
                  {g.title} · <Link className="text-brand-700 underline" href={`/roles/${g.roles[0].slug}`}>{g.roles[0].title}</Link>
                </li>
              ))}
            </ul>
            <Pagination page={reports.unowned.page} pageCount={reports.unowned.pageCount} basePath="/whose-task" params={{ ...keep, unowned: undefined }} pageKey="unowned" label={t("unownedList")} />
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">{t("shared", { count: reports.shared.total })}</h2>
            <p className="mt-1 text-sm text-slate-600">{t("sharedHint")}</p>
            <ul className="mt-3 space-y-1 text-sm" aria-label={t("sharedList")}>
              {reports.shared.rows.map((g, i) => (
                <li key={i}>
                  {g.title} · {g.roles.map((r) => r.title).join(", ")}
                  {g.roleCount > g.roles.length ? ` ${t("moreRoles", { count: g.roleCount - g.roles.length })}` : ""}
                </li>
              ))}
            </ul>
            <Pagination page={reports.shared.page} pageCount={reports.shared.pageCount} basePath="/whose-task" params={{ ...keep, shared: undefined }} pageKey="shared" label={t("sharedList")} />
          </Card>
        </div>
      ) : null}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button-link";
import { FilterForm } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { SEARCH_MAX } from "@/lib/core/limits";
import { found, pageParam } from "@/lib/core/page";
import { requireActor } from "@/lib/auth/session";
import { listCourses, mayWriteCourses } from "@/lib/capability/courses";
import { CAPABILITY_KINDS, type CapabilityKind } from "@/lib/capability/vocabulary";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("training");
  return { title: t("title") };
}

type Search = { q?: string; kind?: string; page?: string };

export default async function TrainingPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const q = (typeof sp.q === "string" ? sp.q : "").slice(0, SEARCH_MAX);
  const kind = CAPABILITY_KINDS.find((k) => k === sp.kind) as CapabilityKind | undefined;
  const result = found(() => listCourses(actor, { q, kind, page: pageParam(sp.page) }));
  const t = await getTranslations("training");
  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={mayWriteCourses(actor) ? <ButtonLink href="/training/new">{t("new")}</ButtonLink> : null}
      />
      <FilterForm
        action="/training"
        search
        submitLabel={t("searchButton")}
        fields={[
          { type: "search", name: "q", label: t("search"), value: q, placeholder: t("searchPlaceholder"), maxLength: SEARCH_MAX, wide: true },
          {
            type: "select",
            name: "kind",
            label: t("kindFilter"),
            value: kind ?? "",
            options: [{ value: "", label: t("allKinds") }, ...CAPABILITY_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))],
          },
        ]}
      />
      <p className="mb-2 text-sm text-slate-600" aria-live="polite">
        {t("count", { count: result.total })}
      </p>
      {result.rows.length === 0 ? (
        <EmptyState>{q || kind ? t("noMatches") : t("empty")}</EmptyState>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" aria-label={t("listLabel")}>
          {result.rows.map((c) => (
            <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="course-card">
              <h2 className="text-base font-semibold">
                <Link href={`/training/${c.id}`} className="rb-link">
                  {c.title}
                </Link>
              </h2>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <Badge tone="brand">{t(`kind.${c.kind}`)}</Badge>
                <span>{t("minutes", { count: c.estimatedMinutes })}</span>
                {c.hasQuiz ? <Badge tone="green">{t("hasQuiz")}</Badge> : null}
              </p>
              {c.summary ? <p className="mt-2 text-sm text-slate-700">{c.summary}</p> : null}
              {c.capabilities.length ? (
                <div className="mt-2 text-sm">
                  <span className="font-medium text-slate-700">{t("builds")}</span>{" "}
                  {c.capabilities.map((cap, i) => (
                    <span key={cap.key}>
                      {i > 0 ? ", " : ""}
                      <Link href={`/capabilities/${encodeURIComponent(cap.key)}`} className="text-brand-700 underline hover:text-brand-800">
                        {cap.name}
                      </Link>
                    </span>
                  ))}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} basePath="/training" params={{ q: q || undefined, kind }} />
    </div>
  );
}

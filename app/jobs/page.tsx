import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Pagination } from "@/components/ui/pagination";
import { pageParam } from "@/lib/core/page";
import { listPublicPostings } from "@/lib/roles/postings";
import { organisationSettings } from "@/lib/org/settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("jobs");
  const employer = organisationSettings().name;
  const title = employer ? t("listMetaTitle", { employer }) : t("listTitle");
  return { title: { absolute: title }, description: title };
}

/** The public list of open jobs: no sign-in, one page at a time, each linking to its posting. */
export default async function JobsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const sp = await searchParams;
  const result = listPublicPostings({ page: pageParam(sp.page) });
  const t = await getTranslations("jobs");
  const format = await getFormatter();
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">{t("listTitle")}</h1>
      {result.employer ? <p className="mt-1 text-slate-600">{t("listIntro", { employer: result.employer })}</p> : null}
      {result.rows.length === 0 ? (
        <p className="mt-8 text-slate-600">{t("listEmpty")}</p>
      ) : (
        <ul className="mt-8 divide-y divide-slate-200 border-y border-slate-200">
          {result.rows.map((job) => (
            <li key={job.slug} className="py-4">
              <h2 className="text-lg font-semibold">
                <Link href={`/jobs/${job.slug}`} className="text-brand-700 underline hover:text-brand-800">
                  {job.title}
                </Link>
              </h2>
              <p className="text-sm text-slate-600">
                {[job.location, t("posted", { date: format.dateTime(new Date(job.datePosted), { dateStyle: "long", timeZone: "UTC" }) })]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} basePath="/jobs" />
    </main>
  );
}

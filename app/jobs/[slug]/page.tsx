import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import Link from "@/components/ui/link";
import { Markdown } from "@/components/markdown";
import { slugParam } from "@/lib/core/page";
import { getPublicPosting } from "@/lib/roles/postings";
import { STANDARD_CATEGORIES } from "@/lib/roles/doc";
import { jobPostingData, jsonLdScript } from "@/lib/roles/posting-jsonld";
import { NONCE_HEADER } from "@/lib/core/csp";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const posting = getPublicPosting(slugParam((await params).slug));
  const t = await getTranslations("jobs");
  if (!posting) return { title: { absolute: t("notFound") } };
  const title = posting.employer ? t("metaTitleAt", { role: posting.title, employer: posting.employer }) : t("metaTitle", { role: posting.title });
  return { title: { absolute: title }, description: posting.doc.purpose.slice(0, 200) || title };
}

/**
 * The public job advert: no sign-in. Generated from the role's current published version, so it
 * always says what the job really is; written for applicants (nothing about the staff portal).
 */
export default async function JobPostingPage({ params }: Props) {
  const posting = getPublicPosting(slugParam((await params).slug));
  if (!posting) notFound();
  const t = await getTranslations("jobs");
  const d = await getTranslations("roleDoc");
  const { doc } = posting;
  const standards = doc.responsibilities.flatMap((r) => r.standards);
  const capabilities = [...new Map(doc.responsibilities.flatMap((r) => r.capabilities).map((c) => [c.name, c])).values()];
  const jsonLd = jsonLdScript(
    jobPostingData({
      title: posting.title,
      doc,
      datePosted: posting.datePosted,
      employer: posting.employer,
      location: posting.location,
      applyEmail: posting.applyEmail,
      applyUrl: posting.applyUrl,
    }),
  );
  // A data block, not run as a script; it carries the request's CSP nonce like every inline script.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  const applyLink = "break-all font-semibold text-brand-700 underline hover:text-brand-800";
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      {/* Escaped by jsonLdScript: role text cannot close the script tag. */}
      <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">
        {posting.employer ? t("employerHiring", { employer: posting.employer }) : t("weAreHiring")}
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight break-words">{doc.title}</h1>
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        {posting.employer ? (
          <>
            <dt className="font-semibold text-slate-700">{t("employer")}</dt>
            <dd className="text-slate-700">{posting.employer}</dd>
          </>
        ) : null}
        {posting.location ? (
          <>
            <dt className="font-semibold text-slate-700">{t("location")}</dt>
            <dd className="text-slate-700">{posting.location}</dd>
          </>
        ) : null}
      </dl>
      <p className="mt-4">
        <a href="#apply" className="text-sm font-semibold text-brand-700 underline hover:text-brand-800">
          {t("howToApply")}
        </a>
      </p>
      <section className="mt-8">
        <h2 className="text-xl font-semibold">{t("aboutRole")}</h2>
        <Markdown className="mt-2 text-slate-800">{doc.purpose}</Markdown>
      </section>
      <section className="mt-8">
        <h2 className="text-xl font-semibold">{t("whatYouDo")}</h2>
        <ul className="mt-3 space-y-4">
          {doc.responsibilities.map((r) => (
            <li key={r.key}>
              <h3 className="font-semibold">{r.title}</h3>
              {r.description ? <Markdown className="text-slate-700">{r.description}</Markdown> : null}
              {r.tasks.length ? (
                <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
                  {r.tasks.map((task) => (
                    <li key={task.key}>{task.title}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {standards.length ? (
        <section className="mt-8">
          <h2 className="text-xl font-semibold">{t("howWeServe")}</h2>
          <dl className="mt-3 grid gap-3 sm:grid-cols-2">
            {STANDARD_CATEGORIES.filter((c) => standards.some((s) => s.category === c)).map((c) => (
              <div key={c} className="rounded-md bg-slate-50 p-3">
                <dt className="text-sm font-semibold">{d(`category.${c}`)}</dt>
                {standards
                  .filter((s) => s.category === c)
                  .map((s, i) => (
                    <dd key={i} className="text-sm text-slate-700">
                      <Markdown>{s.text}</Markdown>
                    </dd>
                  ))}
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      {capabilities.length ? (
        <section className="mt-8">
          <h2 className="text-xl font-semibold">{t("whatYouNeed")}</h2>
          {(["technical", "interpersonal", "customer"] as const).map((k) =>
            capabilities.some((c) => c.kind === k) ? (
              <div key={k} className="mt-3">
                <h3 className="text-sm font-semibold text-slate-600">{d(`kind.${k}`)}</h3>
                <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
                  {capabilities
                    .filter((c) => c.kind === k)
                    .map((c) => (
                      <li key={c.name}>{c.name}</li>
                    ))}
                </ul>
              </div>
            ) : null,
          )}
        </section>
      ) : null}
      <section id="apply" className="mt-10 rounded-lg border border-brand-100 bg-brand-50 p-4">
        <h2 className="text-xl font-semibold">{t("howToApply")}</h2>
        {posting.applyEmail ? (
          <p className="mt-2">
            {t("applyByEmail")}{" "}
            <a href={`mailto:${posting.applyEmail}?subject=${encodeURIComponent(doc.title)}`} className={applyLink}>
              {posting.applyEmail}
            </a>
          </p>
        ) : null}
        {posting.applyUrl ? (
          <p className="mt-2">
            <a href={posting.applyUrl} className={applyLink} rel="noopener">
              {t("applyOnline")}
            </a>
          </p>
        ) : null}
        {!posting.applyEmail && !posting.applyUrl ? (
          <p className="mt-2">{posting.employer ? t("applyContact", { employer: posting.employer }) : t("applyContactUs")}</p>
        ) : null}
      </section>
      <p className="mt-8">
        <Link href="/jobs" className="text-sm text-brand-700 underline hover:text-brand-800">
          {t("allJobs")}
        </Link>
      </p>
    </main>
  );
}

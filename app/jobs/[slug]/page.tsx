import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { Markdown } from "@/components/markdown";
import { slugParam } from "@/lib/core/page";
import { getPublicPosting } from "@/lib/roles/postings";
import { STANDARD_CATEGORIES } from "@/lib/roles/doc";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const posting = getPublicPosting(slugParam((await params).slug));
  const t = await getTranslations("jobs");
  return { title: posting ? t("metaTitle", { role: posting.doc.title }) : t("notFound") };
}

/**
 * The public job advert: no sign-in. Generated from the role's current published version, so it
 * always says what the job really is.
 */
export default async function JobPostingPage({ params }: Props) {
  const posting = getPublicPosting(slugParam((await params).slug));
  if (!posting) notFound();
  const t = await getTranslations("jobs");
  const d = await getTranslations("roleDoc");
  const { doc } = posting;
  const standards = doc.responsibilities.flatMap((r) => r.standards);
  const capabilities = [...new Map(doc.responsibilities.flatMap((r) => r.capabilities).map((c) => [c.name, c])).values()];
  return (
    <div className="min-h-screen bg-white">
      <header className="border-b border-slate-200">
        <div className="mx-auto flex max-w-3xl items-center justify-between px-4 py-3">
          <p className="text-lg font-bold text-brand-800">Rolebook</p>
          <LocaleSwitcher />
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-10">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{t("weAreHiring")}</p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight">{doc.title}</h1>
        {posting.location ? <p className="mt-1 text-slate-600">{posting.location}</p> : null}
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
        <p className="mt-10 text-xs text-slate-500">{t("generated", { version: posting.version })}</p>
      </main>
    </div>
  );
}

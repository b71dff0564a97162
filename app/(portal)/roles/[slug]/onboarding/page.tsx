import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { getTemplate, previewTemplateRegeneration } from "@/lib/onboarding/templates";
import { currentTemplatePhrases } from "@/lib/onboarding/phrases-server";
import { itemText } from "@/lib/onboarding/phrases";
import { found, slugParam } from "@/lib/core/page";
import { requireActor } from "@/lib/auth/session";
import { ConfirmRegenerate, TemplateEditor } from "../../../onboarding/_components/template-editor";
import { SuccessNote } from "@/components/ui/notice";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ preview?: string; regenerated?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("onboarding.template");
  return { title: t("title") };
}

export default async function TemplatePage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const slug = slugParam((await params).slug);
  const sp = await searchParams;
  const phrases = await currentTemplatePhrases();
  const view = found(() => getTemplate(actor, slug, phrases));
  const t = await getTranslations("onboarding.template");
  const words = (i: Parameters<typeof itemText>[0]) => itemText(i, phrases);
  const preview = sp.preview === "1" && view.revision > 0 ? previewTemplateRegeneration(actor, slug, phrases) : null;
  const groups = preview
    ? ([
        ["added", preview.changes.added.map((i) => words({ ...i, edited: false }).title)],
        ["removed", preview.changes.removed.map((i) => words(i).title)],
        ["updated", preview.changes.updated.map((i) => words(i).title)],
        ["keptEdited", preview.changes.keptEdited.map((i) => i.title)],
        ["keptManual", preview.changes.keptManual.map((i) => i.title)],
      ] as const)
    : [];
  const links = view.responsibilities.flatMap((r) => [
    { value: `responsibility:${r.key}`, label: r.title },
    ...r.tasks.map((x) => ({ value: `task:${x.key}`, label: `— ${x.title}` })),
  ]);
  return (
    <div className="max-w-4xl">
      <p className="mb-2 text-sm">
        <Link href={`/roles/${slug}`} className="text-brand-700 hover:underline">
          ← {view.role.title}
        </Link>
      </p>
      <PageHeader title={t("heading", { role: view.role.title })} description={t("intro")} />
      {view.generatedFromVersion < view.role.currentVersion ? (
        <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("outdated", { current: view.role.currentVersion, from: view.generatedFromVersion })}{" "}
          {preview ? null : (
            <Link href={`/roles/${slug}/onboarding?preview=1`} className="font-medium underline">
              {t("regenerate")}
            </Link>
          )}
        </p>
      ) : null}
      {sp.regenerated ? (
        <SuccessNote>
          {t("regenerated")}
        </SuccessNote>
      ) : null}
      {preview ? (
        <Card className="mb-6">
          <section aria-labelledby="regen-preview">
            <h2 id="regen-preview" className="text-lg font-semibold">
              {t("previewTitle", { from: preview.fromVersion, to: preview.toVersion })}
            </h2>
            <p className="mb-3 text-sm text-slate-600">{t("previewIntro")}</p>
            <div className="grid gap-4 sm:grid-cols-2">
              {groups.map(([key, titles]) => (
                <div key={key}>
                  <h3 className="font-medium">{t(`change.${key}`, { count: titles.length })}</h3>
                  {titles.length ? (
                    <ul className="ml-5 list-disc text-sm" aria-label={t(`change.${key}`, { count: titles.length })}>
                      {titles.map((title, n) => (
                        <li key={n}>{title}</li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              ))}
            </div>
            <div className="mt-4 flex flex-wrap items-start gap-2">
              <ConfirmRegenerate slug={slug} revision={preview.revision} />
              <Link href={`/roles/${slug}/onboarding`} className={buttonClass("ghost")}>
                {t("cancel")}
              </Link>
            </div>
          </section>
        </Card>
      ) : null}
      <TemplateEditor
        slug={slug}
        revision={view.revision}
        canRegenerate={view.revision > 0 && !preview}
        items={view.items.map((i) => ({
          id: i.id,
          ...words(i),
          assignee: i.assignee,
          dueDay: i.dueDay,
          linkKind: i.linkKind,
          linkKey: i.linkKey,
          source: i.source,
        }))}
        links={links}
      />
    </div>
  );
}

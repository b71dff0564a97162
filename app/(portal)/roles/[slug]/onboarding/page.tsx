import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { getTemplate } from "@/lib/onboarding/templates";
import { currentTemplatePhrases } from "@/lib/onboarding/phrases-server";
import { found, slugParam } from "@/lib/core/page";
import { requireActor } from "@/lib/auth/session";
import { TemplateEditor } from "../../../onboarding/_components/template-editor";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("onboarding.template");
  return { title: t("title") };
}

export default async function TemplatePage({ params }: Props) {
  const actor = await requireActor();
  const slug = slugParam((await params).slug);
  const phrases = await currentTemplatePhrases();
  const view = found(() => getTemplate(actor, slug, phrases));
  const t = await getTranslations("onboarding.template");
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
          {t("outdated", { current: view.role.currentVersion, from: view.generatedFromVersion })}
        </p>
      ) : null}
      <TemplateEditor
        slug={slug}
        revision={view.revision}
        items={view.items.map((i) => ({
          id: i.id,
          title: i.title,
          description: i.description,
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

import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { RoleDiffView, VersionSummaries } from "@/components/roles/diff-view";
import { PageHeader } from "@/components/ui/card";
import { found, idParam, slugParam } from "@/lib/core/page";
import { compareVersions } from "@/lib/roles/history";
import { requireActor } from "@/lib/auth/session";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ from?: string; to?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("versions");
  return { title: t("compareTitle") };
}

export default async function ComparePage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const slug = slugParam((await params).slug);
  const sp = await searchParams;
  const result = found(() => compareVersions(actor, slug, idParam(sp.from), idParam(sp.to)));
  const t = await getTranslations("versions");
  const c = result.diff.counts;
  return (
    <div className="max-w-4xl">
      <p className="mb-2 text-sm">
        <Link href={`/roles/${slug}/versions`} className="text-brand-700 hover:underline">
          ← {t("heading", { role: result.role.title })}
        </Link>
      </p>
      <PageHeader
        title={t("compareHeading", { from: result.from.number, to: result.to.number })}
        description={t("counts", { added: c.added, removed: c.removed, moved: c.moved, changed: c.changed })}
      />
      <VersionSummaries versions={result.versions} label={t("versionsInComparison")} />
      <RoleDiffView diff={result.diff} />
    </div>
  );
}

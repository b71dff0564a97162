import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Markdown } from "@/components/markdown";
import { ResponsibilityList, ToolsCard } from "@/components/roles/responsibility-list";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { found, idParam, slugParam } from "@/lib/core/page";
import { getVersion } from "@/lib/roles/history";
import { requireActor } from "@/lib/auth/session";
import { formatInstant } from "@/lib/core/format-dates";
import { PlainText } from "@/components/ui/plain-text";

type Props = { params: Promise<{ slug: string; number: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("versions");
  return { title: t("title") };
}

export default async function VersionPage({ params }: Props) {
  const actor = await requireActor();
  const { slug: rawSlug, number } = await params;
  const slug = slugParam(rawSlug);
  const { role, meta, doc } = found(() => getVersion(actor, slug, idParam(number)));
  const t = await getTranslations("versions");
  const [format, zone] = await Promise.all([getFormatter(), getTimeZone()]);
  return (
    <div className="max-w-4xl">
      <p className="mb-2 text-sm">
        <Link href={`/roles/${slug}/versions`} className="text-brand-700 hover:underline">
          ← {t("heading", { role: role.title })}
        </Link>
      </p>
      <PageHeader
        title={`${doc.title} · ${t("versionN", { n: meta.number })}`}
        description={
          <>
            <Badge tone={meta.kind === "material" ? "amber" : "slate"}>{t(`kind.${meta.kind}`)}</Badge>{" "}
            {t("byline", { name: meta.authorName ?? "—", when: formatInstant(format, meta.publishedAt, zone) })}
            {meta.number !== role.currentVersion ? <span className="ml-2 text-amber-800">{t("notCurrent")}</span> : null}
          </>
        }
      />
      <Card className="mb-6">
        <h2 className="rb-section-title">{t("summary")}</h2>
        <PlainText className="mt-1">{meta.summary}</PlainText>
        <h2 className="mt-4 rb-section-title">{t("purpose")}</h2>
        <Markdown className="mt-1">{doc.purpose}</Markdown>
      </Card>
      <div className="mb-6">
        <ToolsCard tools={doc.tools ?? []} />
      </div>
      <ResponsibilityList responsibilities={doc.responsibilities} />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { labelClass, selectClass } from "@/components/ui/field-styles";
import { found, parseId, slugParam } from "@/lib/core/page";
import { mayTrackVersion } from "@/lib/auth/policy";
import { listVersions } from "@/lib/roles/history";
import { requireActor } from "@/lib/auth/session";
import { formatInstant } from "@/lib/core/format-dates";
import { PlainText } from "@/components/ui/plain-text";
import { SuccessNote } from "@/components/ui/notice";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ published?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("versions");
  return { title: t("title") };
}

export default async function VersionsPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const slug = slugParam((await params).slug);
  const published = parseId((await searchParams).published);
  const { role, versions } = found(() => listVersions(actor, slug));
  const t = await getTranslations("versions");
  const [format, zone] = await Promise.all([getFormatter(), getTimeZone()]);
  const canTrack = mayTrackVersion(actor, role);
  const latest = versions[0]?.number ?? 0;
  return (
    <div className="max-w-4xl">
      <p className="mb-2 text-sm">
        <Link href={`/roles/${slug}`} className="text-brand-700 hover:underline">
          ← {role.title}
        </Link>
      </p>
      <PageHeader title={t("heading", { role: role.title })} description={t("intro")} />
      {published ? (
        <SuccessNote>
          {t("published", { version: published })}
        </SuccessNote>
      ) : null}
      {versions.length > 1 ? (
        <Card className="mb-6">
          <form method="get" action={`/roles/${slug}/compare`} className="flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor="cmp-from" className={labelClass()}>
                {t("from")}
              </label>
              <select id="cmp-from" name="from" defaultValue={Math.max(1, latest - 1)} className={selectClass}>
                {versions.map((v) => (
                  <option key={v.id} value={v.number}>
                    {t("versionN", { n: v.number })}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="cmp-to" className={labelClass()}>
                {t("to")}
              </label>
              <select id="cmp-to" name="to" defaultValue={latest} className={selectClass}>
                {versions.map((v) => (
                  <option key={v.id} value={v.number}>
                    {t("versionN", { n: v.number })}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={buttonClass("secondary")}>
              {t("compare")}
            </button>
          </form>
        </Card>
      ) : null}
      <ol className="space-y-3" aria-label={t("list")}>
        {versions.map((v) => (
          <li key={v.id}>
            <Card>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="text-lg font-semibold">
                  <Link href={`/roles/${slug}/versions/${v.number}`} className="rb-link underline">
                    {t("versionN", { n: v.number })}
                  </Link>{" "}
                  {v.number === latest ? <Badge tone="green">{t("current")}</Badge> : null}{" "}
                  <Badge tone={v.kind === "material" ? "amber" : "slate"}>{t(`kind.${v.kind}`)}</Badge>
                  {v.announcementId ? (
                    <>
                      {" "}
                      <Badge tone="brand">{t("viaAnnouncement")}</Badge>
                    </>
                  ) : null}
                </h2>
                <div className="flex gap-2 text-sm">
                  {v.number > 1 ? (
                    <Link className="text-brand-700 underline" href={`/roles/${slug}/compare?from=${v.number - 1}&to=${v.number}`}>
                      {t("whatChanged")}
                    </Link>
                  ) : null}
                  {canTrack && v.kind === "material" && v.number > 1 ? (
                    <Link className="text-brand-700 underline" href={`/roles/${slug}/versions/${v.number}/tracking`}>
                      {t("answers")}
                    </Link>
                  ) : null}
                </div>
              </div>
              <PlainText className="mt-1 text-slate-800">{v.summary}</PlainText>
              <p className="mt-1 text-xs text-slate-500">
                {t("byline", {
                  name: v.authorName ?? "—",
                  when: formatInstant(format, v.publishedAt, zone),
                })}
              </p>
            </Card>
          </li>
        ))}
      </ol>
    </div>
  );
}

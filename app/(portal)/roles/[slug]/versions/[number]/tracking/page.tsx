import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { RemindControl } from "@/components/communication/remind-control";
import { TrackingView } from "@/components/communication/tracking-view";
import { PageHeader } from "@/components/ui/card";
import { trackingRequest, versionTracking } from "@/lib/communication/tracking";
import { found, idParam, pageParam, slugParam } from "@/lib/core/page";
import { getVersion } from "@/lib/roles/history";
import { requireActor } from "@/lib/auth/session";
import { remindVersionAction } from "../../../../actions";

type Props = { params: Promise<{ slug: string; number: string }>; searchParams: Promise<{ group?: string; page?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tracking");
  return { title: t("title") };
}

export default async function TrackingPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { slug: rawSlug, number } = await params;
  const slug = slugParam(rawSlug);
  const n = idParam(number);
  const sp = await searchParams;
  const { tracking } = found(() => versionTracking(actor, slug, n, trackingRequest(sp.group, pageParam(sp.page))));
  const { role, meta } = found(() => getVersion(actor, slug, n));
  const t = await getTranslations("tracking");
  const v = await getTranslations("versions");
  return (
    <div className="max-w-5xl">
      <p className="mb-2 text-sm">
        <Link href={`/roles/${slug}/versions`} className="text-brand-700 hover:underline">
          ← {v("heading", { role: role.title })}
        </Link>
      </p>
      <PageHeader
        title={t("heading", { role: role.title, version: meta.number })}
        description={meta.summary}
        actions={<RemindControl tracking={tracking} action={remindVersionAction} input={{ slug, version: n }} />}
      />
      <TrackingView tracking={tracking} basePath={`/roles/${slug}/versions/${n}/tracking`} />
    </div>
  );
}

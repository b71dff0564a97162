import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { capabilityOverview } from "@/lib/capability/evidence";
import { pageParam } from "@/lib/core/page";
import { CapabilityView } from "./_components/capability-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("capability");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ page?: string }> };

/** My capability (issue 11, point 5): what my role needs, what I hold and until when, my assigned training. */
export default async function MyCapabilityPage({ searchParams }: Props) {
  const actor = await requireActor();
  const t = await getTranslations("capability");
  const overview = capabilityOverview(actor, actor.id, { trainingPage: pageParam((await searchParams).page) });
  return (
    <div>
      <PageHeader title={t("title")} description={overview.person.roleTitle ? t("intro", { role: overview.person.roleTitle }) : undefined} />
      <CapabilityView overview={overview} basePath="/capability" />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { capabilityOverview } from "@/lib/capability/evidence";
import { found, idParam, pageParam } from "@/lib/core/page";
import { CapabilityView } from "../../../capability/_components/capability-view";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requireActor();
  const t = await getTranslations("capability");
  const id = idParam((await params).id);
  return { title: t("personTitle", { name: found(() => capabilityOverview(actor, id)).person.name }) };
}

/** A person's capability (issue 11, point 4): for whoever may view it, with sign-off and certificate forms when the policy allows. */
export default async function PersonCapabilityPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const t = await getTranslations("capability");
  const id = idParam((await params).id);
  const trainingPage = pageParam((await searchParams).page);
  const overview = found(() => capabilityOverview(actor, id, { trainingPage }));
  return (
    <div>
      <PageHeader
        title={t("personTitle", { name: overview.person.name })}
        description={
          <>
            {overview.person.roleTitle ? t("personIntro", { role: overview.person.roleTitle }) : null}{" "}
            <Link href={`/people/${id}`} className="text-brand-700 underline">
              {t("backToPerson")}
            </Link>
          </>
        }
      />
      <CapabilityView overview={overview} basePath={`/people/${id}/capability`} />
    </div>
  );
}

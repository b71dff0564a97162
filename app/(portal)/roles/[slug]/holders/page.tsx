import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { found, pageParam, slugParam } from "@/lib/core/page";
import { listRoleHolders } from "@/lib/roles/catalog";
import { HolderList } from "../../_components/holder-list";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("roles");
  return { title: t("holdersList") };
}

/** Everyone holding a role whom the reader may see, a page at a time (the role page shows the first few). */
export default async function RoleHoldersPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const slug = slugParam((await params).slug);
  const page = pageParam((await searchParams).page);
  const list = found(() => listRoleHolders(actor, slug, { page }));
  const t = await getTranslations("roles");
  return (
    <div className="max-w-3xl">
      <p className="mb-2 text-sm">
        <Link href={`/roles/${list.role.slug}`} className="text-brand-700 hover:underline">
          ← {list.role.title}
        </Link>
      </p>
      <PageHeader title={t("holdersHeading", { role: list.role.title })} description={t("holders", { count: list.total })} />
      <HolderList holders={list.rows} canOpenPeople={can(actor, "people.read")} actorId={actor.id} boxed />
      <Pagination page={list.page} pageCount={list.pageCount} basePath={`/roles/${list.role.slug}/holders`} />
    </div>
  );
}

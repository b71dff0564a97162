import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { found, pageParam } from "@/lib/core/page";
import { listRoles } from "@/lib/roles/catalog";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { ButtonLink } from "@/components/ui/button-link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("roles");
  return { title: t("title") };
}

export default async function RolesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireActor();
  const t = await getTranslations("roles");
  const { page } = await searchParams;
  const result = found(() => listRoles(actor, { page: pageParam(page) }));
  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={can(actor, "capabilities.manage") ? <ButtonLink href="/capabilities" variant="secondary">{(await getTranslations("capabilities"))("title")}</ButtonLink> : null}
      />
      <ul className="grid gap-4 md:grid-cols-2">
        {result.rows.map((r) => (
          <li key={r.id}>
            <Card className="h-full">
              <h2 className="text-lg font-semibold">
                <Link href={`/roles/${r.slug}`} className="rb-link">
                  {r.title}
                </Link>
              </h2>
              <p className="mt-1 line-clamp-3 text-sm text-slate-600">{r.purpose}</p>
              <p className="mt-3 text-xs text-slate-500">
                {t("counts", { responsibilities: r.responsibilities, holders: r.holders })}
              </p>
            </Card>
          </li>
        ))}
      </ul>
      <Pagination page={result.page} pageCount={result.pageCount} basePath="/roles" />
    </div>
  );
}

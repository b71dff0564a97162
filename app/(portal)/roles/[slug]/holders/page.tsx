import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { formatDay } from "@/lib/core/format-dates";
import { found, pageParam, slugParam } from "@/lib/core/page";
import { listRoleHolders } from "@/lib/roles/catalog";

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
  const format = await getFormatter();
  const canOpenPeople = can(actor, "people.read");
  return (
    <div className="max-w-3xl">
      <p className="mb-2 text-sm">
        <Link href={`/roles/${list.role.slug}`} className="text-brand-700 hover:underline">
          ← {list.role.title}
        </Link>
      </p>
      <PageHeader title={t("holdersHeading", { role: list.role.title })} description={t("holders", { count: list.total })} />
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" aria-label={t("holdersList")}>
        {list.rows.map((h) => (
          <li key={h.id} className="p-3">
            {canOpenPeople || h.id === actor.id ? (
              <Link href={`/people/${h.id}`} className="font-medium text-brand-800 hover:underline">
                {h.name}
              </Link>
            ) : (
              <span className="font-medium">{h.name}</span>
            )}
            <span className="block text-xs text-slate-500">
              {[h.teamName, t("since", { date: formatDay(format, h.startDate, { dateStyle: "medium" }) })].filter(Boolean).join(" · ")}
            </span>
          </li>
        ))}
      </ul>
      <Pagination page={list.page} pageCount={list.pageCount} basePath={`/roles/${list.role.slug}/holders`} />
    </div>
  );
}

import type { Metadata } from "next";
import { cache } from "react";
import Link from "@/components/ui/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { getCapability } from "@/lib/capability/directory";
import { parseCapabilityKey } from "@/lib/capability/merge-doc";
import { found } from "@/lib/core/page";
import { CapabilityEditForm, CapabilityMergeForm } from "../_components/capability-forms";

type Params = { key: string };

/** The capability, read once per request: the title and the page both need it (React's request cache). */
const capabilityOf = cache(async (key: string) => {
  const actor = await requireActor();
  const c = found(() => getCapability(actor, key));
  if ("mergedInto" in c) redirect(`/capabilities/${encodeURIComponent(c.mergedInto)}`);
  return c;
});

async function load(params: Promise<Params>) {
  return capabilityOf(parseCapabilityKey((await params).key) ?? notFound());
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const c = await load(params);
  return { title: c.name };
}

/** One capability, for anyone signed in: what it is, how long evidence lasts, who needs it, which courses build it; HR edits and merges it here. */
export default async function CapabilityPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<{ merged?: string }> }) {
  const c = await load(params);
  const merged = (await searchParams).merged === "1";
  const t = await getTranslations("capabilities");
  const d = await getTranslations("roleDoc");
  const link = "font-medium text-brand-800 underline hover:text-brand-900";
  return (
    <div className="space-y-6">
      <PageHeader
        title={c.name}
        description={
          <>
            {d(`kind.${c.kind}`)} · {c.validityMonths ? t("validFor", { count: c.validityMonths }) : t("noExpiryLong")}
          </>
        }
        actions={
          c.mayManage ? (
            <Link href="/capabilities" className={link}>
              {t("backToList")}
            </Link>
          ) : null
        }
      />
      {merged ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("merge.done")}
        </p>
      ) : null}

      <Card>
        <h2 className="text-lg font-semibold text-slate-900">{t("neededBy")}</h2>
        {c.roles.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("neededByNone")}</p>
        ) : (
          <ul className="mt-2 space-y-2 text-sm">
            {c.roles.map((r) => (
              <li key={r.roleSlug}>
                <Link href={`/roles/${r.roleSlug}`} className={link}>
                  {r.roleTitle}
                </Link>
                <ul className="mt-1 list-disc pl-5 text-slate-700">
                  {r.responsibilities.map((x) => (
                    <li key={x.key}>
                      <Link href={`/roles/${r.roleSlug}#r-${x.key}`} className="hover:underline">
                        {x.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card>
        <h2 className="text-lg font-semibold text-slate-900">{t("courses")}</h2>
        {c.courses.length === 0 ? (
          <EmptyState>{t("coursesNone")}</EmptyState>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {c.courses.map((x) => (
              <li key={x.id}>
                <Link href={`/training/${x.id}`} className={link}>
                  {x.title}
                </Link>{" "}
                <span className="text-slate-600">
                  · {d(`kind.${x.kind}`)} · {t("minutes", { count: x.estimatedMinutes })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>

      {c.duplicates.length ? (
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">{t("duplicates")}</h2>
          <p className="mt-1 text-sm text-slate-600">{t("duplicatesIntro")}</p>
          <ul className="mt-2 flex flex-wrap gap-2">
            {c.duplicates.map((x) => (
              <li key={x.key}>
                <Badge>{x.name}</Badge>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {c.mayManage ? (
        <>
          <Card>
            <h2 className="mb-3 text-lg font-semibold text-slate-900">{t("editTitle")}</h2>
            <CapabilityEditForm capability={c} />
          </Card>
          <Card>
            <h2 className="text-lg font-semibold text-slate-900">{t("merge.title")}</h2>
            <p className="mb-3 mt-1 text-sm text-slate-600">{t("merge.intro", { name: c.name })}</p>
            <CapabilityMergeForm capability={c} />
          </Card>
        </>
      ) : null}
    </div>
  );
}

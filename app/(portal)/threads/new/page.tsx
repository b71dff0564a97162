import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { found, optionalIdParam } from "@/lib/core/page";
import { ROLE_KEY_MAX } from "@/lib/core/limits";
import { startOptions } from "@/lib/threads/threads";
import { StartThreadForm } from "../_components/thread-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("threads.form");
  return { title: t("heading") };
}

export default async function NewThreadPage({ searchParams }: { searchParams: Promise<{ role?: string; task?: string }> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const requestedRole = optionalIdParam(sp.role);
  const options = found(() => startOptions(actor));
  const t = await getTranslations("threads.form");
  const task = typeof sp.task === "string" && sp.task.length <= ROLE_KEY_MAX ? sp.task : undefined;
  const otherRole = options != null && requestedRole != null && requestedRole !== options.role.id;
  const preselected = !otherRole && task && options?.tasks.some((k) => k.key === task) ? task : undefined;
  return (
    <div className="max-w-3xl">
      <p className="mb-2 text-sm">
        <Link href="/threads" className="text-brand-700 hover:underline">
          ← {t("back")}
        </Link>
      </p>
      <PageHeader title={t("heading")} description={options ? t("intro", { role: options.role.title }) : undefined} />
      {!options ? (
        <EmptyState>{t("noRole")}</EmptyState>
      ) : (
        <Card>
          {otherRole ? (
            <p role="note" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t("otherRole", { role: options.role.title })}
            </p>
          ) : null}
          <StartThreadForm jobRoleId={options.role.id} tasks={options.tasks} taskKey={preselected} />
        </Card>
      )}
    </div>
  );
}

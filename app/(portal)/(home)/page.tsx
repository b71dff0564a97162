import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown";
import { ResponsibilityList } from "@/components/roles/responsibility-list";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getMyRole } from "@/lib/roles";
import { requireActor } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myRole");
  return { title: t("title") };
}

export default async function MyRolePage() {
  const actor = await requireActor();
  const t = await getTranslations("myRole");
  const format = await getFormatter();
  const { person, role, manager, team } = getMyRole(actor);
  const taskCount = role?.responsibilities.reduce((n, r) => n + r.tasks.length, 0) ?? 0;

  return (
    <div>
      <PageHeader
        title={role ? role.title : t("title")}
        description={t("greeting", { name: person.name.split(" ")[0] })}
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <div className="space-y-6">
          {role ? (
            <>
              <Card>
                <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{t("purpose")}</h2>
                <Markdown className="mt-2 text-slate-800">{role.purpose}</Markdown>
                <p className="mt-3 text-sm text-slate-600">
                  {t("summary", { responsibilities: role.responsibilities.length, tasks: taskCount })}{" "}
                  <Link href={`/roles/${role.slug}`} className="text-brand-700 underline">
                    {t("openRolePage")}
                  </Link>
                </p>
              </Card>
              <section>
                <h2 className="mb-3 text-xl font-semibold">{t("responsibilities")}</h2>
                <ResponsibilityList responsibilities={role.responsibilities} />
              </section>
            </>
          ) : (
            <EmptyState>{t("noRole")}</EmptyState>
          )}
        </div>
        <aside className="space-y-4">
          <Card>
            <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{t("yourManager")}</h2>
            {manager ? (
              <div className="mt-2 text-sm">
                <p className="font-medium text-slate-900">{manager.name}</p>
                <p>
                  <a className="text-brand-700 underline" href={`mailto:${manager.email}`}>
                    {manager.email}
                  </a>
                </p>
                {manager.phone ? <p className="text-slate-600">{manager.phone}</p> : null}
              </div>
            ) : (
              <p className="mt-2 text-sm text-slate-600">{t("noManager")}</p>
            )}
          </Card>
          <Card>
            <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{t("yourTeam")}</h2>
            {team ? (
              <div className="mt-2 text-sm">
                <p className="font-medium text-slate-900">{team.name}</p>
                {team.managerName ? <p className="text-slate-600">{t("teamManagedBy", { name: team.managerName })}</p> : null}
              </div>
            ) : (
              <p className="mt-2 text-sm text-slate-600">{t("noTeam")}</p>
            )}
          </Card>
          <Card>
            <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{t("startDate")}</h2>
            <p className="mt-2 text-sm text-slate-800">
              {format.dateTime(new Date(`${person.startDate}T00:00:00Z`), { dateStyle: "long" })}
            </p>
          </Card>
        </aside>
      </div>
    </div>
  );
}

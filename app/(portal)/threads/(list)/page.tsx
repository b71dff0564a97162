import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { ButtonLink } from "@/components/ui/button-link";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { FilterForm } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { mayStartThread } from "@/lib/auth/confidence-policy";
import { requireActor } from "@/lib/auth/session";
import { THREAD_STATUSES, type ThreadStatus } from "@/lib/confidence/vocabulary";
import { formatInstant } from "@/lib/core/format-dates";
import { found, optionalIdParam, pageParam } from "@/lib/core/page";
import { ROLE_KEY_MAX } from "@/lib/core/limits";
import { listThreads, threadRoles, threadTasks } from "@/lib/threads/read";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("threads");
  return { title: t("title") };
}

type Search = { role?: string; task?: string; status?: string; page?: string };

export default async function ThreadsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const roles = found(() => threadRoles(actor));
  const requestedRole = optionalIdParam(sp.role);
  const roleId = requestedRole ?? (roles.length === 1 ? roles[0].id : undefined);
  const taskKey = typeof sp.task === "string" && sp.task.length <= ROLE_KEY_MAX ? sp.task : undefined;
  const status = THREAD_STATUSES.includes(sp.status as ThreadStatus) ? (sp.status as ThreadStatus) : undefined;
  const tasks = roleId != null ? threadTasks(actor, roleId) : [];
  const result = listThreads(actor, { jobRoleId: requestedRole, taskKey: taskKey || undefined, status, page: pageParam(sp.page) });
  const t = await getTranslations("threads");
  const [format, zone] = await Promise.all([getFormatter(), getTimeZone()]);
  const mayStart = actor.jobRoleId != null && mayStartThread(actor, actor.jobRoleId);
  const newHref = `/threads/new${taskKey && roleId === actor.jobRoleId ? `?task=${encodeURIComponent(taskKey)}` : ""}`;
  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} description={t("intro")} actions={mayStart ? <ButtonLink href={newHref}>{t("new")}</ButtonLink> : null} />
      <FilterForm
        action="/threads"
        submitLabel={t("filter")}
        fields={[
          ...(roles.length > 1
            ? [{ type: "select" as const, name: "role", label: t("role"), value: requestedRole ? String(requestedRole) : "", options: [{ value: "", label: t("allRoles") }, ...roles.map((r) => ({ value: r.id, label: r.title }))] }]
            : []),
          ...(tasks.length
            ? [{ type: "select" as const, name: "task", label: t("task"), value: taskKey ?? "", options: [{ value: "", label: t("allTasks") }, ...tasks.map((k) => ({ value: k.key, label: `${k.responsibility}: ${k.title}` }))] }]
            : []),
          {
            type: "select" as const,
            name: "status",
            label: t("status"),
            value: status ?? "",
            options: [{ value: "", label: t("allStatuses") }, ...THREAD_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))],
          },
        ]}
      />
      {result.rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label={t("list")}>
          {result.rows.map((r) => (
            <li key={r.id}>
              <Card>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h2 className="font-semibold">
                    <Link href={`/threads/${r.id}`} className="rb-link">
                      {r.title}
                    </Link>
                  </h2>
                  <Badge tone={r.status === "solved" ? "green" : "amber"}>{t(`statuses.${r.status}`)}</Badge>
                </div>
                <p className="mt-1 text-sm text-slate-600">
                  {t("meta", {
                    role: r.role.title,
                    task: r.taskTitle ?? t("taskGone"),
                    author: r.author ?? "—",
                    replies: r.replies,
                    when: formatInstant(format, r.updatedAt, zone),
                  })}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        basePath="/threads"
        params={{ role: requestedRole ? String(requestedRole) : undefined, task: taskKey, status }}
      />
    </div>
  );
}

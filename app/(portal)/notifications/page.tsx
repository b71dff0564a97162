import Link from "@/components/ui/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { listNotifications, unreadCount, type NotificationKind } from "@/lib/notifications/notifications";
import { found, pageParam } from "@/lib/core/page";
import { requireActor } from "@/lib/auth/session";
import { MarkRead } from "./_mark-read";
import { OpenNotificationLink } from "./_open-link";

/** Kinds that ask for something: once their item is dealt with they say so instead. */
const DONE_KINDS = new Set<NotificationKind>(["role.changed", "ack.question", "ack.reminder"]);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const result = found(() => listNotifications(actor, { page: pageParam(sp.page) }));
  const unread = unreadCount(actor);
  const t = await getTranslations("notifications");
  const format = await getFormatter();
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("title")} description={t("unread", { count: unread })} actions={unread ? <MarkRead label={t("markAllRead")} /> : null} />
      <p className="-mt-2 mb-4 text-sm">
        <Link href="/preferences#email" className="font-medium text-brand-700 underline">
          {t("emailChoices")}
        </Link>
      </p>
      {result.rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-2" aria-label={t("list")}>
          {result.rows.map((n) => (
            <li key={n.id}>
              <Card className={n.readAt ? "" : "border-brand-100 bg-brand-50"}>
                <div className="flex flex-wrap items-center justify-between gap-3">
                  <div>
                    <OpenNotificationLink id={n.id} href={n.link} className="font-medium text-brand-800 hover:underline">
                      {n.done && DONE_KINDS.has(n.kind) ? t(`doneKind.${n.kind}`, n.params) : t(`kind.${n.kind}`, n.params)}
                    </OpenNotificationLink>{" "}
                    {n.done ? <Badge tone="green">{t("done")}</Badge> : null}
                    <p className="text-xs text-slate-600">
                      {format.relativeTime(new Date(n.createdAt))}
                      {n.readAt ? "" : ` · ${t("new")}`}
                    </p>
                  </div>
                  {n.readAt ? null : <MarkRead id={n.id} label={t("markRead")} />}
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} basePath="/notifications" />
    </div>
  );
}

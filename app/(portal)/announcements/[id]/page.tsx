import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { RemindControl } from "@/components/communication/remind-control";
import { TrackingView } from "@/components/communication/tracking-view";
import { Markdown } from "@/components/markdown";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { announcementTracking, trackingRequest } from "@/lib/communication/tracking";
import { getAnnouncement } from "@/lib/communication/announcements";
import { found, idParam, pageParam } from "@/lib/core/page";
import { requireActor } from "@/lib/auth/session";
import { remindAnnouncementAction } from "../actions";
import { formatDay } from "@/lib/core/format-dates";
import { SuccessNote } from "@/components/ui/notice";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; group?: string; page?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("announcements");
  return { title: t("title") };
}

export default async function AnnouncementPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const id = idParam((await params).id);
  const a = found(() => getAnnouncement(actor, id));
  const { created, group, page } = await searchParams;
  const t = await getTranslations("announcements");
  const format = await getFormatter();
  const tracking = a.canTrack ? announcementTracking(actor, id, trackingRequest(group, pageParam(page))) : null;
  const day = (d: string) => formatDay(format, d, { dateStyle: "long" });
  const pendingRoles = [...new Set(a.transfers.filter((x) => !x.appliedAt && x.fromRole).flatMap((x) => [x.fromRole!, x.toRole!]))];
  const audience = [
    ...(a.audience.everyone ? [t("everyone")] : []),
    ...a.audience.teams.map((x) => t("teamLabel", { name: x })),
    ...a.audience.roles,
    ...a.audience.people,
  ];
  return (
    <div className="max-w-5xl">
      <p className="mb-2 text-sm">
        <Link href="/announcements" className="text-brand-700 hover:underline">
          ← {t("title")}
        </Link>
      </p>
      <PageHeader
        title={a.title}
        description={t("meta", { author: a.authorName ?? "—", date: day(a.effectiveDate) })}
        actions={
          a.myAckId ? (
            <Link href={`/changes/${a.myAckId}`} className={buttonClass("primary")}>
              {t("answer")}
            </Link>
          ) : null
        }
      />
      {created ? (
        <SuccessNote>
          {t("created")}
        </SuccessNote>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <Card>
          <Markdown>{a.body}</Markdown>
        </Card>
        <aside className="space-y-4">
          <Card>
            <h2 className="rb-section-title">{t("audience")}</h2>
            <p className="mt-1 text-sm">{audience.join(", ")}</p>
          </Card>
        </aside>
      </div>
      {a.transfers.length ? (
        <section className="mt-6" aria-labelledby="transfers">
          <h2 id="transfers" className="mb-2 text-lg font-semibold">
            {t("transfers")}
          </h2>
          <ul className="space-y-2">
            {a.transfers.map((x) => (
              <li key={x.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                <span className="font-medium">{x.taskTitle}</span>: {x.fromRole ?? x.fromPerson} → {x.toRole ?? x.toPerson}{" "}
                {x.appliedAt ? <Badge tone="green">{t("applied")}</Badge> : <Badge tone="amber">{t("scheduled", { date: day(a.effectiveDate) })}</Badge>}
              </li>
            ))}
          </ul>
          {pendingRoles.length && a.canTrack ? (
            <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t("rolesWillChange", { roles: pendingRoles.join(", "), date: day(a.effectiveDate) })}
            </p>
          ) : null}
        </section>
      ) : null}
      {tracking ? (
        <section className="mt-8" aria-labelledby="answers">
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <h2 id="answers" className="text-lg font-semibold">
              {t("answers")}
            </h2>
            <RemindControl tracking={tracking} action={remindAnnouncementAction} input={{ id }} />
          </div>
          <TrackingView tracking={tracking} basePath={`/announcements/${id}`} />
        </section>
      ) : null}
    </div>
  );
}

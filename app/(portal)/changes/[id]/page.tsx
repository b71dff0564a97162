import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { AckStateBadge } from "@/components/communication/ack-state-badge";
import { Markdown } from "@/components/markdown";
import { RoleDiffView, VersionSummaries } from "@/components/roles/diff-view";
import { WholeRole } from "@/components/roles/whole-role";
import { Card, PageHeader } from "@/components/ui/card";
import { getAck } from "@/lib/communication/answers";
import { found, idParam } from "@/lib/core/page";
import { requireActor } from "@/lib/auth/session";
import { AnswerForms, ReplyForm } from "../_components/answer-forms";
import { formatDay, formatInstant } from "@/lib/core/format-dates";
import { PlainText } from "@/components/ui/plain-text";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("changes");
  return { title: t("itemTitle") };
}

export default async function ChangeItemPage({ params }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const ack = found(() => getAck(actor, idParam(id)));
  const t = await getTranslations("changes");
  const [format, zone] = await Promise.all([getFormatter(), getTimeZone()]);
  const when = (iso: string) => formatInstant(format, iso, zone);
  const open = ack.state === "pending" || ack.state === "clarification" || ack.state === "answered";
  const title = ack.role ? t("roleItem", { role: ack.role.title, version: ack.role.version }) : (ack.announcement?.title ?? "");

  return (
    <div className="max-w-4xl">
      <p className="mb-2 text-sm">
        <Link href={ack.isMine ? "/changes" : ack.role ? `/roles/${ack.role.slug}/versions/${ack.role.version}/tracking` : `/announcements/${ack.announcement?.id}`} className="text-brand-700 hover:underline">
          ← {ack.isMine ? t("title") : t("backToTracking")}
        </Link>
      </p>
      <PageHeader
        title={title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <AckStateBadge state={ack.state} />
            {!ack.isMine ? <span>{t("forPerson", { name: ack.person.name })}</span> : null}
            {ack.owner ? <span>· {t("owner", { name: ack.owner.name })}</span> : null}
          </span>
        }
      />

      {ack.role?.whole ? (
        <section className="mb-6" aria-labelledby="whole-role-heading">
          <h2 id="whole-role-heading" className="mb-1 text-lg font-semibold">
            {t("readWholeRole", { version: ack.role.version })}
          </h2>
          <p className="mb-3 text-slate-700">{ack.isMine ? t("readWholeRoleIntro") : t("readWholeRoleIntroOther", { name: ack.person.name })}</p>
          <WholeRole doc={ack.role.whole.doc} contents={ack.role.whole.contents} />
        </section>
      ) : null}

      {ack.role && !ack.role.whole ? (
        <section className="mb-6" aria-labelledby="what-changed">
          <h2 id="what-changed" className="mb-1 text-lg font-semibold">
            {ack.role.fromVersion ? t("whatChanged", { from: ack.role.fromVersion, to: ack.role.version }) : t("whatChangedFirst")}
          </h2>
          {ack.role.versions.length > 1 ? (
            <VersionSummaries versions={ack.role.versions} label={t("versionsBetween", { from: ack.role.fromVersion ?? 0 })} />
          ) : (
            <p className="mb-3 text-slate-700">{ack.role.summary}</p>
          )}
          <RoleDiffView diff={ack.role.diff} />
          <p className="mt-3 text-sm">
            <Link href={`/roles/${ack.role.slug}/versions/${ack.role.version}`} className="text-brand-700 underline">
              {t("readWholeVersion")}
            </Link>
          </p>
        </section>
      ) : null}

      {ack.announcement ? (
        <Card className="mb-6">
          <p className="text-sm text-slate-600">{t("effective", { date: formatDay(format, ack.announcement.effectiveDate, { dateStyle: "long" }) })}</p>
          <Markdown className="mt-2">{ack.announcement.body}</Markdown>
          <p className="mt-3 text-sm">
            <Link href={`/announcements/${ack.announcement.id}`} className="text-brand-700 underline">
              {t("openAnnouncement")}
            </Link>
          </p>
        </Card>
      ) : null}

      {ack.messages.length ? (
        <section className="mb-6" aria-labelledby="thread">
          <h2 id="thread" className="mb-2 text-lg font-semibold">
            {t("thread")}
          </h2>
          <ol className="space-y-2">
            {ack.messages.map((m) => (
              <li
                key={m.id}
                className={`rounded-lg border p-3 ${m.authorId === ack.person.id ? "border-slate-200 bg-white" : "ml-8 border-brand-100 bg-brand-50"}`}
              >
                <p className="text-xs text-slate-500">
                  {m.authorName ?? "—"} · {when(m.createdAt)}
                </p>
                <PlainText className="mt-1 text-sm text-slate-900">{m.body}</PlainText>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {ack.isMine && open ? (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("yourAnswer")}</h2>
          {ack.state === "clarification" ? <p className="mb-3 text-sm text-slate-700">{t("waitingForOwner")}</p> : null}
          <AnswerForms
            id={ack.id}
            revision={ack.revision}
            canUnderstand={ack.state !== "clarification"}
            asking={ack.messages.length ? "again" : "first"}
            understoodLabel={ack.role?.whole ? t("understoodRole") : undefined}
          />
        </Card>
      ) : null}
      {ack.isMine && ack.state === "understood" && ack.answeredAt ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("youUnderstood", { when: when(ack.answeredAt) })}
        </p>
      ) : null}
      {ack.canReply && !ack.isMine && (ack.state === "clarification" || ack.state === "answered") ? <ReplyForm id={ack.id} revision={ack.revision} /> : null}
    </div>
  );
}

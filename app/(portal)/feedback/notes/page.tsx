import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { PlainText } from "@/components/ui/plain-text";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { formatInstant } from "@/lib/core/format-dates";
import { found, pageParam } from "@/lib/core/page";
import { hasSharedNotes, listNotes, NOTE_BOXES, type NoteBox } from "@/lib/feedback/notes";
import { RATING_TAGS } from "@/lib/feedback/vocabulary";
import { NoteForm } from "./_components/note-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notes");
  return { title: t("title") };
}

export default async function NotesPage({ searchParams }: { searchParams: Promise<{ box?: string; page?: string }> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const t = await getTranslations("notes");
  const tc = await getTranslations("roleDoc.category");
  const format = await getFormatter();
  const zone = await getTimeZone();
  const box: NoteBox = (NOTE_BOXES as readonly string[]).includes(sp.box ?? "") ? (sp.box as NoteBox) : "received";
  const boxes = NOTE_BOXES.filter((b) => b !== "shared" || box === "shared" || found(() => hasSharedNotes(actor)));
  const notes = found(() => listNotes(actor, box, { page: pageParam(sp.page) }));
  const categories = Object.fromEntries(RATING_TAGS.map((c) => [c, tc(c)]));
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("intro")} />
      {can(actor, "feedback.give") ? (
        <Card className="max-w-3xl">
          <h2 className="mb-3 font-semibold text-slate-900">{t("give.heading")}</h2>
          <NoteForm
            texts={{
              heading: t("give.heading"),
              recipient: t("give.recipient"),
              recipientHint: t("give.recipientHint"),
              kind: t("give.kind"),
              kinds: { praise: t("kind.praise"), suggestion: t("kind.suggestion") },
              visibility: t("give.visibility"),
              visibilities: { recipient: t("visibility.recipient"), team: t("visibility.team"), manager: t("visibility.manager") },
              tie: t("give.tie"),
              tieHint: t("give.tieHint"),
              tieNone: t("give.tieNone"),
              tieChooseFirst: t("give.tieChooseFirst"),
              responsibilities: t("give.responsibilities"),
              standards: t("give.standards"),
              categories,
              body: t("give.body"),
              bodyHint: t("give.bodyHint"),
              send: t("give.send"),
              sent: t("give.sent"),
            }}
          />
        </Card>
      ) : null}
      <section aria-labelledby="notes-lists" className="space-y-3">
        <h2 id="notes-lists" className="text-lg font-semibold text-slate-900">
          {t("lists")}
        </h2>
        <nav aria-label={t("lists")} className="flex flex-wrap gap-2">
          {boxes.map((b) => (
            <Link
              key={b}
              href={b === "received" ? "/feedback/notes" : `/feedback/notes?box=${b}`}
              aria-current={b === box ? "page" : undefined}
              className={`rounded-md border px-3 py-1.5 text-sm ${b === box ? "border-brand-600 bg-brand-50 font-medium text-brand-800" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
            >
              {t(`box.${b}`)}
            </Link>
          ))}
        </nav>
        {notes.rows.length === 0 ? (
          <EmptyState>{t(`empty.${box}`)}</EmptyState>
        ) : (
          <ul className="space-y-3" data-testid="notes-list">
            {notes.rows.map((n) => (
              <li key={n.id} id={`note-${n.id}`} className="scroll-mt-24 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                  <Badge tone={n.kind === "praise" ? "green" : "brand"}>{t(`kind.${n.kind}`)}</Badge>
                  <span>{t("fromTo", { from: n.from.name, to: n.to.name })}</span>
                  <span aria-hidden="true">·</span>
                  <span>{formatInstant(format, n.createdAt, zone, { dateStyle: "medium" })}</span>
                </div>
                {n.responsibility || n.standardCategory ? (
                  <p className="mt-1 text-sm text-slate-600">
                    {n.responsibility ? t("tiedResponsibility", { title: n.responsibility }) : t("tiedStandard", { title: categories[n.standardCategory!] ?? "" })}
                  </p>
                ) : null}
                <PlainText className="mt-2 text-slate-900">{n.body}</PlainText>
                <p className="mt-2 text-xs text-slate-500">{t(`seenBy.${n.visibility}`)}</p>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={notes.page} pageCount={notes.pageCount} basePath="/feedback/notes" params={{ box: box === "received" ? undefined : box }} />
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { PageHeader } from "@/components/ui/card";
import { found, slugParam } from "@/lib/core/page";
import { getDraft } from "@/lib/roles/drafts";
import { requireActor } from "@/lib/auth/session";
import { RoleEditor } from "../../_components/role-editor";
import { formatInstant } from "@/lib/core/format-dates";
import { SuggestionsPanel } from "../../../threads/_components/suggestions-panel";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("editor");
  return { title: t("title") };
}

export default async function EditRolePage({ params }: Props) {
  const actor = await requireActor();
  const slug = slugParam((await params).slug);
  const draft = found(() => getDraft(actor, slug));
  const t = await getTranslations("editor");
  const [format, zone] = await Promise.all([getFormatter(), getTimeZone()]);
  return (
    <div className="max-w-4xl">
      <p className="mb-2 text-sm">
        <Link href={`/roles/${slug}`} className="text-brand-700 hover:underline">
          ← {draft.role.title}
        </Link>
      </p>
      <PageHeader
        title={t("heading", { role: draft.role.title })}
        description={
          draft.hasDraft && draft.updatedAt
            ? t("draftBy", {
                name: draft.updatedBy ?? "—",
                when: formatInstant(format, draft.updatedAt, zone),
                version: draft.baseVersion,
              })
            : t("startsFrom", { version: draft.role.currentVersion })
        }
      />
      <SuggestionsPanel actor={actor} roleId={draft.role.id} />
      <RoleEditor slug={slug} initialDoc={draft.doc} initialRevision={draft.revision} hasDraft={draft.hasDraft} />
    </div>
  );
}

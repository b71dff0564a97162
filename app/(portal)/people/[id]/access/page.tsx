import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { ActionButton } from "@/components/ui/action-button";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { accessChecklist, type AccessRow } from "@/lib/capability/access";
import { requireActor } from "@/lib/auth/session";
import { found, idParam } from "@/lib/core/page";
import { setAccessAction } from "../../../access/actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requireActor();
  const id = idParam((await params).id);
  const t = await getTranslations("access");
  return { title: t("checklistTitle", { name: found(() => accessChecklist(actor, id)).person.name }) };
}

const TONE = { granted: "green", pending: "amber", revoke: "red", revoked: "slate" } as const;

/** A person's tools-and-access checklist: every tool their role needs, and what HR or the manager ticked. */
export default async function PersonAccessPage({ params }: Props) {
  const actor = await requireActor();
  const id = idParam((await params).id);
  const list = found(() => accessChecklist(actor, id));
  const t = await getTranslations("access");
  const format = await getFormatter();
  const when = (at: string | null) => (at ? format.dateTime(new Date(at), { dateStyle: "medium" }) : "");
  const who = (r: AccessRow) => {
    if (r.status === "revoked" && r.revokedAt) return t("revokedBy", { name: r.revokedBy ?? t("someone"), date: when(r.revokedAt) });
    if ((r.status === "granted" || r.status === "revoke") && r.grantedAt) return t("grantedBy", { name: r.grantedBy ?? t("someone"), date: when(r.grantedAt) });
    return "—";
  };
  const mayGrant = (r: AccessRow) => list.person.active && r.needed && r.status !== "granted";
  const mayRevoke = (r: AccessRow) => r.id !== null && r.status !== "revoked";
  return (
    <div className="max-w-5xl">
      <p className="mb-2 text-sm">
        <Link href={`/people/${list.person.id}`} className="text-brand-700 hover:underline">
          ← {list.person.name}
        </Link>
      </p>
      <PageHeader
        title={t("checklistTitle", { name: list.person.name })}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {list.person.roleTitle ? t("forRole", { role: list.person.roleTitle }) : t("noRole")}
            {list.person.active ? null : <Badge tone="red">{t("inactive")}</Badge>}
          </span>
        }
      />
      {list.rows.length === 0 ? (
        <EmptyState>{t("noTools")}</EmptyState>
      ) : (
        <DataTable columns={[t("col.tool"), t("col.status"), t("col.byWhom"), t("col.actions")]}>
          {list.rows.map((r) => (
            <tr key={r.toolKey}>
              <td className="px-4 py-3 font-medium text-slate-900">
                {r.tool}
                {r.needed ? null : <span className="block text-xs font-normal text-slate-600">{t("notNeeded")}</span>}
              </td>
              <td className="px-4 py-3">
                <Badge tone={TONE[r.status]}>{t(`status.${r.status}`)}</Badge>
                {r.status === "revoke" && r.flagReason ? <span className="block text-xs text-slate-600">{t(`reason.${r.flagReason}`)}</span> : null}
              </td>
              <td className="px-4 py-3 text-slate-700">{who(r)}</td>
              <td className="px-4 py-3">
                <div className="flex flex-wrap gap-2">
                  {mayGrant(r) ? (
                    <ActionButton action={setAccessAction} input={{ personId: list.person.id, toolKey: r.toolKey, action: "grant", revision: String(r.revision) }}>
                      {t("grant")}
                      <span className="sr-only">: {r.tool}</span>
                    </ActionButton>
                  ) : null}
                  {mayRevoke(r) ? (
                    <ActionButton
                      variant={r.status === "revoke" ? "primary" : "secondary"}
                      action={setAccessAction}
                      input={{ personId: list.person.id, toolKey: r.toolKey, action: "revoke", revision: String(r.revision) }}
                    >
                      {t("revoke")}
                      <span className="sr-only">: {r.tool}</span>
                    </ActionButton>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}

import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import type { CapabilityLine, CapabilityOverview, EvidenceView } from "@/lib/capability/evidence";
import { CELL_STATES, type CellState } from "@/lib/capability/vocabulary";
import { formatDay } from "@/lib/core/format-dates";
import { CertificateForm, SignOffForm } from "./evidence-forms";

const TONE: Record<CellState, "green" | "amber" | "red" | "brand"> = { ready: "green", expiring: "amber", gap: "red", training: "brand" };
const ICON: Record<CellState, string> = { ready: "✓", expiring: "!", gap: "✗", training: "◷" };

/** A readiness state as text with an icon and a colour (never colour alone). */
export async function StateBadge({ state }: { state: CellState }) {
  const t = await getTranslations("capability.state");
  return (
    <Badge tone={TONE[state]}>
      <span aria-hidden className="mr-1">
        {ICON[state]}
      </span>
      {t(state)}
    </Badge>
  );
}

async function EvidenceLine({ e }: { e: EvidenceView }) {
  const t = await getTranslations("capability.evidence");
  const format = await getFormatter();
  const date = formatDay(format, e.validFrom);
  const text =
    e.kind === "quiz"
      ? t("quiz", { date })
      : e.kind === "signoff"
        ? t("signoff", { name: e.byName ?? "—", relation: e.signoffRelation ? t(`relation.${e.signoffRelation}`) : "—", date })
        : t("certificate", { issuer: e.issuer ?? "—", date });
  return (
    <li className="text-sm text-slate-700">
      {text}
      {e.validUntil ? <span className="text-slate-600"> · {t("until", { date: formatDay(format, e.validUntil) })}</span> : null}
      {e.note ? <span className="block whitespace-pre-line text-slate-600">“{e.note}”</span> : null}
      {e.fileId ? (
        <a href={`/files/${e.fileId}`} className="text-brand-800 underline" target="_blank" rel="noopener">
          {t("viewFile")}
        </a>
      ) : null}
    </li>
  );
}

async function HoldingText({ c }: { c: CapabilityLine }) {
  const t = await getTranslations("capability");
  const format = await getFormatter();
  const until = c.holding.until ? formatDay(format, c.holding.until) : null;
  if (c.holding.state === "held" || c.holding.state === "expiring") return <span>{until ? t("validUntil", { date: until }) : t("noExpiry")}</span>;
  if (c.holding.state === "lapsed" && until) return <span>{t("lapsedOn", { date: until })}</span>;
  return <span>{t("notHeld")}</span>;
}

/**
 * A person's capability, per responsibility of their role: what it needs, the state and until when,
 * recent evidence; the sign-off form per capability and the certificate form when the policy allows.
 */
export async function CapabilityView({ overview, basePath }: { overview: CapabilityOverview; basePath: string }) {
  const t = await getTranslations("capability");
  const d = await getTranslations("roleDoc");
  const format = await getFormatter();
  const o = overview;
  // A capability several responsibilities need gets its anchor (#c-<key>, the sign-off notification's link) on its first appearance.
  const anchored = new Set<string>();
  const anchor = (key: string) => (anchored.has(key) ? undefined : (anchored.add(key), `c-${key}`));
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div className="space-y-4">
        {o.responsibilities.length === 0 ? <EmptyState>{o.person.roleTitle ? t("noCapabilities") : t("noRole")}</EmptyState> : null}
        <ol className="space-y-4" aria-label={t("responsibilities")}>
          {o.responsibilities.map((r) => (
            <li key={r.key} id={`r-${r.key}`} className="scroll-mt-24 rb-card" data-testid="responsibility">
              <h2 className="text-lg font-semibold text-slate-900">{r.title}</h2>
              {r.capabilities.length === 0 ? (
                <p className="mt-1 text-sm text-slate-600">{t("nothingNeeded")}</p>
              ) : (
                <ul className="mt-3 divide-y divide-slate-100">
                  {r.capabilities.map((c) => (
                    <li key={c.key} id={anchor(c.key)} className="scroll-mt-24 py-3" data-testid="capability" data-state={c.cell}>
                      <div className="flex flex-wrap items-baseline justify-between gap-2">
                        <p className="font-medium text-slate-900">
                          <Link href={`/capabilities/${c.key}`} className="hover:underline">
                            {c.name}
                          </Link>{" "}
                          <span className="text-xs font-normal text-slate-600">
                            · {d(`kind.${c.kind}`)}
                            {c.validityMonths ? ` · ${t("validity", { months: c.validityMonths })}` : ""}
                          </span>
                        </p>
                        <StateBadge state={c.cell} />
                      </div>
                      <p className={`text-sm ${c.cell === "gap" || c.cell === "expiring" ? "font-medium text-slate-900" : "text-slate-700"}`}>
                        <HoldingText c={c} />
                      </p>
                      {c.evidence.length ? (
                        <ul className="mt-1 space-y-1" aria-label={t("evidence.heading", { name: c.name })}>
                          {c.evidence.map((e) => (
                            <EvidenceLine key={e.id} e={e} />
                          ))}
                        </ul>
                      ) : null}
                      {o.signoffAs ? <SignOffForm personId={o.person.id} capabilityKey={c.key} capabilityName={c.name} /> : null}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </div>
      <aside className="space-y-4">
        <Card>
          <h2 className="rb-section-title">{t("summaryHeading")}</h2>
          <ul className="mt-2 space-y-1 text-sm" data-testid="capability-counts">
            {CELL_STATES.map((s) => (
              <li key={s} className="flex items-center justify-between gap-2">
                <StateBadge state={s} />
                <span className="font-medium">{o.counts[s]}</span>
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <h2 className="rb-section-title">{o.isSelf ? t("training.myHeading") : t("training.heading")}</h2>
          {o.training.total === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t("training.none")}</p>
          ) : (
            <ul className="mt-2 space-y-2 text-sm" data-testid="open-training">
              {o.training.rows.map((a) => (
                <li key={a.id}>
                  <Link href={`/training/${a.courseId}`} className="font-medium text-brand-800 underline">
                    {a.title}
                  </Link>
                  <span className={`block ${a.overdue ? "font-medium text-red-800" : "text-slate-600"}`}>
                    {a.overdue ? t("training.overdue", { date: formatDay(format, a.dueDate) }) : t("training.due", { date: formatDay(format, a.dueDate) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <Pagination page={o.training.page} pageCount={o.training.pageCount} basePath={basePath} />
        </Card>
        {o.mayAddCertificate && o.needed.length ? <CertificateForm personId={o.person.id} capabilities={o.needed} self={o.isSelf} /> : null}
      </aside>
    </div>
  );
}

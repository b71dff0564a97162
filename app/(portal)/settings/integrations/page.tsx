import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { formatInstant } from "@/lib/core/format-dates";
import { found, pageParam } from "@/lib/core/page";
import { listApiKeys, listWebhooks, recentUnknownKeyRefusals, type DeliveryView } from "@/lib/feedback/integrations";
import { API_KEY_PREFIX } from "@/lib/feedback/vocabulary";
import { SettingsTabs } from "../_components/settings-tabs";
import { revokeApiKeyAction, removeWebhookAction } from "./actions";
import { ApiKeyForm } from "./_components/api-key-form";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { WebhookForm } from "./_components/webhook-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("integrations");
  return { title: t("title") };
}

/** HR: API keys for the systems around the service desk, and webhooks for new ratings (issue 12, point 9). */
export default async function IntegrationsPage({ searchParams }: { searchParams: Promise<{ page?: string; webhooks?: string }> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const keys = found(() => listApiKeys(actor, pageParam(sp.page)));
  const hooks = found(() => listWebhooks(actor, pageParam(sp.webhooks)));
  const unknownRefusals = found(() => recentUnknownKeyRefusals(actor));
  const t = await getTranslations("integrations");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const zone = await getTimeZone();
  const when = (iso: string) => <time dateTime={iso}>{formatInstant(format, iso, zone)}</time>;
  const day = (iso: string) => <time dateTime={iso}>{formatInstant(format, iso, zone, { dateStyle: "medium" })}</time>;
  const delivery = (d: DeliveryView) => {
    if (d.status === "delivered") return <Badge tone="green">{t("deliveryDelivered")}</Badge>;
    if (d.status === "failed") return <Badge tone="red">{t("deliveryFailed", { reason: d.lastError ?? "" })}</Badge>;
    return <Badge tone="amber">{d.attempts ? t("deliveryRetrying", { attempts: d.attempts, reason: d.lastError ?? "" }) : t("deliveryPending")}</Badge>;
  };
  const hooksHref = (p: number) => `/settings/integrations?${new URLSearchParams({ ...(sp.page ? { page: sp.page } : {}), webhooks: String(p) })}`;
  return (
    <div>
      <PageHeader title={t("title")} description={t("intro")} />
      <SettingsTabs current="integrations" />
      <div className="space-y-6">
        <Card>
          <h2 className="mb-1 text-lg font-semibold">{t("keysTitle")}</h2>
          <p className="mb-4 max-w-3xl text-sm text-slate-600">
            {t.rich("keysIntro", { code: (chunks) => <code className="rounded bg-slate-100 px-1 font-mono">{chunks}</code> })}
          </p>
          <ApiKeyForm />
        </Card>
        <section aria-labelledby="keys-list">
          <h2 id="keys-list" className="sr-only">
            {t("keysTitle")}
          </h2>
          <p className="mb-2 text-sm text-slate-600">
            {t("keyCount", { count: keys.total })} {unknownRefusals ? t("unknownRefusals", { count: unknownRefusals }) : null}
          </p>
          {keys.rows.length === 0 ? (
            <EmptyState>{t("noKeys")}</EmptyState>
          ) : (
            <DataTable columns={[t("keyName"), t("keyPrefix"), t("created"), t("lastUsed"), t("refusedCalls"), t("status"), t("actions")]}>
              {keys.rows.map((k) => (
                <tr key={k.id} data-testid={`api-key-${k.id}`}>
                  <td className="px-4 py-3 font-medium">{k.name}</td>
                  <td className="whitespace-nowrap px-4 py-3 font-mono text-sm">
                    {API_KEY_PREFIX}
                    {k.prefix}…
                  </td>
                  <td className="whitespace-nowrap px-4 py-3">{day(k.createdAt)}</td>
                  <td className="whitespace-nowrap px-4 py-3" data-testid="last-used">
                    {k.lastUsedAt ? when(k.lastUsedAt) : t("neverUsed")}
                  </td>
                  <td className="px-4 py-3" data-testid="refused-calls">
                    {k.refusedCalls}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3">
                    {k.revokedAt ? <Badge tone="red">{t("revokedOn", { when: formatInstant(format, k.revokedAt, zone, { dateStyle: "medium" }) })}</Badge> : <Badge tone="green">{t("active")}</Badge>}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3">
                    {k.revokedAt ? null : (
                      <ConfirmAction
                        action={revokeApiKeyAction}
                        id={k.id}
                        label={t("revoke")}
                        srName={k.name}
                        title={t("revokeTitle", { name: k.name })}
                        body={t("revokeBody")}
                        confirmLabel={t("confirmRevoke")}
                        cancelLabel={t("cancel")}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          <Pagination page={keys.page} pageCount={keys.pageCount} basePath="/settings/integrations" params={{ webhooks: sp.webhooks }} />
        </section>

        <Card>
          <h2 className="mb-1 text-lg font-semibold">{t("webhooksTitle")}</h2>
          <p className="mb-4 max-w-3xl text-sm text-slate-600">
            {t.rich("webhooksIntro", { code: (chunks) => <code className="rounded bg-slate-100 px-1 font-mono">{chunks}</code> })}
          </p>
          <WebhookForm />
        </Card>
        <section aria-labelledby="webhooks-list">
          <h2 id="webhooks-list" className="sr-only">
            {t("webhooksTitle")}
          </h2>
          {hooks.rows.length === 0 ? (
            <EmptyState>{t("noWebhooks")}</EmptyState>
          ) : (
            <DataTable columns={[t("webhookUrl"), t("created"), t("recentDeliveries"), t("actions")]}>
              {hooks.rows.map((h) => (
                <tr key={h.id} data-testid={`webhook-${h.id}`}>
                  <td className="break-all px-4 py-3 font-mono text-sm">{h.url}</td>
                  <td className="whitespace-nowrap px-4 py-3">{day(h.createdAt)}</td>
                  <td className="px-4 py-3">
                    {h.deliveries.length === 0 ? (
                      <span className="text-sm text-slate-600">{t("noDeliveries")}</span>
                    ) : (
                      <ul className="space-y-1">
                        {h.deliveries.map((d) => (
                          <li key={d.id} className="flex flex-wrap items-center gap-2 text-sm">
                            {delivery(d)}
                            <span className="text-slate-600">{when(d.createdAt)}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="px-4 py-3">
                    <ConfirmAction
                      action={removeWebhookAction}
                      id={h.id}
                      label={t("remove")}
                      srName={h.url}
                      title={t("removeTitle")}
                      body={t("removeBody", { url: h.url })}
                      confirmLabel={t("confirmRemove")}
                      cancelLabel={t("cancel")}
                    />
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          {hooks.pageCount > 1 ? (
            <nav aria-label={t("webhooksPages")} className="mt-4 flex items-center justify-between text-sm">
              {hooks.page > 1 ? <Link href={hooksHref(hooks.page - 1)}>{tc("previous")}</Link> : <span />}
              {hooks.page < hooks.pageCount ? <Link href={hooksHref(hooks.page + 1)}>{tc("next")}</Link> : null}
            </nav>
          ) : null}
        </section>
      </div>
    </div>
  );
}

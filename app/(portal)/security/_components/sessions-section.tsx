import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Badge, Card } from "@/components/ui/card";
import { ActionButton } from "@/components/ui/action-button";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { currentSession } from "@/lib/auth/session";
import { listOwnSessions } from "@/lib/auth/sessions";
import { describeUserAgent } from "@/lib/auth/user-agent";
import { formatInstant } from "@/lib/core/format-dates";
import { endOtherSessionsAction, endOwnSessionAction } from "../sessions-actions";
import { SignOutEverywhereButton } from "./sign-out-everywhere-button";

/**
 * "Where you are signed in" (issue 14 point 1): the person's live sessions, newest activity first,
 * each with its device, address, sign-in and last-active times (the person's zone), this device
 * marked; an End button per other session and the two "sign out everywhere" buttons.
 */
export async function SessionsSection({ actor }: { actor: Actor }) {
  if (!can(actor, "security.self")) return null;
  const current = await currentSession();
  const { sessions, total } = listOwnSessions(actor, current?.id ?? null);
  const t = await getTranslations("security.sessions");
  const format = await getFormatter();
  const zone = await getTimeZone();
  const others = sessions.some((s) => !s.current) || total > sessions.length;
  const when = (ms: number) => formatInstant(format, new Date(ms), zone);
  return (
    <section id="sessions" aria-labelledby="sessions-heading" className="scroll-mt-20">
      <Card>
        <h2 id="sessions-heading" className="text-lg font-semibold text-slate-900">
          {t("title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
        <ul className="mt-4 divide-y divide-slate-200" data-testid="session-list">
          {sessions.map((s) => {
            const device = describeUserAgent(s.userAgent);
            const name =
              device.browser && device.os
                ? t("device", { browser: device.browser, os: device.os })
                : device.browser ?? device.os ?? t("unknownDevice");
            return (
              <li key={s.key} className="flex flex-wrap items-start justify-between gap-3 py-3" data-testid="session" data-current={s.current || undefined}>
                <div className="min-w-0 text-sm">
                  <p className="font-medium text-slate-900">
                    {name} {s.current ? <Badge tone="green">{t("thisDevice")}</Badge> : null}
                  </p>
                  <p className="text-slate-600">
                    {t("address", { address: s.ip ?? t("unknownAddress") })}
                    {" · "}
                    {s.method === "sso" ? t("methodSso") : t("methodPassword")}
                  </p>
                  <p className="text-slate-600">{t("signedIn", { when: when(s.createdAt) })}</p>
                  <p className="text-slate-600">{t("lastActive", { when: when(s.lastSeenAt) })}</p>
                </div>
                {s.current ? null : (
                  <ActionButton action={endOwnSessionAction} input={{ key: s.key }} variant="secondary">
                    {t("end")}
                    <span className="sr-only">: {name}</span>
                  </ActionButton>
                )}
              </li>
            );
          })}
        </ul>
        {total > sessions.length ? <p className="mt-2 text-sm text-slate-600">{t("more", { count: total - sessions.length })}</p> : null}
        <div className="mt-4 flex flex-wrap gap-3 border-t border-slate-200 pt-4">
          {others ? (
            <ActionButton action={endOtherSessionsAction} input={{}} variant="secondary">
              {t("endOthers")}
            </ActionButton>
          ) : null}
          <SignOutEverywhereButton />
        </div>
      </Card>
    </section>
  );
}

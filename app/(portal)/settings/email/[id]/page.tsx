import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { formatInstant } from "@/lib/core/format-dates";
import { idParam } from "@/lib/core/page";
import { readEmail } from "@/lib/email/admin";
import { ForbiddenError, NotFoundError } from "@/lib/core/errors";
import { notFound } from "next/navigation";
import { ClearBounceButton, RetryButton } from "../_components/email-buttons";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("emailAdmin");
  return { title: t("oneTitle") };
}

async function load(read: () => ReturnType<typeof readEmail>) {
  try {
    return await read();
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof ForbiddenError) notFound();
    throw e;
  }
}

/**
 * One email as HR sees it: its row, and with the .eml writer what was written: the text part and
 * the HTML part in a sandboxed frame (no scripts, no same origin: it cannot reach the app).
 */
export default async function EmailPage({ params }: Props) {
  const actor = await requireActor();
  const id = idParam((await params).id);
  const email = await load(() => readEmail(actor, id));
  const t = await getTranslations("emailAdmin");
  const format = await getFormatter();
  const zone = await getTimeZone();
  const when = (iso: string | null) => (iso ? <time dateTime={iso}>{formatInstant(format, iso, zone)}</time> : "—");
  const subject = email.subject ?? t(`kind.${email.kind}`);
  const facts: [string, React.ReactNode][] = [
    [t("to"), email.address ? `${email.personName ?? ""} <${email.address}>` : (email.personName ?? "—")],
    [t("statusColumn"), <Badge key="s" tone={email.status === "sent" ? "green" : email.status === "failed" || email.status === "bounced" ? "red" : "slate"}>{t(`status.${email.status}`)}</Badge>],
    [t("kindLabel"), t(`kind.${email.kind}`)],
    [t("queuedAt"), when(email.createdAt)],
    [t("sentAt"), when(email.sentAt)],
    [t("lastAttempt"), when(email.attemptedAt)],
    [t("attemptsLabel"), String(email.attempts)],
    [email.status === "skipped" ? t("note") : t("answer"), (email.status === "sent" ? email.serverResponse : email.lastError) ?? "—"],
  ];
  return (
    <div className="max-w-4xl">
      <p className="mb-2 text-sm">
        <Link href="/settings/email" className="text-brand-700 hover:underline">
          ← {t("backToList")}
        </Link>
      </p>
      <PageHeader
        title={subject}
        actions={
          <>
            {email.status === "failed" || email.status === "bounced" ? <RetryButton id={email.id} label={subject} /> : null}
            {email.status === "bounced" && email.blocked && email.personId ? <ClearBounceButton personId={email.personId} label={email.personName ?? ""} /> : null}
          </>
        }
      />
      <Card className="mb-6">
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2" data-testid="email-facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt className="rb-eyebrow">{label}</dt>
              <dd className="mt-0.5 break-words text-sm text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      {email.file ? (
        <>
          <Card className="mb-6">
            <h2 className="mb-2 text-lg font-semibold">{t("htmlPart")}</h2>
            {email.file.html ? (
              <iframe
                title={t("htmlFrame", { subject })}
                sandbox=""
                srcDoc={email.file.html}
                referrerPolicy="no-referrer"
                className="h-[32rem] w-full rounded-md border border-slate-200 bg-white"
                data-testid="email-html"
              />
            ) : (
              <p className="text-sm text-slate-600">{t("noPart")}</p>
            )}
          </Card>
          <Card className="mb-6">
            <h2 className="mb-2 text-lg font-semibold">{t("textPart")}</h2>
            <pre className="overflow-x-auto whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 text-sm" data-testid="email-text">
              {email.file.text ?? t("noPart")}
            </pre>
          </Card>
          <Card>
            <details>
              <summary className="cursor-pointer text-lg font-semibold">{t("headers")}</summary>
              <dl className="mt-3 space-y-1 text-sm">
                {email.file.headers.map(([k, v], i) => (
                  <div key={`${k}-${i}`} className="flex flex-wrap gap-x-2">
                    <dt className="font-mono font-semibold">{k}:</dt>
                    <dd className="break-all font-mono">{v}</dd>
                  </div>
                ))}
              </dl>
            </details>
          </Card>
        </>
      ) : (
        <p className="text-sm text-slate-600" data-testid="email-no-file">
          {email.status === "sent" ? t("noFileSmtp") : t("notWritten")}
        </p>
      )}
    </div>
  );
}

import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { PlainText } from "@/components/ui/plain-text";
import { formatDay } from "@/lib/core/format-dates";

/** A concern's thread as plain data (built by lib/concerns; no ids of people). */
export type ThreadViewData = {
  status: "open" | "answered" | "resolved" | "closed";
  closeReason: string | null;
  createdOn: string;
  addressees: string[];
  messages: {
    id: string;
    kind: "message" | "forward" | "close" | "resolve";
    fromAuthor: boolean;
    /** The addressee who wrote it; null for the concern's author. */
    authorName: string | null;
    forwardedToName: string | null;
    body: string;
    /** ISO time, or a day (YYYY-MM-DD). */
    createdAt: string;
  }[];
};

const TONES = { open: "amber", answered: "brand", resolved: "green", closed: "slate" } as const;

/**
 * A concern and its thread: status, whom it is addressed to, each entry (the author's are labelled
 * "the author", forwarding reads "forwarded to <name>"). Dates show as days only.
 */
export function ThreadView({ data, authorLabel }: { data: ThreadViewData; authorLabel?: string }) {
  const t = useTranslations("concerns.receipt.view");
  const format = useFormatter();
  const day = (iso: string) => formatDay(format, iso);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
        <span>
          {t("statusLabel")} <Badge tone={TONES[data.status]}>{t(`status.${data.status}`)}</Badge>
        </span>
        <span>{t("raisedOn", { date: day(data.createdOn) })}</span>
        <span>{t("addressedTo", { names: data.addressees.join(", ") || "—" })}</span>
      </div>
      <ol className="space-y-3">
        {data.messages.map((m) => {
          const who = m.fromAuthor ? (authorLabel ?? t("author")) : (m.authorName ?? t("someone"));
          return (
            <li key={m.id} className={`rounded-md border p-3 ${m.fromAuthor ? "border-slate-200 bg-white" : "border-brand-100 bg-brand-50"}`}>
              <p className="mb-1 text-xs text-slate-600">
                <span className="font-medium text-slate-800">{who}</span> · {day(m.createdAt)}
              </p>
              {m.kind === "forward" ? <p className="text-sm italic">{t("forwarded", { name: m.forwardedToName ?? t("someone") })}</p> : null}
              {m.kind === "resolve" ? <p className="text-sm italic">{t("resolvedEntry")}</p> : null}
              {m.kind === "close" ? <p className="text-sm italic">{t("closedEntry")}</p> : null}
              {m.body ? <PlainText className="text-sm">{m.body}</PlainText> : null}
            </li>
          );
        })}
      </ol>
      {data.status === "closed" && data.closeReason ? <p className="text-sm text-slate-700">{t("closeReason", { reason: data.closeReason })}</p> : null}
    </div>
  );
}

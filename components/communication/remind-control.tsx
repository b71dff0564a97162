import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { RemindButton } from "@/components/communication/remind-button";
import type { Tracking } from "@/lib/communication/tracking";
import type { ActionResult } from "@/lib/core/action-types";

/**
 * "Remind" on a tracking page: nothing when nobody is waiting; the button when someone may be
 * reminded now; otherwise a disabled button that says when the next reminder is possible (each
 * person is reminded about an item at most once in 24 hours).
 */
export async function RemindControl({
  tracking,
  action,
  input,
}: {
  tracking: Pick<Tracking, "waiting" | "nextReminderAt">;
  action: (prev: unknown, input: Record<string, unknown>) => Promise<ActionResult<{ reminded: number }>>;
  input: Record<string, unknown>;
}) {
  if (!tracking.waiting.length) return null;
  if (!tracking.nextReminderAt) return <RemindButton action={action} input={input} />;
  const t = await getTranslations("tracking");
  const format = await getFormatter();
  return (
    <button
      type="button"
      disabled
      data-testid="remind-next"
      className="inline-flex cursor-not-allowed items-center rounded-md border border-slate-300 bg-slate-100 px-3.5 py-2 text-sm font-medium text-slate-700"
    >
      {t("nextReminder", { when: format.dateTime(new Date(tracking.nextReminderAt), { dateStyle: "medium", timeStyle: "short" }) })}
    </button>
  );
}

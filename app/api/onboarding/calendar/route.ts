import { getTranslations } from "next-intl/server";
import { calendarFor } from "@/lib/onboarding/calendar";
import { getActor } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** The signed-in person's open onboarding items as an iCalendar file. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const t = await getTranslations("onboarding");
  const origin = new URL(request.url).origin;
  const body = calendarFor(actor, origin, { forHire: (title, name) => t("calendarFor", { title, name }) });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="rolebook-onboarding.ics"',
      "Cache-Control": "no-store",
    },
  });
}

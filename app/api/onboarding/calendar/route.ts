import { getTranslations } from "next-intl/server";
import { calendarFor, publicBaseUrl } from "@/lib/onboarding/calendar";
import { itemTextForReader } from "@/lib/onboarding/phrases-server";
import { getActor } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** The signed-in person's open onboarding items as an iCalendar file. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const t = await getTranslations("onboarding");
  const base = publicBaseUrl(process.env.APP_URL, request.headers, new URL(request.url).origin);
  const body = calendarFor(actor, base, { forHire: (title, name) => t("calendarFor", { title, name }), text: await itemTextForReader() });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="rolebook-onboarding.ics"',
      "Cache-Control": "no-store",
    },
  });
}

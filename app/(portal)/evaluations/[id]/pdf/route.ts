import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { getActor } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/core/errors";
import { parseId } from "@/lib/core/page";
import { renderEvaluationPdf } from "@/lib/evaluations/pdf";
import { evaluationForPrint, printFileName } from "@/lib/evaluations/print";
import { isLocale } from "@/i18n/config";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/** The evaluation as a PDF, in the reader's language and time zone; anything out of their scope is 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const id = parseId((await params).id);
  if (id === null) return notFound();
  let ev;
  try {
    ev = evaluationForPrint(actor, id);
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof ForbiddenError) return notFound();
    throw e;
  }
  const locale = await getLocale();
  const body = await renderEvaluationPdf(ev, {
    t: await getTranslations("evaluations"),
    format: await getFormatter(),
    locale: isLocale(locale) ? locale : "en",
    timeZone: await getTimeZone(),
  });
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${printFileName(ev)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

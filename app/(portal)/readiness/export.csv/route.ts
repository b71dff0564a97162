import { stringify } from "csv-stringify/sync";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { readinessExport } from "@/lib/capability/readiness";
import { csvSafe } from "@/lib/capability/csv";
import { ForbiddenError, NotFoundError } from "@/lib/core/errors";
import { parseId } from "@/lib/core/page";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/** The readiness matrix as CSV: the page's filters (team or typed team name, role), one row per person, responsibility and capability. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const url = new URL(request.url);
  const filter = (name: string): number | undefined | null => {
    const v = url.searchParams.get(name);
    return v === null || v === "" ? undefined : parseId(v);
  };
  const teamId = filter("team");
  const roleId = filter("role");
  if (teamId === null || roleId === null) return notFound();
  let rows;
  try {
    rows = readinessExport(actor, { teamId, teamName: url.searchParams.get("teamName")?.slice(0, 100) || undefined, roleId });
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof ForbiddenError) return notFound();
    throw e;
  }
  const t = await getTranslations("readiness");
  const header = [t("csv.person"), t("csv.email"), t("csv.team"), t("csv.role"), t("csv.responsibility"), t("csv.capability"), t("csv.state"), t("csv.validUntil"), t("csv.canDo")];
  const body = stringify(
    [
      header,
      ...rows.map((r) => [r.person, r.email, r.team, r.role, r.responsibility, r.capability, t(`state.${r.state}`), r.validUntil, r.canDoResponsibility ? t("csv.yes") : t("csv.no")].map(csvSafe)),
    ],
    { bom: true },
  );
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="rolebook-readiness.csv"',
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

import QRCode from "qrcode";
import { headers } from "next/headers";
import { getActor } from "@/lib/auth/session";
import { NotFoundError, ForbiddenError } from "@/lib/core/errors";
import { parseId } from "@/lib/core/page";
import { personalCode } from "@/lib/feedback/links";
import { publicBaseUrl } from "@/lib/onboarding/calendar";

/**
 * A personal rating QR code as an image (issue 12): `?format=svg` (default) or `png`, `&download=1`
 * to save it. Only for whoever may make links for the person (`mayMakeRatingLink`), and only when
 * the person has a code.
 */
export async function GET(request: Request, { params }: { params: Promise<{ personId: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Not found", { status: 404 });
  const personId = parseId((await params).personId);
  if (personId == null) return new Response("Not found", { status: 404 });
  let code;
  try {
    code = personalCode(actor, personId);
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof ForbiddenError) return new Response("Not found", { status: 404 });
    throw e;
  }
  if (!code.path) return new Response("Not found", { status: 404 });
  const url = `${publicBaseUrl(process.env.APP_URL, await headers(), new URL(request.url).origin)}${code.path}`;
  const search = new URL(request.url).searchParams;
  const png = search.get("format") === "png";
  const name = `rating-qr-${code.person.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || personId}`;
  const common: Record<string, string> = { "Cache-Control": "private, no-store" };
  if (search.get("download") === "1") common["Content-Disposition"] = `attachment; filename="${name}.${png ? "png" : "svg"}"`;
  if (png) {
    const buffer = await QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 2, width: 600 });
    return new Response(new Uint8Array(buffer), { headers: { ...common, "Content-Type": "image/png" } });
  }
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return new Response(svg, { headers: { ...common, "Content-Type": "image/svg+xml" } });
}

import { clientAddress } from "@/lib/auth/request-info";
import { createRatingLinkByApi } from "@/lib/feedback/api";
import { publicBaseUrl } from "@/lib/onboarding/calendar";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/rating-links: a per-service rating link for an employee, for systems around the
 * service desk (README, "API"). `Authorization: Bearer rbk_…`, JSON `{ "email", "reference" }`.
 */
export async function POST(request: Request) {
  let body: unknown = null;
  try {
    body = await request.json();
  } catch {
    body = null;
  }
  // The portal's public address (APP_URL, else AUTH_URL's origin), else the host the request came to.
  const configured = process.env.APP_URL || (URL.canParse(process.env.AUTH_URL ?? "") ? new URL(process.env.AUTH_URL!).origin : undefined);
  const origin = publicBaseUrl(configured, request.headers, new URL(request.url).origin);
  const result = createRatingLinkByApi({
    authorization: request.headers.get("authorization"),
    body,
    address: clientAddress(request.headers),
    origin,
  });
  return Response.json(result.body, { status: result.status, headers: { "Cache-Control": "no-store", ...result.headers } });
}

import { unsubscribe } from "@/lib/email/unsubscribe";

/**
 * RFC 8058 one-click unsubscribe: mail programs POST `List-Unsubscribe=One-Click` to the URL of the
 * digest's `List-Unsubscribe` header. No sign-in and no CSRF check: the signed token is the
 * authority and it can only turn that person's digest emails off. 200 on success, 400 for a token
 * that is not ours.
 */
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const groups = token ? unsubscribe(token) : null;
  if (!groups) return new Response("invalid token\n", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response("unsubscribed\n", { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
}
